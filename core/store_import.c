/* Records of a report back into a store (see store_import.h). Every insert
 * keeps what is already there (ON CONFLICT DO NOTHING), so a record that
 * two reports share is counted once. */
#include "store_import.h"

#include "store_internal.h"

#include <string.h>

tl_status import_begin(tl_store *s, tl_error *err)
{
    return sql_run(s, err, NULL, "BEGIN IMMEDIATE", "");
}

tl_status import_commit(tl_store *s, tl_error *err)
{
    return sql_run(s, err, NULL, "COMMIT", "");
}

void import_rollback(tl_store *s)
{
    sql_run(s, NULL, NULL, "ROLLBACK", "");
}

/* The store keeps HH:MM: a time with zero seconds loses them. */
static const char *store_time(const char *t, char buf[9])
{
    if (!t)
        return NULL;
    snprintf(buf, 9, "%s", t);
    if (strlen(buf) == 8 && strcmp(buf + 5, ":00") == 0)
        buf[5] = '\0';
    return buf;
}

static tl_status id_of(tl_store *s, const char *sql, const char *uuid, tl_id *id, tl_error *err)
{
    int64_t v;
    tl_status st = sql_int(s, err, &v, sql, "t", uuid);
    if (st == TL_OK && v < 0)
        return tl_fail(err, TL_DATAERR, "%s: record %s was not stored", s->path, uuid);
    *id = v;
    return st;
}

tl_status import_session(tl_store *s, const tl_report_session *r, tl_id *id, tl_error *err)
{
    char start[9], end[9];
    tl_status st = sql_run(
        s, err, NULL,
        "INSERT INTO training_session (uuid, kind, curriculum_id, curriculum_version, content_hash, "
        "date, start_time, end_time, trainer, location, description, closed_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        "CASE WHEN ?8 IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') END) "
        "ON CONFLICT (uuid) DO NOTHING",
        "ttttttttttt", r->uuid, r->kind, r->curriculum_id, r->curriculum_version, r->content_hash, r->date,
        store_time(r->start_time, start), store_time(r->end_time, end), r->trainer, r->location,
        r->description);
    return st == TL_OK ? id_of(s, "SELECT id FROM training_session WHERE uuid = ?", r->uuid, id, err) : st;
}

static int name_index(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

tl_status import_attendee(tl_store *s, tl_id session, const tl_report_attendee *r, tl_id *participant,
                          tl_error *err)
{
    int type = name_index(tl_org_type_names, TL_ORG_TYPE_COUNT, r->org_type);
    if (type < 0 || name_index(tl_level_names, TL_LEVEL_COUNT, r->level) < 0 ||
        (r->status && name_index(tl_attendance_names, TL_ATT_COUNT, r->status) < 0))
        return tl_fail(err, TL_DATAERR, "participant %s: unknown organisation type, level or status",
                       r->participant);
    tl_id org;
    tl_status st = store_organisation(s, r->organisation, (tl_org_type)type, &org, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                     "INSERT INTO participant (uuid, name, organisation_id, level) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (uuid) DO UPDATE SET name = coalesce(participant.name, excluded.name)",
                     "ttit", r->participant, r->name, (int64_t)org, r->level);
    if (st == TL_OK)
        st = id_of(s, "SELECT id FROM participant WHERE uuid = ?", r->participant, participant, err);
    if (st == TL_OK && r->status)
        st = sql_run(s, err, NULL,
                     "INSERT INTO attendance (session_id, participant_id, status, minutes) "
                     "VALUES (?, ?, ?, CASE WHEN ? IN ('late', 'left_early') THEN nullif(?, -1) END) "
                     "ON CONFLICT DO NOTHING",
                     "iitti", (int64_t)session, (int64_t)*participant, r->status, r->status, r->minutes);
    return st;
}

tl_status import_progress(tl_store *s, tl_id session, tl_id participant, const tl_report_progress *r,
                          tl_error *err)
{
    return sql_run(s, err, NULL,
                   "INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, "
                   "seconds_spent, started_at, updated_at, completed_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, ?7), ?8) ON CONFLICT DO NOTHING",
                   "iitiiitt", (int64_t)session, (int64_t)participant, r->module_id, r->page,
                   r->pages_total, r->seconds, r->started_at, r->completed_at);
}

tl_status import_attempt(tl_store *s, tl_id session, tl_id participant, const tl_report_attempt *r,
                         tl_id *attempt, tl_error *err)
{
    tl_status st = sql_run(
        s, err, NULL,
        "INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, "
        "started_at, finished_at, score, max_score, passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "CASE WHEN ?9 THEN ?10 END, CASE WHEN ?9 THEN ?11 END, CASE WHEN ?9 THEN ?12 END) "
        "ON CONFLICT (uuid) DO NOTHING",
        "tiittittniin", r->uuid, (int64_t)session, (int64_t)participant, r->check_id, r->phase, r->number,
        r->started_at, r->finished_at, (int)r->scored, r->score, r->max_score, (int)r->passed);
    return st == TL_OK ? id_of(s, "SELECT id FROM check_attempt WHERE uuid = ?", r->uuid, attempt, err) : st;
}

tl_status import_answer(tl_store *s, tl_id attempt, const tl_report_answer *r, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "INSERT INTO check_answer (attempt_id, question_id, chosen, correct) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT DO NOTHING",
                   "itin", (int64_t)attempt, r->question_id, (int64_t)r->chosen, (int)r->correct);
}

/* Which input first brought the session in, kept for the merge in a
 * temporary table (this connection only, never in the store's schema). */
tl_status import_claim_session(tl_store *s, tl_id session, int input, int *first, tl_error *err)
{
    int64_t v = input;
    tl_status st = sql_run(s, err, NULL,
                           "CREATE TEMP TABLE IF NOT EXISTS import_claim "
                           "(session_id INTEGER PRIMARY KEY, input INTEGER NOT NULL)",
                           "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "INSERT INTO temp.import_claim VALUES (?, ?) ON CONFLICT DO NOTHING",
                     "in", (int64_t)session, input);
    if (st == TL_OK)
        st = sql_int(s, err, &v, "SELECT input FROM temp.import_claim WHERE session_id = ?", "i",
                     (int64_t)session);
    *first = (int)v;
    return st;
}

/* All runs of a cell in one statement: one insert per run took a merge of
 * a million runs over half a minute. The runs are anonymous and their ids
 * never leave the store, so each gets the cell's one new UUID with the
 * run's number after it: unique all the same. */
tl_status import_checklist_runs(tl_store *s, const char *checklist_id, const char *month,
                                const char *outcome_id, int64_t runs, tl_error *err)
{
    char created[32], uuid[37];
    snprintf(created, sizeof created, "%.7s-01T00:00:00Z", month);
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
                     "INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, "
                     "case_ref, outcome_id, created_at, updated_at) "
                     "SELECT ?2 || '.' || i, ?3, '', '', '', ?4, ?5, ?5 FROM n",
                     "itttt", runs, uuid, checklist_id, outcome_id, created);
    return st;
}

tl_status import_indicator_cell(tl_store *s, const char *checklist_id, const char *indicator_id,
                                tl_protected_count yes, tl_error *err)
{
    tl_status st = sql_run(s, err, NULL, IMPORT_INDICATOR_TABLE, "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "INSERT INTO temp.import_indicator VALUES (?, ?, ?, ?)", "ttii",
                     checklist_id, indicator_id, yes.shown, yes.small);
    return st;
}
