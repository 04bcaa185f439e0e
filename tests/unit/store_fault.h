/* Simulated stops for the workflow tests (header-only): a second
 * connection to the test's database runs SQL beside the program's own, for
 * instance a trigger that makes one write statement fail, as a full disk or
 * a killed process would in the middle of a workflow step. */
#ifndef TILLIT_STORE_FAULT_H
#define TILLIT_STORE_FAULT_H

#include "testutil.h"

#include "content.h"
#include "store.h"

#include <sqlite3.h>

/* A workflow test's world: a fresh folder with a new store, and one
 * content file loaded. */
typedef struct {
    test_folder *folder;
    tl_store *s;
    tl_content *content;
} test_world;

static inline void world_open(test_world *w, const char *content_path)
{
    void *folder;
    test_folder_setup(&folder, "tillit.db");
    w->folder = folder;
    tl_diags d = {0};
    tl_error err = {0};
    if (content_load_file(content_path, &w->content, &d, &err) != TL_OK ||
        store_open(w->folder->path, false, &w->s, &err) != TL_OK)
        fail_msg("%s", err.msg);
}

/* Fails the test with the error's message unless st is TL_OK. */
static inline void world_ok(tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        fail_msg("%s", err->msg);
}

static inline void world_close(test_world *w)
{
    store_close(w->s);
    content_free(w->content);
    void *folder = w->folder;
    test_folder_teardown(&folder);
}

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
