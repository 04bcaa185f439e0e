#include "cli.h"
#include "datafiles.h"
#include "i18n.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void cli_usage(FILE *out)
{
    /* TRANSLATORS: the command and option names (train, --db, DATE, ...) stay as they are. */
    fputs(_("Usage: tillit [OPTIONS] [COMMAND [ARGS]]\n"
          "\n"
          "Training, trafficking-indicator checklists and yearly reporting for those who\n"
          "meet people working in massage parlours.\n"
          "\n"
          "Commands:\n"
          "  (none)                  the main menu\n"
          "  train [CURRICULUM]      run a group training session\n"
          "  study [CURRICULUM]      self-study, resumable\n"
          "  check [CHECKLIST]       checklist self-check, resumable\n"
          "  export [--from DATE] [--to DATE] [--curriculum ID] [--organisation NAME]\n"
          "         [--with-names] [-o FILE]\n"
          "                          the XML report (standard output without -o)\n"
          "  merge FILE... [--with-names] [-o FILE]\n"
          "                          combine the reports of several sites into one\n"
          "  report [REPORT.xml] [--from DATE --to DATE | --year YYYY] [-o FILE.html]\n"
          "                          the yearly report as one HTML file, from the database\n"
          "                          or from an XML report (in the language of --lang)\n"
          "  stats [--from DATE] [--to DATE] [--curriculum ID] [--organisation NAME]\n"
          "                          the statistics summary as text\n"
          "  stats REPORT.xml...     the same of a report, or of reports merged\n"
          "  attendance SESSION [-o FILE]\n"
          "                          the attendance list (HTML when FILE ends in .html)\n"
          "  certificate SESSION [--attendee N] [--with-scores] -o DIR\n"
          "                          a certificate of participation per attendee\n"
          "                          (text and HTML); SESSION: its date or id\n"
          "  validate [--strict] [--as-of DATE] [FILE|DIR...]\n"
          "                          check content files (default: the shipped content);\n"
          "                          warns of content past its review date, --strict\n"
          "                          fails on any warning\n"
          "\n"
          "Data protection (docs/privacy.md):\n"
          "  retention [KIND PERIOD]  show or set how long records are kept; KIND is\n"
          "                          checklist-runs, training or access-log, PERIOD e.g.\n"
          "                          90d, 18m, 3y, or keep\n"
          "  purge [--dry-run] [--vacuum] [--yes]\n"
          "                          delete what is older than its rule (counts first)\n"
          "  forget PARTICIPANT [--organisation NAME] [--delete] [--yes]\n"
          "                          remove a participant's name and remarks, keeping\n"
          "                          anonymous counts, or delete them entirely\n"
          "  extract PARTICIPANT [--organisation NAME] -o FILE\n"
          "                          everything stored about one participant: FILE (text)\n"
          "                          and FILE as .xml, readable only by you\n"
          "  log [--from DATE] [--to DATE] [--user NAME] [--kind KIND]\n"
          "                          the access log: who did what with personal data\n"
          "  PARTICIPANT is a part of a name or a participant's id. purge and forget ask\n"
          "  before they change anything; when standard input is not a terminal they need\n"
          "  --yes instead.\n"
          "\n"
          "Options:\n"
          "  --db PATH        database (default $TILLIT_DB, else\n"
          "                   $XDG_DATA_HOME/tillit/tillit.db or ~/.local/share/tillit/tillit.db)\n"
          "  --content DIR    content folder holding curricula/ and checklists/\n"
          "                   (default $TILLIT_CONTENT, else the shipped content)\n"
          "  --lang sv|en     language of the interface and the content (default from the\n"
          "                   locale; F2 switches it in the program)\n"
          "  -h, --help       this text\n"
          "  --version        the program's version\n"
          "\n"
          "Exit status: 0 ok, 64 usage, 65 bad content or data, 66 missing input,\n"
          "73 cannot create output, 74 I/O error, 78 no usable terminal locale.\n"),
          out);
    fputs(_("\nScreen readers, braille displays, dumb terminals and scripts:\n"
            "  --plain          the plain-line interface: each step said once as lines of\n"
            "                   text, answered one line at a time (chosen by itself when\n"
            "                   TERM is dumb or unset, or input or output is not a terminal)\n"),
          out);
    /* TRANSLATORS: the variable names stay as they are. */
    fputs(_("\n"
            "Environment:\n"
            "  TILLIT_DB         the database, when --db is not given\n"
            "  TILLIT_CONTENT    the content folder, when --content is not given\n"
            "  TILLIT_LOCALEDIR  the folder of the translations (sv/LC_MESSAGES/tillit.mo)\n"
            "  TILLIT_SCHEMA     the report schema that merge checks its inputs against\n"
            "  XDG_DATA_HOME     where the default database is kept (~/.local/share)\n"
            "  XDG_DATA_DIRS     more folders with the shipped files, after the\n"
            "                    installation's own share/ (/usr/local/share:/usr/share)\n"
            "  LANGUAGE, LC_ALL, LC_MESSAGES, LANG\n"
            "                    the first one set chooses the language: Swedish when it\n"
            "                    starts with sv, else English\n"
            "  TMPDIR            where merge keeps its temporary database (/tmp)\n"
            "\n"
            "The manual: man tillit; the content format: man tillit-content.\n"),
          out);
}

