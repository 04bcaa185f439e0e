/* The training session workflow: a trainer's group session (open it, add
 * attendees, mark their status, close it) and a learner's self-study
 * session, with the lists the screens pick from (sessions, organisations,
 * people registered before). Each action is one call; one that writes
 * more than one row does so in one transaction, so the database never holds
 * a participant without their attendance. No curses. */
#ifndef TILLIT_TRAINING_SESSION_H
#define TILLIT_TRAINING_SESSION_H

#include "learner.h"
#include "store_edit.h"
#include "store_training.h"

/* A session with its roll call, as the store holds it. */
typedef struct {
    tl_session_row info;
    tl_attendee_row *attendees;
    size_t n;
} tl_training_session;

/* What a new session is given; the curriculum's id, version and hash come
 * from the content. Texts may be NULL or "". */
typedef struct {
    const char *date, *start_time; /* YYYY-MM-DD, HH:MM */
    const char *location, *trainer, *description;
} tl_session_start;

/* The longest name of a person or an organisation, and the longest remark,
 * that can be entered (in bytes of UTF-8; the prompts hold this much and
 * say so when the text reaches it). Stored texts have no limit. */
enum { TL_NAME_MAX_BYTES = 1000, TL_REMARK_MAX_BYTES = 1000 };

/* Someone new: name NULL or "" for a pseudonymous participant. */
typedef struct {
    const char *name;
    tl_id organisation;
    tl_level level;
} tl_new_person;

/* Opens a new group session of curriculum and reads it into *out. */
tl_status training_session_open(tl_store *s, const tl_content *curriculum, const tl_session_start *start,
                                tl_training_session *out, tl_error *err);
/* Reads session id and its roll call into *out (replacing what it held). */
tl_status training_session_load(tl_store *s, tl_id id, tl_training_session *out, tl_error *err);
void training_session_clear(tl_training_session *ts);
/* The index of participant on the roll call, ts->n when not on it. */
size_t training_session_find(const tl_training_session *ts, tl_id participant);

/* Registers someone new and puts them on the roll call as present, in one
 * transaction; *person gets the participant. */
tl_status training_session_add_new(tl_store *s, tl_training_session *ts, const tl_new_person *who,
                                   tl_id *person, tl_error *err);
/* Puts someone registered before on the roll call as present; *added is
 * false when they are on it already (their status and remark stay). */
tl_status training_session_add_known(tl_store *s, tl_training_session *ts, tl_id participant, bool *added,
                                     tl_error *err);
/* Sets the status and remark (NULL or "": none) of attendee i, and for
 * someone late or leaving early the minutes they took part (-1: not
 * entered, the whole session counts), in one transaction. */
tl_status training_session_mark(tl_store *s, tl_training_session *ts, size_t i, tl_attendance status,
                                const char *remark, int minutes, tl_error *err);
/* Closes the session with its end time (HH:MM). */
tl_status training_session_close(tl_store *s, tl_training_session *ts, const char *end_time, tl_error *err);

/* ---- correcting a session (nothing entered is final) ----
 * A closed session is corrected by reopening it first: adding, marking,
 * editing and removing attendees and editing the details are refused
 * (TL_DATAERR) while it is closed, so that a finished record does not
 * change by a stray key. Cancelling and restoring work either way. */

/* True when the session has been closed (it has an end time). */
bool training_session_closed(const tl_training_session *ts);
/* Attendee i corrected as *e says (store_attendee_edit: the person in
 * every session, the attendance in this one), in one transaction. */
tl_status training_session_edit_attendee(tl_store *s, tl_training_session *ts, size_t i, const tl_attendee_edit *e,
                                         tl_error *err);
/* Takes attendee i off the roll call with their pages, checks and answers
 * in this session (store_attendee_remove). The screen confirms first. */
tl_status training_session_remove_attendee(tl_store *s, tl_training_session *ts, size_t i, tl_error *err);
/* The session's date, start time, place, trainer and description (texts
 * NULL or "": none); e->end_time is ignored: an open session has none. */
tl_status training_session_edit_details(tl_store *s, tl_training_session *ts, const tl_session_edit *e,
                                        tl_error *err);
/* Cancelled (out of the statistics and the report, still listed) or
 * restored (cancelled false). */
tl_status training_session_cancel(tl_store *s, tl_training_session *ts, bool cancelled, tl_error *err);
/* A closed session open again, without its end time (closing asks again). */
tl_status training_session_reopen(tl_store *s, tl_training_session *ts, tl_error *err);

/* How an attendee is named: the name, or without one their place on the
 * roll call (1 the first): "Attendee 3" ("Deltagare 3"), never a code. */
void attendee_label(const char *name, size_t place, char *out, size_t size);

/* A self-study session of curriculum for a learner registered before
 * (learner != 0) or someone new (learner 0: *who), with the learner's
 * attendance and personal code (learner_code), all in one transaction.
 * *session and *person get the ids, code the learner's code. */
tl_status self_study_start(tl_store *s, const tl_content *curriculum, const tl_session_start *start,
                           tl_id learner, const tl_new_person *who, tl_id *session, tl_id *person,
                           tl_study_code code, tl_error *err);

/* ---- the lists the screens pick from (free each with its _free) ---- */

/* Not finished yet: not closed (a self-study: not completed) and not
 * cancelled. A list to resume from selects the first of these. */
bool training_session_unfinished(const tl_session_row *r);
/* Sessions of a kind, most recently used first, at most max. */
tl_status training_sessions_list(tl_store *s, tl_session_kind kind, bool open_only, size_t max,
                                 tl_session_row **rows, size_t *n, tl_error *err);
/* Every organisation, in Swedish name order. */
tl_status organisations_list(tl_store *s, tl_org_row **rows, size_t *n, tl_error *err);
/* The organisations' names, each once (the same name may have two types;
 * the report's filter is by name), in Swedish order; free with
 * organisation_names_free. */
tl_status organisation_names(tl_store *s, char ***names, size_t *n, tl_error *err);
void organisation_names_free(char **names, size_t n);
/* The organisation with this name (1 to TL_NAME_MAX_BYTES bytes) and
 * type, created when new. */
tl_status organisation_add(tl_store *s, const char *name, tl_org_type type, tl_id *id, tl_error *err);
/* People registered with a name containing fragment (store_participants_named),
 * at most max + 1 of them: one more than max says that there are more. */
tl_status people_named(tl_store *s, const char *fragment, tl_id session, size_t max,
                       tl_known_participant **rows, size_t *n, tl_error *err);

#endif
