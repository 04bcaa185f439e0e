/* `tillit merge A.xml B.xml ... [-o ALL.xml] [--with-names]`: one report
 * from the reports of several sites (export/merge.h). */
#include "cli.h"
#include "i18n.h"
#include "merge.h"

#include <stdlib.h>
#include <string.h>

tl_status cmd_merge(const tl_options *o, tl_error *err)
{
    const char **inputs = calloc((size_t)o->argc + 1, sizeof *inputs);
    if (!inputs)
        abort();
    size_t n = 0;
    const char *out = NULL;
    bool with_names = false;
    tl_status st = TL_OK;
    for (int i = 0; st == TL_OK && i < o->argc; i++) {
        const char *a = o->argv[i];
        if (strcmp(a, "-o") == 0 && i + 1 >= o->argc)
            st = tl_fail(err, TL_USAGE, _("%s needs a value"), a);
        else if (strcmp(a, "-o") == 0)
            out = o->argv[++i];
        else if (strcmp(a, "--with-names") == 0)
            with_names = true;
        else if (a[0] == '-' && a[1])
            st = tl_fail(err, TL_USAGE, _("%s: unexpected '%s'"), o->command, a);
        else
            inputs[n++] = a;
    }
    if (st == TL_OK && n == 0)
        st = tl_fail(err, TL_USAGE, "%s", _("merge needs at least one report: tillit merge A.xml B.xml -o ALL.xml"));
    if (st == TL_OK) {
        tl_library lib;
        cli_load_library(o, &lib);
        st = report_merge(inputs, n, out, with_names, &lib, stderr, err);
        library_free(&lib);
    }
    free(inputs);
    return st;
}
