#include "store_internal.h"

#include "access_log.h"
#include "collate.h"
#include "content.h"
#include "intl.h"
#include "vec.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const tl_org_type_names[TL_ORG_TYPE_COUNT] = {
    "social_services", "environmental_health", "police", "migration_agency",
    "health_care", "other_authority", "ngo"};
const char *const tl_level_names[TL_LEVEL_COUNT] = {"operational", "strategic"};
const char *const tl_attendance_names[TL_ATT_COUNT] = {"present", "late",    "left_early",
                                                       "remote",  "excused", "absent"};
const char *const tl_phase_names[3] = {"module", "pre", "post"};

/* ---- errors ---- */

tl_status sql_status(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return TL_CANTCREAT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH: return TL_DATAERR;
    default: return TL_IOERR; /* FULL, IOERR, BUSY, NOMEM, ... */
    }
}

tl_status sql_fail(tl_store *s, tl_error *err, int rc, const char *what)
{
    const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    const char *path = s ? s->path : "database";
    /* SQLite says "disk I/O error" whether the disk is full, gone or turned
     * read-only; the system's own error behind it tells the user which. */
    int sys = s && s->db ? sqlite3_system_errno(s->db) : 0;
    int primary = rc & 0xff;
    if (sys != 0 && (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN))
        return tl_fail(err, sql_status(rc), "%s: %s: %s (%s)", path, what, msg, strerror(sys));
    return tl_fail(err, sql_status(rc), "%s: %s: %s", path, what, msg);
}

/* ---- prepared statements with a small binding language ----
 * types: 't' text (NULL binds NULL), 'i' int64, 'n' int. */

tl_status sql_prepare(tl_store *s, sqlite3_stmt **st, const char *sql, tl_error *err,
                         const char *types, va_list ap)
{
    int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(s, err, rc, "cannot prepare a statement");
    for (int i = 0; types[i]; i++) {
        int col = i + 1;
        if (types[i] == 't') {
            const char *v = va_arg(ap, const char *);
            rc = v ? sqlite3_bind_text(*st, col, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(*st, col);
        } else if (types[i] == 'i') {
            rc = sqlite3_bind_int64(*st, col, va_arg(ap, int64_t));
        } else {
            rc = sqlite3_bind_int(*st, col, va_arg(ap, int));
        }
        if (rc != SQLITE_OK) {
            sqlite3_finalize(*st);
            *st = NULL;
            return sql_fail(s, err, rc, "cannot bind a value");
        }
    }
    return TL_OK;
}

/* Runs one statement to completion; *rowid gets the inserted row (may be NULL). */
enum { BUSY_RETRIES = 1000 };

tl_status sql_run(tl_store *s, tl_error *err, tl_id *rowid, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st;
    va_list ap;
    va_start(ap, types);
    tl_status ps = sql_prepare(s, &st, sql, err, types, ap);
    va_end(ap);
    if (ps != TL_OK)
        return ps;
    int rc;
    /* Outside a transaction a write may still meet SQLITE_BUSY without
     * the busy handler having waited: in WAL mode when another process
     * committed between this statement's read snapshot and its write lock
     * (seen with two writers under load). Nothing has happened then, so
     * the statement is tried again, for up to about ten seconds. */
    for (int tries = 0;; tries++) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        if ((rc & 0xff) != SQLITE_BUSY || !sqlite3_get_autocommit(s->db) || tries >= BUSY_RETRIES)
            break;
        sqlite3_reset(st);
        sqlite3_sleep(10);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sql_fail(s, err, rc, "cannot save");
    if (rowid)
        *rowid = sqlite3_last_insert_rowid(s->db);
    return TL_OK;
}

tl_status sql_begin(tl_store *s, tl_error *err)
{
    return sql_run(s, err, NULL, "BEGIN IMMEDIATE", "");
}

tl_status sql_end(tl_store *s, tl_status st, tl_error *err)
{
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "COMMIT", "");
    if (st != TL_OK && !sqlite3_get_autocommit(s->db))
        sql_run(s, NULL, NULL, "ROLLBACK", "");
    return st;
}

