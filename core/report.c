/* The statistics source (see report.h and docs/report-format.md). Every
 * number is defined once, in SQL, over a few common sets that report_open
 * works out once, in the report's read transaction, into a private
 * temporary database; each section is then a query over those sets, and
 * the filter is applied the same way everywhere.
 *
 * Why work the sets out first: each section used to derive them again
 * (everyone recorded, their attempts, the pre/post pairs), and at 100,000
 * sessions that meant sorting millions of rows per section. The temporary
 * database keeps a little in SQLite's page cache and the rest in a file
 * that goes with the report, so memory stays flat at any size
 * (docs/performance.md has the figures). */
#include "report.h"

#include "collate.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the definitions ---- */

/* Names for the sets (below) in the queries over them. */
#define REPORT_SETS                                                                               \
    "WITH ses AS NOT MATERIALIZED (SELECT * FROM report.ses), "                                 \
    "rses AS NOT MATERIALIZED (SELECT * FROM report.ses WHERE listed), "                        \
    "rec AS NOT MATERIALIZED (SELECT * FROM report.rec), "                                      \
    "took AS NOT MATERIALIZED (SELECT * FROM report.rec WHERE took), "                          \
    "pp AS NOT MATERIALIZED (SELECT * FROM report.pp), "                                        \
    "orglevel AS MATERIALIZED (SELECT x.oid, x.level, o.type AS otype, x.people, x.atts FROM "  \
    "  (SELECT oid, level, count(*) AS people, sum(atts) AS atts FROM report.people "          \
    "  WHERE atts > 0 GROUP BY oid, level) x JOIN organisation o ON o.id = x.oid) "

/* Checklist runs in the period (none when a curriculum or an organisation
 * is asked: checklist runs belong to neither). */
#define RUNS_DEF                                                                                  \
    "runs AS (SELECT id, checklist_id, outcome_id, substr(created_at, 1, 7) AS month "              \
    "  FROM checklist_run WHERE :cur IS NULL AND :org IS NULL "                                 \
    "  AND (:from IS NULL OR substr(created_at, 1, 10) >= :from) "                              \
    "  AND (:to IS NULL OR substr(created_at, 1, 10) <= :to)) "

/* Length of a closed session in seconds; an end before the start is taken
 * to be after midnight. */
#define SESSION_SECONDS(s)                                                       \
    "((strftime('%s', '2000-01-01 ' || " s ".end_time) - "                     \
    "strftime('%s', '2000-01-01 ' || " s ".start_time) + 86400) % 86400)"

/* The statuses of taking part (an attendance); the others are excused
 * and absent. */
#define TAKES_PART "('present', 'late', 'left_early', 'remote')"

/* The seconds an attendance counts in session s: the minutes entered for
 * someone late or leaving early (at most the session), else the whole
 * session. */
#define ATTENDED_SECONDS(r, s) "coalesce(min(" r ".mins * 60, " s ".secs), " s ".secs)"

/* The band (0 to 4) of a percent: 0-19.9, 20-39.9, 40-59.9, 60-79.9, 80-100. */
#define BAND_OF(p) "min(CAST(" p " / 20 AS INTEGER), 4)"
#define BANDS_OF(p, name)                                                                         \
    "sum(" BAND_OF(p) " = 0) AS " name "0, sum(" BAND_OF(p) " = 1) AS " name "1, "               \
    "sum(" BAND_OF(p) " = 2) AS " name "2, sum(" BAND_OF(p) " = 3) AS " name "3, "               \
    "sum(" BAND_OF(p) " = 4) AS " name "4"

/* The columns of tl_report_knowledge over pp, in its order (KNOWLEDGE_N). */
#define KNOWLEDGE_COLUMNS                                                        \
    "count(pp.pre) AS pre_n, avg(pp.pre) AS pre_mean, count(pp.post) AS post_n, " \
    "avg(pp.post) AS post_mean, count(pp.post - pp.pre) AS both_n, avg(pp.post - pp.pre) AS gain, " \
    "sum(pp.post > pp.pre) AS improved, " BANDS_OF("pp.pre", "pre_b") ", " BANDS_OF("pp.post", "post_b")
#define KNOWLEDGE_OF(k)                                                                           \
    k ".pre_n, " k ".pre_mean, " k ".post_n, " k ".post_mean, " k ".both_n, " k ".gain, "         \
    k ".improved, " k ".pre_b0, " k ".pre_b1, " k ".pre_b2, " k ".pre_b3, " k ".pre_b4, "       \
    k ".post_b0, " k ".post_b1, " k ".post_b2, " k ".post_b3, " k ".post_b4"
