/* `tillit stats [--from DATE] [--to DATE] [--curriculum ID] [--organisation
 * NAME]`: the statistics screen's summary
 * as plain text for scripts, with the monthly bars drawn in '#'. */
#include "cli.h"
#include "i18n.h"
#include "stats.h"

#include <errno.h>
#include <string.h>

enum { BAR_WIDTH = 40 };

typedef struct {
    FILE *out;
} text_out;

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
    if (st == TL_OK && (fflush(t->out) != 0 || ferror(t->out)))
        return tl_fail(err, TL_IOERR, _("cannot write the statistics: %s"), strerror(errno));
    return st;
}

tl_status cmd_stats(const tl_options *o, FILE *out, tl_error *err)
{
    text_out t = {out};
    return cli_run_report(o, CLI_PERIOD | CLI_SCOPE, print_summary, &t, err);
}
