/* The widgets: a line editor, a yes/no question, a list picker and a help
 * box. Each is an overlay screen (screen.h) opened with app_modal, so its
 * keys, a resize, the quick hide, the language key and a stop signal go
 * through the program's one loop like every screen's; the caller gets the
 * answer when the overlay closes, which keeps the screens that ask simple.
 * Each widget's state lives in the asking call, so an overlay's destroy
 * frees the screen only. */
#include "i18n.h"
#include "list.h"
#include "screen.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static void overlay_destroy(tl_screen *s)
{
    free(s);
}

/* Runs the overlay of this shape, its state in the caller, to its end. */
static void run_overlay(tl_app *app, void *state, void (*draw)(tl_screen *, tl_app *, int, int),
                        tl_screen_step (*key)(tl_screen *, tl_app *, tl_key, tl_screen **))
{
    app_modal(app, screen_new((tl_screen){.draw = draw, .key = key, .destroy = overlay_destroy, .state = state,
                                          .overlay = true}));
}

/* ---- ui_prompt ---- */

typedef struct {
    const char *label;
    wchar_t *w;  /* the text, n characters, room for cap + 1 */
    size_t n;
    size_t size; /* the caller's buffer: the UTF-8 text must fit */
    bool ok;
    /* A text given in advance (a default, the value to correct) is
     * replaced by the first character typed, as in dialog; a key that
     * edits (Backspace, Left, Right, Home, End) keeps it for editing. */
    bool prefilled;
} prompt_state;

static void prompt_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    const prompt_state *p = s->state;
    app_overlay_footer(_("Enter confirm  Esc cancel  Ctrl-U clear"));
    int y = rows - 2;
    move(y, 0);
    clrtoeol();
    if (app->status[0] && y > 0) /* e.g. why the last input was refused */
        app_draw_status(app, y - 1, cols);
    /* The label as far as it goes with room for 20 columns of input: a
     * label cut in half can hide what must not be typed ("no personal data"). */
    int used = ui_put(y, 1, cols > 24 ? cols - 22 : cols / 2, p->label, A_BOLD);
    int x = 1 + used + 1, room = cols - x - 2;
    /* Show the end of the text when it is wider than the room left. */
    size_t first = p->n;
    int width = 0;
    while (first > 0) {
        int cw = wcwidth(p->w[first - 1]);
        cw = cw < 0 ? 1 : cw;
        if (width + cw > room)
            break;
        width += cw;
        first--;
    }
    if (p->prefilled) /* shown as chosen: typing replaces it */
        attron(A_REVERSE);
    mvaddnwstr(y, x, p->w + first, (int)(p->n - first));
    attroff(A_REVERSE);
    app_cursor(y, x + width);
}

static tl_screen_step prompt_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    prompt_state *p = s->state;
    if (key_enter(k)) {
        p->ok = true;
        return SCREEN_BACK;
    }
    if (key_escape(k))
        return SCREEN_BACK;
    bool typed = !k.fn && k.ch >= 32;
    if (p->prefilled && typed)
        p->n = 0;
    p->prefilled = false;
    if (key_fn(k, KEY_BACKSPACE) || key_char(k, 127) || key_char(k, 8)) {
        if (p->n > 0)
            p->n--;
    } else if (key_char(k, 21)) { /* Ctrl-U clears, as in a shell */
        p->n = 0;
    } else if (typed) {
        p->w[p->n++] = (wchar_t)k.ch; /* n < cap: the check below keeps one free */
    }
    p->w[p->n] = 0;
    /* Keep what fits in buf as UTF-8; refuse the last character otherwise,
     * and say so: text that silently stops growing is lost unnoticed. */
    if (wcstombs(NULL, p->w, 0) >= p->size && p->n > 0) {
        p->w[--p->n] = 0;
        app_status(app, "%s", _("That is as much as this text can hold."));
    }
    return SCREEN_STAY;
}

bool ui_prompt(tl_app *app, const char *label, char *buf, size_t size)
{
    prompt_state p = {.label = label, .w = calloc(size + 1, sizeof(wchar_t)), .size = size};
    if (!p.w)
        abort();
    size_t got = mbstowcs(p.w, buf, size);
    p.n = got == (size_t)-1 ? 0 : got;
    p.w[p.n] = 0;
    p.prefilled = p.n > 0;
    run_overlay(app, &p, prompt_draw, prompt_key);
    app->status[0] = '\0';
    bool ok = p.ok && !app_ending();
    if (ok && wcstombs(buf, p.w, size) == (size_t)-1)
        buf[0] = '\0';
    free(p.w);
    return ok;
}

/* ---- ui_confirm ---- */

typedef struct {
    const char *question;
    bool yes;
} confirm_state;

static void confirm_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)app;
    const confirm_state *c = s->state;
    move(rows - 2, 0);
    clrtoeol();
    char line[512];
    /* TRANSLATORS: both y and j mean yes, n and Esc no, in every language. */
    snprintf(line, sizeof line, _("%s (y/n)"), c->question);
    ui_put(rows - 2, 1, cols - 2, line, A_BOLD);
    app_cursor(rows - 2, 1);
    app_overlay_footer(_("y yes  n no  Enter no  Esc no"));
}

