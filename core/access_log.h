/* The access log: who (the operating-system user), when and what was done
 * with personal data: a checklist run opened, a case summary written, a
 * report exported with names, a purge, a forget, an extract, a retention
 * rule set, an attendance list or certificates written, a checklist run
 * deleted. Append-only: the database's triggers refuse UPDATE and DELETE,
 * except a purge under the log's own retention rule (retention.h).
 *
 * The core operation that does the logged thing writes the entry, so every
 * front-end logs alike. An entry never holds case notes, a case reference
 * or a name: runs and participants are named by their UUID. No curses. */
#ifndef TILLIT_ACCESS_LOG_H
#define TILLIT_ACCESS_LOG_H

#include "status.h"
#include "store.h"
#include "summary.h"

typedef enum {
    TL_LOG_RUN_OPENED,
    TL_LOG_SUMMARY_WRITTEN,
    TL_LOG_EXPORT_NAMES,
    TL_LOG_PURGE,
    TL_LOG_FORGET,
    TL_LOG_EXTRACT,
    TL_LOG_RETENTION,
    TL_LOG_DOCUMENT_NAMES,
    TL_LOG_RUN_DELETED,
    TL_LOG_KIND_COUNT
} tl_log_kind;

/* As stored and as given to `tillit log --kind`: "run-opened", ... */
extern const char *const tl_log_kind_names[TL_LOG_KIND_COUNT];
/* The kind named so, or -1. */
int access_log_kind(const char *name);

/* The login name of the effective user (from the user database, not from
 * $USER, which anyone can set), else "uid N". */
void access_log_user(char *buf, size_t size);

/* Appends one entry now by the current user. detail: what, without names
 * (a run's or participant's UUID, a period, counts). */
tl_status access_log_add(tl_store *s, tl_log_kind kind, const char *detail, tl_error *err);

/* Appends an entry about a checklist run: "run UUID (checklist ID)". */
tl_status access_log_add_run(tl_store *s, tl_log_kind kind, tl_id run, tl_error *err);

/* Appends an entry about a training session: "WHAT of session UUID" (what:
 * "attendance list", "3 certificates"). */
tl_status access_log_add_session(tl_store *s, tl_log_kind kind, tl_id session, const char *what, tl_error *err);

/* Writes a case summary to path (summary_save) and logs it, both or
 * neither: the entry is committed only when the file was written. */
tl_status summary_save_logged(tl_store *s, const char *path, const tl_summary *sum, tl_error *err);

typedef struct {
    const char *from, *to; /* YYYY-MM-DD, inclusive; NULL: open */
    const char *user;      /* NULL: everyone */
    int kind;              /* -1: every kind */
} tl_log_filter;

typedef struct {
    char at[21];
    char user[256];
    const char *kind;
    const char *detail;
} tl_log_entry;

typedef void (*tl_log_fn)(void *ctx, const tl_log_entry *e);
/* Calls fn for each entry that f lets through, oldest first. */
tl_status access_log_list(tl_store *s, const tl_log_filter *f, tl_log_fn fn, void *ctx, tl_error *err);

#endif
