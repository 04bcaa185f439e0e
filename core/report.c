/* The statistics source (see report.h and docs/report-format.md). Every
 * section is one fixed query over a common set of definitions (REPORT_CTE),
 * so each number is defined once, in SQL, and the filter is applied the same
 * way everywhere. */
#include "report.h"

#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

/* The definitions every query starts from. Parameters: :from :to (session
 * dates), :cur (curriculum id), :org (organisation name), :lo :hi (a range
 * of session ids: all, or the one session whose attendees are read; a rowid
 * range keeps that lookup an index search).
 *   ses   the sessions in the period and curriculum
 *   who   everyone recorded in them: by attendance, module progress or a
 *         check attempt, with the attendance status (NULL: none recorded,
 *         as in self-study without a roll call)
 *   rec   who, with participant and organisation, of the organisation asked
 *   took  those who took part: present, late, or no status but recorded
 *   rses  the sessions of the report (with an organisation: those it took
 *         part in)
 *   att   finished, scored check attempts of rec, with percent and curriculum
 *   pp    per curriculum version and participant: the first pre-check and
 *         the last post-check percent
 *   runs  checklist runs in the period (none when a curriculum or an
 *         organisation is asked: checklist runs belong to neither) */
#define REPORT_CTE                                                                                  \
    "WITH ses AS (SELECT * FROM training_session WHERE id BETWEEN :lo AND :hi "                     \
    "  AND (:from IS NULL OR date >= :from) AND (:to IS NULL OR date <= :to) "                      \
    "  AND (:cur IS NULL OR curriculum_id = :cur)), "                                               \
    "who AS (SELECT session_id, participant_id, max(status) AS status FROM ("                       \
    "  SELECT a.session_id, a.participant_id, a.status FROM attendance a JOIN ses ON ses.id = a.session_id " \
    "  UNION ALL SELECT m.session_id, m.participant_id, NULL FROM module_progress m "               \
    "    JOIN ses ON ses.id = m.session_id "                                                        \
    "  UNION ALL SELECT c.session_id, c.participant_id, NULL FROM check_attempt c "                 \
    "    JOIN ses ON ses.id = c.session_id) GROUP BY session_id, participant_id), "                 \
    "rec AS (SELECT w.session_id, w.participant_id, w.status, p.uuid AS puuid, p.name AS pname, "   \
    "  p.level, o.id AS oid, o.name AS oname, o.type AS otype FROM who w "                          \
    "  JOIN participant p ON p.id = w.participant_id "                                              \
    "  JOIN organisation o ON o.id = p.organisation_id WHERE :org IS NULL OR o.name = :org), "      \
    "took AS (SELECT * FROM rec WHERE status IS NULL OR status IN ('present', 'late')), "           \
    "rses AS (SELECT * FROM ses WHERE :org IS NULL OR id IN (SELECT session_id FROM took)), "        \
    "att AS (SELECT c.uuid, c.participant_id, c.check_id, c.phase, c.finished_at, c.passed, "         \
    "  s.curriculum_id AS cid, s.curriculum_version AS cver, 100.0 * c.score / c.max_score AS pct " \
    "  FROM check_attempt c JOIN rec r ON r.session_id = c.session_id "                             \
    "  AND r.participant_id = c.participant_id JOIN ses s ON s.id = c.session_id "                  \
    "  WHERE c.finished_at IS NOT NULL AND c.max_score > 0), "                                      \
    "pre AS (SELECT cid, cver, participant_id, pct FROM (SELECT *, row_number() OVER ("             \
    "  PARTITION BY cid, cver, participant_id ORDER BY finished_at, uuid) AS n "                      \
    "  FROM att WHERE phase = 'pre') WHERE n = 1), "                                                \
    "post AS (SELECT cid, cver, participant_id, pct FROM (SELECT *, row_number() OVER ("            \
    "  PARTITION BY cid, cver, participant_id ORDER BY finished_at DESC, uuid DESC) AS n "            \
    "  FROM att WHERE phase = 'post') WHERE n = 1), "                                               \
    "pp AS (SELECT cid, cver, participant_id, max(pre) AS pre, max(post) AS post FROM ("            \
    "  SELECT cid, cver, participant_id, pct AS pre, NULL AS post FROM pre "                        \
    "  UNION ALL SELECT cid, cver, participant_id, NULL, pct FROM post) GROUP BY 1, 2, 3), "        \
    "runs AS (SELECT checklist_id, outcome_id, substr(created_at, 1, 7) AS month "                  \
    "  FROM checklist_run WHERE :cur IS NULL AND :org IS NULL "                                     \
    "  AND (:from IS NULL OR substr(created_at, 1, 10) >= :from) "                                  \
    "  AND (:to IS NULL OR substr(created_at, 1, 10) <= :to)) "

