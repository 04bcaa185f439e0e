/* The statistics source: read-only queries over the store that the XML
 * report, `tillit stats` and the statistics screen consume row by row.
 *
 * A report is one read transaction: everything read between report_open()
 * and report_close() comes from the same snapshot of the database, even while
 * another process records a session. report_open() works out the sets every
 * section counts from (see core/report.c) into a temporary database attached
 * to the store's connection as "report" for the report's lifetime; every
 * section is then a cursor over SQLite rows, so memory does not grow with the
 * number of records; the strings in a row point into the cursor and stay
 * valid until that cursor moves on. One report at a time per store.
 * The definitions of every number are in docs/report-format.md.
 * No curses, no XML. */
#ifndef TILLIT_REPORT_H
#define TILLIT_REPORT_H

#include "content.h"
#include "report_stats.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const char *from, *to;    /* YYYY-MM-DD, both inclusive; NULL: open */
    const char *curriculum;   /* a curriculum id; NULL: every curriculum */
    const char *organisation; /* an organisation name; NULL: every organisation */
    bool with_names;          /* participants' names instead of ids only */
} tl_report_filter;

typedef struct tl_report tl_report;

/* Starts the read transaction and prepares every query. lib (may be NULL)
 * tells which modules have a knowledge check; without it, a module counts as
 * having one when anyone in the report took it. */
tl_status report_open(tl_store *s, const tl_report_filter *f, const tl_library *lib, tl_report **out,
                      tl_error *err);
/* Ends the transaction; NULL is fine. */
void report_close(tl_report *r);

/* Knowledge gained, from the pre- and post-check (percent of max score). */
enum { REPORT_BANDS = 5 }; /* score bands of 20 points: 0-19.9 ... 80-100 */
typedef struct {
    int64_t pre_n, post_n, both_n; /* participants with a pre, a post, both */
    double pre_mean, post_mean;    /* meaningful when the count is > 0 */
    double gain_mean;              /* mean of post - pre, percentage points */
    int64_t improved;              /* of both_n: post above pre */
    int64_t pre_bands[REPORT_BANDS], post_bands[REPORT_BANDS]; /* participants per band */
} tl_report_knowledge;

typedef struct {
    int64_t sessions, group_sessions, self_sessions;
    int64_t attendances, participants, organisations;
    int64_t training_seconds;    /* sum over closed sessions of end - start */
    int64_t participant_seconds; /* the same, once per attendance (late or left
                                  * early: the minutes entered, when they were) */
    int64_t study_seconds;       /* time recorded on module pages */
    int64_t checklist_runs;
} tl_report_totals;

tl_status report_totals(tl_report *r, tl_report_totals *t, tl_error *err);

/* Each report_next_* fills row and sets *has; *has false: the section ended. */
typedef struct {
    const char *month; /* YYYY-MM */
    int64_t sessions, attendances, participants;
} tl_report_month;
tl_status report_next_month(tl_report *r, tl_report_month *row, bool *has, tl_error *err);

/* One organisation type at one level (operational / strategic). */
typedef struct {
    const char *org_type, *level;
    int64_t organisations, participants, attendances;
    tl_report_knowledge knowledge;
} tl_report_group;
tl_status report_next_group(tl_report *r, tl_report_group *row, bool *has, tl_error *err);

typedef struct {
    const char *name, *org_type;
    int64_t participants, attendances;
} tl_report_org;
tl_status report_next_organisation(tl_report *r, tl_report_org *row, bool *has, tl_error *err);

typedef struct {
    const char *id, *version;
    int64_t sessions, participants, attendances;
    tl_report_knowledge knowledge;
} tl_report_curriculum;
tl_status report_next_curriculum(tl_report *r, tl_report_curriculum *row, bool *has, tl_error *err);

/* The modules of the curriculum report_next_curriculum returned last. */
typedef struct {
    const char *id;
    int64_t participants, completions;
    bool has_check;
    int64_t check_takers, check_passed, attempts; /* participants, participants, attempts */
    double mean_score;                            /* percent, when attempts > 0 */
} tl_report_module;
tl_status report_next_module(tl_report *r, tl_report_module *row, bool *has, tl_error *err);

typedef struct {
    const char *uuid, *kind; /* kind: "group" or "self" */
    const char *curriculum_id, *curriculum_version, *content_hash;
    const char *date, *start_time, *end_time; /* end_time NULL while open */
    const char *trainer, *location, *description; /* may be NULL */
} tl_report_session;
tl_status report_next_session(tl_report *r, tl_report_session *row, bool *has, tl_error *err);

/* Everyone recorded in the session report_next_session returned last. */
typedef struct {
    const char *participant; /* the participant's UUID */
    const char *name;        /* NULL unless with_names and a name is known */
    const char *level, *organisation, *org_type;
    const char *status; /* attendance status; NULL when none was recorded */
    int64_t minutes;    /* late or left early: the minutes taken part; -1: not entered */
} tl_report_attendee;
tl_status report_next_attendee(tl_report *r, tl_report_attendee *row, bool *has, tl_error *err);

/* The attendee's module progress and check attempts in that session. */
typedef struct {
    const char *module_id;
    int64_t page, pages_total, seconds;
    const char *started_at, *completed_at; /* completed_at NULL when not completed */
} tl_report_progress;
tl_status report_next_progress(tl_report *r, tl_report_progress *row, bool *has, tl_error *err);

typedef struct {
    const char *uuid, *check_id, *phase;
    int64_t number;
    const char *started_at, *finished_at; /* finished_at NULL while unfinished */
    bool scored;                          /* score, max_score and passed are set */
    int64_t score, max_score;
    bool passed;
} tl_report_attempt;
tl_status report_next_attempt(tl_report *r, tl_report_attempt *row, bool *has, tl_error *err);

typedef struct {
    const char *question_id;
    unsigned chosen; /* bit i: choice i was chosen */
    bool correct;
} tl_report_answer;
tl_status report_next_answer(tl_report *r, tl_report_answer *row, bool *has, tl_error *err);

/* Checklist use as anonymous counts, one row per checklist, month and
 * outcome, ordered so that a checklist's months and a month's outcomes come
 * together. outcome_id NULL: not assessed yet. */
typedef struct {
    const char *checklist_id, *month, *outcome_id;
    int64_t runs;           /* of this checklist, month and outcome */
    int64_t checklist_runs; /* of this checklist in the whole period */
    int64_t month_runs;     /* of this checklist in this month */
} tl_report_checklist_use;
tl_status report_next_checklist_use(tl_report *r, tl_report_checklist_use *row, bool *has,
                                    tl_error *err);

/* Question analysis: each knowledge-check question with at least
 * QUESTION_MIN_ANSWERS answers in finished attempts of the report, per
 * curriculum version and check (pre and post together), ordered by
 * curriculum, version, check and question. */
typedef struct {
    const char *curriculum_id, *curriculum_version, *check_id, *question_id;
    int64_t answers, right;
    tl_question_stats stats;
} tl_report_question;
tl_status report_next_question(tl_report *r, tl_report_question *row, bool *has, tl_error *err);

/* Indicator counts: per checklist and indicator answered in the runs of
 * the period, how many runs answered it yes, with the small-cell rule
 * applied (report_stats.h); a merge's imported cells are added as they
 * came. Ordered by checklist and indicator. */
typedef struct {
    const char *checklist_id, *indicator_id;
    tl_protected_count yes;
} tl_report_indicator;
tl_status report_next_indicator(tl_report *r, tl_report_indicator *row, bool *has, tl_error *err);

#endif