static tl_screen_step confirm_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)app, (void)next;
    confirm_state *c = s->state;
    if (key_char(k, 'y') || key_char(k, 'Y') || key_char(k, 'j') || key_char(k, 'J')) {
        c->yes = true;
        return SCREEN_BACK;
    }
    /* Enter alone is no: every question here guards something that
     * cannot be undone or shares something sensitive. */
    if (key_char(k, 'n') || key_char(k, 'N') || key_escape(k) || key_enter(k))
        return SCREEN_BACK;
    return SCREEN_STAY;
}

bool ui_confirm(tl_app *app, const char *question)
{
    confirm_state c = {.question = question};
    run_overlay(app, &c, confirm_draw, confirm_key);
    return c.yes && !app_ending();
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

typedef struct {
    const char *title;
    const char *const *labels;
    ui_list list;
    int chosen; /* -1: cancelled */
} choose_state;

static const char *choice_text(void *ctx, int i, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const char *const *)ctx)[i];
}

static void choose_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)app;
    choose_state *c = s->state;
    int width = ui_width(c->title) + 4;
    for (int i = 0; i < c->list.n; i++) {
        int w = ui_width(c->labels[i]) + 6;
        width = w > width ? w : width;
    }
    width = width > cols - 4 ? cols - 4 : width;
    int visible = c->list.n < rows - 6 ? c->list.n : rows - 6;
    int height = visible + 4, top = (rows - height) / 2, left = (cols - width) / 2;
    draw_box(top, left, height, width, c->title);
    app_overlay_footer(_("Enter choose  j/k move  / find  Esc cancel"));
    list_draw(&c->list, top + 3, visible, left + 2, width - 4, choice_text, (void *)c->labels);
}

static tl_screen_step choose_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    choose_state *c = s->state;
    if (list_move_key(&c->list, k) || list_search_key(&c->list, app, k, choice_text, (void *)c->labels))
        return SCREEN_STAY;
    if (key_enter(k) || key_char(k, ' ')) {
        c->chosen = c->list.selected;
        return SCREEN_BACK;
    }
    return key_back(k) ? SCREEN_BACK : SCREEN_STAY;
}

int ui_choose(tl_app *app, const char *title, const char *const *labels, int n, int initial)
{
    if (n <= 0)
        return -1;
    choose_state c = {.title = title, .labels = labels, .chosen = -1,
                      .list = {.n = n, .selected = initial >= 0 && initial < n ? initial : 0}};
    run_overlay(app, &c, choose_draw, choose_key);
    return app_ending() ? -1 : c.chosen;
}

/* ---- ui_help ---- */

typedef struct {
    const char *title, *text;
    int skip;  /* lines scrolled away */
    int below; /* lines that can scroll in, as last drawn */
} help_state;

/* Draws the help box with its first `skip` lines scrolled away (corrected
 * to what the text allows). */
static void help_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)app;
    help_state *h = s->state;
    int width = cols - 8 > 72 ? 72 : cols - 8;
    int body = ui_markdown(0, 0, width - 4, 0, 0, h->text);
    int height = body + 5 < rows - 2 ? body + 5 : rows - 2;
    int visible = height - 5, most = body > visible ? body - visible : 0;
    h->skip = h->skip < 0 ? 0 : h->skip > most ? most : h->skip;
    int top = (rows - height) / 2, left = (cols - width) / 2;
    draw_box(top, left, height, width, h->title);
    ui_markdown(top + 3, left + 2, width - 4, visible, h->skip, h->text);
    app_cursor(top + 1, left + 2); /* on the title: a screen reader reads on from there */
    const char *hint = most == 0          ? _(" any key closes ")
                       : h->skip < most ? _(" more below: j/PgDn, other keys close ")
                                        : _(" k/PgUp scrolls back, other keys close ");
    ui_put(top + height - 1, left + 2, width - 4, hint, A_REVERSE);
    h->below = most - h->skip;
}

static tl_screen_step help_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)app, (void)next;
    help_state *h = s->state;
    enum { PAGE = 5 };
    bool scrolls = h->below > 0 || h->skip > 0;
    if (scrolls && (key_down(k) || key_fn(k, KEY_NPAGE)))
        h->skip += key_fn(k, KEY_NPAGE) ? PAGE : 1;
    else if (scrolls && (key_up(k) || key_fn(k, KEY_PPAGE)))
        h->skip -= key_fn(k, KEY_PPAGE) ? PAGE : 1;
    else
        return SCREEN_BACK;
    return SCREEN_STAY;
}

/* A help text over the current screen; a text longer than the box scrolls
 * (a small terminal must not lose the last keys of a list). */
void ui_help(tl_app *app, const char *title, const char *text)
{
    help_state h = {.title = title, .text = text};
    run_overlay(app, &h, help_draw, help_key);
}
