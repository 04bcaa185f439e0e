/* Drawing: one width source (wcwidth) for all text, scrolled views of
 * text, and footers of key hints. No state of the program. */
#ifndef TILLIT_DRAW_H
#define TILLIT_DRAW_H

#include "keys.h"

#include <stdbool.h>
#include <stddef.h>

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

/* Colour, started by app_start where the terminal has it and NO_COLOR is
 * not set to a non-empty value (no-color.org). Colour is never the only
 * sign: what it marks also has a marker or a word of its own. */
void ui_colour_start(void);
/* The attribute of an alert (an outcome of high severity): bold, and red
 * where there is colour. */
int ui_alert_attr(void);

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
