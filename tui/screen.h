/* Screens, tig-style: each screen is a small module with one shape: the state
 * it owns, draw() that paints it, key() that handles one key and says what
 * happens next. app.c owns the loop, the stack of screens and the footer. */
#ifndef TILLIT_SCREEN_H
#define TILLIT_SCREEN_H

#include "content.h"
#include "store.h"

#include <stdbool.h>
#include <wchar.h>

typedef struct tl_screen tl_screen;

typedef struct {
    tl_library lib;
    tl_store *store;
    const char *db_path;
    const char *lang;
    char status[256];   /* one-line message shown above the footer */
    tl_screen **stack;  /* owned by app.c: the screens, bottom first */
    int depth;
    char save_folder[1024]; /* where a file was last saved: proposed for the next */
} tl_app;

/* One key press: a character (fn false) or a curses KEY_* code (fn true). */
typedef struct {
    wint_t ch;
    bool fn;
} tl_key;

/* Common key habits, so every screen answers the same keys the same way. */
bool key_char(tl_key k, wint_t c);   /* exactly this character */
bool key_enter(tl_key k);            /* Enter / Return */
bool key_up(tl_key k);               /* Up or k */
bool key_down(tl_key k);             /* Down or j */
bool key_escape(tl_key k);           /* Esc */
bool key_back(tl_key k);             /* Esc or q */
bool key_left(tl_key k);             /* Left arrow */
bool key_fn(tl_key k, int code);     /* a curses KEY_* code */

/* What a key did to the screen stack: nothing, close this screen, end the
 * program, or open *next on top. */
typedef enum { SCREEN_STAY, SCREEN_BACK, SCREEN_QUIT, SCREEN_PUSH } tl_screen_step;

struct ui_keymap; /* keymap.h */

struct tl_screen {
    /* The screen's keys (keymap.h): the footer and the help (? and F1) are
     * made from it. Screens without one give their footer: */
    const struct ui_keymap *keys;
    const char *footer; /* the main keys of this screen */
    /* Loads the screen's state from core when it is marked stale: when a
     * screen opened over it closes (what it shows may have changed) and
     * after the language key. NULL: nothing to load. draw() does no I/O. */
    void (*load)(tl_screen *s, tl_app *app);
    bool stale;
    /* Paints the screen into rows x cols (the footer rows are not included). */
    void (*draw)(tl_screen *s, tl_app *app, int rows, int cols);
    /* Handles one key; may set *next (with SCREEN_PUSH) to a screen to show on top. */
    tl_screen_step (*key)(tl_screen *s, tl_app *app, tl_key key, tl_screen **next);
    void (*destroy)(tl_screen *s);
    void *state;
};

/* What woke the program: a key (filled in), a new window size, or the end
 * (a stop signal or a closed terminal). */
typedef enum { APP_EVENT_KEY, APP_EVENT_RESIZE, APP_EVENT_STOP } app_event;
/* The one wait for input of the whole program: sleeps until a key, a resize
 * or a signal, never waking otherwise. Once it has said APP_EVENT_STOP it
 * says so at once every time: each open widget gives up as if cancelled and
 * the main loop ends. */
app_event app_wait(tl_key *k);
/* True once app_wait has said APP_EVENT_STOP: a "no" from ui_confirm may
 * then be no answer at all, and must not lead to an action. */
bool app_ending(void);

/* Where the terminal's cursor goes in this frame: on the selected item of
 * a list, menu or choice (its first column), or at the end of the text in
 * a prompt, so that a screen reader or braille display follows it. Each
 * frame starts with none (the cursor hidden); the last call wins. */
void app_cursor(int y, int x);
/* refresh() with the cursor where app_cursor put it. */
void app_refresh(void);

/* A new screen of this shape (allocated; its destroy frees it with
 * screen_free). */
tl_screen *screen_new(tl_screen shape);
/* Frees the screen and its state (the destroy of a screen whose state
 * owns nothing more). */
void screen_free(tl_screen *s);

/* Redraws the whole frame (top screen, status, footer) without refresh();
 * modal widgets call it before painting themselves over it. False: the
 * terminal is too small and shows only that notice: paint nothing over it,
 * and take no key but the quick hide until the window is larger. */
bool app_redraw(tl_app *app);
/* The quick hide (Ctrl-X): clears the screen at once to a neutral view and
 * returns only when Ctrl-X is pressed again. Every key loop checks for it. */
bool key_quick_hide(tl_key k);
void app_quick_hide(void);
/* Shows a store error on the status line; returns false when st is not TL_OK. */
bool ui_ok(tl_app *app, tl_status st, const tl_error *err);
/* A path for a new file called name: in the folder a file was last saved
 * in this session, else in fallback_folder (the program's folder when
 * NULL), written out in full so that the user sees where it goes. */
