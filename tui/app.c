/* The interactive program's frame: the one wait for input, the loop, the
 * screen stack, the footer, the status line and the "terminal too small"
 * notice. tui.c starts it. */
#include "i18n.h"
#include "keymap.h"
#include "screen.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

enum { MIN_COLS = 60, MIN_ROWS = 16, MAX_SCREENS = 16, MAX_STATUS_ROWS = 3 };

/* Set by SIGTERM, SIGHUP, SIGINT or a terminal that is gone: every loop
 * waits through app_wait, which then answers APP_EVENT_STOP at once. */
static volatile sig_atomic_t stop_requested;
/* The signal mask while waiting for input: the stop signals are blocked at
 * all other times, so that one arriving between the check of the flag and
 * the wait still ends the wait (pselect unblocks them atomically). */
static sigset_t wait_mask;

static void on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void catch_stop_signals(void)
{
    static const int stops[] = {SIGTERM, SIGHUP, SIGINT};
    struct sigaction sa = {.sa_handler = on_stop_signal};
    sigemptyset(&sa.sa_mask);
    sigset_t blocked;
    sigemptyset(&blocked);
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        sigaction(stops[i], &sa, NULL);
        sigaddset(&blocked, stops[i]);
    }
    sigprocmask(SIG_BLOCK, &blocked, &wait_mask);
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
        sigdelset(&wait_mask, stops[i]);
}

/* A screen quit (SCREEN_QUIT, q on the "too small" notice, Ctrl-C
 * answered yes): every loop ends, the outer ones too. */
static bool quitting;

bool app_ending(void)
{
    return stop_requested || quitting;
}

/* Input that polls as readable but gives no key this many times in a row is
 * an end of file: the terminal was closed. */
enum { LOST_TERMINAL_TRIES = 3 };

app_event app_wait(tl_key *k)
{
    int empty_reads = 0;
    while (!stop_requested) {
        wint_t ch;
        int kind = get_wch(&ch); /* never blocks (timeout 0): the wait is below */
        if (kind == KEY_CODE_YES && ch == KEY_RESIZE)
            return APP_EVENT_RESIZE;
        if (kind != ERR) {
            *k = (tl_key){ch, kind == KEY_CODE_YES};
            return APP_EVENT_KEY;
        }
        if (empty_reads >= LOST_TERMINAL_TRIES)
            break;
        fd_set in;
        FD_ZERO(&in);
        FD_SET(STDIN_FILENO, &in);
        int ready = pselect(STDIN_FILENO + 1, &in, NULL, NULL, NULL, &wait_mask); /* until a key, a resize or a signal */
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0)
            empty_reads++;
    }
    stop_requested = 1;
    return APP_EVENT_STOP;
}




/* modal: a widget is open, which takes no keys until the window is larger
 * (q would be typed into a prompt, not quit). */
static void draw_too_small(int rows, int cols, bool modal)
{
    erase();
    char need[128];
    snprintf(need, sizeof need, _("need %dx%d, have %dx%d"), MIN_COLS, MIN_ROWS, cols, rows);
    int y = rows / 2 - 1 > 0 ? rows / 2 - 1 : 0;
    ui_put(y, 0, cols, _("Terminal too small"), A_BOLD);
    if (rows > 1)
        ui_put(y + 1, 0, cols, need, 0);
    if (rows > 2 && !modal)
        ui_put(y + 2, 0, cols, _("q quits"), 0);
}

/* The language key at the right of the footer, when there is room: named
 * in the language it switches to, so that its reader can find it. */
static void draw_language_key(int y, int cols, int footer_end)
{
    const char *hint = strcmp(i18n_other(), "sv") == 0 ? "F2 svenska" : "F2 English";
    int w = ui_width(hint);
    if (footer_end + 2 + w <= cols - 1)
        ui_put(y, cols - 1 - w, w, hint, A_REVERSE);
}

/* Where a footer too wide for one row is split: at the last gap between
 * two keys ("  ") that leaves the first row within cols, so that a key and
 * its word stay together. 0: it fits, or has no such gap. */
static size_t footer_split(const char *footer, int cols)
{
    if (ui_width(footer) <= cols)
        return 0;
    size_t split = 0;
    for (const char *gap = strstr(footer, "  "); gap; gap = strstr(gap + 2, "  ")) {
        char head[512];
        snprintf(head, sizeof head, "%.*s", (int)(gap - footer), footer);
        if (ui_width(head) > cols)
            break;
        split = (size_t)(gap - footer);
    }
    return split;
}

/* The footer: the keys of the top screen on one row, or two when they do
 * not fit (a Swedish footer is longer; a key cut off is a key unknown).
 * Returns the rows it takes. */