/* Runs a query whose first row's first column is an integer. */
tl_status sql_int(tl_store *s, tl_error *err, int64_t *out, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st;
    va_list ap;
    va_start(ap, types);
    tl_status ps = sql_prepare(s, &st, sql, err, types, ap);
    va_end(ap);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(s, err, rc, "cannot read");
    if (rc == SQLITE_DONE)
        *out = -1;
    return TL_OK;
}

tl_status sql_query(tl_store *s, sqlite3_stmt **st, tl_error *err, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    tl_status ps = sql_prepare(s, st, sql, err, types, ap);
    va_end(ap);
    return ps;
}

void sql_text(sqlite3_stmt *st, int col, char *dst, size_t size)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(dst, size, "%s", v ? (const char *)v : "");
}

/* ---- transactions ---- */

tl_status store_begin(tl_store *s, tl_error *err)
{
    return sql_run(s, err, NULL, "BEGIN IMMEDIATE", "");
}

tl_status store_commit(tl_store *s, tl_error *err)
{
    tl_status st = sql_run(s, err, NULL, "COMMIT", "");
    if (st != TL_OK)
        store_rollback(s);
    return st;
}

void store_rollback(tl_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

tl_status store_end(tl_store *s, tl_status st, tl_error *err)
{
    if (st == TL_OK)
        return store_commit(s, err);
    store_rollback(s);
    return st;
}

char *sql_text_dup(sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    char *copy = strdup(v ? (const char *)v : "");
    if (!copy)
        abort();
    return copy;
}

tl_status store_count(tl_store *s, const char *sql, int64_t *out, tl_error *err)
{
    return sql_int(s, err, out, sql, "");
}

/* ---- opening ---- */

tl_status store_default_path(char *buf, size_t size, tl_error *err)
{
    const char *env = getenv("TILLIT_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (env && *env)
        n = snprintf(buf, size, "%s", env);
    else if (xdg && *xdg)
        n = snprintf(buf, size, "%s/tillit/tillit.db", xdg);
    else if (home && *home)
        n = snprintf(buf, size, "%s/.local/share/tillit/tillit.db", home);
    else
        return tl_fail(err, TL_CANTCREAT, "no database path: set TILLIT_DB or HOME, or use --db");
    if (n < 0 || (size_t)n >= size)
        return tl_fail(err, TL_CANTCREAT, "database path too long");
    return TL_OK;
}

/* mkdir -p for the folders above path, each new one 0700. */
static tl_status make_parent_dirs(const char *path, tl_error *err)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return tl_fail(err, TL_CANTCREAT, "database path too long");
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return tl_fail(err, TL_CANTCREAT, "cannot create folder %s: %s", buf, strerror(errno));
        *p = '/';
    }
    return TL_OK;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* True when the database's write-ahead log holds something: then another
 * process may be checkpointing it into the file this very moment, which
 * writes the header's new page count before the file has grown to it. */
static bool wal_in_use(const char *path)
{
    char wal[4200];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", path);
    return stat(wal, &st) == 0 && st.st_size > 0;
}

/* Looks at an existing file's header before SQLite touches it, so that a
 * foreign or newer file is refused without a single byte being changed. */
static tl_status check_header(const char *path, int fd, off_t file_size, tl_error *err)
{
    unsigned char h[100];
    ssize_t n = read(fd, h, sizeof h);
    if (n < 0)
        return tl_fail(err, TL_IOERR, "%s: cannot read: %s", path, strerror(errno));
    if (n == 0)
        return TL_OK; /* an empty file becomes a new database */
    if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return tl_fail(err, TL_DATAERR, "%s: not a tillit database (not an SQLite file); "
                       "nothing was changed", path);
    uint32_t app = be32(h + 68), version = be32(h + 60);
    if (app != TL_STORE_APPLICATION_ID && app != 0)
        return tl_fail(err, TL_DATAERR, "%s: an SQLite database of another program "
                       "(application_id 0x%08x); nothing was changed", path, (unsigned)app);
    /* The in-header page count is valid when "version-valid-for" equals the
     * change counter; a file shorter than that count was cut off - unless a
     * checkpoint is under way (wal_in_use): then SQLite's own checks apply
     * (tests/term/t_concurrent_export.sh once saw a growing file so). */
    uint32_t page_size = (uint32_t)h[16] << 8 | h[17];
    uint64_t pages = be32(h + 28), bytes = (uint64_t)(page_size == 1 ? 65536 : page_size) * pages;
    if (be32(h + 92) == be32(h + 24) && (uint64_t)file_size < bytes && !wal_in_use(path))
        return tl_fail(err, TL_DATAERR, "%s: the database file is truncated (%lld of %llu bytes); "
                       "restore it from a backup; nothing was changed", path, (long long)file_size,
                       (unsigned long long)bytes);
    if (app == TL_STORE_APPLICATION_ID && version > (uint32_t)store_migration_count())
        return tl_fail(err, TL_DATAERR, "%s: made by a newer tillit (schema %u; this program knows "
                       "up to %d); nothing was changed", path, (unsigned)version, store_migration_count());
    return TL_OK;
}

mode_t store_file_mode(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_ISGID) &&
        (st.st_mode & S_IRWXG) == S_IRWXG)
        return 0660;
    return 0600;
}

