/* Reading reports: validation against the schema and `tillit merge`.
 * Reports are untrusted input: they are read without network access, without
 * a DTD (a DOCTYPE is refused) and so without entities of any kind. */
#ifndef TILLIT_MERGE_H
#define TILLIT_MERGE_H

#include "content.h"
#include "report_xml.h"
#include "status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

/* Where the schema is: $TILLIT_SCHEMA, else export/tillit-report.xsd of the
 * source tree when run from its build tree, else the installed
 * PREFIX/share/tillit/tillit-report.xsd (core/datafiles.h). */
const char *report_schema_path(void);

/* TL_OK when path is a valid report; TL_DATAERR with "path:line: message"
 * (the parser's or the schema's) when not; TL_NOINPUT when it cannot be
 * read. */
tl_status report_validate(const char *path, tl_error *err);

/* Reads the report at path, checked as report_validate does, into
 * *numbers: the report without the detail of its sessions (an empty
 * <sessions/>), which is all the numbers are made of and a small part of a
 * large report. Errors as report_validate; *numbers NULL then. */
tl_status report_load_numbers(const char *path, xmlDocPtr *numbers, tl_error *err);

/* Merges the reports inputs[0..n) into one report at out (stdout when NULL
 * or "-"): every input is validated first and the merge refused at the
 * first invalid one. Sessions, participants and attempts count once however
 * many reports hold them; a report whose id was merged already (directly or
 * inside a merged report) adds nothing. Refused too (TL_DATAERR, naming the
 * files): a period bound other than YYYY-MM-DD, inputs of different scopes
 * (curriculum, organisation; the merged report keeps the one they share),
 * more than 1 000 000 checklist runs in one input or in all together, and
 * two inputs that share a session and both have checklist counts (reports
 * of one site that overlap: the runs would count twice). with_names: keep
 * the participants' names that the inputs have. lib as for report_open (may
 * be NULL). notes (may be NULL) gets a line for each input that adds
 * nothing. */
tl_status report_merge(const char *const *inputs, size_t n, const char *out, bool with_names,
                       const tl_library *lib, FILE *notes, tl_error *err);

/* The same reading and checking of inputs as report_merge, but the store
 * they were merged into is handed to use instead of being written out:
 * scope is the inputs' curriculum and organisation, meta the merged period
 * and sources. `tillit stats FILE.xml` shows its statistics this way. The
 * store is temporary and removed when use returns. */
typedef tl_status (*report_merged_fn)(tl_store *s, const tl_report_filter *scope, const tl_report_meta *meta,
                                      void *ctx, tl_error *err);
tl_status report_merge_into(const char *const *inputs, size_t n, bool with_names, FILE *notes,
                            report_merged_fn use, void *ctx, tl_error *err);

#endif
