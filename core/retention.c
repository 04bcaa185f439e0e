#include "retention.h"

#include "access_log.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const tl_record_kind_names[TL_KIND_COUNT] = {"checklist-runs", "training", "access-log"};
static const char *const unit_names[] = {"days", "months", "years"};
static const char unit_letters[] = "dmy";
/* Up to 100 years in each unit: beyond that a rule is a typing mistake. */
static const int unit_max[] = {36525, 1200, 100};

int retention_kind(const char *name)
{
    for (int k = 0; k < TL_KIND_COUNT; k++)
        if (strcmp(name, tl_record_kind_names[k]) == 0)
            return k;
    return -1;
}

tl_status retention_parse(const char *text, tl_retention *out, tl_error *err)
{
    *out = (tl_retention){0};
    if (strcmp(text, "keep") == 0)
        return TL_OK;
    char *end;
    long n = strtol(text, &end, 10);
    const char *unit = end[0] && !end[1] ? strchr(unit_letters, end[0]) : NULL;
    if (end == text || text[0] < '1' || text[0] > '9' || !unit || n > unit_max[unit - unit_letters])
        return tl_fail(err, TL_USAGE, "'%s' is not a retention period (e.g. 90d, 18m, 3y, or keep)", text);
    *out = (tl_retention){(int)n, (tl_retention_unit)(unit - unit_letters)};
    return TL_OK;
}

void retention_format(const tl_retention *r, char *buf, size_t size)
{
    if (r->amount <= 0)
        snprintf(buf, size, "keep");
    else
        snprintf(buf, size, "%d%c", r->amount, unit_letters[r->unit]);
}

tl_status retention_get(tl_store *s, tl_retention rules[TL_KIND_COUNT], tl_error *err)
{
    for (int k = 0; k < TL_KIND_COUNT; k++)
        rules[k] = (tl_retention){0};
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err, "SELECT kind, amount, unit FROM retention_rule", "");
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(st, 0);
        const char *unit = (const char *)sqlite3_column_text(st, 2);
        int k = kind ? retention_kind(kind) : -1;
        for (int u = 0; k >= 0 && unit && u < 3; u++)
            if (strcmp(unit, unit_names[u]) == 0)
                rules[k] = (tl_retention){sqlite3_column_int(st, 1), (tl_retention_unit)u};
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read the retention rules");
}

tl_status retention_set(tl_store *s, tl_record_kind kind, const tl_retention *r, tl_error *err)
{
    char detail[64], period[16];
    retention_format(r, period, sizeof period);
    snprintf(detail, sizeof detail, "%s %s", tl_record_kind_names[kind], period);
    tl_status st = sql_begin(s, err);
    if (st != TL_OK)
        return st;
    if (r->amount > 0)
        st = sql_run(s, err, NULL,
                     "INSERT INTO retention_rule (kind, amount, unit) VALUES (?, ?, ?) ON CONFLICT (kind) "
                     "DO UPDATE SET amount = excluded.amount, unit = excluded.unit, "
                     "set_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
                     "tnt", tl_record_kind_names[kind], r->amount, unit_names[r->unit]);
    else
        st = sql_run(s, err, NULL, "DELETE FROM retention_rule WHERE kind = ?", "t", tl_record_kind_names[kind]);
    if (st == TL_OK)
        st = access_log_add(s, TL_LOG_RETENTION, detail, err);
    return sql_end(s, st, err);
}

/* The rows each kind's rule has run out for; no rule: none ('' is before
 * every date). */