static tl_status create_or_check_file(const char *path, bool *created, tl_error *err)
{
    *created = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        mode_t mode = store_file_mode(path);
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0)
            return tl_fail(err, TL_CANTCREAT, "cannot create database %s: %s", path, strerror(errno));
        *created = true;
        /* The umask may have taken the group's bits; SQLite gives the WAL
         * and its index the mode the database file has. */
        int ch = fchmod(fd, mode);
        close(fd);
        if (ch != 0)
            return tl_fail(err, TL_CANTCREAT, "cannot set the mode of %s: %s", path, strerror(errno));
        return TL_OK;
    }
    if (fd < 0)
        return tl_fail(err, errno == EACCES ? TL_CANTCREAT : TL_IOERR, "cannot open database %s: %s",
                       path, strerror(errno));
    struct stat st;
    tl_status s = TL_OK;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        s = tl_fail(err, TL_DATAERR, "%s: not a regular file", path);
    else
        s = check_header(path, fd, st.st_size, err);
    close(fd);
    return s;
}

/* tillit_log_purge(): true only on this connection, during a purge; the
 * access log's DELETE trigger asks it (store_schema.c). */
static void log_purge_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const tl_store *s = sqlite3_user_data(ctx);
    sqlite3_result_int(ctx, s->log_purge);
}

/* Waiting for another process's write: SQLite's own busy handler sleeps
 * up to 100 ms at a time, so with many users one of them can keep missing
 * the moment the lock is free (seen in the load test of make bench: single
 * answers waiting 25 s). Short sleeps of 1-4 ms, for up to about ten
 * seconds in all, give every waiter its turn. */
enum { BUSY_WAIT_TRIES = 4000 };

static int busy_wait(void *unused, int tries)
{
    (void)unused;
    if (tries >= BUSY_WAIT_TRIES)
        return 0;
    sqlite3_sleep(1 + (int)((unsigned)tries * 2654435761u >> 30)); /* 1-4 ms, spread */
    return 1;
}

