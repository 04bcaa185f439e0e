#include "store_training.h"

#include "collate.h"
#include "store_internal.h"

#include "vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int name_index(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return 0;
}

/* Steps st to the end (or max rows), reading each row with read into a
 * growing array of rows of `size` bytes; *rows malloc'ed, *n of them. On
 * an error the rows read so far are given back with free_rows. */
typedef void (*row_reader)(sqlite3_stmt *st, void *row);
typedef void (*rows_freer)(void *rows, size_t n);

static tl_status collect_rows(tl_store *s, sqlite3_stmt *st, size_t size, size_t max, row_reader read,
                              rows_freer free_rows, void **rows, size_t *n, tl_error *err)
{
    char *items = NULL;
    size_t count = 0;
    int rc = SQLITE_DONE;
    while (count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        items = vec_grow(items, count + 1, size);
        memset(items + count * size, 0, size);
        read(st, items + count++ * size);
    }
    if (count == max)
        rc = SQLITE_DONE;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free_rows(items, count);
        *rows = NULL;
        *n = 0;
        return sql_fail(s, err, rc, "cannot read");
    }
    *rows = items;
    *n = count;
    return TL_OK;
}

void tl_session_row_clear(tl_session_row *r)
{
    free(r->curriculum_id);
    free(r->location);
    free(r->trainer);
    free(r->description);
    free(r->learner);
    free(r->organisation);
    memset(r, 0, sizeof *r);
}

void tl_session_rows_free(tl_session_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tl_session_row_clear(&rows[i]);
    free(rows);
}

void tl_attendee_row_clear(tl_attendee_row *r)
{
    free(r->name);
    free(r->organisation);
    free(r->remark);
    memset(r, 0, sizeof *r);
}

void tl_attendee_rows_free(tl_attendee_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tl_attendee_row_clear(&rows[i]);
    free(rows);
}

void tl_org_rows_free(tl_org_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rows[i].name);
    free(rows);
}

void tl_known_rows_free(tl_known_participant *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tl_attendee_row_clear(&rows[i].person);
    free(rows);
}

static void free_session_rows(void *rows, size_t n)
{
    tl_session_rows_free(rows, n);
}

static void free_attendee_rows(void *rows, size_t n)
{
    tl_attendee_rows_free(rows, n);
}

static void free_org_rows(void *rows, size_t n)
{
    tl_org_rows_free(rows, n);
}

static void free_known_rows(void *rows, size_t n)
{
    tl_known_rows_free(rows, n);
}

#define SESSION_COLUMNS                                                                        \
    "SELECT t.id, t.uuid, t.kind, t.curriculum_id, t.date, t.start_time, coalesce(t.end_time, ''), " \
    "coalesce(t.location, ''), coalesce(t.trainer, ''), "                                      \
    "(SELECT count(*) FROM attendance a WHERE a.session_id = t.id), "                          \
    "coalesce(p.id, 0), coalesce(p.name, ''), coalesce(o.name, ''), "                          \
    "coalesce((SELECT max(updated_at) FROM module_progress m WHERE m.session_id = t.id), t.created_at), " \
    "t.cancelled_at IS NOT NULL, coalesce(t.description, '') "                                 \
    "FROM training_session t "                                                                 \
    "LEFT JOIN attendance a1 ON a1.session_id = t.id AND t.kind = 'self' "                     \
    "LEFT JOIN participant p ON p.id = a1.participant_id "                                     \
    "LEFT JOIN organisation o ON o.id = p.organisation_id "

static void read_session(sqlite3_stmt *st, void *row)
{
    tl_session_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    sql_text(st, 1, r->uuid, sizeof r->uuid);
    char kind[8];
    sql_text(st, 2, kind, sizeof kind);
    r->kind = strcmp(kind, "self") == 0 ? TL_SESSION_SELF : TL_SESSION_GROUP;
    r->curriculum_id = sql_text_dup(st, 3);
    sql_text(st, 4, r->date, sizeof r->date);
    sql_text(st, 5, r->start_time, sizeof r->start_time);
    sql_text(st, 6, r->end_time, sizeof r->end_time);
    r->location = sql_text_dup(st, 7);
    r->trainer = sql_text_dup(st, 8);
    r->attendees = sqlite3_column_int(st, 9);
    r->participant = sqlite3_column_int64(st, 10);
    r->learner = sql_text_dup(st, 11);
    r->organisation = sql_text_dup(st, 12);
    sql_text(st, 13, r->updated_at, sizeof r->updated_at);
    r->cancelled = sqlite3_column_int(st, 14) != 0;
    r->description = sql_text_dup(st, 15);
}