/* Length of a closed session in seconds; an end before the start is taken
 * to be after midnight. */
#define SESSION_SECONDS(s)                                                       \
    "((strftime('%s', '2000-01-01 ' || " s ".end_time) - "                     \
    "strftime('%s', '2000-01-01 ' || " s ".start_time) + 86400) % 86400)"

/* Six columns of tl_report_knowledge over pp. */
#define KNOWLEDGE_COLUMNS                                                        \
    "count(pp.pre) AS pre_n, avg(pp.pre) AS pre_mean, count(pp.post) AS post_n, " \
    "avg(pp.post) AS post_mean, count(pp.post - pp.pre) AS both_n, avg(pp.post - pp.pre) AS gain"
#define KNOWLEDGE_OF(k) k ".pre_n, " k ".pre_mean, " k ".post_n, " k ".post_mean, " k ".both_n, " k ".gain"

enum {
    Q_TOTALS, Q_MONTHS, Q_GROUPS, Q_ORGS, Q_CURRICULA, Q_MODULES, Q_SESSIONS,
    Q_ATTENDEES, Q_PROGRESS, Q_ATTEMPTS, Q_ANSWERS, Q_CHECKLISTS, Q_COUNT
};

static const char *const queries[Q_COUNT] = {
    [Q_TOTALS] = REPORT_CTE
    "SELECT (SELECT count(*) FROM rses), (SELECT count(*) FROM rses WHERE kind = 'group'), "
    "(SELECT count(*) FROM rses WHERE kind = 'self'), (SELECT count(*) FROM took), "
    "(SELECT count(DISTINCT participant_id) FROM took), (SELECT count(DISTINCT oid) FROM took), "
    "(SELECT coalesce(sum(" SESSION_SECONDS("s") "), 0) FROM rses s WHERE s.end_time IS NOT NULL), "
    "(SELECT coalesce(sum(" SESSION_SECONDS("s") "), 0) FROM took t JOIN rses s ON s.id = t.session_id "
    "  WHERE s.end_time IS NOT NULL), "
    "(SELECT coalesce(sum(m.seconds_spent), 0) FROM module_progress m JOIN rec r "
    "  ON r.session_id = m.session_id AND r.participant_id = m.participant_id), "
    "(SELECT count(*) FROM runs)",

    [Q_MONTHS] = REPORT_CTE
    "SELECT substr(s.date, 1, 7) AS month, count(DISTINCT s.id), count(t.session_id), "
    "count(DISTINCT t.participant_id) FROM rses s LEFT JOIN took t ON t.session_id = s.id "
    "GROUP BY month ORDER BY month",

    [Q_GROUPS] = REPORT_CTE
    "SELECT g.otype, g.level, g.orgs, g.people, g.atts, " KNOWLEDGE_OF("k") " FROM "
    "(SELECT otype, level, count(DISTINCT oid) AS orgs, count(DISTINCT participant_id) AS people, "
    "  count(*) AS atts FROM took GROUP BY otype, level) g "
    "LEFT JOIN (SELECT o.type AS otype, p.level AS level, " KNOWLEDGE_COLUMNS " FROM pp "
    "  JOIN participant p ON p.id = pp.participant_id JOIN organisation o ON o.id = p.organisation_id "
    "  GROUP BY o.type, p.level) k USING (otype, level) ORDER BY g.otype, g.level",

    [Q_ORGS] = REPORT_CTE
    "SELECT oname, otype, count(DISTINCT participant_id), count(*) FROM took "
    "GROUP BY oid ORDER BY oname, otype",

    [Q_CURRICULA] = REPORT_CTE
    "SELECT c.cid, c.cver, c.sessions, coalesce(t.people, 0), coalesce(t.atts, 0), "
    KNOWLEDGE_OF("k") " FROM "
    "(SELECT curriculum_id AS cid, curriculum_version AS cver, count(*) AS sessions FROM rses "
    "  GROUP BY cid, cver) c "
    "LEFT JOIN (SELECT s.curriculum_id AS cid, s.curriculum_version AS cver, "
    "  count(DISTINCT t.participant_id) AS people, count(*) AS atts FROM took t "
    "  JOIN ses s ON s.id = t.session_id GROUP BY cid, cver) t USING (cid, cver) "
    "LEFT JOIN (SELECT cid, cver, " KNOWLEDGE_COLUMNS " FROM pp GROUP BY cid, cver) k "
    "  USING (cid, cver) ORDER BY c.cid, c.cver",

    /* Per participant and module: started (progress or an attempt), done
     * (a completed_at), tried (a finished attempt), ok (a passed one). */
    [Q_MODULES] = REPORT_CTE ", "
    "matt AS (SELECT participant_id, check_id AS module_id, passed, pct FROM att "
    "  WHERE cid = :cid AND cver = :cver AND phase = 'module'), "
    "pm AS (SELECT participant_id, module_id, max(done) AS done, max(tried) AS tried, max(ok) AS ok FROM ("
    "  SELECT m.participant_id, m.module_id, m.completed_at IS NOT NULL AS done, 0 AS tried, 0 AS ok "
    "  FROM module_progress m JOIN rec r ON r.session_id = m.session_id "
    "  AND r.participant_id = m.participant_id JOIN ses s ON s.id = m.session_id "
    "  WHERE s.curriculum_id = :cid AND s.curriculum_version = :cver "
    "  UNION ALL SELECT participant_id, module_id, 0, 1, passed = 1 FROM matt) "
    "  GROUP BY participant_id, module_id) "
    "SELECT pm.module_id, count(*), sum(done), sum(done AND ok), sum(tried), sum(ok), "
    "coalesce(a.n, 0), a.mean FROM pm LEFT JOIN (SELECT module_id, count(*) AS n, avg(pct) AS mean "
    "  FROM matt GROUP BY module_id) a USING (module_id) GROUP BY pm.module_id ORDER BY pm.module_id",

    [Q_SESSIONS] = REPORT_CTE
    "SELECT id, uuid, kind, curriculum_id, curriculum_version, content_hash, date, start_time, "
    "end_time, trainer, location, description FROM rses ORDER BY date, start_time, uuid",

    [Q_ATTENDEES] = REPORT_CTE
    "SELECT participant_id, puuid, CASE WHEN :names THEN pname END, level, oname, otype, status "
    "FROM rec ORDER BY puuid",

    [Q_PROGRESS] = "SELECT module_id, page, pages_total, seconds_spent, started_at, completed_at "
    "FROM module_progress WHERE session_id = :session AND participant_id = :participant "
    "ORDER BY module_id",

    [Q_ATTEMPTS] = "SELECT id, uuid, check_id, phase, attempt_no, started_at, finished_at, score, "
    "max_score, passed FROM check_attempt WHERE session_id = :session "
    "AND participant_id = :participant ORDER BY started_at, attempt_no, uuid",

    [Q_ANSWERS] = "SELECT question_id, chosen, correct FROM check_answer WHERE attempt_id = :attempt "
    "ORDER BY question_id",

    [Q_CHECKLISTS] = REPORT_CTE
    "SELECT checklist_id, month, outcome_id, count(*), "
    "sum(count(*)) OVER (PARTITION BY checklist_id), "
    "sum(count(*)) OVER (PARTITION BY checklist_id, month) "
    "FROM runs GROUP BY checklist_id, month, outcome_id ORDER BY checklist_id, month, outcome_id",
};

