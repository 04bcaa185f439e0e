/* Modal widgets: a line editor, a yes/no question and a list picker. Each
 * runs its own small key loop over the current frame and returns the answer,
 * which keeps the screens that use them simple. They wait through app_wait,
 * like the main loop: a stop signal or a closed terminal cancels them. */
#include "i18n.h"
#include "list.h"
#include "screen.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* What a widget does next: take a key, draw itself again (a new size, or
 * back from the quick hide), or give up because the program is ending. */
typedef enum { WIDGET_KEY, WIDGET_REDRAW, WIDGET_STOP } widget_event;

/* The next event for a widget shown or not (`shown` false: the terminal is
 * too small, and every key but the quick hide waits for a larger one). */
static widget_event next_event(tl_key *k, bool shown)
{
    switch (app_wait(k)) {
    case APP_EVENT_STOP:
        return WIDGET_STOP;
    case APP_EVENT_RESIZE:
        return WIDGET_REDRAW;
    case APP_EVENT_KEY:
        break;
    }
    if (key_quick_hide(*k)) {
        app_quick_hide();
        return WIDGET_REDRAW;
    }
    return shown ? WIDGET_KEY : WIDGET_REDRAW;
}

/* The keys of the open widget in place of the screen's footer (whose keys
 * do not work while it is open). */
static void widget_footer(const char *keys)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    move(rows - 1, 0);
    attron(A_REVERSE);
    hline(' ', cols);
    attroff(A_REVERSE);
    ui_put(rows - 1, 1, cols - 2, keys, A_REVERSE);
}

/* ---- ui_prompt ---- */

static bool prompt_draw(tl_app *app, const char *label, const wchar_t *w, size_t n)
{
    if (!app_redraw(app))
        return false;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    widget_footer(_("Enter confirm  Esc cancel  Ctrl-U clear"));
    int y = rows - 2;
    move(y, 0);
    clrtoeol();
    if (app->status[0] && y > 0) /* e.g. why the last input was refused */
        app_draw_status(app, y - 1, cols);
    /* The label as far as it goes with room for 20 columns of input: a
     * label cut in half can hide what must not be typed ("no personal data"). */
    int used = ui_put(y, 1, cols > 24 ? cols - 22 : cols / 2, label, A_BOLD);
    int x = 1 + used + 1, room = cols - x - 2;
    /* Show the end of the text when it is wider than the room left. */
    size_t first = n;
    int width = 0;
    while (first > 0) {
        int cw = wcwidth(w[first - 1]);
        cw = cw < 0 ? 1 : cw;
        if (width + cw > room)
            break;
        width += cw;
        first--;
    }
    mvaddnwstr(y, x, w + first, (int)(n - first));
    app_cursor(y, x + width);
    return true;
}

bool ui_prompt(tl_app *app, const char *label, char *buf, size_t size)
{
    size_t cap = size, n = 0;
    wchar_t *w = calloc(cap + 1, sizeof *w);
    if (!w)
        abort();
    size_t got = mbstowcs(w, buf, cap);
    n = got == (size_t)-1 ? 0 : got;
    bool done = false, ok = false;
    while (!done) {
        bool shown = prompt_draw(app, label, w, n);
        app_refresh();
        tl_key k;
        widget_event ev = next_event(&k, shown);
        if (ev == WIDGET_STOP)
            break;
        if (ev == WIDGET_REDRAW)
            continue;
        if (key_enter(k))
            done = ok = true;
        else if (key_escape(k))
            done = true;
        else if (key_fn(k, KEY_BACKSPACE) || key_char(k, 127) || key_char(k, 8)) {
            if (n > 0)
                n--;
        } else if (key_char(k, 21)) { /* Ctrl-U clears, as in a shell */
            n = 0;
        } else if (!k.fn && k.ch >= 32) {
            w[n++] = (wchar_t)k.ch; /* n < cap: the check below keeps one free */
        }
        w[n] = 0;
        /* Keep what fits in buf as UTF-8; refuse the last character otherwise,
         * and say so: text that silently stops growing is lost unnoticed. */
        if (!done && wcstombs(NULL, w, 0) >= size && n > 0) {
            w[--n] = 0;
            app_status(app, "%s", _("That is as much as this text can hold."));
        }
    }
    app->status[0] = '\0';
    if (ok && wcstombs(buf, w, size) == (size_t)-1)
        buf[0] = '\0';
    free(w);
    return ok;
}

/* ---- ui_confirm ---- */