tl_status store_sessions_list(tl_store *s, tl_session_kind kind, bool open_only, size_t max,
                              tl_session_row **rows, size_t *n, tl_error *err)
{
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    tl_status ps = sql_query(s, &st, err,
                             SESSION_COLUMNS "WHERE t.kind = ? AND (? = 0 OR t.end_time IS NULL) "
                                             "ORDER BY 14 DESC, t.id DESC",
                             "tn", kind == TL_SESSION_SELF ? "self" : "group", (int)open_only);
    if (ps != TL_OK)
        return ps;
    return collect_rows(s, st, sizeof **rows, max, read_session, free_session_rows, (void **)rows, n, err);
}

tl_status store_session_get(tl_store *s, tl_id id, tl_session_row *row, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err, SESSION_COLUMNS "WHERE t.id = ?", "i", (int64_t)id);
    if (ps != TL_OK)
        return ps;
    tl_session_row *rows;
    size_t n;
    ps = collect_rows(s, st, sizeof *rows, 1, read_session, free_session_rows, (void **)&rows, &n, err);
    if (ps == TL_OK && n == 0)
        ps = tl_fail(err, TL_DATAERR, "no training session %lld", (long long)id);
    if (ps == TL_OK) {
        tl_session_row_clear(row);
        *row = rows[0];
        free(rows);
    } else if (n > 0) {
        tl_session_rows_free(rows, n);
    }
    return ps;
}

static void read_attendee(sqlite3_stmt *st, void *row)
{
    tl_attendee_row *r = row;
    r->participant = sqlite3_column_int64(st, 0);
    sql_text(st, 1, r->uuid, sizeof r->uuid);
    r->name = sql_text_dup(st, 2);
    r->organisation = sql_text_dup(st, 3);
    char buf[32];
    sql_text(st, 4, buf, sizeof buf);
    r->org_type = (tl_org_type)name_index(tl_org_type_names, TL_ORG_TYPE_COUNT, buf);
    sql_text(st, 5, buf, sizeof buf);
    r->level = (tl_level)name_index(tl_level_names, TL_LEVEL_COUNT, buf);
    sql_text(st, 6, buf, sizeof buf);
    r->status = (tl_attendance)name_index(tl_attendance_names, TL_ATT_COUNT, buf);
    r->remark = sql_text_dup(st, 7);
}

/* An attendee on the roll call: read_attendee and the minutes. */
static void read_roll_attendee(sqlite3_stmt *st, void *row)
{
    tl_attendee_row *r = row;
    read_attendee(st, r);
    r->minutes = sqlite3_column_int(st, 8);
}

tl_status store_attendees(tl_store *s, tl_id session, tl_attendee_row **rows, size_t *n, tl_error *err)
{
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT p.id, p.uuid, coalesce(p.name, ''), o.name, o.type, p.level, "
                             "a.status, coalesce(a.remark, ''), coalesce(a.minutes, -1) FROM attendance a "
                             "JOIN participant p ON p.id = a.participant_id "
                             "JOIN organisation o ON o.id = p.organisation_id "
                             "WHERE a.session_id = ? ORDER BY a.rowid",
                             "i", (int64_t)session);
    if (ps != TL_OK)
        return ps;
    return collect_rows(s, st, sizeof **rows, SIZE_MAX, read_roll_attendee, free_attendee_rows, (void **)rows, n, err);
}

static void read_org(sqlite3_stmt *st, void *row)
{
    tl_org_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->name = sql_text_dup(st, 1);
    char type[32];
    sql_text(st, 2, type, sizeof type);
    r->type = (tl_org_type)name_index(tl_org_type_names, TL_ORG_TYPE_COUNT, type);
}

tl_status store_organisations(tl_store *s, tl_org_row **rows, size_t *n, tl_error *err)
{
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    tl_status ps = sql_query(s, &st, err, "SELECT id, name, type FROM organisation ORDER BY name COLLATE " TL_COLLATE_SV ", type", "");
    if (ps != TL_OK)
        return ps;
    return collect_rows(s, st, sizeof **rows, SIZE_MAX, read_org, free_org_rows, (void **)rows, n, err);
}

tl_status store_progress_latest(tl_store *s, tl_id session, tl_id participant, char module_id[65],
                                int *page, bool *found, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT module_id, page FROM module_progress WHERE session_id = ? "
                             "AND (?2 = 0 OR participant_id = ?2) ORDER BY updated_at DESC, rowid DESC LIMIT 1",
                             "ii", (int64_t)session, (int64_t)participant);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found) {
        sql_text(st, 0, module_id, 65);
        *page = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read");
}