static int draw_footer(const char *footer, int rows, int cols)
{
    size_t split = footer_split(footer, cols - 2);
    int n = split ? 2 : 1;
    for (int r = rows - n; r < rows; r++) {
        move(r, 0);
        attron(A_REVERSE);
        hline(' ', cols);
        attroff(A_REVERSE);
    }
    if (split) {
        char head[512];
        snprintf(head, sizeof head, "%.*s", (int)split, footer);
        ui_put(rows - 2, 1, cols - 2, head, A_REVERSE);
        footer += split + 2;
    }
    ui_put(rows - 1, 1, cols - 2, footer, A_REVERSE);
    draw_language_key(rows - 1, cols, ui_width(footer) + 1);
    return n;
}

static int cursor_y = -1, cursor_x;

void app_cursor(int y, int x)
{
    cursor_y = y;
    cursor_x = x;
}

void app_refresh(void)
{
    curs_set(cursor_y >= 0 ? 1 : 0);
    if (cursor_y >= 0)
        move(cursor_y, cursor_x);
    refresh();
}

/* The footer of a screen: made from its keymap, or the one it gives. */
static const char *screen_footer(const tl_screen *s, char *buf, size_t size, int cols)
{
    /* up to two rows, split at a gap between keys (draw_footer) */
    return s->keys ? keymap_footer_now(s->keys, s, buf, size, 2 * (cols - 2) - 2) : _(s->footer);
}

static void draw_frame(tl_screen *top, tl_app *app, int rows, int cols)
{
    erase();
    char buf[512];
    const char *footer = screen_footer(top, buf, sizeof buf, cols);
    int footer_rows = footer_split(footer, cols - 2) ? 2 : 1;
    int status_rows = app->status[0] ? ui_wrap_rows(cols - 2, MAX_STATUS_ROWS, app->status) : 1;
    top->draw(top, app, rows - footer_rows - status_rows, cols);
    app_draw_status(app, rows - footer_rows - 1, cols);
    /* Read again: a screen may fit its footer to what it just drew. */
    draw_footer(screen_footer(top, buf, sizeof buf, cols), rows, cols);
}

static bool too_small(int rows, int cols)
{
    return rows < MIN_ROWS || cols < MIN_COLS;
}

/* The screen drawn in full: the top one, or the nearest one below the
 * overlays open over it. */
static int base_screen(const tl_app *app)
{
    int i = app->depth - 1;
    while (i > 0 && app->stack[i]->overlay)
        i--;
    return i;
}

/* Draws the frame (the screen, its status and footer, the overlays over
 * it) without refresh(). False: the terminal is too small and shows only
 * that notice, and no key but the quick hide is taken. */
static bool redraw(tl_app *app)
{
    app_cursor(-1, 0);
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    tl_screen *top = app->stack[app->depth - 1];
    if (top->covers) {
        top->draw(top, app, rows, cols);
        return true;
    }
    if (too_small(rows, cols)) {
        draw_too_small(rows, cols, top->overlay);
        return false;
    }
    int base = base_screen(app);
    tl_screen *s = app->stack[base];
    /* Loaded only when it is on top: under an overlay its own key handler
     * is still running, and its state must not change under it. */
    if (s == top && s->stale && s->load)
        s->load(s, app);
    if (s == top)
        s->stale = false;
    draw_frame(s, app, rows, cols);
    for (int i = base + 1; i < app->depth; i++)
        app->stack[i]->draw(app->stack[i], app, rows, cols);
    return true;
}

void app_overlay_footer(const char *keys)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    move(rows - 1, 0);
    attron(A_REVERSE);
    hline(' ', cols);
    attroff(A_REVERSE);
    ui_put(rows - 1, 1, cols - 2, keys, A_REVERSE);
}

/* The status line grows to three rows rather than cut off its end: the end
 * of a message is often its reason ("... disk is full"). */
int app_draw_status(const tl_app *app, int last, int cols)
{
    if (!app->status[0])
        return 1;
    int n = ui_wrap_rows(cols - 2, MAX_STATUS_ROWS, app->status);
    if (n > last + 1)
        n = last + 1;
    for (int r = 0; r < n; r++) {
        move(last - r, 0);
        clrtoeol();
    }
    ui_wrap(last - n + 1, 1, cols - 2, n, app->status, A_BOLD);
    return n;
}

void app_proposed_path(const tl_app *app, const char *fallback_folder, const char *name, char *out, size_t size)
{
    char cwd[1024];
    const char *folder = app->save_folder[0] ? app->save_folder : fallback_folder;
    if (!folder || !*folder)
        folder = getcwd(cwd, sizeof cwd) ? cwd : ".";
    snprintf(out, size, "%s/%s", strcmp(folder, "/") == 0 ? "" : folder, name);
}

void app_remember_folder(tl_app *app, const char *path)
{
    char full[4096];
    if (!realpath(path, full))
        return;
    char *slash = strrchr(full, '/');
    if (slash)
        snprintf(app->save_folder, sizeof app->save_folder, "%.*s", slash == full ? 1 : (int)(slash - full),
                 full);
}

void app_status(tl_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
}

bool ui_ok(tl_app *app, tl_status st, const tl_error *err)
{
    if (st == TL_OK)
        return true;
    app_status(app, _("Not saved: %s"), err->msg);
    return false;
}

