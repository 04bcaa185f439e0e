/* `tillit validate [FILE|DIR...]`: every problem as file:line:col: message.
 * Warnings (a text without English) are printed too but leave the exit
 * status 0: the content is usable. */
#include "cli.h"
#include "content.h"
#include "i18n.h"

typedef struct {
    size_t files, errors, warnings;
} tally;

static tl_status validate_path(const char *path, FILE *out, tally *t, tl_error *err)
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
        for (size_t k = 0; k < d.n; k++)
            diag_print(out, &d.items[k]);
        size_t errors = diags_errors(&d, 0);
        t->warnings += d.n - errors;
        if (fs != TL_OK && fs != TL_DATAERR) {
            fprintf(out, "%s\n", ferr.msg);
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

tl_status cmd_validate(const tl_options *o, FILE *out, tl_error *err)
{
    char curricula[4096], checklists[4096];
    char *defaults[] = {curricula, checklists};
    char **paths = o->argv;
    int n = o->argc;
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
        tl_status st = validate_path(paths[i], out, &t, &perr);
        if (st == TL_NOINPUT && perr.msg[0]) {
            fprintf(out, "%s\n", perr.msg);
            t.errors++;
        }
        if (st != TL_OK && (worst == TL_OK || worst == TL_DATAERR))
            worst = st;
    }
    if (worst == TL_OK && t.files == 0)
        return tl_fail(err, TL_NOINPUT, "%s", _("no content files (*.yaml) found"));
    char line[256];
    summary(&t, worst != TL_OK, line, sizeof line);
    if (worst != TL_OK)
        return tl_fail(err, worst, "%s", line);
    fprintf(out, "%s\n", line);
    return TL_OK;
}