bool ui_confirm(tl_app *app, const char *question)
{
    for (;;) {
        bool shown = app_redraw(app);
        int rows, cols;
        getmaxyx(stdscr, rows, cols);
        if (shown) {
            move(rows - 2, 0);
            clrtoeol();
            char line[512];
            /* TRANSLATORS: both y and j mean yes, n and Esc no, in every language. */
            snprintf(line, sizeof line, _("%s (y/n)"), question);
            ui_put(rows - 2, 1, cols - 2, line, A_BOLD);
            app_cursor(rows - 2, 1);
            widget_footer(_("y yes  n no  Enter no  Esc no"));
        }
        app_refresh();
        tl_key k;
        widget_event ev = next_event(&k, shown);
        if (ev == WIDGET_STOP)
            return false;
        if (ev == WIDGET_REDRAW)
            continue;
        if (key_char(k, 'y') || key_char(k, 'Y') || key_char(k, 'j') || key_char(k, 'J'))
            return true;
        /* Enter alone is no: every question here guards something that
         * cannot be undone or shares something sensitive. */
        if (key_char(k, 'n') || key_char(k, 'N') || key_escape(k) || key_enter(k))
            return false;
    }
}

/* ---- boxes ---- */

/* A blank box with a rule above and below and the title in its first row. */
static void draw_box(int top, int left, int height, int width, const char *title)
{
    for (int r = 0; r < height; r++) {
        move(top + r, left);
        hline(' ', width);
    }
    attron(A_BOLD);
    mvhline(top, left, ACS_HLINE, width);
    mvhline(top + height - 1, left, ACS_HLINE, width);
    attroff(A_BOLD);
    ui_put(top + 1, left + 2, width - 4, title, A_BOLD);
}

/* ---- ui_choose ---- */

static const char *choice_text(void *ctx, int i, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const char *const *)ctx)[i];
}

static bool choose_draw(tl_app *app, const char *title, const char *const *labels, ui_list *l)
{
    if (!app_redraw(app))
        return false;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    int width = ui_width(title) + 4;
    for (int i = 0; i < l->n; i++) {
        int w = ui_width(labels[i]) + 6;
        width = w > width ? w : width;
    }
    width = width > cols - 4 ? cols - 4 : width;
    int visible = l->n < rows - 6 ? l->n : rows - 6;
    int height = visible + 4, top = (rows - height) / 2, left = (cols - width) / 2;
    draw_box(top, left, height, width, title);
    widget_footer(_("Enter choose  j/k move  / find  Esc cancel"));
    list_draw(l, top + 3, visible, left + 2, width - 4, choice_text, (void *)labels);
    return true;
}

int ui_choose(tl_app *app, const char *title, const char *const *labels, int n, int initial)
{
    if (n <= 0)
        return -1;
    ui_list l = {.n = n, .selected = initial >= 0 && initial < n ? initial : 0};
    for (;;) {
        bool shown = choose_draw(app, title, labels, &l);
        app_refresh();
        tl_key k;
        widget_event ev = next_event(&k, shown);
        if (ev == WIDGET_STOP)
            return -1;
        if (ev == WIDGET_REDRAW || list_move_key(&l, k) || list_search_key(&l, app, k, choice_text, (void *)labels))
            continue;
        if (key_enter(k) || key_char(k, ' '))
            return l.selected;
        if (key_back(k))
            return -1;
    }
}

/* ---- ui_help ---- */

/* Draws the help box with its first `*skip` lines scrolled away (corrected
 * to what the text allows); returns how many more lines can scroll in. */
static int help_draw(const char *title, const char *text, int *skip)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    int width = cols - 8 > 72 ? 72 : cols - 8;
    int body = ui_markdown(0, 0, width - 4, 0, 0, text);
    int height = body + 5 < rows - 2 ? body + 5 : rows - 2;
    int visible = height - 5, most = body > visible ? body - visible : 0;
    *skip = *skip < 0 ? 0 : *skip > most ? most : *skip;
    int top = (rows - height) / 2, left = (cols - width) / 2;
    draw_box(top, left, height, width, title);
    ui_markdown(top + 3, left + 2, width - 4, visible, *skip, text);
    app_cursor(top + 1, left + 2); /* on the title: a screen reader reads on from there */
    const char *hint = most == 0        ? _(" any key closes ")
                       : *skip < most ? _(" more below: j/PgDn, other keys close ")
                                      : _(" k/PgUp scrolls back, other keys close ");
    ui_put(top + height - 1, left + 2, width - 4, hint, A_REVERSE);
    return most - *skip;
}

/* A help text over the current screen; a text longer than the box scrolls
 * (a small terminal must not lose the last keys of a list). */
void ui_help(tl_app *app, const char *title, const char *text)
{
    int skip = 0, page = 5;
    for (;;) {
        bool shown = app_redraw(app);
        int below = shown ? help_draw(title, text, &skip) : 0;
        app_refresh();
        tl_key k;
        widget_event ev = next_event(&k, shown);
        if (ev == WIDGET_STOP)
            return;
        if (ev == WIDGET_REDRAW)
            continue;
        bool scrolls = below > 0 || skip > 0;
        if (scrolls && (key_down(k) || key_fn(k, KEY_NPAGE)))
            skip += key_fn(k, KEY_NPAGE) ? page : 1;
        else if (scrolls && (key_up(k) || key_fn(k, KEY_PPAGE)))
            skip -= key_fn(k, KEY_PPAGE) ? page : 1;
        else
            return;
    }
}