static tl_status setup_connection(tl_store *s, tl_error *err)
{
    sqlite3_busy_handler(s->db, busy_wait, NULL);
    int frc = sqlite3_create_function(s->db, "tillit_log_purge", 0, SQLITE_UTF8, s,
                                      log_purge_fn, NULL, NULL);
    if (frc != SQLITE_OK)
        return sql_fail(s, err, frc, "cannot set up the access log");
    /* Names in Swedish order (ORDER BY name COLLATE sv), without an sv_SE locale. */
    int rc = sqlite3_create_collation_v2(s->db, TL_COLLATE_SV, SQLITE_UTF8, NULL, sv_collate_sqlite, NULL);
    /* Names as typed on the command line match case and accents aside. */
    if (rc == SQLITE_OK)
        rc = sqlite3_create_collation_v2(s->db, TL_COLLATE_SV_PRIMARY, SQLITE_UTF8, NULL,
                                         sv_collate_primary_sqlite, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(s, err, rc, "cannot set up the Swedish sort order");
    /* Searches fold case by the collation's rule (sv_fold(name)). */
    rc = sqlite3_create_function_v2(s->db, TL_FOLD_SQL, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                    sv_fold_sqlite, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(s, err, rc, "cannot set up the Swedish case folding");
    /* SQLite quietly opens an unwritable file read-only; say so first, before
     * a query fails on it with a less helpful message. */
    if (sqlite3_db_readonly(s->db, "main") == 1)
        return tl_fail(err, TL_CANTCREAT, "%s: the database is read-only; nothing was changed", s->path);
    tl_status st = sql_run(s, err, NULL, "PRAGMA foreign_keys = ON", "");
    if (st != TL_OK)
        return st;
    int64_t app = 0, tables = 0;
    if ((st = sql_int(s, err, &app, "PRAGMA application_id", "")) != TL_OK ||
        (st = sql_int(s, err, &tables, "SELECT count(*) FROM sqlite_master", "")) != TL_OK)
        return st;
    if (app != TL_STORE_APPLICATION_ID && tables > 0)
        return tl_fail(err, TL_DATAERR, "%s: an SQLite database of another program; nothing was changed",
                       s->path);
    /* FULL: every commit is on the disk before it returns, also in WAL mode;
     * said here because a build of SQLite may default to NORMAL for WAL,
     * which can lose the last answers to a power cut. */
    st = sql_run(s, err, NULL, "PRAGMA journal_mode = WAL", "");
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "PRAGMA synchronous = FULL", "");
    /* What is deleted (a purge, a forgotten participant, a changed answer)
     * is overwritten with zeros, in the WAL and then in the file. */
    return st == TL_OK ? sql_run(s, err, NULL, "PRAGMA secure_delete = ON", "") : st;
}

static tl_status migrate(tl_store *s, tl_error *err)
{
    int64_t version;
    tl_status st = sql_int(s, err, &version, "PRAGMA user_version", "");
    while (st == TL_OK && version < store_migration_count()) {
        char *msg = NULL;
        char bump[128];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
                 (int)version + 1, TL_STORE_APPLICATION_ID);
        /* Only fixed SQL of the program runs here, never data. */
        int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, store_migration((int)version), NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, bump, NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, &msg);
        if (rc != SQLITE_OK) {
            st = tl_fail(err, sql_status(rc), "%s: cannot upgrade the schema to version %d: %s",
                         s->path, (int)version + 1, msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            break;
        }
        version++;
    }
    return st;
}

tl_status store_open(const char *path, bool create_dirs, tl_store **out, tl_error *err)
{
    *out = NULL;
    tl_status st = create_dirs ? make_parent_dirs(path, err) : TL_OK;
    bool created = false;
    if (st == TL_OK)
        st = create_or_check_file(path, &created, err);
    if (st != TL_OK)
        return st;
    tl_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path)))
        abort();
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc != SQLITE_OK)
        st = sql_fail(s, err, rc, "cannot open");
    if (st == TL_OK)
        st = setup_connection(s, err);
    if (st == TL_OK)
        st = migrate(s, err);
    if (st != TL_OK) {
        store_close(s);
        if (created)
            unlink(path); /* leave nothing behind that we made ourselves */
        return st;
    }
    *out = s;
    return TL_OK;
}

void store_close(tl_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

int store_schema_version(tl_store *s)
{
    int64_t v = -1;
    sql_int(s, NULL, &v, "PRAGMA user_version", "");
    return (int)v;
}

tl_status store_open_chosen(const char *path, tl_store **out, char *used, size_t size, tl_error *err)
{
    char buf[4096];
    tl_status st = path ? TL_OK : store_default_path(buf, sizeof buf, err);
    if (st != TL_OK)
        return st;
    if (used)
        snprintf(used, size, "%s", path ? path : buf);
    return store_open(path ? path : buf, !path, out, err);
}

tl_status store_open_existing(const char *path, tl_store **out, tl_error *err)
{
    char buf[4096];
    tl_status st = path ? TL_OK : store_default_path(buf, sizeof buf, err);
    if (st != TL_OK)
        return st;
    if (access(path ? path : buf, F_OK) != 0)
        return tl_fail(err, TL_NOINPUT, _("no database at %s; nothing was made or changed"), path ? path : buf);
    return store_open(path ? path : buf, false, out, err);
}

tl_status random_bytes(unsigned char *b, size_t size, tl_error *err)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = getrandom(b + got, size - got, 0);
        if (n < 0 && errno != EINTR)
            return tl_fail(err, TL_IOERR, "cannot get random bytes: %s", strerror(errno));
        if (n > 0)
            got += (size_t)n;
    }
    return TL_OK;
}