/* $TILLIT_CONTENT, else the shipped content (core/datafiles.h). */
static const char *default_content(void)
{
    static char path[PATH_MAX];
    tl_data_find("TILLIT_CONTENT", "tillit", "curricula", path, sizeof path);
    return path;
}

/* Global options may stand anywhere; the first other word is the command and
 * the rest belong to it. */
tl_status cli_parse(int argc, char **argv, tl_options *o, tl_error *err)
{
    static char *rest[256];
    *o = (tl_options){.content = default_content(), .argv = rest};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = strcmp(a, "--db") == 0        ? &o->db
                           : strcmp(a, "--content") == 0 ? &o->content
                           : strcmp(a, "--lang") == 0    ? &o->lang
                                                         : NULL;
        if (dst) {
            if (i + 1 >= argc)
                return tl_fail(err, TL_USAGE, _("%s needs a value"), a);
            *dst = argv[++i];
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->command = "--help";
            return TL_OK;
        } else if (strcmp(a, "--plain") == 0) {
            o->plain = true;
        } else if (strcmp(a, "--version") == 0) {
            o->command = "--version";
            return TL_OK;
        } else if (!o->command && a[0] == '-') {
            return tl_fail(err, TL_USAGE, _("unknown option '%s'"), a);
        } else if (!o->command) {
            o->command = a;
        } else if (o->argc < (int)(sizeof rest / sizeof rest[0]) - 1) {
            rest[o->argc++] = argv[i];
        } else {
            return tl_fail(err, TL_USAGE, "%s", _("too many arguments"));
        }
    }
    rest[o->argc] = NULL;
    return cli_check_lang(o->lang, err);
}

tl_status cli_check_lang(const char *lang, tl_error *err)
{
    if (lang && strcmp(lang, "sv") != 0 && strcmp(lang, "en") != 0)
        return tl_fail(err, TL_USAGE, _("--lang must be sv or en, not '%s'"), lang);
    return TL_OK;
}

const char *cli_language(const char *requested)
{
    if (requested)
        return requested;
    const char *vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "sv", 2) == 0 ? "sv" : "en";
    }
    return "en";
}

tl_status cli_open_workspace(const tl_options *o, tl_library *lib, tl_store **store, char *db_path, size_t size,
                             tl_error *err)
{
    tl_diags d = {0};
    tl_status st = library_load(o->content, lib, &d, err);
    for (size_t i = 0; i < d.n; i++) /* warnings are for `tillit validate` */
        if (d.items[i].severity == TL_DIAG_ERROR)
            diag_print(stderr, &d.items[i]);
    diags_free(&d);
    if (st != TL_OK)
        return st;
    return store_open_chosen(o->db, store, db_path, size, err);
}