enum { KNOWLEDGE_N = 7 + 2 * REPORT_BANDS };

/* Per participant and module: started (progress or an attempt), done (a
 * completed_at), tried (a finished attempt), ok (a passed one), and the
 * time recorded on its pages. Grouped in the key's order, so the rows go
 * into report.pm in order and the modules' counts need no second sort. */
#define PARTICIPANT_MODULES                                                                       \
    "INSERT INTO report.pm SELECT ckey, module_id, participant_id, max(done), max(tried), "     \
    "  max(ok), sum(secs) FROM ("                                                               \
    "  SELECT s.ckey, m.module_id, m.participant_id, m.completed_at IS NOT NULL AS done, "      \
    "  0 AS tried, 0 AS ok, m.seconds_spent AS secs FROM report.rec r JOIN module_progress m "  \
    "  ON m.session_id = r.session_id AND m.participant_id = r.participant_id "                 \
    "  JOIN report.ses s ON s.id = r.session_id "                                               \
    "  UNION ALL SELECT ckey, check_id, participant_id, 0, 1, passed = 1, 0 FROM report.att "  \
    "  WHERE phase = 'module') "                                                                \
    "GROUP BY ckey, module_id, participant_id"

/* Per curriculum version and module: participants, completions (with and
 * without a passed check), check takers and passes, attempts and their
 * mean percent. */
#define MODULE_STATS                                                                              \
    "INSERT INTO report.mstat SELECT pm.ckey, pm.module_id, count(*), sum(done), "              \
    "sum(done AND ok), sum(tried), sum(ok), coalesce(a.n, 0), a.mean FROM report.pm pm "       \
    "LEFT JOIN (SELECT ckey, check_id AS module_id, count(*) AS n, avg(pct) AS mean "          \
    "  FROM report.att WHERE phase = 'module' GROUP BY ckey, check_id) a USING (ckey, module_id) " \
    "GROUP BY pm.ckey, pm.module_id"

/* Per curriculum version: its sessions; the participants who took part
 * and their attendances (in any session of it in the period); knowledge.
 * Participants are counted once by grouping (ckey, participant) first: a
 * sort, where count(DISTINCT participant_id) would grow a b-tree. */
#define CURRICULUM_STATS                                                                          \
    REPORT_SETS "INSERT INTO report.cstat SELECT r.ckey, r.sessions, coalesce(t.people, 0), "   \
    "coalesce(t.atts, 0), " KNOWLEDGE_OF("k") " FROM (SELECT ckey, count(*) AS sessions "      \
    "  FROM rses GROUP BY ckey) r "                                                             \
    "LEFT JOIN (SELECT ckey, count(*) AS people, sum(n) AS atts FROM (SELECT s.ckey, "          \
    "  t.participant_id, count(*) AS n FROM took t JOIN ses s ON s.id = t.session_id "         \
    "  GROUP BY s.ckey, t.participant_id) GROUP BY ckey) t USING (ckey) "                      \
    "LEFT JOIN (SELECT ckey, " KNOWLEDGE_COLUMNS " FROM pp GROUP BY ckey) k USING (ckey)"

/* The answers the question analysis counts: those in finished, scored
 * attempts of everyone recorded, with the curriculum version (ckey), the
 * check, the question, x (the answer is right) and the attempt's score.
 * sum_questions adds them up per question into report.qsum: the sums
 * question_stats needs (core/report_stats.h), y being the attempt's score
 * on its other questions. CROSS JOIN keeps SQLite to this order: from the
 * report's records to their attempts and then each attempt's answers, in
 * the order they are stored, where it would otherwise scan every answer
 * in the database and look up its attempt and record (a third slower on
 * the bench data, and more so for a short period of a large database). */
#define QUESTION_ANSWERS                                                                          \
    "SELECT s.ckey, c.check_id, a.question_id, a.correct <> 0, c.score FROM report.rec r "      \
    "  CROSS JOIN report.ses s ON s.id = r.session_id "                                         \
    "  CROSS JOIN check_attempt c "                                                             \
    "  ON c.session_id = r.session_id AND c.participant_id = r.participant_id "                 \
    "  CROSS JOIN check_answer a ON a.attempt_id = c.id "                                       \
    "  WHERE c.finished_at IS NOT NULL AND c.max_score > 0"