tl_status make_uuid(char out[37], tl_error *err)
{
    unsigned char b[16];
    tl_status st = random_bytes(b, sizeof b, err);
    if (st != TL_OK)
        return st;
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80); /* RFC 4122 variant */
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
    return TL_OK;
}

/* ---- records ---- */

tl_status store_organisation(tl_store *s, const char *name, tl_org_type type, tl_id *id, tl_error *err)
{
    char uuid[37];
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, NULL,
                 "INSERT INTO organisation (uuid, name, type) VALUES (?, ?, ?) "
                 "ON CONFLICT (name, type) DO NOTHING", "ttt", uuid, name, tl_org_type_names[type]);
    if (st == TL_OK)
        st = sql_int(s, err, id, "SELECT id FROM organisation WHERE name = ? AND type = ?", "tt",
                       name, tl_org_type_names[type]);
    return st;
}

tl_status store_participant_add(tl_store *s, const char *name, tl_id org, tl_level level, tl_id *id,
                                tl_error *err)
{
    char uuid[37];
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, id,
                 "INSERT INTO participant (uuid, name, organisation_id, level) VALUES (?, ?, ?, ?)",
                 "ttit", uuid, name, (int64_t)org, tl_level_names[level]);
    return st;
}

tl_status store_session_create(tl_store *s, const tl_session_info *in, tl_id *id, char uuid[37],
                               tl_error *err)
{
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, id,
                 "INSERT INTO training_session (uuid, kind, curriculum_id, curriculum_version, "
                 "content_hash, date, start_time, location, trainer, description) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "tttttttttt", uuid, in->kind == TL_SESSION_GROUP ? "group" : "self",
                 in->curriculum_id, in->curriculum_version, in->content_hash, in->date,
                 in->start_time, in->location, in->trainer, in->description);
    return st;
}

tl_status store_session_close(tl_store *s, tl_id session, const char *end_time, tl_error *err)
{
    return sql_run(s, err, NULL,
               "UPDATE training_session SET end_time = ?, "
               "closed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
               "ti", end_time, (int64_t)session);
}

tl_status store_attendance_set(tl_store *s, tl_id session, tl_id participant, tl_attendance status,
                               const char *remark, tl_error *err)
{
    return sql_run(s, err, NULL,
               "INSERT INTO attendance (session_id, participant_id, status, remark) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (session_id, participant_id) DO UPDATE SET status = excluded.status, "
               "remark = excluded.remark, "
               /* minutes go with a status: a new one has none entered yet */
               "minutes = CASE WHEN excluded.status = attendance.status THEN attendance.minutes END",
               "iitt", (int64_t)session, (int64_t)participant, tl_attendance_names[status], remark);
}

tl_status store_progress_set(tl_store *s, tl_id session, tl_id participant, const char *module_id,
                             int page, int pages_total, int seconds, bool completed, tl_error *err)
{
    return sql_run(s, err, NULL,
               "INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, "
               "seconds_spent, completed_at) VALUES (?, ?, ?, ?, ?, ?, "
               "CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') END) "
               "ON CONFLICT (session_id, participant_id, module_id) DO UPDATE SET "
               "page = excluded.page, pages_total = excluded.pages_total, "
               "seconds_spent = seconds_spent + excluded.seconds_spent, "
               "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
               "completed_at = coalesce(completed_at, excluded.completed_at)",
               "iitnnnn", (int64_t)session, (int64_t)participant, module_id, page, pages_total,
               seconds, (int)completed);
}

tl_status store_attempt_start(tl_store *s, tl_id session, tl_id participant, const char *check_id,
                              tl_phase phase, tl_id *attempt, tl_error *err)
{
    char uuid[37];
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, attempt,
                 "INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no) "
                 "SELECT ?1, ?2, ?3, ?4, ?5, 1 + count(*) FROM check_attempt "
                 "WHERE session_id = ?2 AND participant_id = ?3 AND check_id = ?4 AND phase = ?5",
                 "tiitt", uuid, (int64_t)session, (int64_t)participant, check_id, tl_phase_names[phase]);
    return st;
}