tl_status store_attempt_open(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                             tl_phase phase, tl_id *attempt, tl_error *err)
{
    int64_t id;
    tl_status ps = sql_int(s, err, &id,
                           "SELECT id FROM check_attempt WHERE session_id = ? AND participant_id = ? "
                           "AND check_id = ? AND phase = ? AND finished_at IS NULL "
                           "ORDER BY attempt_no DESC LIMIT 1",
                           "iitt", (int64_t)session, (int64_t)participant, check_id, tl_phase_names[phase]);
    *attempt = ps == TL_OK && id > 0 ? id : 0;
    return ps;
}

tl_status store_attempt_answers(tl_store *s, tl_id attempt, const tl_check *k, int64_t *chosen,
                                tl_error *err)
{
    for (size_t i = 0; i < k->n_questions; i++)
        chosen[i] = -1;
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err, "SELECT question_id, chosen FROM check_answer WHERE attempt_id = ?",
                             "i", (int64_t)attempt);
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *q = (const char *)sqlite3_column_text(st, 0);
        for (size_t i = 0; q && i < k->n_questions; i++)
            if (strcmp(k->questions[i].id, q) == 0)
                chosen[i] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read");
}

tl_status store_check_best(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                           tl_phase phase, bool *passed, int *score, int *max, bool *found,
                           tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT passed, score, max_score FROM check_attempt WHERE session_id = ? "
                             "AND participant_id = ? AND check_id = ? AND phase = ? "
                             "AND finished_at IS NOT NULL ORDER BY passed DESC, score DESC LIMIT 1",
                             "iitt", (int64_t)session, (int64_t)participant, check_id,
                             tl_phase_names[phase]);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found) {
        *passed = sqlite3_column_int(st, 0) != 0;
        *score = sqlite3_column_int(st, 1);
        *max = sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read");
}

tl_status store_session_complete(tl_store *s, tl_id session, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE training_session SET end_time = coalesce(end_time, strftime('%H:%M', 'now', 'localtime')), "
                   "closed_at = coalesce(closed_at, strftime('%Y-%m-%dT%H:%M:%SZ','now')) WHERE id = ?",
                   "i", (int64_t)session);
}

tl_status store_modules_completed(tl_store *s, tl_id session, tl_id participant, int *count,
                                  tl_error *err)
{
    int64_t n = 0;
    tl_status ps = sql_int(s, err, &n,
                           "SELECT count(*) FROM module_progress WHERE session_id = ? AND "
                           "participant_id = ? AND completed_at IS NOT NULL",
                           "ii", (int64_t)session, (int64_t)participant);
    *count = (int)n;
    return ps;
}

tl_status store_module_progress(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                                int *pages_seen, int *seconds, bool *completed, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT page + 1, seconds_spent, completed_at IS NOT NULL FROM module_progress "
                             "WHERE session_id = ? AND participant_id = ? AND module_id = ?",
                             "iit", (int64_t)session, (int64_t)participant, module_id);
    if (ps != TL_OK)
        return ps;
    *pages_seen = *seconds = 0;
    *completed = false;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *pages_seen = sqlite3_column_int(st, 0);
        *seconds = sqlite3_column_int(st, 1);
        *completed = sqlite3_column_int(st, 2) != 0;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read");
}

/* ---- recognising a participant who comes back ---- */

/* x with the LIKE wildcards % and _ (and the escape \ itself) made plain
 * by a \ before them, so that a name fragment matches only itself. */
#define LIKE_LITERAL(x) "replace(replace(replace(" x ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')"
/* Case aside by the collation's rule (core/collate.c), not only a-z as LIKE. */
#define FOLD(x) TL_FOLD_SQL "(" x ")"

/* The first eight columns are those of store_attendees, read the same way. */
static void read_known(sqlite3_stmt *st, void *row)
{
    tl_known_participant *r = row;
    read_attendee(st, &r->person);
    r->in_session = sqlite3_column_int(st, 8) != 0;
    sql_text(st, 9, r->last_seen, sizeof r->last_seen);
}

