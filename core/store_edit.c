#include "store_edit.h"

#include "access_log.h"
#include "dates.h"
#include "store_internal.h"
#include "utf8.h"

#include <string.h>

typedef tl_status (*edit_fn)(tl_store *s, const void *ctx, tl_error *err);

/* Runs edit as one transaction: all of it is stored, or nothing. */
static tl_status in_transaction(tl_store *s, edit_fn edit, const void *ctx, tl_error *err)
{
    tl_status st = sql_run(s, err, NULL, "BEGIN IMMEDIATE", "");
    if (st != TL_OK)
        return st;
    st = edit(s, ctx, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "COMMIT", "");
    if (st != TL_OK)
        sql_run(s, NULL, NULL, "ROLLBACK", "");
    return st;
}

/* TL_NOINPUT when the last statement changed no row: what it names is gone. */
static tl_status changed_one(tl_store *s, tl_status st, const char *what, tl_id id, tl_error *err)
{
    if (st == TL_OK && sqlite3_changes(s->db) == 0)
        return tl_fail(err, TL_NOINPUT, "no %s %lld (removed meanwhile?)", what, (long long)id);
    return st;
}

static const char *or_null(const char *text)
{
    return text && *text ? text : NULL;
}

bool attendance_takes_part(tl_attendance status)
{
    return status != TL_ATT_EXCUSED && status != TL_ATT_ABSENT;
}

bool attendance_counts_minutes(tl_attendance status)
{
    return status == TL_ATT_LATE || status == TL_ATT_LEFT_EARLY;
}

static tl_status check_minutes(tl_attendance status, int minutes, tl_error *err)
{
    if (minutes == -1)
        return TL_OK;
    if (!attendance_counts_minutes(status))
        return tl_fail(err, TL_DATAERR, "minutes are entered only for someone late or leaving early");
    if (minutes < 1 || minutes > 24 * 60)
        return tl_fail(err, TL_DATAERR, "%d minutes: a number from 1 to 1440", minutes);
    return TL_OK;
}

/* ---- attendees ---- */

typedef struct {
    tl_id session, participant;
    const tl_attendee_edit *e;
} attendee_ctx;

static tl_status check_attendee(const tl_attendee_edit *e, tl_error *err)
{
    long org_chars = e->organisation ? utf8_text_chars(e->organisation) : -1;
    if (org_chars < 1 || org_chars > 1000)
        return tl_fail(err, TL_DATAERR, "an organisation needs a name of 1 to 1000 characters");
    long name_chars = e->name ? utf8_text_chars(e->name) : 0;
    if (name_chars < 0 || name_chars > 1000)
        return tl_fail(err, TL_DATAERR, "a name is text of at most 1000 characters");
    if ((unsigned)e->status >= TL_ATT_COUNT || (unsigned)e->level >= TL_LEVEL_COUNT ||
        (unsigned)e->org_type >= TL_ORG_TYPE_COUNT)
        return tl_fail(err, TL_DATAERR, "an unknown status, level or organisation type");
    return check_minutes(e->status, e->minutes, err);
}

static tl_status edit_attendee(tl_store *s, const void *ctx, tl_error *err)
{
    const attendee_ctx *c = ctx;
    const tl_attendee_edit *e = c->e;
    tl_id org;
    tl_status st = store_organisation(s, e->organisation, e->org_type, &org, err);
    if (st == TL_OK)
        st = changed_one(s,
                         sql_run(s, err, NULL,
                                 "UPDATE participant SET name = ?, organisation_id = ?, level = ? WHERE id = ?",
                                 "titi", or_null(e->name), (int64_t)org, tl_level_names[e->level],
                                 (int64_t)c->participant),
                         "participant", c->participant, err);
    if (st == TL_OK)
        st = changed_one(s,
                         sql_run(s, err, NULL,
                                 "UPDATE attendance SET status = ?, remark = ?, minutes = nullif(?, -1) "
                                 "WHERE session_id = ? AND participant_id = ?",
                                 "ttiii", tl_attendance_names[e->status], or_null(e->remark),
                                 (int64_t)(attendance_counts_minutes(e->status) ? e->minutes : -1),
                                 (int64_t)c->session, (int64_t)c->participant),
                         "attendee", c->participant, err);
    /* An organisation that nobody belongs to any more was a typo. */
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                     "DELETE FROM organisation WHERE id NOT IN (SELECT organisation_id FROM participant)", "");
    return st;
}