struct tl_report {
    tl_store *s;
    const tl_library *lib;
    const tl_curriculum *cu; /* the current curriculum as loaded, or NULL */
    sqlite3_stmt *q[Q_COUNT];
    bool done[Q_COUNT];
    bool in_transaction;
};

/* ---- binding and stepping ---- */

static int bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i == 0)
        return SQLITE_OK;
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

static int bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i == 0 ? SQLITE_OK : sqlite3_bind_int64(st, i, v);
}

static int bind_filter(sqlite3_stmt *st, const tl_report_filter *f)
{
    int rc = bind_text(st, ":from", f->from);
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":to", f->to);
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":cur", f->curriculum);
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":org", f->organisation);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":names", f->with_names);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":lo", INT64_MIN);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":hi", INT64_MAX);
    return rc;
}

/* Rewinds a nested cursor for a new parent row. */
static void restart(tl_report *r, int q)
{
    sqlite3_reset(r->q[q]);
    r->done[q] = false;
}

static tl_status next_row(tl_report *r, int q, bool *has, tl_error *err)
{
    *has = false;
    if (r->done[q])
        return TL_OK;
    int rc = sqlite3_step(r->q[q]);
    if (rc == SQLITE_ROW) {
        *has = true;
        return TL_OK;
    }
    r->done[q] = true;
    return rc == SQLITE_DONE ? TL_OK : sql_fail(r->s, err, rc, "cannot read the report");
}

