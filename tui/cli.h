/* The command line: global options, the subcommands, and the commands that
 * need no terminal. main() only parses, calls one of these and exits with the
 * status it returns. */
#ifndef TILLIT_CLI_H
#define TILLIT_CLI_H

#include "status.h"

#include <stdio.h>

typedef struct {
    const char *db;      /* --db, or NULL for the default path */
    const char *content; /* --content, or the shipped content */
    const char *lang;    /* --lang, or from the locale */
    const char *command; /* NULL: the main menu */
    int argc;            /* the command's own arguments */
    char **argv;
} tl_options;

tl_status cli_parse(int argc, char **argv, tl_options *o, tl_error *err);
void cli_usage(FILE *out);
/* "sv" or "en": --lang, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG. */
const char *cli_language(const char *requested);
/* Checks --lang; returns TL_USAGE for anything but sv and en. */
tl_status cli_check_lang(const char *lang, tl_error *err);

tl_status cmd_validate(const tl_options *o, FILE *out, tl_error *err);
/* The interactive program; start names the first screen ("train", ...). */
tl_status tui_run(const tl_options *o, const char *start, tl_error *err);

#endif
