/* The case summary of a checklist run as plain text: the checklist (id,
 * version, content hash), the case reference and dates, the assessment with
 * its reasons (which outcome, why, each section), the advice, the contacts,
 * the disclaimer and every answer; the notes only when asked for. The live
 * assessment panel of the checklist screen shows the assessment part, so
 * the wording exists once. Wrapped to a width; no curses. */
#ifndef TILLIT_SUMMARY_H
#define TILLIT_SUMMARY_H

#include "assess.h"
#include "status.h"
#include "store.h"

#include <stdio.h>

typedef struct {
    const tl_content *content;       /* the checklist file */
    const tl_assessment *assessment; /* assess() of the run's answers */
    const tl_run_info *run;          /* case reference and dates */
    char *const *notes;              /* per indicator, NULL entries for none; may be NULL */
    bool include_notes;
    const char *made;                /* when the summary is made, e.g. "2026-11-27 10:45" */
    const char *lang;
    int width;                       /* columns to wrap to; 0: 76 */
} tl_summary;

/* The assessment part only: outcome, why, sections, advice, contacts,
 * disclaimer. */
void summary_write_assessment(FILE *out, const tl_summary *s);
/* The whole summary. */
void summary_write(FILE *out, const tl_summary *s);
/* The same as malloc'ed text (summary_write or, when assessment_only,
 * summary_write_assessment). */
char *summary_text(const tl_summary *s, bool assessment_only);

/* Writes the whole summary to path with mode 0600, whole or not at all
 * (core/atomic_file.c: an existing file is replaced, a link's file too). */
tl_status summary_save(const char *path, const tl_summary *s, tl_error *err);

/* A time as the store keeps it (UTC, 2026-11-27T09:45:00Z) in local time,
 * "2026-11-27 10:45"; anything else is copied as it is. */
void summary_local_time(const char *iso_utc, char *buf, size_t size);

#endif