tl_status store_participants_named(tl_store *s, const char *fragment, tl_id session, size_t max,
                                   tl_known_participant **rows, size_t *n, tl_error *err)
{
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    tl_status ps = sql_query(
        s, &st, err,
        "SELECT p.id, p.uuid, p.name, o.name, o.type, p.level, coalesce(a.status, ''), "
        "coalesce(a.remark, ''), a.session_id IS NOT NULL, "
        "coalesce((SELECT max(t.date) FROM attendance b JOIN training_session t ON t.id = b.session_id "
        "WHERE b.participant_id = p.id), substr(p.created_at, 1, 10)) AS seen "
        "FROM participant p JOIN organisation o ON o.id = p.organisation_id "
        "LEFT JOIN attendance a ON a.session_id = ?2 AND a.participant_id = p.id "
        "WHERE trim(coalesce(p.name, '')) <> '' "
        "AND " FOLD("p.name") " LIKE '%' || " LIKE_LITERAL(FOLD("trim(?1)")) " || '%' ESCAPE '\\' "
        "ORDER BY p.name COLLATE " TL_COLLATE_SV ", o.name COLLATE " TL_COLLATE_SV ", seen DESC, p.id",
        "ti", fragment ? fragment : "", (int64_t)session);
    if (ps != TL_OK)
        return ps;
    return collect_rows(s, st, sizeof **rows, max, read_known, free_known_rows, (void **)rows, n, err);
}

tl_status store_attendance_add(tl_store *s, tl_id session, tl_id participant, tl_attendance status,
                               bool *added, tl_error *err)
{
    sqlite3_stmt *st;
    *added = false;
    tl_status ps = sql_query(s, &st, err,
                             "INSERT INTO attendance (session_id, participant_id, status) VALUES (?, ?, ?) "
                             "ON CONFLICT (session_id, participant_id) DO NOTHING",
                             "iit", (int64_t)session, (int64_t)participant, tl_attendance_names[status]);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    *added = rc == SQLITE_DONE && sqlite3_changes(s->db) > 0;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot save");
}

/* ---- a learner's own record (core/learner.h) ---- */

/* One text column of participant person (sql: its query), malloc'ed. */
static tl_status participant_text(tl_store *s, const char *sql, tl_id person, char **out, tl_error *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    tl_status ps = sql_query(s, &st, err, sql, "i", (int64_t)person);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sql_text_dup(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return tl_fail(err, TL_DATAERR, "no participant %lld", (long long)person);
    return rc == SQLITE_ROW ? TL_OK : sql_fail(s, err, rc, "cannot read the participant");
}

tl_status store_participant_code(tl_store *s, tl_id person, char code[8], tl_error *err)
{
    char *text;
    tl_status st = participant_text(s, "SELECT coalesce(study_code, '') FROM participant WHERE id = ?", person,
                                    &text, err);
    code[0] = '\0';
    if (st == TL_OK)
        snprintf(code, 8, "%s", text);
    free(text);
    return st;
}

tl_status store_participant_code_set(tl_store *s, tl_id person, const char *code, bool *taken, tl_error *err)
{
    sqlite3_stmt *st;
    *taken = false;
    tl_status ps = sql_query(s, &st, err,
                             "UPDATE participant SET study_code = ?2 WHERE id = ?1 "
                             "AND NOT EXISTS (SELECT 1 FROM participant WHERE study_code = ?2)",
                             "it", (int64_t)person, code);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    *taken = rc == SQLITE_DONE && sqlite3_changes(s->db) == 0;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot save the personal code");
}

tl_status store_participant_by_code(tl_store *s, const char *code, tl_id *person, tl_error *err)
{
    int64_t id;
    tl_status st = sql_int(s, err, &id, "SELECT id FROM participant WHERE study_code = ?", "t", code);
    *person = st == TL_OK && id > 0 ? id : 0;
    return st;
}

tl_status store_participants_exactly(tl_store *s, const char *name, const char *organisation, tl_id ids[2],
                                     size_t *n, tl_error *err)
{
    sqlite3_stmt *st;
    *n = 0;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT p.id FROM participant p JOIN organisation o ON o.id = p.organisation_id "
                             "WHERE " FOLD("trim(coalesce(p.name, ''))") " = " FOLD("trim(?1)") " "
                             "AND " FOLD("trim(o.name)") " = " FOLD("trim(?2)") " ORDER BY p.id LIMIT 2",
                             "tt", name, organisation);
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot look the name up");
}

tl_status store_self_studies(tl_store *s, tl_id person, size_t max, tl_session_row **rows, size_t *n,
                             tl_error *err)
{
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    tl_status ps = sql_query(s, &st, err,
                             SESSION_COLUMNS "WHERE t.kind = 'self' AND a1.participant_id = ? "
                                             "ORDER BY 14 DESC, t.id DESC",
                             "i", (int64_t)person);
    if (ps != TL_OK)
        return ps;
    return collect_rows(s, st, sizeof **rows, max, read_session, free_session_rows, (void **)rows, n, err);
}

tl_status store_participant_name(tl_store *s, tl_id person, char **name, tl_error *err)
{
    return participant_text(s, "SELECT coalesce(name, '') FROM participant WHERE id = ?", person, name, err);
}