static const char *col_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static void read_knowledge(sqlite3_stmt *st, int col, tl_report_knowledge *k)
{
    k->pre_n = sqlite3_column_int64(st, col);
    k->pre_mean = sqlite3_column_double(st, col + 1);
    k->post_n = sqlite3_column_int64(st, col + 2);
    k->post_mean = sqlite3_column_double(st, col + 3);
    k->both_n = sqlite3_column_int64(st, col + 4);
    k->gain_mean = sqlite3_column_double(st, col + 5);
}

/* ---- opening ---- */

static tl_status prepare_all(tl_report *r, const tl_report_filter *f, tl_error *err)
{
    for (int q = 0; q < Q_COUNT; q++) {
        int rc = sqlite3_prepare_v2(r->s->db, queries[q], -1, &r->q[q], NULL);
        if (rc != SQLITE_OK)
            return sql_fail(r->s, err, rc, "cannot prepare the report");
        rc = bind_filter(r->q[q], f);
        if (rc != SQLITE_OK)
            return sql_fail(r->s, err, rc, "cannot prepare the report");
    }
    /* Nested cursors have no rows until their parent has one. */
    r->done[Q_MODULES] = r->done[Q_ATTENDEES] = r->done[Q_PROGRESS] = true;
    r->done[Q_ATTEMPTS] = r->done[Q_ANSWERS] = true;
    return TL_OK;
}

tl_status report_open(tl_store *s, const tl_report_filter *f, const tl_library *lib, tl_report **out,
                      tl_error *err)
{
    *out = NULL;
    tl_report *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    r->s = s;
    r->lib = lib;
    /* BEGIN is deferred: the snapshot starts with the first read, so read
     * once right away; every query after that sees the same database. */
    tl_status st = sql_run(s, err, NULL, "BEGIN", "");
    if (st == TL_OK) {
        r->in_transaction = true;
        int64_t n;
        st = sql_int(s, err, &n, "SELECT count(*) FROM training_session", "");
    }
    if (st == TL_OK)
        st = prepare_all(r, f, err);
    if (st != TL_OK) {
        report_close(r);
        return st;
    }
    *out = r;
    return TL_OK;
}

