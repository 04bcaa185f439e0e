/* One scrolled list for every list of the program (the menu, the roll
 * call, the runs, sessions and results, the pickers): a selected row kept
 * in sight, the keys that move it, and `/` to find a row by part of its
 * text. The screen owns the rows and says how many there are; the list
 * asks for a row's text when it draws or searches. */
#ifndef TILLIT_LIST_H
#define TILLIT_LIST_H

#include "screen.h"

typedef struct {
    int n;        /* rows in the list; the screen sets it when it loads them */
    int selected;
    int top;      /* the first row in sight */
    int page;     /* the rows in sight at the last draw: PgDn moves this far */
    char search[128]; /* the text last searched for, proposed again by `/` */
} ui_list;

/* Row i's text: into buf (size bytes), or a string of its own; returns it. */
typedef const char *(*ui_row_text_fn)(void *ctx, int i, char *buf, size_t size);

/* Draws the list into screen rows [top, top + rows), columns [x, x + cols):
 * a marker column ("> " on the selected row, which is also highlighted),
 * then each row's text. When the rows do not all fit, the last screen row
 * says how many more there are below (or above, at the end). The cursor is
 * put on the selected row's first column (app_cursor). */
void list_draw(ui_list *l, int top, int rows, int x, int cols, ui_row_text_fn text, void *ctx);
/* Up/Down (and j/k) one row, round from the last to the first; Home/End;
 * PgUp/PgDn a page. True when the key was one of them. */
bool list_move_key(ui_list *l, tl_key k);
/* `/`: asks for a text and selects the next row holding it (case and
 * accents aside, å, ä and ö letters of their own: sv_contains). True when
 * the key was `/`. */
bool list_search_key(ui_list *l, tl_app *app, tl_key k, ui_row_text_fn text, void *ctx);
/* The list's rows changed (loaded again): keeps the selection in range. */
void list_set_rows(ui_list *l, int n);

#endif
