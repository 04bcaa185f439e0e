/* The interactive program: start-up checks, the curses loop, the screen
 * stack, the footer and the "terminal too small" notice. */
#include "cli.h"
#include "screen.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MIN_COLS = 60, MIN_ROWS = 16, MAX_SCREENS = 16 };

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* ncursesw needs a UTF-8 character set; fall back to C.UTF-8 when the user's
 * locale is missing or not UTF-8, and refuse only when even that fails. */
static tl_status ensure_utf8(tl_error *err)
{
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
        return TL_OK;
    if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
        return TL_OK;
    return tl_fail(err, TL_CONFIG,
                   "the terminal needs a UTF-8 locale and none is available; "
                   "try LANG=C.UTF-8 (the command-line commands work without one)");
}

static tl_status open_everything(const tl_options *o, tl_app *app, char *db_path, size_t size,
                                 tl_error *err)
{
    tl_diags d = {0};
    tl_status st = library_load(o->content, &app->lib, &d, err);
    for (size_t i = 0; i < d.n; i++)
        diag_print(stderr, &d.items[i]);
    diags_free(&d);
    if (st != TL_OK)
        return st;
    bool default_path = !o->db;
    if (default_path)
        st = store_default_path(db_path, size, err);
    else
        snprintf(db_path, size, "%s", o->db);
    if (st == TL_OK)
        st = store_open(db_path, default_path, &app->store, err);
    app->db_path = db_path;
    return st;
}

static void draw_too_small(int rows, int cols)
{
    erase();
    const char *msg = "Terminal too small";
    char need[64];
    snprintf(need, sizeof need, "need %dx%d, have %dx%d", MIN_COLS, MIN_ROWS, cols, rows);
    int y = rows / 2 - 1 > 0 ? rows / 2 - 1 : 0;
    ui_put(y, 0, cols, msg, A_BOLD);
    if (rows > 1)
        ui_put(y + 1, 0, cols, need, 0);
    if (rows > 2)
        ui_put(y + 2, 0, cols, "q quits", 0);
}

static void draw_frame(tl_screen *top, tl_app *app, int rows, int cols)
{
    erase();
    top->draw(top, app, rows - 2, cols);
    if (app->status[0])
        ui_put(rows - 2, 1, cols - 2, app->status, A_BOLD);
    move(rows - 1, 0);
    attron(A_REVERSE);
    hline(' ', cols);
    attroff(A_REVERSE);
    ui_put(rows - 1, 1, cols - 2, top->footer, A_REVERSE);
}

static void run_loop(tl_app *app, tl_screen **stack, int *depth)
{
    while (*depth > 0 && !stop_requested) {
        tl_screen *top = stack[*depth - 1];
        int rows, cols;
        getmaxyx(stdscr, rows, cols);
        bool small = rows < MIN_ROWS || cols < MIN_COLS;
        if (small)
            draw_too_small(rows, cols);
        else
            draw_frame(top, app, rows, cols);
        refresh();
        wint_t ch;
        int kind = get_wch(&ch);
        if (kind == ERR || (kind == KEY_CODE_YES && ch == KEY_RESIZE))
            continue;
        if (small) {
            if (ch == 'q' || ch == 'Q')
                break;
            continue;
        }
        app->status[0] = '\0';
        tl_screen *next = NULL;
        tl_key_result r = top->key(top, app, ch, kind == KEY_CODE_YES, &next);
        if (r == KEY_QUIT)
            break;
        if (r == KEY_BACK) {
            top->destroy(top);
            (*depth)--;
        } else if (r == KEY_PUSH && next && *depth < MAX_SCREENS) {
            stack[(*depth)++] = next;
        } else if (next) {
            next->destroy(next);
        }
    }
}

static void start_curses(void)
{
    initscr();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(1000); /* wake up now and then to notice SIGTERM / SIGHUP */
    curs_set(0);
}

tl_status tui_run(const tl_options *o, const char *start, tl_error *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return tl_fail(err, TL_USAGE, "the interactive program needs a terminal "
                       "(commands such as 'tillit validate' work without one)");
    tl_status st = ensure_utf8(err);
    tl_app app = {.lang = cli_language(o->lang)};
    char db_path[4096];
    if (st == TL_OK)
        st = open_everything(o, &app, db_path, sizeof db_path, err);
    if (st != TL_OK) {
        library_free(&app.lib);
        return st;
    }
    struct sigaction sa = {.sa_handler = on_stop_signal};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    start_curses();
    tl_screen *stack[MAX_SCREENS];
    int depth = 0;
    stack[depth++] = menu_screen_new(&app);
    if (start)
        snprintf(app.status, sizeof app.status,
                 "'%s' is not available in this version yet; choose from the menu", start);
    run_loop(&app, stack, &depth);
    while (depth > 0) {
        depth--;
        stack[depth]->destroy(stack[depth]);
    }
    endwin();
    store_close(app.store);
    library_free(&app.lib);
    return TL_OK;
}