void report_close(tl_report *r)
{
    if (!r)
        return;
    for (int q = 0; q < Q_COUNT; q++)
        sqlite3_finalize(r->q[q]);
    if (r->in_transaction)
        sql_run(r->s, NULL, NULL, "COMMIT", ""); /* read-only: nothing to lose */
    free(r);
}

/* ---- sections ---- */

tl_status report_totals(tl_report *r, tl_report_totals *t, tl_error *err)
{
    memset(t, 0, sizeof *t);
    restart(r, Q_TOTALS);
    bool has;
    tl_status st = next_row(r, Q_TOTALS, &has, err);
    if (st != TL_OK || !has)
        return st;
    sqlite3_stmt *q = r->q[Q_TOTALS];
    int64_t *fields[] = {&t->sessions, &t->group_sessions, &t->self_sessions, &t->attendances,
                         &t->participants, &t->organisations, &t->training_seconds,
                         &t->participant_seconds, &t->study_seconds, &t->checklist_runs};
    for (int i = 0; i < (int)(sizeof fields / sizeof fields[0]); i++)
        *fields[i] = sqlite3_column_int64(q, i);
    return TL_OK;
}

tl_status report_next_month(tl_report *r, tl_report_month *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_MONTHS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_MONTHS];
    *row = (tl_report_month){col_text(q, 0), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2),
                             sqlite3_column_int64(q, 3)};
    return TL_OK;
}

tl_status report_next_group(tl_report *r, tl_report_group *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_GROUPS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_GROUPS];
    *row = (tl_report_group){col_text(q, 0), col_text(q, 1), sqlite3_column_int64(q, 2),
                             sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4), {0}};
    read_knowledge(q, 5, &row->knowledge);
    return TL_OK;
}

tl_status report_next_organisation(tl_report *r, tl_report_org *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_ORGS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_ORGS];
    *row = (tl_report_org){col_text(q, 0), col_text(q, 1), sqlite3_column_int64(q, 2),
                           sqlite3_column_int64(q, 3)};
    return TL_OK;
}

static const tl_curriculum *loaded_curriculum(const tl_report *r, const char *id)
{
    return r->lib && id ? library_curriculum(r->lib, id) : NULL;
}

tl_status report_next_curriculum(tl_report *r, tl_report_curriculum *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_CURRICULA, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_CURRICULA];
    *row = (tl_report_curriculum){col_text(q, 0), col_text(q, 1), sqlite3_column_int64(q, 2),
                                  sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4), {0}};
    read_knowledge(q, 5, &row->knowledge);
    restart(r, Q_MODULES);
    r->cu = loaded_curriculum(r, row->id);
    sqlite3_stmt *m = r->q[Q_MODULES];
    if (bind_text(m, ":cid", row->id) != SQLITE_OK || bind_text(m, ":cver", row->version) != SQLITE_OK)
        return sql_fail(r->s, err, SQLITE_ERROR, "cannot read the modules");
    return TL_OK;
}

/* Whether module id has a knowledge check: as the loaded curriculum says,
 * else whether anyone took one. */
static bool module_has_check(const tl_report *r, const char *id, int64_t takers)
{
    for (size_t i = 0; r->cu && id && i < r->cu->n_modules; i++)
        if (strcmp(r->cu->modules[i].id, id) == 0)
            return r->cu->modules[i].check.present;
    return takers > 0;
}

tl_status report_next_module(tl_report *r, tl_report_module *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_MODULES, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_MODULES];
    int64_t completed_pages = sqlite3_column_int64(q, 2), completed_passed = sqlite3_column_int64(q, 3);
    *row = (tl_report_module){.id = col_text(q, 0),
                              .participants = sqlite3_column_int64(q, 1),
                              .check_takers = sqlite3_column_int64(q, 4),
                              .check_passed = sqlite3_column_int64(q, 5),
                              .attempts = sqlite3_column_int64(q, 6),
                              .mean_score = sqlite3_column_double(q, 7)};
    row->has_check = module_has_check(r, row->id, row->check_takers);
    row->completions = row->has_check ? completed_passed : completed_pages;
    return TL_OK;
}