/* The sets, in the order report_open fills them, in the temporary
 * database "report". Parameters: :from :to (session dates), :cur
 * (curriculum id), :org (organisation name).
 *   cur     the curriculum versions of the report, each with a small key
 *           (ckey): sorting and grouping by an integer is cheaper than by
 *           two strings
 *   ses     the sessions in the period and curriculum, with their length
 *           (NULL while open); listed: a session of the report (with an
 *           organisation: one it took part in)
 *   rec     everyone recorded in them, of the organisation asked: by
 *           attendance, module progress or a check attempt, with the
 *           attendance status (NULL: none recorded, as in self-study
 *           without a roll call); took: took part (present, late, or no
 *           status but recorded). An attendance decides the status;
 *           progress and attempts only add whom the roll call does not
 *           have.
 *   people  per participant in rec: organisation, level and attendances
 *           (atts 0: recorded, never took part), in the order of
 *           organisation and level (a participant has one of each), so
 *           that the counts per organisation and level need no sort
 *   att     finished, scored check attempts of rec, with percent; a
 *           module check keeps its module, a pre/post check the time and
 *           id that decide which one counts (only what is read later, as
 *           this is the largest set)
 *   pp      per curriculum version and participant: the percent of the
 *           first pre-check and of the last post-check by (finished_at,
 *           uuid) - report_first / report_last below pick the row that
 *           row_number() over ORDER BY finished_at, uuid would, with one
 *           sort instead of one per window
 *   pm      per curriculum version, module and participant (above)
 *   cstat, mstat  the curricula and modules sections, worked out here so
 *           that their cursors hold nothing big while the sections are
 *           written one inside the other */
