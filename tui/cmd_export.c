/* `tillit export [--from DATE] [--to DATE] [--curriculum ID]
 * [--organisation NAME] [--with-names] [-o FILE]`: the XML report, to
 * standard output or to FILE; and the option reading and set-up that
 * `tillit stats` shares. */
#include "cli.h"
#include "dates.h"
#include "i18n.h"
#include "report_xml.h"
#include "utf8.h"

#include <string.h>

static tl_status need_value(const tl_options *o, int i, tl_error *err)
{
    if (i + 1 >= o->argc)
        return tl_fail(err, TL_USAGE, _("%s needs a value"), o->argv[i]);
    return TL_OK;
}

/* A content id as the schema has it: 1-64 of a-z, 0-9, - and _. */
static bool content_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || s[0] == '-' || s[0] == '_')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789-_", s[i]))
            return false;
    return true;
}

static tl_status check_scope(const tl_report_filter *f, tl_error *err)
{
    if (f->curriculum && !content_id(f->curriculum))
        return tl_fail(err, TL_USAGE, _("'%s' is not a curriculum id (a-z, 0-9, - and _)"), f->curriculum);
    long chars = f->organisation ? utf8_text_chars(f->organisation) : 0;
    if (f->organisation && (chars < 1 || chars > 1000))
        return tl_fail(err, TL_USAGE, "%s",
                       _("--organisation needs a name of 1 to 1000 characters of UTF-8 text"));
    return TL_OK;
}

static tl_status check_period(const tl_report_filter *f, tl_error *err)
{
    const char *dates[] = {f->from, f->to};
    for (int i = 0; i < 2; i++)
        if (dates[i] && !iso_date_valid(dates[i]))
            return tl_fail(err, TL_USAGE, _("'%s' is not a date (expected YYYY-MM-DD)"), dates[i]);
    if (f->from && f->to && strcmp(f->from, f->to) > 0)
        return tl_fail(err, TL_USAGE, _("--from %s is after --to %s"), f->from, f->to);
    return TL_OK;
}

/* The option that argv[i] names, when allowed; NULL when it is no option. */
static const char **option_slot(const char *a, unsigned allow, tl_report_filter *f, const char **out)
{
    if ((allow & CLI_PERIOD) && strcmp(a, "--from") == 0)
        return &f->from;
    if ((allow & CLI_PERIOD) && strcmp(a, "--to") == 0)
        return &f->to;
    if ((allow & CLI_SCOPE) && strcmp(a, "--curriculum") == 0)
        return &f->curriculum;
    if ((allow & CLI_SCOPE) && strcmp(a, "--organisation") == 0)
        return &f->organisation;
    if ((allow & CLI_OUTPUT) && strcmp(a, "-o") == 0)
        return out;
    return NULL;
}

tl_status cli_report_args(const tl_options *o, unsigned allow, tl_report_filter *f, const char **out,
                          tl_error *err)
{
    *f = (tl_report_filter){0};
    *out = NULL;
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        const char **slot = option_slot(a, allow, f, out);
        if (slot) {
            tl_status st = need_value(o, i, err);
            if (st != TL_OK)
                return st;
            *slot = o->argv[++i];
        } else if ((allow & CLI_NAMES) && strcmp(a, "--with-names") == 0) {
            f->with_names = true;
        } else {
            return tl_fail(err, TL_USAGE, _("%s: unexpected '%s'"), o->command, a);
        }
    }
    tl_status st = check_period(f, err);
    return st == TL_OK ? check_scope(f, err) : st;
}

tl_status cli_open_store(const tl_options *o, tl_store **s, tl_error *err)
{
    char path[4096];
    if (o->db)
        return store_open(o->db, false, s, err);
    tl_status st = store_default_path(path, sizeof path, err);
    return st == TL_OK ? store_open(path, true, s, err) : st;
}

/* The content only tells the report which modules have a check: a content
 * problem is for `tillit validate` to report, not a reason to refuse one. */
void cli_load_library(const tl_options *o, tl_library *lib)
{
    tl_diags d = {0};
    tl_error ignored;
    library_load(o->content, lib, &d, &ignored);
    diags_free(&d);
}

tl_status cli_run_report(const tl_options *o, unsigned allow, cli_report_fn run, void *ctx, tl_error *err)
{
    tl_report_filter f;
    const char *out;
    tl_status st = cli_report_args(o, allow, &f, &out, err);
    tl_store *s = NULL;
    if (st == TL_OK)
        st = cli_open_store(o, &s, err);
    if (st != TL_OK)
        return st;
    tl_library lib;
    cli_load_library(o, &lib);
    st = run(s, &f, &lib, out, ctx, err);
    library_free(&lib);
    store_close(s);
    return st;
}

static tl_status write_report(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                              const char *out, void *ctx, tl_error *err)
{
    (void)ctx;
    return report_xml_write(s, f, lib, NULL, out, err);
}

tl_status cmd_export(const tl_options *o, tl_error *err)
{
    return cli_run_report(o, CLI_PERIOD | CLI_SCOPE | CLI_NAMES | CLI_OUTPUT, write_report, NULL, err);
}
