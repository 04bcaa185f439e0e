#include "access_log.h"

#include "store_internal.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *const tl_log_kind_names[TL_LOG_KIND_COUNT] = {
    "run-opened", "summary-written", "export-with-names", "purge", "forget", "extract", "retention-set",
    "document-with-names", "run-deleted"};

int access_log_kind(const char *name)
{
    for (int k = 0; k < TL_LOG_KIND_COUNT; k++)
        if (strcmp(name, tl_log_kind_names[k]) == 0)
            return k;
    return -1;
}

void access_log_user(char *buf, size_t size)
{
    uid_t uid = geteuid();
    const struct passwd *pw = getpwuid(uid);
    if (pw && pw->pw_name && *pw->pw_name)
        snprintf(buf, size, "%s", pw->pw_name);
    else
        snprintf(buf, size, "uid %lu", (unsigned long)uid);
}

tl_status access_log_add(tl_store *s, tl_log_kind kind, const char *detail, tl_error *err)
{
    char user[256];
    access_log_user(user, sizeof user);
    return sql_run(s, err, NULL, "INSERT INTO access_log (os_user, kind, detail) VALUES (?, ?, ?)", "ttt",
                   user, tl_log_kind_names[kind], detail ? detail : "");
}

tl_status access_log_add_run(tl_store *s, tl_log_kind kind, tl_id run, tl_error *err)
{
    char user[256];
    access_log_user(user, sizeof user);
    return sql_run(s, err, NULL,
                   "INSERT INTO access_log (os_user, kind, detail) SELECT ?, ?, "
                   "'run ' || uuid || ' (' || checklist_id || ')' FROM checklist_run WHERE id = ?",
                   "tti", user, tl_log_kind_names[kind], (int64_t)run);
}

tl_status access_log_add_session(tl_store *s, tl_log_kind kind, tl_id session, const char *what, tl_error *err)
{
    char user[256];
    access_log_user(user, sizeof user);
    return sql_run(s, err, NULL,
                   "INSERT INTO access_log (os_user, kind, detail) SELECT ?, ?, "
                   "? || ' of session ' || uuid FROM training_session WHERE id = ?",
                   "ttti", user, tl_log_kind_names[kind], what, (int64_t)session);
}

tl_status summary_save_logged(tl_store *s, const char *path, const tl_summary *sum, tl_error *err)
{
    tl_status st = sql_begin(s, err);
    if (st != TL_OK)
        return st;
    st = access_log_add_run(s, TL_LOG_SUMMARY_WRITTEN, sum->run->id, err);
    if (st == TL_OK)
        st = summary_save(path, sum, err);
    return sql_end(s, st, err);
}

tl_status access_log_list(tl_store *s, const tl_log_filter *f, tl_log_fn fn, void *ctx, tl_error *err)
{
    sqlite3_stmt *st;
    /* The dates are whole days: "to" takes everything of that day. */
    tl_status ps = sql_query(s, &st, err,
                             "SELECT at, os_user, kind, detail FROM access_log "
                             "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < date(?2, '+1 day')) "
                             "AND (?3 IS NULL OR os_user = ?3) AND (?4 IS NULL OR kind = ?4) ORDER BY at, id",
                             "tttt", f->from, f->to, f->user,
                             f->kind >= 0 && f->kind < TL_LOG_KIND_COUNT ? tl_log_kind_names[f->kind] : NULL);
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tl_log_entry e = {.kind = (const char *)sqlite3_column_text(st, 2),
                          .detail = (const char *)sqlite3_column_text(st, 3)};
        sql_text(st, 0, e.at, sizeof e.at);
        sql_text(st, 1, e.user, sizeof e.user);
        if (!e.kind)
            e.kind = "";
        if (!e.detail)
            e.detail = "";
        fn(ctx, &e);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read the access log");
}
