/* The plain interface's start: which interface a run gets, the main menu,
 * help, the statistics, and a clean end on a stop signal or the end of the
 * input (everything is saved as it is entered). */
#include "i18n.h"
#include "plain.h"
#include "stats.h"

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum { DEFAULT_COLS = 80, MIN_COLS = 20 };

bool plain_wanted(void)
{
    const char *term = getenv("TERM");
    return !term || !*term || strcmp(term, "dumb") == 0 || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);
}

/* A stop signal interrupts the read in progress (no SA_RESTART): the read
 * fails, the journey sees the input ended and returns; all is saved. */
static void on_stop(int sig)
{
    (void)sig;
}

static void catch_stop_signals(void)
{
    struct sigaction sa = {.sa_handler = on_stop};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

/* COLUMNS, else the terminal's width, else 80. */
static int line_width(void)
{
    const char *env = getenv("COLUMNS");
    int cols = env ? atoi(env) : 0;
    struct winsize ws;
    if (cols <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        cols = ws.ws_col;
    if (cols <= 0)
        cols = DEFAULT_COLS;
    return cols < MIN_COLS ? MIN_COLS : cols;
}

/* The page length, when a person reads at a terminal. */
static int page_rows(void)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return 0;
    const char *env = getenv("LINES");
    int rows = env ? atoi(env) : 0;
    struct winsize ws;
    if (rows <= 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        rows = ws.ws_row;
    return rows >= 4 ? rows : 24;
}

static void say_menu_help(plain *p)
{
    plain_say(p, _("**How the plain interface works**\n"
                   "- Each step is said once; then a prompt lists the choices by number and key.\n"
                   "- Type the number or the key and press Enter. One answer per line: answers can "
                   "also come from a file or a pipe.\n"
                   "- At every prompt: **?** help, **b** back, **q** quit, **lang** switches between "
                   "Swedish and English, **hide** clears the screen at once and shows a neutral line "
                   "until you press Enter.\n"
                   "- Everything is saved as it is entered; the end of the input saves and ends the "
                   "program."));
}

/* ---- statistics ---- */

/* The statistics as sentences a screen reader can read: a chart's bars
 * become "label: number". */
static void stats_line_out(void *ctx, const stats_line *l)
{
    plain *p = ctx;
    if (l->kind == STATS_HEADING)
        plain_heading(p, l->text);
    else if (l->kind == STATS_BAR)
        plain_sayf(p, "%s: %lld", l->text, (long long)l->value);
    else
        plain_sayf(p, "%s", l->text);
}

void plain_statistics(plain *p)
{
    tl_report_filter f = {0};
    tl_error err = {0};
    plain_heading(p, _("Statistics"));
    if (stats_summary(p->store, &f, &p->lib, stats_line_out, p, &err) != TL_OK)
        plain_sayf(p, "%s", err.msg);
    plain_sayf(p, "%s", _("For a period, a curriculum or an organisation, and for the XML report: "
                          "'tillit stats --help' and 'tillit export'."));
}

/* ---- the main menu ---- */

typedef enum { ITEM_TRAIN, ITEM_STUDY, ITEM_CHECK, ITEM_STATS, N_ITEMS } menu_item;

static const char *const item_labels[N_ITEMS] = {N_("Run a training session"), N_("Self-study"),
                                                 N_("Checklist self-check"), N_("Statistics")};

static void open_item(plain *p, menu_item item, const char *arg)
{
    if (item == ITEM_TRAIN)
        plain_training(p, arg);
    else if (item == ITEM_STUDY)
        plain_study(p, arg);
    else if (item == ITEM_CHECK)
        plain_checklist(p, arg);
    else
        plain_statistics(p);
}

static void main_menu(plain *p)
{
    while (!p->ended && !p->quit) {
        plain_heading(p, "tillit");
        const char *labels[N_ITEMS];
        i18n_table(item_labels, labels, N_ITEMS);
        plain_list(p, labels, N_ITEMS);
        int c;
        plain_answer a = plain_choose(p, _("Choose 1-4; ? help, lang, q quit:"), N_ITEMS, NULL, &c);
        if (a == P_QUIT || a == P_BACK)
            return;
        if (a == P_HELP)
            say_menu_help(p);
        else if (a == P_CHOICE)
            open_item(p, (menu_item)(c - 1), NULL);
    }
}

/* `tillit train|study|check`: the journey named. */
static menu_item item_of_command(const char *command)
{
    return strcmp(command, "train") == 0 ? ITEM_TRAIN : strcmp(command, "study") == 0 ? ITEM_STUDY : ITEM_CHECK;
}

tl_status plain_run(const tl_options *o, const char *start, tl_error *err)
{
    /* Widths of å, ä, ö need a UTF-8 locale; the text is UTF-8 either way. */
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    plain p = {.in = stdin, .out = stdout, .cols = line_width(), .rows = page_rows(),
               .echo = !isatty(STDIN_FILENO), .lang = i18n_lang()};
    char db_path[4096];
    tl_status st = cli_open_workspace(o, &p.lib, &p.store, db_path, sizeof db_path, err);
    if (st != TL_OK) {
        library_free(&p.lib);
        return st;
    }
    p.db_path = db_path;
    catch_stop_signals();
    if (start)
        open_item(&p, item_of_command(start), o->argc > 0 ? o->argv[0] : NULL);
    else
        main_menu(&p);
    if (p.quit || !p.ended)
        plain_sayf(&p, "%s", _("Everything is saved. Goodbye."));
    fflush(stdout);
    store_close(p.store);
    library_free(&p.lib);
    free(p.line);
    return TL_OK;
}