tl_screen *screen_new(tl_screen shape)
{
    tl_screen *s = malloc(sizeof *s);
    if (!s)
        abort();
    *s = shape;
    return s;
}

void screen_free(tl_screen *s)
{
    free(s->state);
    free(s);
}

static void pop_screen(tl_app *app)
{
    tl_screen *top = app->stack[--app->depth];
    bool overlay = top->overlay;
    top->destroy(top);
    if (app->depth > 0 && !overlay)
        app->stack[app->depth - 1]->stale = true;
}

/* ---- the quick hide ---- */

/* Quick hide (Ctrl-X, on every screen, prompt and list): clears the screen
 * at once to a neutral view with a harmless title, for when someone looks
 * over the shoulder; only Ctrl-X again brings the program back. It is an
 * overlay that covers everything and takes no key. */
static void hide_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)s, (void)app, (void)rows;
    erase();
    ui_put(0, 0, cols, _("Notes"), 0);
}

static tl_screen_step hide_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)s, (void)app, (void)k, (void)next;
    return SCREEN_STAY;
}

static void toggle_quick_hide(tl_app *app)
{
    if (app->stack[app->depth - 1]->covers)
        pop_screen(app);
    else
        app_push(app, screen_new((tl_screen){.draw = hide_draw, .key = hide_key, .destroy = screen_free,
                                             .overlay = true, .covers = true}));
}

/* The language key (F2, on every screen): switches the interface and the
 * content between Swedish and English. Screens translate as they draw, so
 * the next frame is in the new language. */
enum { LANGUAGE_KEY = KEY_F(2) };

static void switch_language(tl_app *app)
{
    app->lang = i18n_set(i18n_other());
    for (int i = 0; i < app->depth; i++)
        app->stack[i]->stale = true;
    app_status(app, "%s", _("Language: English (F2 switches back to Swedish)"));
}

/* Gives key k to the top screen and carries out what it says. */
static void dispatch(tl_app *app, tl_key k)
{
    tl_screen *top = app->stack[app->depth - 1], *next = NULL;
    if (!top->overlay) {
        app->status[0] = '\0';
        if (top->keys && keymap_action(top->keys, k) == UI_ACTION_HELP) {
            keymap_help(app, top->keys);
            return;
        }
        if (key_fn(k, KEY_F(1))) /* help on every screen: a screen without a keymap answers ? */
            k = (tl_key){'?', false};
    }
    tl_screen_step r = top->key(top, app, k, &next);
    if (r == SCREEN_QUIT)
        quitting = true;
    else if (r == SCREEN_BACK)
        pop_screen(app);
    else if (r == SCREEN_PUSH)
        app_push(app, next);
    else if (next)
        next->destroy(next);
}

/* The one loop: runs while more than `floor` screens are open. The program
 * runs it from 0; app_modal from the depth below its overlay. Draws only
 * after an event: idle, the program sleeps in app_wait. */
static void run_loop(tl_app *app, int floor)
{
    while (app->depth > floor && !stop_requested && !quitting) {
        bool shown = redraw(app);
        app_refresh();
        tl_key k;
        app_event ev = app_wait(&k);
        if (ev == APP_EVENT_STOP)
            break;
        if (ev == APP_EVENT_RESIZE)
            continue;
        tl_screen *top = app->stack[app->depth - 1];
        if (key_quick_hide(k))
            toggle_quick_hide(app);
        else if (top->covers)
            continue;
        else if (key_fn(k, LANGUAGE_KEY))
            switch_language(app);
        else if (key_interrupt(k))
            quitting = ui_confirm(app, _("Quit tillit? Everything saved so far stays."));
        else if (shown)
            dispatch(app, k);
        else if (!top->overlay && (key_char(k, 'q') || key_char(k, 'Q')))
            quitting = true; /* a prompt would take q as a letter: only a screen quits */
    }
}

void app_run(tl_app *app)
{
    run_loop(app, 0);
}

void app_modal(tl_app *app, tl_screen *s)
{
    int floor = app->depth;
    app_push(app, s);
    run_loop(app, floor);
    while (app->depth > floor) /* the program is ending: close what is open */
        pop_screen(app);
}

void app_start(tl_app *app)
{
    /* Stopped from outside (Ctrl-C is a key in raw mode, so SIGINT comes by
     * kill) or the terminal closed: leave the loop and restore the terminal;
     * all is saved already. Caught before initscr, which leaves them then. */
    catch_stop_signals();
    app->stack = calloc(MAX_SCREENS, sizeof *app->stack);
    if (!app->stack)
        abort();
    initscr();
    ui_colour_start();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(0); /* app_wait sleeps in pselect, where a signal can wake it */
}

void app_push(tl_app *app, tl_screen *s)
{
    if (s && app->depth < MAX_SCREENS)
        app->stack[app->depth++] = s;
    else if (s)
        s->destroy(s);
}

void app_end(tl_app *app)
{
    while (app->depth > 0)
        pop_screen(app);
    free(app->stack);
    endwin();
}