tl_status report_next_session(tl_report *r, tl_report_session *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_SESSIONS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_SESSIONS];
    *row = (tl_report_session){col_text(q, 1), col_text(q, 2), col_text(q, 3), col_text(q, 4),
                               col_text(q, 5), col_text(q, 6), col_text(q, 7), col_text(q, 8),
                               col_text(q, 9), col_text(q, 10), col_text(q, 11)};
    int64_t id = sqlite3_column_int64(q, 0);
    restart(r, Q_ATTENDEES);
    sqlite3_stmt *a = r->q[Q_ATTENDEES];
    if (bind_int(a, ":lo", id) != SQLITE_OK || bind_int(a, ":hi", id) != SQLITE_OK)
        return sql_fail(r->s, err, SQLITE_ERROR, "cannot read the attendees");
    return TL_OK;
}

tl_status report_next_attendee(tl_report *r, tl_report_attendee *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_ATTENDEES, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_ATTENDEES];
    *row = (tl_report_attendee){col_text(q, 1), col_text(q, 2), col_text(q, 3), col_text(q, 4),
                                col_text(q, 5), col_text(q, 6)};
    int64_t participant = sqlite3_column_int64(q, 0);
    int64_t session = sqlite3_column_int64(r->q[Q_SESSIONS], 0);
    for (int k = Q_PROGRESS; k <= Q_ATTEMPTS; k++) {
        restart(r, k);
        if (bind_int(r->q[k], ":session", session) != SQLITE_OK ||
            bind_int(r->q[k], ":participant", participant) != SQLITE_OK)
            return sql_fail(r->s, err, SQLITE_ERROR, "cannot read the results");
    }
    r->done[Q_ANSWERS] = true;
    return TL_OK;
}

tl_status report_next_progress(tl_report *r, tl_report_progress *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_PROGRESS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_PROGRESS];
    *row = (tl_report_progress){col_text(q, 0), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2),
                                sqlite3_column_int64(q, 3), col_text(q, 4), col_text(q, 5)};
    return TL_OK;
}

tl_status report_next_attempt(tl_report *r, tl_report_attempt *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_ATTEMPTS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_ATTEMPTS];
    *row = (tl_report_attempt){.uuid = col_text(q, 1),
                               .check_id = col_text(q, 2),
                               .phase = col_text(q, 3),
                               .number = sqlite3_column_int64(q, 4),
                               .started_at = col_text(q, 5),
                               .finished_at = col_text(q, 6),
                               .scored = sqlite3_column_type(q, 7) != SQLITE_NULL &&
                                         sqlite3_column_type(q, 8) != SQLITE_NULL &&
                                         sqlite3_column_type(q, 9) != SQLITE_NULL,
                               .score = sqlite3_column_int64(q, 7),
                               .max_score = sqlite3_column_int64(q, 8),
                               .passed = sqlite3_column_int64(q, 9) != 0};
    restart(r, Q_ANSWERS);
    if (bind_int(r->q[Q_ANSWERS], ":attempt", sqlite3_column_int64(q, 0)) != SQLITE_OK)
        return sql_fail(r->s, err, SQLITE_ERROR, "cannot read the answers");
    return TL_OK;
}

tl_status report_next_answer(tl_report *r, tl_report_answer *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_ANSWERS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_ANSWERS];
    *row = (tl_report_answer){col_text(q, 0), (unsigned)sqlite3_column_int64(q, 1),
                              sqlite3_column_int64(q, 2) != 0};
    return TL_OK;
}

tl_status report_next_checklist_use(tl_report *r, tl_report_checklist_use *row, bool *has,
                                    tl_error *err)
{
    tl_status st = next_row(r, Q_CHECKLISTS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_CHECKLISTS];
    *row = (tl_report_checklist_use){col_text(q, 0), col_text(q, 1), col_text(q, 2),
                                     sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4),
                                     sqlite3_column_int64(q, 5)};
    return TL_OK;
}
