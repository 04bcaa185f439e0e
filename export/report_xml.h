/* The XML report (docs/report-format.md, schema export/tillit-report.xsd):
 * core/report.h's sections streamed through libxml2's xmlTextWriter. */
#ifndef TILLIT_REPORT_XML_H
#define TILLIT_REPORT_XML_H

#include "report.h"

#define TL_REPORT_NS "urn:tillit:report:1"
/* formatVersion: 2 added the attendance statuses left_early and remote and
 * the minutes of someone late or leaving early; 3 the question analysis and
 * the indicator counts. */
#define TL_REPORT_FORMAT "3"

/* What the report says about itself; every field may be NULL / 0. */
typedef struct {
    const char *id;        /* the report's UUID; NULL: a new one */
    const char *from, *to; /* the period it covers; NULL: the filter's */
    const char *const *sources; /* merged reports: the UUIDs of the reports */
    size_t n_sources;           /* it was made from */
    bool without_sessions;      /* an empty <sessions/>: the numbers only */
    bool without_indicators;    /* no <indicators>: their counts are not known */
} tl_report_meta;

/* Writes the report of s (filtered by f) to path, or to standard output when
 * path is NULL or "-". A file is written to a temporary file beside it and
 * renamed when complete, so a failure leaves nothing behind: TL_CANTCREAT
 * when the folder cannot take a file, TL_IOERR when writing fails (a full
 * disk). lib may be NULL (see report_open). */
tl_status report_xml_write(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                           const tl_report_meta *meta, const char *path, tl_error *err);

/* The file writing of report_xml_write, for any file a trainer or
 * coordinator takes away (the report, an attendance list, a certificate):
 * write is given the open file (in O_DIRECT mode when direct: whole 4 KiB
 * blocks only; never unless direct_ok) and the name for messages, and
 * writes the whole content; path NULL or "-": standard output.
 * private_file: mode 0600 (names of people), else as the umask allows.
 * A folder is refused (TL_CANTCREAT); a pipe or device
 * is written to as it is. */
typedef tl_status (*report_fd_writer)(int fd, bool direct, const char *target, void *ctx, tl_error *err);
tl_status report_file_write(const char *path, bool private_file, bool direct_ok, report_fd_writer write,
                            void *ctx, tl_error *err);

#endif
