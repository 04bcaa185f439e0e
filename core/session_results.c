#include "session_results.h"

#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

/* Everyone recorded in the session (?1), in roll-call order (people
 * without an attendance, as in self-study, after it), with their results. */
static const char results_sql[] =
    "WITH who AS (SELECT participant_id FROM attendance WHERE session_id = ?1 "
    "  UNION SELECT participant_id FROM module_progress WHERE session_id = ?1 "
    "  UNION SELECT participant_id FROM check_attempt WHERE session_id = ?1), "
    "scored AS (SELECT participant_id, check_id, phase, passed, finished_at, uuid, "
    "  100.0 * score / max_score AS pct FROM check_attempt "
    "  WHERE session_id = ?1 AND finished_at IS NOT NULL AND max_score > 0) "
    "SELECT p.id, p.name, o.name, a.status, coalesce(a.minutes, -1), "
    "  coalesce((SELECT pct FROM scored c WHERE c.participant_id = p.id AND phase = 'pre' "
    "    ORDER BY finished_at, uuid LIMIT 1), -1), "
    "  coalesce((SELECT pct FROM scored c WHERE c.participant_id = p.id AND phase = 'post' "
    "    ORDER BY finished_at DESC, uuid DESC LIMIT 1), -1), "
    "  (SELECT count(DISTINCT check_id) FROM scored c WHERE c.participant_id = p.id AND phase = 'module'), "
    "  (SELECT count(DISTINCT check_id) FROM scored c WHERE c.participant_id = p.id AND phase = 'module' "
    "    AND passed = 1), "
    "  (SELECT count(*) FROM module_progress m WHERE m.session_id = ?1 AND m.participant_id = p.id "
    "    AND m.completed_at IS NOT NULL) "
    "FROM who JOIN participant p ON p.id = who.participant_id "
    "JOIN organisation o ON o.id = p.organisation_id "
    "LEFT JOIN attendance a ON a.session_id = ?1 AND a.participant_id = p.id "
    "ORDER BY a.rowid IS NULL, a.rowid, p.id";

static char *column_copy(sqlite3_stmt *q, int col)
{
    const char *text = (const char *)sqlite3_column_text(q, col);
    if (!text)
        return NULL;
    char *copy = strdup(text);
    if (!copy)
        abort();
    return copy;
}

static void read_row(sqlite3_stmt *q, int place, tl_result_row *row)
{
    const char *status = (const char *)sqlite3_column_text(q, 3);
    *row = (tl_result_row){.participant = sqlite3_column_int64(q, 0),
                           .place = place,
                           .name = column_copy(q, 1),
                           .organisation = column_copy(q, 2),
                           .minutes = sqlite3_column_int(q, 4),
                           .pre = sqlite3_column_double(q, 5),
                           .post = sqlite3_column_double(q, 6),
                           .module_checks_taken = sqlite3_column_int(q, 7),
                           .module_checks_passed = sqlite3_column_int(q, 8),
                           .modules_completed = sqlite3_column_int(q, 9)};
    for (int i = 0; status && i < TL_ATT_COUNT; i++)
        if (strcmp(status, tl_attendance_names[i]) == 0) {
            row->has_status = true;
            row->status = (tl_attendance)i;
        }
}

tl_status session_results(tl_store *s, tl_id session, tl_session_results *out, tl_error *err)
{
    *out = (tl_session_results){0};
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err, results_sql, "i", (int64_t)session);
    if (st != TL_OK)
        return st;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 16;
            out->rows = realloc(out->rows, cap * sizeof *out->rows);
            if (!out->rows)
                abort();
        }
        read_row(q, (int)out->n + 1, &out->rows[out->n]);
        out->n++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        session_results_free(out);
        return sql_fail(s, err, rc, "cannot read the session's results");
    }
    return TL_OK;
}

void session_results_free(tl_session_results *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].name);
        free(r->rows[i].organisation);
    }
    free(r->rows);
    *r = (tl_session_results){0};
}

bool result_gain(const tl_result_row *row, double *gain)
{
    if (row->pre < 0 || row->post < 0)
        return false;
    *gain = row->post - row->pre;
    return true;
}
