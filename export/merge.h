/* Reading reports: validation against the schema and `tillit merge`.
 * Reports are untrusted input: they are read without network access, without
 * a DTD (a DOCTYPE is refused) and so without entities of any kind. */
#ifndef TILLIT_MERGE_H
#define TILLIT_MERGE_H

#include "content.h"
#include "status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Where the schema is: $TILLIT_SCHEMA, else export/tillit-report.xsd of the
 * source tree when run from its build tree, else the installed
 * PREFIX/share/tillit/tillit-report.xsd (core/datafiles.h). */
const char *report_schema_path(void);

/* TL_OK when path is a valid report; TL_DATAERR with "path:line: message"
 * (the parser's or the schema's) when not; TL_NOINPUT when it cannot be
 * read. */
tl_status report_validate(const char *path, tl_error *err);

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

#endif
