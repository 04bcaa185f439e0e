/* The XML report (docs/report-format.md, schema export/tillit-report.xsd):
 * core/report.h's sections streamed through libxml2's xmlTextWriter. */
#ifndef TILLIT_REPORT_XML_H
#define TILLIT_REPORT_XML_H

#include "report.h"

#define TL_REPORT_NS "urn:tillit:report:1"
/* formatVersion: 2 added the attendance statuses left_early and remote and
 * the minutes of someone late or leaving early. */
#define TL_REPORT_FORMAT "2"

/* What the report says about itself; every field may be NULL / 0. */
typedef struct {
    const char *id;        /* the report's UUID; NULL: a new one */
    const char *from, *to; /* the period it covers; NULL: the filter's */
    const char *const *sources; /* merged reports: the UUIDs of the reports */
    size_t n_sources;           /* it was made from */
} tl_report_meta;

/* Writes the report of s (filtered by f) to path, or to standard output when
 * path is NULL or "-". A file is written to a temporary file beside it and
 * renamed when complete, so a failure leaves nothing behind: TL_CANTCREAT
 * when the folder cannot take a file, TL_IOERR when writing fails (a full
 * disk). lib may be NULL (see report_open). */
tl_status report_xml_write(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                           const tl_report_meta *meta, const char *path, tl_error *err);

#endif