tl_status store_attendee_edit(tl_store *s, tl_id session, tl_id participant, const tl_attendee_edit *e,
                              tl_error *err)
{
    tl_status st = check_attendee(e, err);
    attendee_ctx c = {session, participant, e};
    return st == TL_OK ? in_transaction(s, edit_attendee, &c, err) : st;
}

tl_status store_attendance_minutes(tl_store *s, tl_id session, tl_id participant, int minutes,
                                   tl_error *err)
{
    char status[32] = "";
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err, "SELECT status FROM attendance WHERE session_id = ? AND participant_id = ?",
                             "ii", (int64_t)session, (int64_t)participant);
    if (st != TL_OK)
        return st;
    if (sqlite3_step(q) == SQLITE_ROW)
        sql_text(q, 0, status, sizeof status);
    sqlite3_finalize(q);
    int index = -1;
    for (int i = 0; i < TL_ATT_COUNT; i++)
        if (strcmp(status, tl_attendance_names[i]) == 0)
            index = i;
    if (index < 0)
        return tl_fail(err, TL_NOINPUT, "no attendee %lld in session %lld", (long long)participant,
                       (long long)session);
    st = check_minutes((tl_attendance)index, minutes, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "UPDATE attendance SET minutes = nullif(?, -1) WHERE session_id = ? AND participant_id = ?",
                     "iii", (int64_t)minutes, (int64_t)session, (int64_t)participant);
    return st;
}

static tl_status remove_attendee(tl_store *s, const void *ctx, tl_error *err)
{
    const attendee_ctx *c = ctx;
    static const char *const removals[] = {
        "DELETE FROM check_attempt WHERE session_id = ? AND participant_id = ?",
        "DELETE FROM module_progress WHERE session_id = ? AND participant_id = ?",
        "DELETE FROM attendance WHERE session_id = ? AND participant_id = ?",
    };
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < sizeof removals / sizeof removals[0]; i++)
        st = sql_run(s, err, NULL, removals[i], "ii", (int64_t)c->session, (int64_t)c->participant);
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                     "DELETE FROM participant WHERE id = ? "
                     "AND NOT EXISTS (SELECT 1 FROM attendance WHERE participant_id = ?) "
                     "AND NOT EXISTS (SELECT 1 FROM module_progress WHERE participant_id = ?) "
                     "AND NOT EXISTS (SELECT 1 FROM check_attempt WHERE participant_id = ?)",
                     "iiii", (int64_t)c->participant, (int64_t)c->participant, (int64_t)c->participant,
                     (int64_t)c->participant);
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                     "DELETE FROM organisation WHERE id NOT IN (SELECT organisation_id FROM participant)", "");
    return st;
}

tl_status store_attendee_remove(tl_store *s, tl_id session, tl_id participant, tl_error *err)
{
    attendee_ctx c = {session, participant, NULL};
    return in_transaction(s, remove_attendee, &c, err);
}

/* ---- sessions ---- */

static tl_status check_session(const tl_session_edit *e, tl_error *err)
{
    if (!e->date || !iso_date_valid(e->date))
        return tl_fail(err, TL_DATAERR, "'%s' is not a date (YYYY-MM-DD)", e->date ? e->date : "");
    const char *times[] = {e->start_time, e->end_time};
    for (int i = 0; i < 2; i++)
        if ((i == 0 || times[i]) && (!times[i] || !hhmm_valid(times[i])))
            return tl_fail(err, TL_DATAERR, "'%s' is not a time (HH:MM)", times[i] ? times[i] : "");
    const char *texts[] = {e->location, e->trainer, e->description};
    for (int i = 0; i < 3; i++) {
        long chars = texts[i] ? utf8_text_chars(texts[i]) : 0;
        if (chars < 0 || chars > 1000)
            return tl_fail(err, TL_DATAERR, "a place, trainer or description is text of at most 1000 characters");
    }
    return TL_OK;
}

