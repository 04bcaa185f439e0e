/* The SQLite store: one file per site, created 0600 in a 0700 folder, with a
 * versioned schema (PRAGMA user_version) and this program's application_id.
 * Every call commits before it returns, so a killed process loses nothing
 * that a call has reported as done. No curses, no XML. */
#ifndef TILLIT_STORE_H
#define TILLIT_STORE_H

#include "model.h"
#include "status.h"

#include <stdint.h>
#include <sys/types.h>

#define TL_STORE_APPLICATION_ID 0x54494C4C /* "TILL" */

typedef struct tl_store tl_store;
typedef int64_t tl_id;

/* $TILLIT_DB, else $XDG_DATA_HOME/tillit/tillit.db, else
 * $HOME/.local/share/tillit/tillit.db. */
tl_status store_default_path(char *buf, size_t size, tl_error *err);

/* Opens or creates the database at path. create_dirs: make missing parent
 * folders (0700), as for the default path. Refuses, without changing
 * anything: a file that is not a SQLite database, a SQLite database of another
 * program, a newer schema than this program knows, an unwritable file. */
tl_status store_open(const char *path, bool create_dirs, tl_store **out, tl_error *err);
/* The one way the program opens its database: path as given (--db), or
 * when NULL the default path (store_default_path, missing folders made
 * 0700). used (size bytes, may be NULL) gets the path opened. */
tl_status store_open_chosen(const char *path, tl_store **out, char *used, size_t size, tl_error *err);
/* store_open_chosen for a command that only reads or changes what is there:
 * a database that does not exist is TL_NOINPUT, and none is made. */
tl_status store_open_existing(const char *path, tl_store **out, tl_error *err);
void store_close(tl_store *s);
/* The mode a new database at path gets: 0660 in a folder that is setgid and
 * whose group may read, write and enter it (a group's shared folder), else
 * 0600. Its WAL and shared-memory files get the same. */
mode_t store_file_mode(const char *path);
int store_schema_version(tl_store *s);

/* One transaction around several calls, for a workflow whose writes belong
 * together (an answer and the outcome it leads to; a participant and their
 * attendance): everything between store_begin and store_commit is kept
 * together or not at all. Not nested. store_rollback undoes an open
 * transaction (nothing when none is open). */
tl_status store_begin(tl_store *s, tl_error *err);
tl_status store_commit(tl_store *s, tl_error *err);
void store_rollback(tl_store *s);
/* Runs store_rollback when st is not TL_OK, else store_commit; the status. */
tl_status store_end(tl_store *s, tl_status st, tl_error *err);

/* Fills b with size random bytes from the kernel. */
tl_status random_bytes(unsigned char *b, size_t size, tl_error *err);
/* Fills out (37 bytes) with a new random UUID (version 4). */
tl_status make_uuid(char out[37], tl_error *err);

/* ---- people and organisations ---- */
typedef enum {
    TL_ORG_SOCIAL_SERVICES, TL_ORG_ENVIRONMENTAL_HEALTH, TL_ORG_POLICE, TL_ORG_MIGRATION,
    TL_ORG_HEALTH_CARE, TL_ORG_OTHER_AUTHORITY, TL_ORG_NGO, TL_ORG_TYPE_COUNT
} tl_org_type;
extern const char *const tl_org_type_names[TL_ORG_TYPE_COUNT];

typedef enum { TL_LEVEL_OPERATIONAL, TL_LEVEL_STRATEGIC, TL_LEVEL_COUNT } tl_level;
extern const char *const tl_level_names[TL_LEVEL_COUNT];

/* Taking part: present, late, left early, remote (core/store_edit.h: the
 * minutes of someone late or leaving early); not: excused, absent. */
typedef enum {
    TL_ATT_PRESENT, TL_ATT_LATE, TL_ATT_LEFT_EARLY, TL_ATT_REMOTE, TL_ATT_EXCUSED, TL_ATT_ABSENT, TL_ATT_COUNT
} tl_attendance;
/* Who takes part in what a session presents (the course, its knowledge
 * checks) and so counts as having attended: everyone on the roll call but
 * the excused and the absent. */
bool attendance_takes_part(tl_attendance status);
/* The statuses whose minutes are entered (late, left early): the others
 * take part for the whole session or not at all. */
bool attendance_counts_minutes(tl_attendance status);
extern const char *const tl_attendance_names[TL_ATT_COUNT];