static const char *const setup_sql[] = {
    "CREATE TABLE report.cur (ckey INTEGER PRIMARY KEY, cid TEXT NOT NULL, cver TEXT NOT NULL, "
    "  UNIQUE (cid, cver))",
    "INSERT OR IGNORE INTO report.cur (cid, cver) SELECT curriculum_id, curriculum_version "
    "  FROM training_session WHERE (:from IS NULL OR date >= :from) "
    "  AND (:to IS NULL OR date <= :to) AND (:cur IS NULL OR curriculum_id = :cur) "
    "  AND cancelled_at IS NULL",

    "CREATE TABLE report.ses (id INTEGER PRIMARY KEY, kind TEXT, ckey INTEGER, date TEXT, "
    "  secs INTEGER, listed INTEGER)",
    "INSERT INTO report.ses SELECT t.id, t.kind, c.ckey, t.date, " SESSION_SECONDS("t") ", "
    "  :org IS NULL FROM training_session t JOIN report.cur c ON c.cid = t.curriculum_id "
    "  AND c.cver = t.curriculum_version WHERE (:from IS NULL OR t.date >= :from) "
    "  AND (:to IS NULL OR t.date <= :to) AND (:cur IS NULL OR t.curriculum_id = :cur) "
    "  AND t.cancelled_at IS NULL",

    "CREATE TABLE report.rec (session_id INTEGER, participant_id INTEGER, status TEXT, "
    "  level TEXT, oid INTEGER, took INTEGER, mins INTEGER, "
    "  PRIMARY KEY (session_id, participant_id)) WITHOUT ROWID",
    "INSERT INTO report.rec SELECT a.session_id, a.participant_id, a.status, p.level, o.id, "
    "  a.status IN " TAKES_PART ", CASE WHEN a.status IN ('late', 'left_early') THEN a.minutes END "
    "  FROM report.ses s JOIN attendance a ON a.session_id = s.id "
    "  JOIN participant p ON p.id = a.participant_id JOIN organisation o ON o.id = p.organisation_id "
    "  WHERE :org IS NULL OR o.name = :org COLLATE " TL_COLLATE_SV_PRIMARY,
    "INSERT INTO report.rec SELECT x.session_id, x.participant_id, NULL, p.level, o.id, 1, NULL "
    "  FROM (SELECT DISTINCT m.session_id, m.participant_id FROM report.ses s "
    "  JOIN module_progress m ON m.session_id = s.id) x "
    "  JOIN participant p ON p.id = x.participant_id JOIN organisation o ON o.id = p.organisation_id "
    "  WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = x.session_id "
    "  AND a.participant_id = x.participant_id) AND (:org IS NULL OR o.name = :org COLLATE " TL_COLLATE_SV_PRIMARY ")",
    "INSERT INTO report.rec SELECT x.session_id, x.participant_id, NULL, p.level, o.id, 1, NULL "
    "  FROM (SELECT DISTINCT c.session_id, c.participant_id FROM report.ses s "
    "  JOIN check_attempt c ON c.session_id = s.id) x "
    "  JOIN participant p ON p.id = x.participant_id JOIN organisation o ON o.id = p.organisation_id "
    "  WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = x.session_id "
    "  AND a.participant_id = x.participant_id) AND NOT EXISTS (SELECT 1 FROM module_progress m "
    "  WHERE m.session_id = x.session_id AND m.participant_id = x.participant_id) "
    "  AND (:org IS NULL OR o.name = :org COLLATE " TL_COLLATE_SV_PRIMARY ")",
    "UPDATE report.ses SET listed = 1 WHERE :org IS NOT NULL "
    "  AND id IN (SELECT session_id FROM report.rec WHERE took)",
    /* A session with nobody on it (opened by mistake) counts nowhere. */
    "DELETE FROM report.ses WHERE id NOT IN (SELECT session_id FROM report.rec)",

    "CREATE TABLE report.people (oid INTEGER, level TEXT, participant_id INTEGER, atts INTEGER, "
    "  PRIMARY KEY (oid, level, participant_id)) WITHOUT ROWID",
    "INSERT INTO report.people SELECT oid, level, participant_id, sum(took) FROM report.rec "
    "  GROUP BY oid, level, participant_id",

    "CREATE TABLE report.att (participant_id INTEGER, ckey INTEGER, phase TEXT, check_id TEXT, "
    "  finished_at TEXT, uuid TEXT, passed INTEGER, pct REAL)",
    "INSERT INTO report.att SELECT c.participant_id, s.ckey, c.phase, "
    "  CASE WHEN c.phase = 'module' THEN c.check_id END, "
    "  CASE WHEN c.phase <> 'module' THEN c.finished_at END, "
    "  CASE WHEN c.phase <> 'module' THEN c.uuid END, c.passed, 100.0 * c.score / c.max_score "
    "  FROM report.rec r JOIN check_attempt c "
    "  ON c.session_id = r.session_id AND c.participant_id = r.participant_id "
    "  JOIN report.ses s ON s.id = r.session_id WHERE c.finished_at IS NOT NULL AND c.max_score > 0",

    "CREATE TABLE report.pp (ckey INTEGER, participant_id INTEGER, pre REAL, post REAL, "
    "  PRIMARY KEY (ckey, participant_id)) WITHOUT ROWID",
    "INSERT INTO report.pp SELECT ckey, participant_id, "
    "  report_first(finished_at, uuid, pct) FILTER (WHERE phase = 'pre'), "
    "  report_last(finished_at, uuid, pct) FILTER (WHERE phase = 'post') "
    "  FROM report.att WHERE phase IN ('pre', 'post') GROUP BY ckey, participant_id",

    "CREATE TABLE report.pm (ckey INTEGER, module_id TEXT, participant_id INTEGER, done INTEGER, "
    "  tried INTEGER, ok INTEGER, secs INTEGER, PRIMARY KEY (ckey, module_id, participant_id)) "
    "  WITHOUT ROWID",
    PARTICIPANT_MODULES,

    "CREATE TABLE report.cstat (ckey INTEGER PRIMARY KEY, sessions INTEGER, people INTEGER, "
    "  atts INTEGER, pre_n INTEGER, pre_mean REAL, post_n INTEGER, post_mean REAL, both_n INTEGER, "
    "  gain REAL, improved INTEGER, pre_b0 INTEGER, pre_b1 INTEGER, pre_b2 INTEGER, pre_b3 INTEGER, "
    "  pre_b4 INTEGER, post_b0 INTEGER, post_b1 INTEGER, post_b2 INTEGER, post_b3 INTEGER, "
    "  post_b4 INTEGER)",
    CURRICULUM_STATS,
    "CREATE TABLE report.mstat (ckey INTEGER, module_id TEXT, participants INTEGER, done INTEGER, "
    "  done_ok INTEGER, tried INTEGER, ok INTEGER, attempts INTEGER, mean REAL, "
    "  PRIMARY KEY (ckey, module_id)) WITHOUT ROWID",
    MODULE_STATS,
    "CREATE TABLE report.qsum (ckey INTEGER, check_id TEXT, question_id TEXT, n INTEGER, "
    "  x INTEGER, y REAL, yy REAL, xy REAL, PRIMARY KEY (ckey, check_id, question_id)) WITHOUT ROWID",
};

enum {
    Q_TOTALS, Q_MONTHS, Q_GROUPS, Q_ORGS, Q_CURRICULA, Q_MODULES, Q_SESSIONS,
    Q_ATTENDEES, Q_PROGRESS, Q_ATTEMPTS, Q_ANSWERS, Q_CHECKLISTS, Q_QUESTIONS, Q_INDICATORS, Q_COUNT
};