tl_status store_session_edit(tl_store *s, tl_id session, const tl_session_edit *e, tl_error *err)
{
    tl_status st = check_session(e, err);
    if (st != TL_OK)
        return st;
    st = sql_run(s, err, NULL,
                 "UPDATE training_session SET date = ?, start_time = ?, end_time = ?, location = ?, "
                 "trainer = ?, description = ? WHERE id = ?",
                 "tttttti", e->date, e->start_time, e->end_time, or_null(e->location), or_null(e->trainer),
                 or_null(e->description), (int64_t)session);
    return changed_one(s, st, "session", session, err);
}

tl_status store_session_cancel(tl_store *s, tl_id session, bool cancelled, tl_error *err)
{
    tl_status st = sql_run(s, err, NULL,
                           "UPDATE training_session SET cancelled_at = "
                           "CASE WHEN ? THEN coalesce(cancelled_at, strftime('%Y-%m-%dT%H:%M:%SZ','now')) END "
                           "WHERE id = ?",
                           "ni", (int)cancelled, (int64_t)session);
    return changed_one(s, st, "session", session, err);
}

tl_status store_session_is_cancelled(tl_store *s, tl_id session, bool *cancelled, tl_error *err)
{
    int64_t v;
    tl_status st = sql_int(s, err, &v, "SELECT cancelled_at IS NOT NULL FROM training_session WHERE id = ?", "i",
                           (int64_t)session);
    if (st == TL_OK && v < 0)
        return tl_fail(err, TL_NOINPUT, "no session %lld", (long long)session);
    *cancelled = v == 1;
    return st;
}

tl_status store_session_reopen(tl_store *s, tl_id session, tl_error *err)
{
    tl_status st = sql_run(s, err, NULL, "UPDATE training_session SET closed_at = NULL, end_time = NULL WHERE id = ?",
                           "i", (int64_t)session);
    return changed_one(s, st, "session", session, err);
}

/* ---- knowledge checks ---- */

tl_status store_answer_clear(tl_store *s, tl_id attempt, const char *question_id, tl_error *err)
{
    return sql_run(s, err, NULL, "DELETE FROM check_answer WHERE attempt_id = ? AND question_id = ?", "it",
                   (int64_t)attempt, question_id);
}

tl_status store_attempt_unfinish(tl_store *s, tl_id attempt, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE check_attempt SET finished_at = NULL, score = NULL, max_score = NULL, passed = NULL "
                   "WHERE id = ?",
                   "i", (int64_t)attempt);
}

tl_status store_module_uncomplete(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                                  const char *check_id, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE module_progress SET completed_at = NULL WHERE session_id = ?1 AND participant_id = ?2 "
                   "AND module_id = ?3 AND NOT EXISTS (SELECT 1 FROM check_attempt WHERE session_id = ?1 "
                   "AND participant_id = ?2 AND check_id = ?4 AND phase = 'module' AND passed = 1)",
                   "iitt", (int64_t)session, (int64_t)participant, module_id, check_id);
}

/* ---- checklist runs ---- */

/* Logged first, while the run is there to be named by its UUID (never by
 * its case reference), in the same transaction as the delete. */
static tl_status delete_run(tl_store *s, const void *ctx, tl_error *err)
{
    tl_id run = *(const tl_id *)ctx;
    tl_status st = access_log_add_run(s, TL_LOG_RUN_DELETED, run, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "DELETE FROM checklist_answer WHERE run_id = ?", "i", (int64_t)run);
    if (st == TL_OK)
        st = changed_one(s, sql_run(s, err, NULL, "DELETE FROM checklist_run WHERE id = ?", "i", (int64_t)run),
                         "checklist run", run, err);
    return st;
}

tl_status store_run_delete(tl_store *s, tl_id run, tl_error *err)
{
    /* Every connection of the store has secure_delete on (store.c): the
     * deleted rows are overwritten with zeros, not left in free space. */
    tl_status st = in_transaction(s, delete_run, &run, err);
    /* The pages before the delete are still in the write-ahead log until a
     * checkpoint copies the new ones over them; TRUNCATE then empties it. */
    int64_t busy = 0;
    if (st == TL_OK)
        st = sql_int(s, err, &busy, "PRAGMA wal_checkpoint(TRUNCATE)", "");
    if (st == TL_OK && busy == 1)
        return tl_fail(err, TL_IOERR,
                       "the run is deleted, but another program is reading the database: its old "
                       "pages leave the write-ahead log when that program closes it");
    return st;
}
