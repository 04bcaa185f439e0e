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
    bool head_apart;                 /* the screen shows summary_head above the text: left out of it */
} tl_summary;

/* The head of the assessment, which the run screen keeps in sight above
 * the rest and which comes first in the summary: the outcome with its
 * severity, marked "!!!" when high so that it shows without colour, and,
 * when the severity is high, what to do first: the lead of the outcome's
 * first advice item (its bold part, else its first sentence), such as
 * "Acute danger to life or health: call 112." The whole item follows in
 * the advice. */
typedef struct {
    char outcome[1024];
    char first_action[1024]; /* "" unless the severity is high */
    tl_severity severity;
} tl_summary_head;
void summary_head(const tl_summary *s, tl_summary_head *head);

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