/* ---- the sections ---- */

static const char *const queries[Q_COUNT] = {
    [Q_TOTALS] = REPORT_SETS ", " RUNS_DEF
    "SELECT (SELECT count(*) FROM rses), (SELECT count(*) FROM rses WHERE kind = 'group'), "
    "(SELECT count(*) FROM rses WHERE kind = 'self'), "
    "(SELECT coalesce(sum(atts), 0) FROM orglevel), (SELECT coalesce(sum(people), 0) FROM orglevel), "
    "(SELECT count(DISTINCT oid) FROM orglevel), "
    "(SELECT coalesce(sum(secs), 0) FROM rses), "
    "(SELECT coalesce(sum(" ATTENDED_SECONDS("t", "s") "), 0) FROM took t JOIN rses s ON s.id = t.session_id), "
    "(SELECT coalesce(sum(secs), 0) FROM report.pm), (SELECT count(*) FROM runs)",

    /* Sessions and attendances are counted apart and joined by month. */
    [Q_MONTHS] = REPORT_SETS
    "SELECT m.month, m.sessions, coalesce(a.atts, 0), coalesce(a.people, 0) FROM "
    "(SELECT substr(date, 1, 7) AS month, count(*) AS sessions FROM rses GROUP BY month) m "
    "LEFT JOIN (SELECT month, count(*) AS people, sum(n) AS atts FROM (SELECT substr(s.date, 1, 7) "
    "  AS month, t.participant_id, count(*) AS n FROM took t JOIN rses s ON s.id = t.session_id "
    "  GROUP BY month, t.participant_id) GROUP BY month) a USING (month) ORDER BY m.month",

    [Q_GROUPS] = REPORT_SETS
    "SELECT g.otype, g.level, g.orgs, g.people, g.atts, " KNOWLEDGE_OF("k") " FROM "
    "(SELECT otype, level, count(*) AS orgs, sum(people) AS people, sum(atts) AS atts "
    "  FROM orglevel GROUP BY otype, level) g "
    "LEFT JOIN (SELECT o.type AS otype, p.level AS level, " KNOWLEDGE_COLUMNS " FROM pp "
    "  JOIN participant p ON p.id = pp.participant_id JOIN organisation o ON o.id = p.organisation_id "
    "  GROUP BY o.type, p.level) k USING (otype, level) ORDER BY g.otype, g.level",

    [Q_ORGS] = REPORT_SETS
    "SELECT o.name, o.type, t.people, t.atts FROM (SELECT oid, sum(people) AS people, "
    "sum(atts) AS atts FROM orglevel GROUP BY oid) t "
    "JOIN organisation o ON o.id = t.oid ORDER BY o.name, o.type",

    [Q_CURRICULA] = "SELECT c.cid, c.cver, s.sessions, s.people, s.atts, " KNOWLEDGE_OF("s")
    ", s.ckey FROM report.cstat s JOIN report.cur c USING (ckey) "
    "ORDER BY c.cid, c.cver",

    [Q_MODULES] = "SELECT module_id, participants, done, done_ok, tried, ok, attempts, mean "
    "FROM report.mstat WHERE ckey = :ckey ORDER BY module_id",

    [Q_SESSIONS] = "SELECT t.id, t.uuid, t.kind, t.curriculum_id, t.curriculum_version, t.content_hash, "
    "t.date, t.start_time, t.end_time, t.trainer, t.location, t.description FROM report.ses s "
    "JOIN training_session t ON t.id = s.id WHERE s.listed ORDER BY t.date, t.start_time, t.uuid",

    [Q_ATTENDEES] = "SELECT r.participant_id, p.uuid, CASE WHEN :names THEN p.name END, r.level, o.name, "
    "o.type, r.status, r.mins FROM report.rec r JOIN participant p ON p.id = r.participant_id "
    "JOIN organisation o ON o.id = r.oid WHERE r.session_id = :session ORDER BY p.uuid",

    [Q_PROGRESS] = "SELECT module_id, page, pages_total, seconds_spent, started_at, completed_at "
    "FROM module_progress WHERE session_id = :session AND participant_id = :participant "
    "ORDER BY module_id",

    [Q_ATTEMPTS] = "SELECT id, uuid, check_id, phase, attempt_no, started_at, finished_at, score, "
    "max_score, passed FROM check_attempt WHERE session_id = :session "
    "AND participant_id = :participant ORDER BY started_at, attempt_no, uuid",

    [Q_ANSWERS] = "SELECT question_id, chosen, correct FROM check_answer WHERE attempt_id = :attempt "
    "ORDER BY question_id",

    [Q_CHECKLISTS] = "WITH " RUNS_DEF
    "SELECT checklist_id, month, outcome_id, count(*), "
    "sum(count(*)) OVER (PARTITION BY checklist_id), "
    "sum(count(*)) OVER (PARTITION BY checklist_id, month) "
    "FROM runs GROUP BY checklist_id, month, outcome_id ORDER BY checklist_id, month, outcome_id",

    [Q_QUESTIONS] = "SELECT c.cid, c.cver, q.check_id, q.question_id, q.n, q.x, q.y, q.yy, q.xy "
    "FROM report.qsum q JOIN report.cur c USING (ckey) ORDER BY c.cid, c.cver, q.check_id, q.question_id",

    /* The site's own yes answers (protected in C) beside a merge's
     * imported cells; none of either with a curriculum or an organisation
     * (as RUNS_DEF). */
    [Q_INDICATORS] = "WITH " RUNS_DEF
    "SELECT checklist_id, indicator_id, sum(own), sum(shown), sum(small) FROM ("
    "  SELECT r.checklist_id, a.indicator_id, sum(a.answer = 'yes') AS own, 0 AS shown, 0 AS small "
    "  FROM runs r JOIN checklist_answer a ON a.run_id = r.id GROUP BY r.checklist_id, a.indicator_id "
    "  UNION ALL SELECT checklist_id, indicator_id, 0, shown, small FROM temp.import_indicator "
    "  WHERE :cur IS NULL AND :org IS NULL) "
    "GROUP BY checklist_id, indicator_id ORDER BY checklist_id, indicator_id",
};

