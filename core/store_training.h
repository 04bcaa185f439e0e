/* Reading back training records: the lists and positions that the training
 * screens need to continue a session or resume self-study. */
#ifndef TILLIT_STORE_TRAINING_H
#define TILLIT_STORE_TRAINING_H

#include "store.h"

/* The rows below own their texts (malloc'ed, any length, "" when empty):
 * each has a _clear (one row) and a _free (an array of them). */
typedef struct {
    tl_id id;
    char uuid[37];
    tl_session_kind kind;
    char *curriculum_id;
    char date[11], start_time[9], end_time[9];
    char *location, *trainer, *description;
    int attendees;
    /* self-study: the learner */
    tl_id participant;
    char *learner;          /* name, or "" when pseudonymous */
    char *organisation;
    char updated_at[21];    /* last progress, for ordering */
    bool cancelled;         /* out of the statistics until restored */
} tl_session_row;

typedef struct {
    tl_id participant;
    char uuid[37];
    char *name;
    char *organisation;
    tl_org_type org_type;
    tl_level level;
    tl_attendance status;
    char *remark;
    int minutes; /* taken part when late or left early, -1 not entered (store_attendees only) */
} tl_attendee_row;

typedef struct {
    tl_id id;
    char *name;
    tl_org_type type;
} tl_org_row;

void tl_session_row_clear(tl_session_row *r);
void tl_session_rows_free(tl_session_row *rows, size_t n);
void tl_attendee_row_clear(tl_attendee_row *r);
void tl_attendee_rows_free(tl_attendee_row *rows, size_t n);
void tl_org_rows_free(tl_org_row *rows, size_t n);

/* Sessions of one kind, most recently used first, at most max; open_only:
 * not closed yet. *rows is malloc'ed. */
tl_status store_sessions_list(tl_store *s, tl_session_kind kind, bool open_only, size_t max,
                              tl_session_row **rows, size_t *n, tl_error *err);
/* *row is replaced only when the session was read. */
tl_status store_session_get(tl_store *s, tl_id id, tl_session_row *row, tl_error *err);
/* The roll call of a session, in the order they were added. */
tl_status store_attendees(tl_store *s, tl_id session, tl_attendee_row **rows, size_t *n, tl_error *err);
/* Every organisation, in Swedish name order. */
tl_status store_organisations(tl_store *s, tl_org_row **rows, size_t *n, tl_error *err);

/* Where the participant last was (participant 0: anyone in the session, so
 * where a group's course last was): module id and page; *found false if
 * nowhere. */
tl_status store_progress_latest(tl_store *s, tl_id session, tl_id participant, char module_id[65],
                                int *page, bool *found, tl_error *err);
/* The latest unfinished attempt at a check (0 when none). */
tl_status store_attempt_open(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                             tl_phase phase, tl_id *attempt, tl_error *err);
/* The answers of an attempt: chosen[i] for questions[i] of k, -1 when unanswered. */
tl_status store_attempt_answers(tl_store *s, tl_id attempt, const tl_check *k, int64_t *chosen,
                                tl_error *err);
/* The best finished attempt: *found false when there is none. */
tl_status store_check_best(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                           tl_phase phase, bool *passed, int *score, int *max, bool *found,
                           tl_error *err);
/* How many modules of the session the participant has completed. */
tl_status store_modules_completed(tl_store *s, tl_id session, tl_id participant, int *count,
                                  tl_error *err);
/* Progress of one module: pages seen (highest page + 1), seconds, completed. */
tl_status store_module_progress(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                                int *pages_seen, int *seconds, bool *completed, tl_error *err);
/* Marks a self-study session complete: every module passed. */
tl_status store_session_complete(tl_store *s, tl_id session, tl_error *err);

/* ---- recognising a participant who comes back ---- */
typedef struct {
    /* participant, name, organisation, level; status and remark only when
     * in_session */
    tl_attendee_row person;
    bool in_session;    /* on the roll call of the session asked about */
    char last_seen[11]; /* date of their latest session, or when registered */
} tl_known_participant;

void tl_known_rows_free(tl_known_participant *rows, size_t n);

/* Participants with a name (pseudonymous ones cannot be recognised) whose
 * name contains fragment (NULL or "": all of them): case aside as the
 * collation sees it (collate_fold); spaces around fragment ignored; % and _
 * are plain characters. In Swedish name order, then organisation, then the
 * most recently seen first; at most max. in_session: on the roll call of
 * session (0: none). */
tl_status store_participants_named(tl_store *s, const char *fragment, tl_id session, size_t max,
                                   tl_known_participant **rows, size_t *n, tl_error *err);
/* Puts a participant on a session's roll call with status, unless they are
 * on it already: then *added is false and nothing changes (their status and
 * remark stay). */
tl_status store_attendance_add(tl_store *s, tl_id session, tl_id participant, tl_attendance status,
                               bool *added, tl_error *err);

/* ---- a learner's own record (core/learner.h) ---- */

/* The participant's personal code for self-study, "" when none yet. */
tl_status store_participant_code(tl_store *s, tl_id person, char code[8], tl_error *err);
/* Gives the participant code, unless another has it: then *taken and
 * nothing changes. */
tl_status store_participant_code_set(tl_store *s, tl_id person, const char *code, bool *taken, tl_error *err);
/* The participant's name as registered (malloc'ed, "" when pseudonymous). */
tl_status store_participant_name(tl_store *s, tl_id person, char **name, tl_error *err);
/* The participant with this personal code, 0 when none. */
tl_status store_participant_by_code(tl_store *s, const char *code, tl_id *person, tl_error *err);
/* Up to two participants named exactly name in an organisation named
 * exactly organisation (case aside as the collation sees it, spaces around
 * ignored): *n of them in ids. */
tl_status store_participants_exactly(tl_store *s, const char *name, const char *organisation, tl_id ids[2],
                                     size_t *n, tl_error *err);
/* The self-study sessions of one participant, most recently used first, at
 * most max. */
tl_status store_self_studies(tl_store *s, tl_id person, size_t max, tl_session_row **rows, size_t *n,
                             tl_error *err);

#endif
