/* Correcting what was recorded: nothing entered is final. An attendee's
 * details and attendance, a person taken off a roll call, a session's
 * details, a session cancelled (and restored) or reopened, a checklist run
 * deleted for good. Each call is one transaction, committed before it
 * returns. Screens ask for confirmation before the calls that lose data
 * (store_attendee_remove, store_run_delete); these do not ask. No curses. */
#ifndef TILLIT_STORE_EDIT_H
#define TILLIT_STORE_EDIT_H

#include "store.h"

/* An attendee as the trainer corrects them: the person (name, organisation,
 * level: the same person in every session) and their attendance in this
 * session. name NULL or "": pseudonymous. minutes: the minutes they took
 * part when late or left early (-1: not entered, the whole session counts);
 * ignored for the other statuses. */
typedef struct {
    const char *name;
    const char *organisation;
    tl_org_type org_type;
    tl_level level;
    tl_attendance status;
    const char *remark; /* NULL or "": none */
    int minutes;
} tl_attendee_edit;

tl_status store_attendee_edit(tl_store *s, tl_id session, tl_id participant, const tl_attendee_edit *e,
                              tl_error *err);
/* The minutes a late or early-leaving attendee took part (1-1440; -1: not
 * entered). TL_DATAERR for another status or a number out of range. */
tl_status store_attendance_minutes(tl_store *s, tl_id session, tl_id participant, int minutes,
                                   tl_error *err);
/* Takes the participant off the session's roll call with what they did in
 * it (pages, checks, answers); a person left with no record anywhere is
 * removed too, so no name stays behind without a reason. */
tl_status store_attendee_remove(tl_store *s, tl_id session, tl_id participant, tl_error *err);

/* A session's details as corrected: date YYYY-MM-DD, times HH:MM (end_time
 * NULL: still open), the rest NULL or "" for none. */
typedef struct {
    const char *date, *start_time, *end_time;
    const char *location, *trainer, *description;
} tl_session_edit;
tl_status store_session_edit(tl_store *s, tl_id session, const tl_session_edit *e, tl_error *err);
/* Cancelled: kept, shown as cancelled, out of the statistics and the report
 * until restored (cancelled false). */
tl_status store_session_cancel(tl_store *s, tl_id session, bool cancelled, tl_error *err);
tl_status store_session_is_cancelled(tl_store *s, tl_id session, bool *cancelled, tl_error *err);
/* Open again to correct it: not closed, no end time (closing asks again). */
tl_status store_session_reopen(tl_store *s, tl_id session, tl_error *err);

/* ---- a knowledge check's answers corrected (knowledge_check.c) ---- */
/* The answer to question_id in attempt taken back (an attendee skipped
 * after all). */
tl_status store_answer_clear(tl_store *s, tl_id attempt, const char *question_id, tl_error *err);
/* A finished attempt without a result again: every answer was taken back. */
tl_status store_attempt_unfinish(tl_store *s, tl_id attempt, tl_error *err);
/* The module no longer completed in the session unless an attempt at its
 * check there is passed (a corrected answer that fails the check). */
tl_status store_module_uncomplete(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                                  const char *check_id, tl_error *err);

/* Deletes a checklist run and its answers and notes for good: with SQLite's
 * secure_delete the freed pages are overwritten, and the write-ahead log is
 * checkpointed and truncated, so the case reference is in neither file
 * afterwards. */
tl_status store_run_delete(tl_store *s, tl_id run, tl_error *err);

#endif