struct tl_report {
    tl_store *s;
    const tl_library *lib;
    const tl_curriculum *cu; /* the current curriculum as loaded, or NULL */
    sqlite3_stmt *q[Q_COUNT];
    bool done[Q_COUNT];
    bool attached, in_transaction;
};

/* ---- first / last attempt: two small aggregate functions ----
 * report_first(t, u, v) is the v of the row with the least (t, u), in the
 * order ORDER BY t, u gives; report_last the v of the greatest. A window
 * function (row_number() = 1) says the same but sorts every attempt again
 * for each partition order; these need only the GROUP BY. */

typedef struct {
    sqlite3_value *t, *u, *v; /* of the best row so far (copies) */
} best_row;

/* SQLite's order of two values: NULL, numbers, text, blobs; text and
 * blobs byte by byte (the BINARY collation), the shorter first on a tie. */
static int value_rank(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return 0;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: return 1;
    case SQLITE_TEXT: return 2;
    default: return 3;
    }
}

static int value_cmp(sqlite3_value *a, sqlite3_value *b)
{
    int ra = value_rank(a), rb = value_rank(b);
    if (ra != rb || ra == 0)
        return ra - rb;
    if (ra == 1) {
        double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
        return (x > y) - (x < y);
    }
    const void *pa = ra == 2 ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a);
    const void *pb = ra == 2 ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b);
    int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
    int c = na && nb ? memcmp(pa, pb, (size_t)(na < nb ? na : nb)) : 0;
    return c ? c : na - nb;
}

static void best_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    best_row *b = sqlite3_aggregate_context(ctx, sizeof *b);
    if (!b)
        return;
    int sign = (int)(intptr_t)sqlite3_user_data(ctx); /* 1: first, -1: last */
    if (b->t) {
        int c = value_cmp(argv[0], b->t);
        if (c == 0)
            c = value_cmp(argv[1], b->u);
        if (c * sign >= 0)
            return;
    }
    sqlite3_value_free(b->t);
    sqlite3_value_free(b->u);
    sqlite3_value_free(b->v);
    b->t = sqlite3_value_dup(argv[0]);
    b->u = sqlite3_value_dup(argv[1]);
    b->v = sqlite3_value_dup(argv[2]);
    if (!b->t || !b->u || !b->v)
        sqlite3_result_error_nomem(ctx);
}

static void best_final(sqlite3_context *ctx)
{
    best_row *b = sqlite3_aggregate_context(ctx, 0);
    if (!b || !b->v) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_value(ctx, b->v);
    sqlite3_value_free(b->t);
    sqlite3_value_free(b->u);
    sqlite3_value_free(b->v);
}