void app_proposed_path(const tl_app *app, const char *fallback_folder, const char *name, char *out, size_t size);
/* Remembers the folder of a file just saved, for app_proposed_path. */
void app_remember_folder(tl_app *app, const char *path);
/* Sets the status line (printf-style). */
void app_status(tl_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draws the status word-wrapped to at most three rows ending at row last;
 * returns the rows it takes (1 when there is no status: the line stays). */
int app_draw_status(const tl_app *app, int last, int cols);

/* Drawing helpers: one width source (wcwidth) for all text. */
int ui_width(const char *utf8);
/* Writes at most maxw columns of utf8 at (y, x); returns the columns used. */
int ui_put(int y, int x, int maxw, const char *utf8, int attr);
/* utf8 cut or padded with spaces to exactly cols columns, into out (size
 * bytes); returns out. For the columns of a table: printf's "%-24.24s"
 * counts bytes, so it misaligns (and may cut in the middle of) å, ä, ö. */
char *ui_fit(char *out, size_t size, const char *utf8, int cols);
/* The same, aligned to the right (the head of a column of numbers). */
char *ui_fit_right(char *out, size_t size, const char *utf8, int cols);
/* Word-wraps utf8 to width cols starting at row y, at most max_rows rows;
 * returns the rows used. */
int ui_wrap(int y, int x, int cols, int max_rows, const char *utf8, int attr);
/* The rows ui_wrap would use, drawing nothing. */
int ui_wrap_rows(int cols, int max_rows, const char *utf8);

/* Draws markdown-light text (paragraphs, "- " bullets, **bold**) wrapped to
 * cols, skipping its first `skip` lines and drawing at most `rows`; returns
 * the total number of lines the text takes (for scrolling). Draws nothing
 * when rows is 0, so it also measures. */
int ui_markdown(int y, int x, int cols, int rows, int skip, const char *text);

/* Modal widgets: each blocks until answered, redrawing on resize.
 * ui_prompt edits buf (UTF-8, may hold a default) on the status row;
 * false when cancelled with Esc. */
bool ui_prompt(tl_app *app, const char *label, char *buf, size_t size);
/* y/j = yes, n/Esc = no. */
bool ui_confirm(tl_app *app, const char *question);
/* A centred list; returns the chosen index or -1 when cancelled. */
int ui_choose(tl_app *app, const char *title, const char *const *labels, int n, int initial);

/* A box with a title and markdown-light text; any key closes it. */
void ui_help(tl_app *app, const char *title, const char *text);

tl_screen *menu_screen_new(tl_app *app);
/* Group training sessions (train.c) and self-study (study.c); arg: a
 * curriculum id or NULL. */
tl_screen *train_open(tl_app *app, const char *arg);
tl_screen *study_open(tl_app *app, const char *arg);
/* The screen that a command (train, study, check) opens over the menu, with
 * its optional argument; NULL (and a status message) when there is none. */
tl_screen *menu_open_command(tl_app *app, const char *command, const char *arg);
tl_screen *validate_screen_new(tl_app *app);

/* ui_wrap that skips the first `skip` lines and draws at most `rows`; returns
 * the lines the whole text takes (the contract of ui_markdown). */
int ui_wrap_skip(int y, int x, int cols, int rows, int skip, const char *utf8, int attr);

/* A scrolled view: text laid out on lines 0, 1, ... of which the screen rows
 * [top, top + rows) show the lines from skip on. A layout adds its parts in
 * order with view_wrap / view_markdown / view_put (or v->line++ for an empty
 * line); the same layout measures when rows is 0. */
typedef struct {
    int top, rows, skip;
    int line; /* where the next part starts */
} ui_view;
typedef void (*ui_layout_fn)(ui_view *v, void *ctx);
/* Each returns the line its part starts on. */
int view_wrap(ui_view *v, int x, int cols, const char *utf8, int attr);
int view_markdown(ui_view *v, int x, int cols, const char *text);
int view_put(ui_view *v, int x, int cols, const char *utf8, int attr);
/* The screen row of a line, or -1 when it is out of sight. */
int view_row(const ui_view *v, int line);

/* The scroll position a screen keeps, and what its last draw found. */
typedef struct {
    int skip;
    int total, page; /* lines of text, and the rows they had */
} ui_scroll;
/* The rows text of `total` lines gets in `rows`: one less when it does not
 * all fit, for the "more below" marker. */
int view_room(int total, int rows);
/* Measures the text for `rows` rows: sets total and page, clamps skip. */
void view_measure(ui_scroll *sc, int rows, ui_layout_fn layout, void *ctx);
/* Draws the measured text in rows [top, top + rows) of the area that starts
 * at column x and is cols wide, from sc->skip on; when it does not fit, the
 * last row says "... more below: PgDn" (or "... more above: PgUp" at the
 * end). */
void view_draw(const ui_scroll *sc, int top, int rows, int x, int cols, ui_layout_fn layout, void *ctx);
/* The marker on row y of an area at column x, cols wide: "... more below:
 * PgDn" (below true) or "... more above: PgUp". */
void view_more(int y, int x, int cols, bool below);
/* Both. */
void view_show(ui_scroll *sc, int top, int rows, int x, int cols, ui_layout_fn layout, void *ctx);
/* PgDn / PgUp: a page on, Home / End: the first and the last page;
 * view_scroll_key also j/k and Down/Up: a line. True when the key was one
 * of them. */
bool view_page_key(ui_scroll *sc, tl_key k);
bool view_scroll_key(ui_scroll *sc, tl_key k);
/* True when the last draw could not show all of the text. */
bool view_scrolls(const ui_scroll *sc);

/* A key for a footer: its text (N_ msgid), a shorter form for narrow
 * screens (or NULL), and how much it matters when not all fit. */
typedef struct {
    const char *text, *brief;
    int keep;
} ui_key_hint;
/* The hints (translated, two spaces apart) fitted into cols columns: all in
 * full; else in their short forms; else the ones with the lowest `keep` left
 * out first (so the one with the highest, "? help", stays). Returns out;
 * a screen sets its footer to it (a text that is no msgid shows as it is).
 * The app may read a footer before it draws the screen: a screen whose keys
 * change with its state sets it when the state changes, not only in draw. */
const char *ui_footer(char *out, size_t size, int cols, const ui_key_hint *hints, size_t n);

#endif
