/* Simulated stops for the workflow tests (header-only): a second
 * connection to the test's database runs SQL beside the program's own, for
 * instance a trigger that makes one write statement fail, as a full disk or
 * a killed process would in the middle of a workflow step. */
#ifndef TILLIT_STORE_FAULT_H
#define TILLIT_STORE_FAULT_H

#include "testutil.h"

#include <sqlite3.h>

static inline void side_sql(const char *path, const char *statements)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    char *msg = NULL;
    if (sqlite3_exec(db, statements, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s", msg);
    sqlite3_close(db);
}

/* One integer from the database, read beside the program. */
static inline int64_t side_int(const char *path, const char *query)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, query, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* The first row's first column as text, read beside the program. */
static inline void side_text(const char *path, const char *query, char *out, size_t size)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, query, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *v = sqlite3_column_text(st, 0);
    snprintf(out, size, "%s", v ? (const char *)v : "");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* Makes the write `event` (e.g. "INSERT ON attendance", "UPDATE OF
 * outcome_id ON checklist_run") fail until stop_clear. */
static inline void stop_at(const char *path, const char *event)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "CREATE TRIGGER simulated_stop BEFORE %s BEGIN SELECT RAISE(ABORT, 'simulated stop'); END;", event);
    side_sql(path, sql);
}

static inline void stop_clear(const char *path)
{
    side_sql(path, "DROP TRIGGER IF EXISTS simulated_stop;");
}

#endif