static int register_functions(sqlite3 *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function_v2(db, "report_first", 3, flags, (void *)(intptr_t)1, NULL,
                                        best_step, best_final, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "report_last", 3, flags, (void *)(intptr_t)-1, NULL,
                                        best_step, best_final, NULL);
    return rc;
}

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
    return rc;
}

/* Rewinds a nested cursor for a new parent row. */
static void restart(tl_report *r, int q)
{
    sqlite3_reset(r->q[q]);
    r->done[q] = false;
}

/* A section that has ended is reset at once: that frees what its query
 * held (sorters, temporary b-trees) before the next section starts. */
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
    sqlite3_reset(r->q[q]);
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
    k->improved = sqlite3_column_int64(st, col + 6);
    for (int b = 0; b < REPORT_BANDS; b++) {
        k->pre_bands[b] = sqlite3_column_int64(st, col + 7 + b);
        k->post_bands[b] = sqlite3_column_int64(st, col + 7 + REPORT_BANDS + b);
    }
}

/* ---- opening ---- */

static tl_status run_bound(tl_report *r, const char *sql, const tl_report_filter *f, tl_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(r->s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_filter(st, f);
    if (rc == SQLITE_OK)
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE || rc == SQLITE_OK)
        return TL_OK;
    return sql_fail(r->s, err, rc, "cannot prepare the report");
}

/* The sets go into a private temporary database: SQLite keeps a little of
 * it in memory (its page cache) and the rest in a file that is deleted when
 * it is detached, so memory stays flat however large the report is, and
 * nothing of it outlives the report. It is attached before the read
 * transaction starts (SQLite does not attach inside one). */