tl_status store_answer_record(tl_store *s, tl_id attempt, const char *question_id, unsigned chosen,
                              bool correct, tl_error *err)
{
    return sql_run(s, err, NULL,
               "INSERT INTO check_answer (attempt_id, question_id, chosen, correct) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (attempt_id, question_id) DO UPDATE SET chosen = excluded.chosen, "
               "correct = excluded.correct, answered_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
               "itin", (int64_t)attempt, question_id, (int64_t)chosen, (int)correct);
}

tl_status store_attempt_finish(tl_store *s, tl_id attempt, int score, int max_score, bool passed,
                               tl_error *err)
{
    return sql_run(s, err, NULL,
               "UPDATE check_attempt SET score = ?, max_score = ?, passed = ?, "
               "finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
               "nnni", score, max_score, (int)passed, (int64_t)attempt);
}

/* ---- checklist runs ---- */

tl_status store_run_create(tl_store *s, const tl_content *checklist, const char *case_ref,
                           tl_id *run_id, tl_error *err)
{
    char uuid[37];
    tl_status st = make_uuid(uuid, err);
    if (st == TL_OK)
        st = sql_run(s, err, run_id,
                 "INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref) "
                 "VALUES (?, ?, ?, ?, ?)",
                 "ttttt", uuid, checklist->u.h->id, checklist->u.h->version, checklist->hash, case_ref);
    return st; /* logged as opened when its answers are read (store_run_answers), once */
}

/* A note before the answer is a row without one; a row with neither goes. */
static tl_status write_answer(tl_store *s, tl_id run_id, const char *indicator_id, tl_answer answer,
                              const char *note, tl_error *err)
{
    if (answer == TL_A_NONE && !note)
        return sql_run(s, err, NULL, "DELETE FROM checklist_answer WHERE run_id = ? AND indicator_id = ?", "it",
                       (int64_t)run_id, indicator_id);
    return sql_run(s, err, NULL,
             "INSERT INTO checklist_answer (run_id, indicator_id, answer, note) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (run_id, indicator_id) DO UPDATE SET answer = excluded.answer, "
             "note = excluded.note, answered_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
             "ittt", (int64_t)run_id, indicator_id, answer == TL_A_NONE ? NULL : tl_answer_names[answer], note);
}

static tl_status touch_run(tl_store *s, tl_id run_id, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE checklist_run SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?", "i",
                   (int64_t)run_id);
}

tl_status store_run_answer(tl_store *s, tl_id run_id, const char *indicator_id, tl_answer answer,
                           const char *note, tl_error *err)
{
    if (answer < TL_A_NONE || answer >= TL_A_COUNT)
        return tl_fail(err, TL_DATAERR, "invalid answer");
    /* The answer and the run's updated_at change together: in the
     * caller's transaction when one is open, else in one of its own. */
    bool own = sqlite3_get_autocommit(s->db);
    tl_status st = own ? store_begin(s, err) : TL_OK;
    if (st != TL_OK)
        return st;
    st = write_answer(s, run_id, indicator_id, answer, note, err);
    if (st == TL_OK)
        st = touch_run(s, run_id, err);
    return own ? store_end(s, st, err) : st;
}

tl_status store_run_case_note(tl_store *s, tl_id run_id, const char *note, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE checklist_run SET case_note = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                   "WHERE id = ?",
                   "ti", note, (int64_t)run_id);
}

void tl_run_info_clear(tl_run_info *info)
{
    free(info->checklist_id);
    free(info->checklist_version);
    free(info->case_ref);
    free(info->case_note);
    memset(info, 0, sizeof *info);
}

