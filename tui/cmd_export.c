/* `tillit export [--from DATE] [--to DATE] [--curriculum ID]
 * [--organisation NAME] [--with-names] [-o FILE]`: the XML report, to
 * standard output or to FILE; and the option reading and set-up that
 * `tillit stats` shares. */
#include "cli.h"
#include "content.h"
#include "dates.h"
#include "i18n.h"
#include "report_scope.h"
#include "report_xml.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static tl_status need_value(const tl_options *o, int i, tl_error *err)
{
    if (i + 1 >= o->argc)
        return tl_fail(err, TL_USAGE, _("%s needs a value"), o->argv[i]);
    return TL_OK;
}

static tl_status check_scope(const tl_report_filter *f, tl_error *err)
{
    if (f->curriculum && !content_id_valid(f->curriculum))
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

/* --year YYYY: the period from 1 January to 31 December of that year. */
static tl_status year_period(const char *year, tl_report_filter *f, tl_error *err)
{
    static char from[16], to[16];
    if (f->from || f->to)
        return tl_fail(err, TL_USAGE, "%s", _("--year cannot go with --from or --to"));
    snprintf(from, sizeof from, "%.4s-01-01", year);
    snprintf(to, sizeof to, "%.4s-12-31", year);
    if (strlen(year) != 4 || !iso_date_valid(from))
        return tl_fail(err, TL_USAGE, _("'%s' is not a year (expected YYYY)"), year);
    f->from = from;
    f->to = to;
    return TL_OK;
}

tl_status cli_report_args(const tl_options *o, unsigned allow, tl_report_filter *f, const char **out,
                          tl_error *err)
{
    *f = (tl_report_filter){0};
    *out = NULL;
    const char *year = NULL;
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        const char **slot = (allow & CLI_YEAR) && strcmp(a, "--year") == 0 ? &year
                                                                            : option_slot(a, allow, f, out);
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
    tl_status st = year ? year_period(year, f, err) : TL_OK;
    if (st == TL_OK)
        st = check_period(f, err);
    return st == TL_OK ? check_scope(f, err) : st;
}

tl_status cli_open_store(const tl_options *o, tl_store **s, tl_error *err)
{
    return store_open_chosen(o->db, s, NULL, 0, err);
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

/* "\"A\", \"B\"" from the suggestions of m, into buf. */
static const char *suggestions(const tl_scope_match *m, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < m->n_closest && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", m->closest[i]);
    return buf;
}

/* TL_NOINPUT naming what was typed and what is near it. */
static tl_status no_match(const tl_scope_match *m, bool organisation, const char *typed, tl_error *err)
{
    char near[900];
    if (m->n_closest > 0)
        return tl_fail(err, TL_NOINPUT,
                       organisation ? _("no organisation is called \"%s\"; the closest: %s")
                                    : _("no curriculum has the id \"%s\"; the closest: %s"),
                       typed, suggestions(m, near, sizeof near));
    if (m->n_known == 0)
        return tl_fail(err, TL_NOINPUT,
                       organisation ? _("no organisation is called \"%s\": the database has none yet")
                                    : _("no curriculum has the id \"%s\": there are none yet"),
                       typed);
    return tl_fail(err, TL_NOINPUT,
                   organisation ? _("no organisation is called \"%s\", nor anything close to it")
                                : _("no curriculum has the id \"%s\", nor anything close to it"),
                   typed);
}

/* The curriculum and organisation of f as the store spells them; a name
 * that matches nothing is a typo (TL_NOINPUT), not an empty report.
 * spelt[] keeps the spellings f points to. */
static tl_status resolve_scope(tl_store *s, const tl_library *lib, tl_report_filter *f, char *spelt[2],
                               tl_error *err)
{
    const char **fields[2] = {&f->curriculum, &f->organisation};
    tl_status st = TL_OK;
    for (int i = 0; st == TL_OK && i < 2; i++) {
        if (!*fields[i])
            continue;
        tl_scope_match m;
        st = i == 0 ? scope_match_curriculum(s, lib, *fields[i], &m, err)
                    : scope_match_organisation(s, *fields[i], &m, err);
        if (st == TL_OK && !m.found)
            st = no_match(&m, i == 1, *fields[i], err);
        if (st == TL_OK) {
            spelt[i] = m.spelling;
            m.spelling = NULL;
            *fields[i] = spelt[i];
        }
        scope_match_free(&m);
    }
    return st;
}

tl_status cli_open_inputs(const tl_options *o, tl_store **s, tl_library *lib, tl_error *err)
{
    tl_status st = cli_open_existing_store(o, s, err);
    if (st == TL_OK)
        cli_load_library(o, lib);
    return st;
}

tl_status cli_run_report(const tl_options *o, unsigned allow, cli_report_fn run, void *ctx, tl_error *err)
{
    tl_report_filter f;
    const char *out;
    tl_status st = cli_report_args(o, allow, &f, &out, err);
    tl_store *s = NULL;
    tl_library lib;
    if (st == TL_OK)
        st = cli_open_inputs(o, &s, &lib, err);
    if (st != TL_OK)
        return st;
    char *spelt[2] = {NULL, NULL};
    st = resolve_scope(s, &lib, &f, spelt, err);
    if (st == TL_OK)
        st = run(s, &f, &lib, out, ctx, err);
    free(spelt[0]);
    free(spelt[1]);
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
