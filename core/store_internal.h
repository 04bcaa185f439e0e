#ifndef TILLIT_STORE_INTERNAL_H
#define TILLIT_STORE_INTERNAL_H

#include "store.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>

struct tl_store {
    sqlite3 *db;
    char *path;
    bool log_purge; /* purge may remove access-log entries past their rule */
};

int store_migration_count(void);

/* The statement helpers every store file uses. types: one letter per `?`:
 * 't' text (NULL binds NULL), 'i' int64_t, 'n' int. */
tl_status sql_status(int rc);
tl_status sql_fail(tl_store *s, tl_error *err, int rc, const char *what);
tl_status sql_prepare(tl_store *s, sqlite3_stmt **st, const char *sql, tl_error *err,
                      const char *types, va_list ap);
/* Runs one statement to completion; *rowid (may be NULL) gets the new row. */
tl_status sql_run(tl_store *s, tl_error *err, tl_id *rowid, const char *sql, const char *types, ...);
/* First column of the first row as an integer; -1 when there is no row. */
tl_status sql_int(tl_store *s, tl_error *err, int64_t *out, const char *sql, const char *types, ...);
/* Prepares sql with the bound values for the caller to step through. */
tl_status sql_query(tl_store *s, sqlite3_stmt **st, tl_error *err, const char *sql, const char *types, ...);
/* Copies a text column into dst (size bytes), "" for NULL: for texts of a
 * fixed format (dates, times, UUIDs, hashes). */
void sql_text(sqlite3_stmt *st, int col, char *dst, size_t size);
/* A text column as a malloc'ed string of any length, "" for NULL. */
char *sql_text_dup(sqlite3_stmt *st, int col);
const char *store_migration(int from_version);
/* BEGIN IMMEDIATE; and the end of a transaction: COMMIT when st is TL_OK,
 * else ROLLBACK; returns st or the commit's failure. */
tl_status sql_begin(tl_store *s, tl_error *err);
tl_status sql_end(tl_store *s, tl_status st, tl_error *err);

/* A merge's indicator cells as the reports gave them (store_import.h):
 * a temporary table of the connection, never in the store's schema. The
 * report reads it too, so it is made wherever either needs it. */
#define IMPORT_INDICATOR_TABLE                                                                  \
    "CREATE TEMP TABLE IF NOT EXISTS import_indicator (checklist_id TEXT NOT NULL, "          \
    "indicator_id TEXT NOT NULL, shown INTEGER NOT NULL, small INTEGER NOT NULL)"

#endif
