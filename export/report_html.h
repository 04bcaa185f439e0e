/* `tillit report`: the yearly report as one self-contained HTML file, made
 * from an XML report by the stylesheet export/report-html.xsl run with
 * libxslt, so that its layout can be changed without touching C
 * (docs/report-format.md, "The HTML report"). */
#ifndef TILLIT_REPORT_HTML_H
#define TILLIT_REPORT_HTML_H

#include "report.h"

/* Where the stylesheet is: $TILLIT_STYLESHEET, else the data file
 * tillit/report-html.xsl (core/datafiles.h: export/report-html.xsl of the
 * source tree when run from the build tree). */
const char *report_stylesheet_path(void);

/* The HTML of the report at xml (any report: a site's or a merged one) in
 * lang ("sv" or "en") to out (standard output when NULL or "-"), written
 * as report_xml_write writes (a temporary file renamed when complete).
 * A report that does not validate is refused before anything is written:
 * TL_DATAERR with "file:line: message"; TL_NOINPUT when it or the
 * stylesheet cannot be read. */
tl_status report_html_from_xml(const char *xml, const char *lang, const char *out, tl_error *err);

/* The same from the store: its report (filtered by f) is made first, in a
 * temporary file that goes with the run. */
tl_status report_html_write(tl_store *s, const tl_report_filter *f, const tl_library *lib, const char *lang,
                            const char *out, tl_error *err);

#endif