/* The organisation with this name and type, created when new. */
tl_status store_organisation(tl_store *s, const char *name, tl_org_type type, tl_id *id, tl_error *err);
/* name may be NULL: participants are pseudonymous unless a name is given. */
tl_status store_participant_add(tl_store *s, const char *name, tl_id org, tl_level level, tl_id *id,
                                tl_error *err);

/* ---- training sessions ---- */
typedef enum { TL_SESSION_GROUP, TL_SESSION_SELF } tl_session_kind;

typedef struct {
    tl_session_kind kind;
    const char *curriculum_id, *curriculum_version, *content_hash;
    const char *date, *start_time; /* YYYY-MM-DD, HH:MM */
    const char *location, *trainer, *description; /* may be NULL */
} tl_session_info;

tl_status store_session_create(tl_store *s, const tl_session_info *info, tl_id *id, char uuid[37],
                               tl_error *err);
tl_status store_session_close(tl_store *s, tl_id session, const char *end_time, tl_error *err);
tl_status store_attendance_set(tl_store *s, tl_id session, tl_id participant, tl_attendance status,
                               const char *remark, tl_error *err);
/* Records that participant is on page (0-based) of module; adds seconds. */
tl_status store_progress_set(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                             int page, int pages_total, int seconds, bool completed, tl_error *err);

/* ---- knowledge checks ---- */
typedef enum { TL_PHASE_MODULE, TL_PHASE_PRE, TL_PHASE_POST } tl_phase;
extern const char *const tl_phase_names[3];

tl_status store_attempt_start(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                              tl_phase phase, tl_id *attempt, tl_error *err);
/* chosen: bit i set when choice i was chosen. */
tl_status store_answer_record(tl_store *s, tl_id attempt, const char *question_id, unsigned chosen,
                              bool correct, tl_error *err);
tl_status store_attempt_finish(tl_store *s, tl_id attempt, int score, int max_score, bool passed,
                               tl_error *err);

/* ---- checklist runs ---- */
/* A run as stored; the texts of any length are owned (tl_run_info_clear). */
typedef struct {
    tl_id id;
    char uuid[37];
    char *checklist_id, *checklist_version;
    char content_hash[17];
    char *case_ref;
    char *case_note; /* a note on the whole case, or NULL */
    char created_at[21], updated_at[21];
    int answered;
} tl_run_info;
void tl_run_info_clear(tl_run_info *info);

tl_status store_run_create(tl_store *s, const tl_content *checklist, const char *case_ref,
                           tl_id *run, tl_error *err);
/* Stores an indicator's answer and note. TL_A_NONE: a note before the
 * answer (with no note, nothing is kept for the indicator). */
tl_status store_run_answer(tl_store *s, tl_id run, const char *indicator_id, tl_answer answer,
                           const char *note, tl_error *err);
/* Sets (NULL: removes) the note on the whole case. */
tl_status store_run_case_note(tl_store *s, tl_id run, const char *note, tl_error *err);
/* *info (zeroed or read before) is replaced only when the run was read. */
tl_status store_run_get(tl_store *s, tl_id run, tl_run_info *info, tl_error *err);
/* Reads the answers of run into answers[] (indexed like cl->indicators);
 * notes[] (may be NULL) gets malloc'ed strings or NULL. Answers to
 * indicators that the checklist no longer has are ignored. */
tl_status store_run_answers(tl_store *s, tl_id run, const tl_checklist *cl, tl_answer *answers,
                            char **notes, tl_error *err);

/* Runs a read-only query for tests and statistics: one integer result. */
tl_status store_count(tl_store *s, const char *sql, int64_t *out, tl_error *err);

/* ---- checklist runs: the resume list and the outcome ---- */
typedef struct {
    tl_run_info info;
    char outcome_id[65];  /* "" until an outcome was recorded */
    char finished_at[21]; /* "" while not finished */
} tl_run_entry;

/* The runs of one checklist, most recently changed first, at most max of
 * them: *runs malloc'ed, *n of them (tl_run_entries_free). */
tl_status store_run_list(tl_store *s, const char *checklist_id, size_t max, tl_run_entry **runs, size_t *n,
                         tl_error *err);
void tl_run_entries_free(tl_run_entry *runs, size_t n);
/* Records the outcome that the run's answers give now (the checklist's
 * outcome id), so that statistics can count outcomes without the answers. */
tl_status store_run_set_outcome(tl_store *s, tl_id run, const char *outcome_id, tl_error *err);
/* Marks the run finished now (a change: updated_at too); answers may still
 * change afterwards. */
tl_status store_run_finish(tl_store *s, tl_id run, tl_error *err);

#endif