tl_status store_run_get(tl_store *s, tl_id run_id, tl_run_info *info, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT id, uuid, checklist_id, checklist_version, content_hash, case_ref, "
                             "created_at, updated_at, "
                             "(SELECT count(answer) FROM checklist_answer WHERE run_id = r.id), case_note "
                             "FROM checklist_run r WHERE id = ?",
                             "i", (int64_t)run_id);
    if (ps != TL_OK)
        return ps;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        tl_run_info_clear(info);
        info->id = sqlite3_column_int64(st, 0);
        sql_text(st, 1, info->uuid, sizeof info->uuid);
        info->checklist_id = sql_text_dup(st, 2);
        info->checklist_version = sql_text_dup(st, 3);
        sql_text(st, 4, info->content_hash, sizeof info->content_hash);
        info->case_ref = sql_text_dup(st, 5);
        sql_text(st, 6, info->created_at, sizeof info->created_at);
        sql_text(st, 7, info->updated_at, sizeof info->updated_at);
        info->answered = sqlite3_column_int(st, 8);
        info->case_note = sqlite3_column_type(st, 9) == SQLITE_NULL ? NULL : sql_text_dup(st, 9);
    } else if (rc == SQLITE_DONE) {
        ps = tl_fail(err, TL_DATAERR, "%s: no checklist run %lld", s->path, (long long)run_id);
    } else {
        ps = sql_fail(s, err, rc, "cannot read");
    }
    sqlite3_finalize(st);
    return ps;
}

static int answer_from_name(const char *name)
{
    for (int a = TL_A_YES; a < TL_A_COUNT; a++)
        if (strcmp(name, tl_answer_names[a]) == 0)
            return a;
    return TL_A_NONE;
}

tl_status store_run_answers(tl_store *s, tl_id run_id, const tl_checklist *cl, tl_answer *answers,
                            char **notes, tl_error *err)
{
    for (size_t i = 0; i < cl->n_indicators; i++) {
        answers[i] = TL_A_NONE;
        if (notes)
            notes[i] = NULL;
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT indicator_id, answer, note FROM checklist_answer WHERE run_id = ?",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(s, err, rc, "cannot prepare a statement");
    sqlite3_bind_int64(st, 1, run_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *ind = (const char *)sqlite3_column_text(st, 0);
        const char *ans = (const char *)sqlite3_column_text(st, 1);
        const char *note = (const char *)sqlite3_column_text(st, 2);
        size_t i = ind ? checklist_indicator_index(cl, ind) : cl->n_indicators;
        if (i == cl->n_indicators)
            continue;
        answers[i] = ans ? (tl_answer)answer_from_name(ans) : TL_A_NONE; /* NULL: a note before the answer */
        if (notes && note && !(notes[i] = strdup(note)))
            abort();
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sql_fail(s, err, rc, "cannot read");
    /* Reading a run's answers is opening it: the access log says who did. */
    return access_log_add_run(s, TL_LOG_RUN_OPENED, run_id, err);
}

/* ---- checklist runs: the resume list and the outcome ---- */

void tl_run_entries_free(tl_run_entry *runs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tl_run_info_clear(&runs[i].info);
    free(runs);
}

tl_status store_run_list(tl_store *s, const char *checklist_id, size_t max, tl_run_entry **runs, size_t *n,
                         tl_error *err)
{
    *runs = NULL;
    *n = 0;
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
                             "SELECT id, outcome_id, finished_at FROM checklist_run "
                             "WHERE checklist_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?",
                             "ti", checklist_id, (int64_t)max);
    if (ps != TL_OK)
        return ps;
    int rc;
    while (ps == TL_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        tl_run_entry *e = VEC_PUSH(*runs, *n);
        memset(e, 0, sizeof *e);
        sql_text(st, 1, e->outcome_id, sizeof e->outcome_id);
        sql_text(st, 2, e->finished_at, sizeof e->finished_at);
        ps = store_run_get(s, sqlite3_column_int64(st, 0), &e->info, err);
    }
    if (ps == TL_OK && rc != SQLITE_DONE)
        ps = sql_fail(s, err, rc, "cannot read");
    sqlite3_finalize(st);
    if (ps != TL_OK) {
        tl_run_entries_free(*runs, *n);
        *runs = NULL;
        *n = 0;
    }
    return ps;
}

tl_status store_run_set_outcome(tl_store *s, tl_id run_id, const char *outcome_id, tl_error *err)
{
    return sql_run(s, err, NULL, "UPDATE checklist_run SET outcome_id = ? WHERE id = ?", "ti",
                   outcome_id, (int64_t)run_id);
}

tl_status store_run_finish(tl_store *s, tl_id run_id, tl_error *err)
{
    return sql_run(s, err, NULL,
                   "UPDATE checklist_run SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
                   "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?", "i", (int64_t)run_id);
}
