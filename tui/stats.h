/* The statistics summary that `tillit stats` prints and the statistics
 * screen draws: the same lines from the same report, two renderers. */
#ifndef TILLIT_STATS_H
#define TILLIT_STATS_H

#include "report.h"
#include "screen.h"

typedef enum {
    STATS_HEADING, /* a section title */
    STATS_ROW,     /* a line of text */
    STATS_COLUMNS, /* a table's column heads (a row; the screen keeps it in sight) */
    STATS_BAR      /* one bar of the chart: text is the label */
} stats_kind;

typedef struct {
    stats_kind kind;
    const char *text;
    int64_t value, max; /* STATS_BAR: the bar is value/max of the width */
} stats_line;

typedef void (*stats_emit)(void *ctx, const stats_line *line);

/* Reads the report of s for f and calls emit once per line, in order:
 * period, totals, per organisation type and level, per curriculum and
 * module, attendances per month as bars. */
tl_status stats_summary(tl_store *s, const tl_report_filter *f, const tl_library *lib, stats_emit emit,
                        void *ctx, tl_error *err);

/* The same, with the period and scope lines of shown instead of f: a
 * report's statistics (`tillit stats FILE.xml`) are counted over all it
 * holds but name the period the report covers. */
tl_status stats_summary_shown(tl_store *s, const tl_report_filter *f, const tl_report_filter *shown,
                              const tl_library *lib, stats_emit emit, void *ctx, tl_error *err);

/* The statistics screen (menu item "Statistics and export"). */
tl_screen *stats_screen_open(tl_app *app, const char *arg);

#endif