static tl_status attach_scratch(tl_report *r, tl_error *err)
{
    sqlite3_exec(r->s->db, "DETACH DATABASE report", NULL, NULL, NULL); /* a report never closed */
    int rc = sqlite3_exec(r->s->db, "ATTACH DATABASE '' AS report", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(r->s->db, IMPORT_INDICATOR_TABLE, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(r->s, err, rc, "cannot prepare the report");
    r->attached = true;
    rc = register_functions(r->s->db);
    return rc == SQLITE_OK ? TL_OK : sql_fail(r->s, err, rc, "cannot prepare the report");
}

/* ---- the question sums ---- */

/* The question sums are added up here rather than by a GROUP BY: SQLite
 * would sort every answer of the report (1.5 million at 10,000 sessions)
 * to group them into a few dozen questions, which made the export 60 %
 * slower; a small hash table of the questions takes one pass. */
typedef struct {
    int64_t ckey;
    char *check_id, *question_id; /* NULL: an empty slot */
    int64_t n, x, y, yy, xy;      /* as report.qsum */
} question_cell;

typedef struct {
    question_cell *cells;
    size_t n, cap; /* cap: a power of two, at least twice n */
} question_table;

static uint64_t fnv_add(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u; /* 0xff ends a string: "ab","c" is not "a","bc" */
}

static question_cell *question_slot(question_cell *cells, size_t cap, int64_t ckey, const char *check,
                                    const char *question)
{
    uint64_t h = fnv_add(fnv_add(14695981039346656037u ^ (uint64_t)ckey, check), question);
    size_t i = (size_t)h & (cap - 1);
    while (cells[i].check_id && !(cells[i].ckey == ckey && strcmp(cells[i].check_id, check) == 0 &&
                                  strcmp(cells[i].question_id, question) == 0))
        i = (i + 1) & (cap - 1);
    return &cells[i];
}

static question_cell *question_cell_of(question_table *t, int64_t ckey, const char *check,
                                       const char *question)
{
    if (2 * (t->n + 1) > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        question_cell *cells = calloc(cap, sizeof *cells);
        if (!cells)
            abort();
        for (size_t i = 0; i < t->cap; i++)
            if (t->cells[i].check_id)
                *question_slot(cells, cap, t->cells[i].ckey, t->cells[i].check_id, t->cells[i].question_id) =
                    t->cells[i];
        free(t->cells);
        t->cells = cells;
        t->cap = cap;
    }
    question_cell *c = question_slot(t->cells, t->cap, ckey, check, question);
    if (!c->check_id) {
        c->ckey = ckey;
        c->check_id = strdup(check);
        c->question_id = strdup(question);
        if (!c->check_id || !c->question_id)
            abort();
        t->n++;
    }
    return c;
}

static void add_answer(question_cell *c, sqlite3_stmt *st)
{
    int64_t x = sqlite3_column_int64(st, 3);
    c->n++;
    c->x += x;
    if (sqlite3_column_type(st, 4) == SQLITE_NULL)
        return; /* no score: no rest score either */
    int64_t y = sqlite3_column_int64(st, 4) - x;
    c->y += y;
    c->yy += y * y;
    c->xy += x * y;
}

/* Questions with enough answers into report.qsum. */
static tl_status store_questions(tl_report *r, const question_table *t, tl_error *err)
{
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < t->cap; i++) {
        const question_cell *c = &t->cells[i];
        if (c->check_id && c->n >= QUESTION_MIN_ANSWERS)
            st = sql_run(r->s, err, NULL, "INSERT INTO report.qsum VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         "ittiiiii", c->ckey, c->check_id, c->question_id, c->n, c->x, c->y, c->yy, c->xy);
    }
    return st;
}

static tl_status sum_questions(tl_report *r, tl_error *err)
{
    question_table t = {0};
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(r->s->db, QUESTION_ANSWERS, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *check = col_text(st, 1), *question = col_text(st, 2);
        if (check && question) /* NOT NULL in the schema */
            add_answer(question_cell_of(&t, sqlite3_column_int64(st, 0), check, question), st);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    tl_status result =
        rc == SQLITE_DONE ? store_questions(r, &t, err) : sql_fail(r->s, err, rc, "cannot prepare the report");
    for (size_t i = 0; i < t.cap; i++) {
        free(t.cells[i].check_id);
        free(t.cells[i].question_id);
    }
    free(t.cells);
    return result;
}

/* Works out the sets (see setup_sql) in the report's transaction. */
static tl_status fill_sets(tl_report *r, const tl_report_filter *f, tl_error *err)
{
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < sizeof setup_sql / sizeof setup_sql[0]; i++)
        st = run_bound(r, setup_sql[i], f, err);
    return st == TL_OK ? sum_questions(r, err) : st;
}

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
    tl_status st = attach_scratch(r, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "BEGIN", "");
    if (st == TL_OK) {
        r->in_transaction = true;
        int64_t n;
        st = sql_int(s, err, &n, "SELECT count(*) FROM training_session", "");
    }
    if (st == TL_OK)
        st = fill_sets(r, f, err);
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
    /* Nothing of the store was written: a COMMIT that fails (the scratch
     * tables' file) is rolled back, or the connection would stay in this
     * snapshot for good. */
    if (r->in_transaction && sql_run(r->s, NULL, NULL, "COMMIT", "") != TL_OK)
        sql_run(r->s, NULL, NULL, "ROLLBACK", "");
    if (r->attached)
        sqlite3_exec(r->s->db, "DETACH DATABASE report", NULL, NULL, NULL);
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
    sqlite3_reset(q); /* one row: free the query at once */
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
    if (bind_int(r->q[Q_MODULES], ":ckey", sqlite3_column_int64(q, 5 + KNOWLEDGE_N)) != SQLITE_OK)
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
    restart(r, Q_ATTENDEES);
    if (bind_int(r->q[Q_ATTENDEES], ":session", sqlite3_column_int64(q, 0)) != SQLITE_OK)
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
                                col_text(q, 5), col_text(q, 6),
                                sqlite3_column_type(q, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 7)};
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

tl_status report_next_question(tl_report *r, tl_report_question *row, bool *has, tl_error *err)
{
    for (;;) {
        tl_status st = next_row(r, Q_QUESTIONS, has, err);
        if (st != TL_OK || !*has)
            return st;
        sqlite3_stmt *q = r->q[Q_QUESTIONS];
        tl_question_sums sums = {sqlite3_column_int64(q, 4), sqlite3_column_int64(q, 5),
                                 sqlite3_column_double(q, 6), sqlite3_column_double(q, 7),
                                 sqlite3_column_double(q, 8)};
        *row = (tl_report_question){col_text(q, 0), col_text(q, 1), col_text(q, 2), col_text(q, 3),
                                    sums.n, sums.right, {.difficulty = 0}};
        if (question_stats(&sums, &row->stats))
            return TL_OK; /* the query keeps only those with enough answers */
    }
}

tl_status report_next_indicator(tl_report *r, tl_report_indicator *row, bool *has, tl_error *err)
{
    tl_status st = next_row(r, Q_INDICATORS, has, err);
    if (st != TL_OK || !*has)
        return st;
    sqlite3_stmt *q = r->q[Q_INDICATORS];
    tl_protected_count imported = {sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4)};
    *row = (tl_report_indicator){col_text(q, 0), col_text(q, 1),
                                 protected_add(small_cell_protect(sqlite3_column_int64(q, 2)), imported)};
    return TL_OK;
}
