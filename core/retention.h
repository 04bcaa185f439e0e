/* Retention (gallring): a rule per kind of record, how long it is kept,
 * stored in the database; a purge deletes what is older than its rule.
 *
 * - checklist runs: by their last change (updated_at), with their answers
 *   and notes;
 * - training: sessions by their date, with attendance, progress, knowledge
 *   checks and answers; a participant left with no record is deleted too;
 * - the access log: entries by when they were written.
 * A kind without a rule is kept. A purge is one transaction (a process
 * killed in it leaves the database as it was), logs itself, and then
 * checkpoints the WAL so the deleted rows (overwritten with zeros, SQLite's
 * secure_delete) leave the WAL and reach the file; VACUUM when asked.
 * Statistics count what is kept: a purged session is gone from them, a
 * kept one counts as before. No curses. */
#ifndef TILLIT_RETENTION_H
#define TILLIT_RETENTION_H

#include "status.h"
#include "store.h"

#include <stdbool.h>

typedef enum { TL_KIND_CHECKLIST_RUNS, TL_KIND_TRAINING, TL_KIND_ACCESS_LOG, TL_KIND_COUNT } tl_record_kind;
/* "checklist-runs", "training", "access-log": as stored and as typed. */
extern const char *const tl_record_kind_names[TL_KIND_COUNT];
/* The kind named so, or -1. */
int retention_kind(const char *name);

typedef enum { TL_UNIT_DAYS, TL_UNIT_MONTHS, TL_UNIT_YEARS } tl_retention_unit;

typedef struct {
    int amount; /* 0: no rule, kept */
    tl_retention_unit unit;
} tl_retention;

/* "90d", "18m", "3y" (1 to 100 years' worth), or "keep" for no rule;
 * TL_USAGE for anything else. */
tl_status retention_parse(const char *text, tl_retention *out, tl_error *err);
/* "90d", "18m", "3y" or "keep", as retention_parse reads it. */
void retention_format(const tl_retention *r, char *buf, size_t size);

tl_status retention_get(tl_store *s, tl_retention rules[TL_KIND_COUNT], tl_error *err);
/* Sets (amount 0: removes) the rule of one kind, and logs it. */
tl_status retention_set(tl_store *s, tl_record_kind kind, const tl_retention *r, tl_error *err);

typedef struct {
    int64_t of_kind[TL_KIND_COUNT]; /* runs, sessions, log entries */
    int64_t participants;           /* left with no record, deleted with the sessions */
} tl_purge_counts;

/* What a purge would delete now. */
tl_status purge_count(tl_store *s, tl_purge_counts *c, tl_error *err);
/* Deletes it; *done (may be NULL) gets what was deleted. */
tl_status purge_run(tl_store *s, bool vacuum, tl_purge_counts *done, tl_error *err);

/* After deleting personal data: moves the WAL into the file and empties it
 * (TRUNCATE), so the zeroed pages replace the old ones there too; VACUUM
 * when asked, which also drops free pages. TL_IOERR when another process
 * keeps the WAL from being emptied (it says to try again). */
tl_status scrub_deleted(tl_store *s, bool vacuum, tl_error *err);

#endif