#define CUTOFF(kind) "coalesce((SELECT cutoff FROM retention_cutoff WHERE kind = '" kind "'), '')"
#define OLD_RUNS "FROM checklist_run WHERE updated_at < " CUTOFF("checklist-runs")
#define OLD_SESSIONS "FROM training_session WHERE date < substr(" CUTOFF("training") ", 1, 10)"
#define OLD_LOG "FROM access_log WHERE at < " CUTOFF("access-log")
/* The participants who have records in the old sessions and in no other. */
#define OLD_PEOPLE                                                                                  \
    "SELECT p FROM (SELECT participant_id AS p FROM attendance WHERE session_id IN (SELECT id "    \
    OLD_SESSIONS ") UNION SELECT participant_id FROM module_progress WHERE session_id IN "         \
    "(SELECT id " OLD_SESSIONS ") UNION SELECT participant_id FROM check_attempt WHERE "           \
    "session_id IN (SELECT id " OLD_SESSIONS ")) WHERE "                                           \
    "NOT EXISTS (SELECT 1 FROM attendance a JOIN training_session t ON t.id = a.session_id "       \
    "  WHERE a.participant_id = p AND t.id NOT IN (SELECT id " OLD_SESSIONS ")) AND "              \
    "NOT EXISTS (SELECT 1 FROM module_progress m WHERE m.participant_id = p AND m.session_id "     \
    "  NOT IN (SELECT id " OLD_SESSIONS ")) AND "                                                  \
    "NOT EXISTS (SELECT 1 FROM check_attempt c WHERE c.participant_id = p AND c.session_id "       \
    "  NOT IN (SELECT id " OLD_SESSIONS "))"

tl_status purge_count(tl_store *s, tl_purge_counts *c, tl_error *err)
{
    *c = (tl_purge_counts){0};
    tl_status st = sql_int(s, err, &c->of_kind[TL_KIND_CHECKLIST_RUNS], "SELECT count(*) " OLD_RUNS, "");
    if (st == TL_OK)
        st = sql_int(s, err, &c->of_kind[TL_KIND_TRAINING], "SELECT count(*) " OLD_SESSIONS, "");
    if (st == TL_OK)
        st = sql_int(s, err, &c->of_kind[TL_KIND_ACCESS_LOG], "SELECT count(*) " OLD_LOG, "");
    if (st == TL_OK)
        st = sql_int(s, err, &c->participants, "SELECT count(*) FROM (" OLD_PEOPLE ")", "");
    return st;
}

static tl_status delete_old(tl_store *s, const tl_purge_counts *c, tl_error *err)
{
    char detail[256];
    snprintf(detail, sizeof detail, "checklist-runs %lld, training %lld sessions and %lld participants, "
             "access-log %lld", (long long)c->of_kind[TL_KIND_CHECKLIST_RUNS],
             (long long)c->of_kind[TL_KIND_TRAINING], (long long)c->participants,
             (long long)c->of_kind[TL_KIND_ACCESS_LOG]);
    tl_status st = sql_run(s, err, NULL, "CREATE TEMP TABLE purge_people AS " OLD_PEOPLE, "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "DELETE " OLD_RUNS, "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "DELETE " OLD_SESSIONS, "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "DELETE FROM participant WHERE id IN (SELECT p FROM temp.purge_people)", "");
    if (st == TL_OK) {
        s->log_purge = true; /* the log's trigger lets this connection through */
        st = sql_run(s, err, NULL, "DELETE " OLD_LOG, "");
        s->log_purge = false;
    }
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "DROP TABLE temp.purge_people", "");
    return st == TL_OK ? access_log_add(s, TL_LOG_PURGE, detail, err) : st;
}

tl_status purge_run(tl_store *s, bool vacuum, tl_purge_counts *done, tl_error *err)
{
    tl_purge_counts c;
    tl_status st = sql_begin(s, err);
    if (st != TL_OK)
        return st;
    st = purge_count(s, &c, err);
    if (st == TL_OK)
        st = delete_old(s, &c, err);
    st = sql_end(s, st, err);
    if (st == TL_OK && done)
        *done = c;
    return st == TL_OK ? scrub_deleted(s, vacuum, err) : st;
}

tl_status scrub_deleted(tl_store *s, bool vacuum, tl_error *err)
{
    tl_status st = vacuum ? sql_run(s, err, NULL, "VACUUM", "") : TL_OK;
    if (st != TL_OK)
        return st;
    sqlite3_stmt *q;
    st = sql_query(s, &q, err, "PRAGMA wal_checkpoint(TRUNCATE)", "");
    if (st != TL_OK)
        return st;
    int rc = sqlite3_step(q);
    int busy = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(s, err, rc, "cannot move the WAL into the database");
    if (busy)
        return tl_fail(err, TL_IOERR, "%s: the deletion is saved, but another tillit is reading the "
                       "database, so its old pages are still in the WAL; run 'tillit purge' again "
                       "when nobody else uses it", s->path);
    return TL_OK;
}
