/* The one scrolled list (list.h): the selection moves, the view follows it,
 * and the screen is asked only for the text of the rows in sight. */
#include "list.h"

#include "collate.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

void list_set_rows(ui_list *l, int n)
{
    l->n = n > 0 ? n : 0;
    if (l->selected >= l->n)
        l->selected = l->n - 1;
    if (l->selected < 0)
        l->selected = 0;
}

/* The first row in sight: the selected row is in sight, and a list that
 * fits from the top starts there (no empty rows below its end). */
static void follow_selection(ui_list *l)
{
    if (l->selected < l->top)
        l->top = l->selected;
    if (l->selected >= l->top + l->page)
        l->top = l->selected - l->page + 1;
    if (l->top > l->n - l->page)
        l->top = l->n - l->page;
    if (l->top < 0)
        l->top = 0;
}

void list_draw(ui_list *l, int top, int rows, int x, int cols, ui_row_text_fn text, void *ctx)
{
    list_set_rows(l, l->n);
    l->page = view_room(l->n, rows);
    if (l->page <= 0)
        return;
    follow_selection(l);
    for (int i = 0; i < l->page && l->top + i < l->n; i++) {
        int row = l->top + i;
        bool sel = row == l->selected;
        char buf[1024];
        ui_put(top + i, x, 2, sel ? ">" : " ", A_BOLD);
        ui_put(top + i, x + 2, cols - 2, text(ctx, row, buf, sizeof buf), sel ? A_REVERSE : 0);
        if (sel)
            app_cursor(top + i, x);
    }
    if (l->page < rows && l->page < l->n)
        view_more(top + l->page, x, cols + 2, l->top + l->page < l->n);
}

bool list_move_key(ui_list *l, tl_key k)
{
    int step = l->page > 2 ? l->page - 1 : 1; /* a row of the last page stays in sight */
    if (l->n == 0)
        return key_up(k) || key_down(k) || key_fn(k, KEY_HOME) || key_fn(k, KEY_END) ||
               key_fn(k, KEY_NPAGE) || key_fn(k, KEY_PPAGE);
    if (key_up(k))
        l->selected = (l->selected + l->n - 1) % l->n;
    else if (key_down(k))
        l->selected = (l->selected + 1) % l->n;
    else if (key_fn(k, KEY_HOME))
        l->selected = 0;
    else if (key_fn(k, KEY_END))
        l->selected = l->n - 1;
    else if (key_fn(k, KEY_NPAGE))
        l->selected += step;
    else if (key_fn(k, KEY_PPAGE))
        l->selected -= step;
    else
        return false;
    list_set_rows(l, l->n);
    return true;
}

bool list_search_key(ui_list *l, tl_app *app, tl_key k, ui_row_text_fn text, void *ctx)
{
    if (!key_char(k, '/'))
        return false;
    if (!ui_prompt(app, _("Find (part of the text):"), l->search, sizeof l->search) || !l->search[0] || l->n == 0)
        return true;
    /* From the row after the selected one, round to it: `/` and Enter again
     * finds the next. */
    for (int i = 1; i <= l->n; i++) {
        int row = (l->selected + i) % l->n;
        char buf[1024];
        if (sv_contains(text(ctx, row, buf, sizeof buf), l->search)) {
            l->selected = row;
            return true;
        }
    }
    app_status(app, _("Not found: %s"), l->search);
    return true;
}
