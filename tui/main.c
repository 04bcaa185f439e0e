/* tillit: the one entry point. Parses the command line, runs one command,
 * and is the only place that prints an error and chooses the exit code. */
#include "cli.h"
#include "i18n.h"
#include "plain.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static tl_status dispatch(const tl_options *o, tl_error *err)
{
    const char *c = o->command;
    bool interactive = !c || strcmp(c, "train") == 0 || strcmp(c, "study") == 0 || strcmp(c, "check") == 0;
    if (interactive && (o->plain || plain_wanted()))
        return plain_run(o, c, err);
    if (!c)
        return tui_run(o, NULL, err);
    if (strcmp(c, "validate") == 0)
        return cmd_validate(o, stdout, stderr, err);
    if (strcmp(c, "train") == 0 || strcmp(c, "study") == 0 || strcmp(c, "check") == 0)
        return tui_run(o, c, err);
    if (strcmp(c, "export") == 0)
        return cmd_export(o, err);
    if (strcmp(c, "stats") == 0)
        return cmd_stats(o, stdout, err);
    if (strcmp(c, "merge") == 0)
        return cmd_merge(o, err);
    if (strcmp(c, "retention") == 0)
        return cmd_retention(o, stdout, err);
    if (strcmp(c, "purge") == 0)
        return cmd_purge(o, stdout, err);
    if (strcmp(c, "log") == 0)
        return cmd_log(o, stdout, err);
    if (strcmp(c, "forget") == 0)
        return cmd_forget(o, stdout, err);
    if (strcmp(c, "extract") == 0)
        return cmd_extract(o, stdout, err);
    if (strcmp(c, "attendance") == 0)
        return cmd_attendance(o, err);
    if (strcmp(c, "certificate") == 0)
        return cmd_certificate(o, err);
    if (strcmp(c, "report") == 0)
        return cmd_report(o, err);
    return tl_fail(err, TL_USAGE, _("unknown command '%s' (see 'tillit --help')"), c);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    i18n_init(NULL); /* from the locale, so that a mistake on the command line is explained in it */
    tl_options o;
    tl_error err = {0};
    tl_status st = cli_parse(argc, argv, &o, &err);
    if (st == TL_OK && o.lang)
        i18n_set(o.lang);
    if (st == TL_OK && o.command && strcmp(o.command, "--help") == 0) {
        cli_usage(stdout);
        return 0;
    }
    if (st == TL_OK && o.command && strcmp(o.command, "--version") == 0) {
        printf("tillit %s\n", TILLIT_VERSION);
        return 0;
    }
    if (st == TL_OK)
        st = dispatch(&o, &err);
    fflush(stdout); /* keep the command's output before the error line */
    if (st != TL_OK && err.msg[0])
        fprintf(stderr, "tillit: %s\n", err.msg);
    if (st == TL_USAGE)
        fprintf(stderr, "%s\n", _("Try 'tillit --help'."));
    return (int)st;
}
