/* `tillit validate [--strict] [--as-of DATE] [FILE|DIR...]`: every problem
 * as file:line:col: message. Warnings (a text without English, a file past
 * its review date) are printed too but leave the exit status 0: the content
 * is usable. --strict makes them fail, for a release or a review.
 * Problems go to diag (standard error), the one-line summary to out. */
#include "cli.h"
#include "content.h"
#include "dates.h"
#include "i18n.h"
#include "review.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t files, errors, warnings;
} tally;

typedef struct {
    bool strict;
    char as_of[11]; /* review dates are checked against this day */
} validate_opts;

static tl_status validate_path(const char *path, const validate_opts *vo, FILE *diag, tally *t,
                               tl_error *err)
{
    char **list;
    size_t n;
    tl_status st = content_find_files(path, &list, &n, err);
    if (st != TL_OK)
        return st;
    tl_status worst = TL_OK;
    for (size_t i = 0; i < n; i++) {
        tl_diags d = {0};
        tl_content *c = NULL;
        tl_error ferr = {0};
        tl_status fs = content_load_file(list[i], &c, &d, &ferr);
        if (c)
            content_review_warnings(c, vo->as_of, &d);
        for (size_t k = 0; k < d.n; k++)
            diag_print(diag, &d.items[k]);
        size_t errors = diags_errors(&d, 0);
        t->warnings += d.n - errors;
        if (fs != TL_OK && fs != TL_DATAERR) {
            fprintf(diag, "%s\n", ferr.msg);
            errors++;
        }
        t->errors += errors;
        t->files++;
        if (fs != TL_OK && (worst == TL_OK || worst == TL_DATAERR))
            worst = fs;
        diags_free(&d);
        content_free(c);
    }
    paths_free(list, n);
    return worst;
}

/* "3 problems in 2 files" or "3 files valid", and the warnings, if any. */
static void summary(const tally *t, bool failed, char *buf, size_t size)
{
    char files[64], warnings[64] = "";
    if (failed && t->errors == 0) { /* only warnings, under --strict */
        snprintf(files, sizeof files, _n("%zu file", "%zu files", t->files), t->files);
        /* TRANSLATORS: "2 warnings in 3 files (--strict)" */
        snprintf(warnings, sizeof warnings, _n("%zu warning", "%zu warnings", t->warnings), t->warnings);
        snprintf(buf, size, _("%s in %s (--strict)"), warnings, files);
        return;
    }
    if (failed) {
        char problems[64];
        snprintf(problems, sizeof problems, _n("%zu problem", "%zu problems", t->errors), t->errors);
        snprintf(files, sizeof files, _n("%zu file", "%zu files", t->files), t->files);
        /* TRANSLATORS: "3 problems in 2 files" */
        snprintf(buf, size, _("%s in %s"), problems, files);
        return;
    }
    snprintf(files, sizeof files, _n("%zu file valid", "%zu files valid", t->files), t->files);
    if (t->warnings)
        snprintf(warnings, sizeof warnings, _n(", %zu warning", ", %zu warnings", t->warnings), t->warnings);
    snprintf(buf, size, "%s%s", files, warnings);
}

/* Takes --strict and --as-of DATE out of the arguments; the rest are paths. */
static tl_status parse_validate_args(const tl_options *o, validate_opts *vo, char **paths, int *n,
                                     tl_error *err)
{
    *vo = (validate_opts){0};
    today_iso(vo->as_of);
    *n = 0;
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (strcmp(a, "--strict") == 0) {
            vo->strict = true;
        } else if (strcmp(a, "--as-of") == 0) {
            if (i + 1 >= o->argc || !iso_date_valid(o->argv[i + 1]))
                return tl_fail(err, TL_USAGE, "%s", _("--as-of needs a date (YYYY-MM-DD)"));
            snprintf(vo->as_of, sizeof vo->as_of, "%s", o->argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            return tl_fail(err, TL_USAGE, _("unknown option '%s'"), a);
        } else {
            paths[(*n)++] = o->argv[i];
        }
    }
    return TL_OK;
}

tl_status cmd_validate(const tl_options *o, FILE *out, FILE *diag, tl_error *err)
{
    char curricula[4096], checklists[4096];
    char *defaults[] = {curricula, checklists};
    char **given = calloc((size_t)o->argc + 1, sizeof *given), **paths = given;
    if (!given)
        abort();
    validate_opts vo;
    int n;
    tl_status parsed = parse_validate_args(o, &vo, given, &n, err);
    if (parsed != TL_OK) {
        free(given);
        return parsed;
    }
    if (n == 0) {
        snprintf(curricula, sizeof curricula, "%s/curricula", o->content);
        snprintf(checklists, sizeof checklists, "%s/checklists", o->content);
        paths = defaults;
        n = 2;
    }
    tally t = {0};
    tl_status worst = TL_OK;
    for (int i = 0; i < n; i++) {
        tl_error perr = {0};
        tl_status st = validate_path(paths[i], &vo, diag, &t, &perr);
        if (st == TL_NOINPUT && perr.msg[0]) {
            fprintf(diag, "%s\n", perr.msg);
            t.errors++;
        }
        if (st != TL_OK && (worst == TL_OK || worst == TL_DATAERR))
            worst = st;
    }
    free(given);
    if (worst == TL_OK && t.files == 0)
        return tl_fail(err, TL_NOINPUT, "%s", _("no content files (*.yaml) found"));
    if (worst == TL_OK && vo.strict && t.warnings > 0)
        worst = TL_DATAERR;
    char line[256];
    summary(&t, worst != TL_OK, line, sizeof line);
    if (worst != TL_OK)
        return tl_fail(err, worst, "%s", line);
    fprintf(out, "%s\n", line);
    return TL_OK;
}
