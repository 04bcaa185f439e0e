/* `tillit report [REPORT.xml] [--from DATE --to DATE | --year YYYY]
 * [-o FILE.html]`: the yearly report as HTML (export/report_html.h), from
 * the database or from any XML report; the language is --lang's (or the
 * locale's). */
#include "cli.h"
#include "i18n.h"
#include "report_html.h"

#include <string.h>

static tl_status html_from_store(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                                 const char *out, void *ctx, tl_error *err)
{
    return report_html_write(s, f, lib, ctx, out, err);
}

static bool takes_value(const char *option)
{
    const char *with_value[] = {"-o", "--from", "--to", "--year"};
    for (size_t i = 0; i < sizeof with_value / sizeof with_value[0]; i++)
        if (strcmp(option, with_value[i]) == 0)
            return true;
    return false;
}

tl_status cmd_report(const tl_options *o, tl_error *err)
{
    static char *options[256];
    tl_options rest = *o;
    rest.argv = options;
    rest.argc = 0;
    const char *xml = NULL;
    /* The one argument that is neither an option nor an option's value
     * names the XML report to start from. */
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (a[0] == '-' && a[1]) {
            options[rest.argc++] = o->argv[i];
            if (takes_value(a) && i + 1 < o->argc)
                options[rest.argc++] = o->argv[++i];
        } else if (!xml) {
            xml = a;
        } else {
            return tl_fail(err, TL_USAGE, _("%s: unexpected '%s'"), o->command, a);
        }
    }
    const char *lang = cli_language(o->lang);
    if (!xml)
        return cli_run_report(&rest, CLI_PERIOD | CLI_YEAR | CLI_OUTPUT, html_from_store, (void *)lang, err);
    tl_report_filter unused;
    const char *out;
    tl_status st = cli_report_args(&rest, CLI_OUTPUT, &unused, &out, err);
    return st == TL_OK ? report_html_from_xml(xml, lang, out, err) : st;
}
