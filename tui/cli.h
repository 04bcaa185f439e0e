/* The command line: global options, the subcommands, and the commands that
 * need no terminal. main() only parses, calls one of these and exits with the
 * status it returns. */
#ifndef TILLIT_CLI_H
#define TILLIT_CLI_H

#include "report.h"
#include "status.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    const char *db;      /* --db, or NULL for the default path */
    const char *content; /* --content, or the shipped content */
    const char *lang;    /* --lang, or from the locale */
    const char *command; /* NULL: the main menu */
    bool plain;          /* --plain: the plain-line interface (tui/plain.h) */
    int argc;            /* the command's own arguments */
    char **argv;
} tl_options;

tl_status cli_parse(int argc, char **argv, tl_options *o, tl_error *err);
void cli_usage(FILE *out);
/* "sv" or "en": --lang, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG. */
const char *cli_language(const char *requested);
/* Checks --lang; returns TL_USAGE for anything but sv and en. */
tl_status cli_check_lang(const char *lang, tl_error *err);

/* Problems (file:line:col) to diag, the summary line to out. */
tl_status cmd_validate(const tl_options *o, FILE *out, FILE *diag, tl_error *err);
/* The report commands (cmd_export.c, cmd_merge.c, cmd_stats.c). */
enum { CLI_PERIOD = 1, CLI_SCOPE = 2, CLI_NAMES = 4, CLI_OUTPUT = 8, CLI_YEAR = 16 };
/* Reads the command's own options into f and *out: CLI_PERIOD --from/--to,
 * CLI_YEAR --year YYYY (instead of --from/--to),
 * CLI_SCOPE --curriculum/--organisation, CLI_NAMES --with-names, CLI_OUTPUT
 * -o FILE.
 * The strings stay owned by o. */
tl_status cli_report_args(const tl_options *o, unsigned allow, tl_report_filter *f, const char **out,
                          tl_error *err);
/* The content of --content as far as it loads (problems are not reported). */
void cli_load_library(const tl_options *o, tl_library *lib);
/* Reads the options (as cli_report_args), opens --db (or the default
 * database) and the content, and calls run with them; out: -o or NULL. */
typedef tl_status (*cli_report_fn)(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                                   const char *out, void *ctx, tl_error *err);
tl_status cli_run_report(const tl_options *o, unsigned allow, cli_report_fn run, void *ctx, tl_error *err);
tl_status cmd_export(const tl_options *o, tl_error *err);
/* cli_open_existing_store, then the content as cli_load_library loads it;
 * on failure nothing is open. */
tl_status cli_open_inputs(const tl_options *o, tl_store **s, tl_library *lib, tl_error *err);
/* The attendance list and the certificates (cmd_documents.c). */
tl_status cmd_attendance(const tl_options *o, tl_error *err);
tl_status cmd_certificate(const tl_options *o, tl_error *err);
tl_status cmd_merge(const tl_options *o, tl_error *err);
tl_status cmd_stats(const tl_options *o, FILE *out, tl_error *err);
tl_status cmd_report(const tl_options *o, tl_error *err);

/* Opens --db, or the default database (making its folders). */
tl_status cli_open_store(const tl_options *o, tl_store **s, tl_error *err);
/* The same for a command that finds, shows or deletes records: a database
 * that does not exist is missing input (TL_NOINPUT) and none is made. */
tl_status cli_open_existing_store(const tl_options *o, tl_store **s, tl_error *err);

/* The data-protection commands (cmd_privacy.c, cmd_person.c,
 * docs/privacy.md). Each takes its own options from o. */
tl_status cmd_retention(const tl_options *o, FILE *out, tl_error *err);
tl_status cmd_purge(const tl_options *o, FILE *out, tl_error *err);
tl_status cmd_log(const tl_options *o, FILE *out, tl_error *err);
tl_status cmd_forget(const tl_options *o, FILE *out, tl_error *err);
tl_status cmd_extract(const tl_options *o, FILE *out, tl_error *err);

/* A command's own options: each argument that is not an option goes to
 * words[] (at most max_words, else TL_USAGE). */
typedef struct {
    const char *name;   /* "--dry-run", "-o" */
    const char **value; /* NULL: a flag */
    bool *flag;
} cli_opt;
tl_status cli_parse_opts(const tl_options *o, const cli_opt *opts, size_t n_opts, const char **words,
                         int max_words, int *n_words, tl_error *err);
/* Asks on the terminal whether to go on (question ends with the change
 * to be made); with --yes (yes true) it does not ask. When standard input
 * is not a terminal, --yes is required: TL_USAGE. *go: the answer. */
tl_status cli_confirm(const char *question, bool yes, FILE *out, bool *go, tl_error *err);

/* Loads the content of --content (its errors to stderr) and opens --db or
 * the default database (its path into db_path): what both interactive
 * front-ends work on. */
tl_status cli_open_workspace(const tl_options *o, tl_library *lib, tl_store **store, char *db_path, size_t size,
                             tl_error *err);

/* The interactive program; start names the first screen ("train", ...). */
tl_status tui_run(const tl_options *o, const char *start, tl_error *err);

#endif
