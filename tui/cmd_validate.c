/* `tillit validate [FILE|DIR...]`: every problem as file:line:col: message. */
#include "cli.h"
#include "content.h"

static tl_status validate_path(const char *path, FILE *out, size_t *files, size_t *problems,
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
        for (size_t k = 0; k < d.n; k++)
            diag_print(out, &d.items[k]);
        if (fs != TL_OK && fs != TL_DATAERR) {
            fprintf(out, "%s\n", ferr.msg);
            d.n++;
        }
        *problems += d.n;
        (*files)++;
        if (fs != TL_OK && (worst == TL_OK || worst == TL_DATAERR))
            worst = fs;
        diags_free(&d);
        content_free(c);
    }
    paths_free(list, n);
    return worst;
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
    size_t files = 0, problems = 0;
    tl_status worst = TL_OK;
    for (int i = 0; i < n; i++) {
        tl_error perr = {0};
        tl_status st = validate_path(paths[i], out, &files, &problems, &perr);
        if (st == TL_NOINPUT && perr.msg[0]) {
            fprintf(out, "%s\n", perr.msg);
            problems++;
        }
        if (st != TL_OK && (worst == TL_OK || worst == TL_DATAERR))
            worst = st;
    }
    if (worst == TL_OK && files == 0)
        return tl_fail(err, TL_NOINPUT, "no content files (*.yaml) found");
    if (worst != TL_OK)
        return tl_fail(err, worst, "%zu problem%s in %zu file%s", problems, problems == 1 ? "" : "s",
                       files, files == 1 ? "" : "s");
    fprintf(out, "%zu file%s valid\n", files, files == 1 ? "" : "s");
    return TL_OK;
}
