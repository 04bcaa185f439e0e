/* `tillit stats [--from DATE] [--to DATE] [--curriculum ID] [--organisation
 * NAME]`: the statistics screen's summary
 * as plain text for scripts, with the monthly bars drawn in '#'; and
 * `tillit stats REPORT.xml...`: the same summary of a report or of several
 * merged. */
#include "cli.h"
#include "i18n.h"
#include "merge.h"
#include "stats.h"

#include <errno.h>
#include <string.h>

enum { BAR_WIDTH = 40 };

typedef struct {
    FILE *out;
    const tl_library *lib;
} text_out;

static tl_status flushed(text_out *t, tl_error *err)
{
    if (fflush(t->out) != 0 || ferror(t->out))
        return tl_fail(err, TL_IOERR, _("cannot write the statistics: %s"), strerror(errno));
    return TL_OK;
}

static void print_line(void *ctx, const stats_line *l)
{
    text_out *t = ctx;
    if (l->kind == STATS_HEADING) {
        fprintf(t->out, "\n%s\n", l->text);
    } else if (l->kind == STATS_BAR) {
        int width = l->max > 0 ? (int)(l->value * BAR_WIDTH / l->max) : 0;
        if (width == 0 && l->value > 0)
            width = 1; /* a month with anyone at all shows */
        char bar[BAR_WIDTH + 1];
        memset(bar, '#', (size_t)width);
        bar[width] = '\0';
        fprintf(t->out, "  %s %-*s %lld\n", l->text, BAR_WIDTH, bar, (long long)l->value);
    } else {
        fprintf(t->out, "%s\n", l->text);
    }
}

static tl_status print_summary(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                               const char *unused, void *ctx, tl_error *err)
{
    (void)unused;
    text_out *t = ctx;
    tl_status st = stats_summary(s, f, lib, print_line, t, err);
    return st == TL_OK ? flushed(t, err) : st;
}

/* A report's numbers are counted over all it holds; the lines above them
 * name the period and scope the report says it covers. */
static tl_status print_merged(tl_store *s, const tl_report_filter *scope, const tl_report_meta *meta,
                              void *ctx, tl_error *err)
{
    text_out *t = ctx;
    tl_report_filter shown = *scope;
    shown.from = meta->from;
    shown.to = meta->to;
    tl_status st = stats_summary_shown(s, scope, &shown, t->lib, print_line, t, err);
    return st == TL_OK ? flushed(t, err) : st;
}

/* `tillit stats A.xml [B.xml ...]`: the statistics of a report, or of the
 * reports merged (each session once), as merge reads them. */
static tl_status report_stats(const tl_options *o, text_out *t, tl_error *err)
{
    for (int i = 0; i < o->argc; i++)
        if (o->argv[i][0] == '-')
            return tl_fail(err, TL_USAGE,
                           _("%s: '%s' does not go with a report file: the report is counted as it is"),
                           o->command, o->argv[i]);
    tl_library lib;
    cli_load_library(o, &lib);
    t->lib = &lib;
    tl_status st = report_merge_into((const char *const *)o->argv, (size_t)o->argc, false, stderr,
                                     print_merged, t, err);
    library_free(&lib);
    return st;
}

/* Whether the arguments name a file: a word that is not an option's value. */
static bool names_files(const tl_options *o)
{
    for (int i = 0; i < o->argc; i++) {
        bool after_option = i > 0 && o->argv[i - 1][0] == '-' && strcmp(o->argv[i - 1], "--with-names") != 0;
        if (o->argv[i][0] != '-' && !after_option)
            return true;
    }
    return false;
}

tl_status cmd_stats(const tl_options *o, FILE *out, tl_error *err)
{
    text_out t = {out, NULL};
    if (names_files(o))
        return report_stats(o, &t, err);
    return cli_run_report(o, CLI_PERIOD | CLI_SCOPE, print_summary, &t, err);
}
