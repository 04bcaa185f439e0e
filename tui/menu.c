/* The main menu: what the program can do, the content and database in use. */
#include "screen.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *label, *help;
    const char *planned; /* non-NULL: not built yet, say so plainly */
} menu_item;

static const menu_item items[] = {
    {"Run a training session", "Group session: attendance, modules page by page, knowledge checks",
     "group training sessions"},
    {"Self-study", "Take a curriculum alone and resume where you stopped", "self-study"},
    {"Checklist self-check", "Check a suspected case against trafficking indicators",
     "the checklist self-check"},
    {"Statistics and export", "Participation statistics and the XML report",
     "statistics and the XML report"},
    {"Validate content", "Check the curricula and checklists in use", NULL},
    {"Quit", "Leave tillit (everything is already saved)", NULL},
};
enum { N_ITEMS = sizeof items / sizeof items[0], ITEM_VALIDATE = 4, ITEM_QUIT = 5 };

typedef struct {
    int selected;
} menu_state;

static void menu_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    menu_state *m = s->state;
    ui_put(0, 1, cols - 2, "tillit", A_BOLD);
    char info[512];
    snprintf(info, sizeof info, "%zu curricula, %zu checklists  |  database %s",
             app->lib.n_curricula, app->lib.n_checklists, app->db_path);
    ui_put(1, 1, cols - 2, info, A_DIM);
    int y = 3;
    for (int i = 0; i < N_ITEMS && y < rows - 3; i++, y++) {
        bool sel = i == m->selected;
        ui_put(y, 2, 2, sel ? ">" : " ", A_BOLD);
        ui_put(y, 4, cols - 6, items[i].label, sel ? A_REVERSE : 0);
    }
    if (y + 1 < rows)
        ui_wrap(y + 1, 4, cols - 6, rows - y - 1, items[m->selected].help, A_DIM);
}

static tl_key_result menu_activate(menu_state *m, tl_app *app, tl_screen **next)
{
    const menu_item *it = &items[m->selected];
    if (m->selected == ITEM_QUIT)
        return KEY_QUIT;
    if (m->selected == ITEM_VALIDATE) {
        *next = validate_screen_new(app);
        return KEY_PUSH;
    }
    snprintf(app->status, sizeof app->status, "Not available in this version yet: %s.", it->planned);
    return KEY_STAY;
}

static tl_key_result menu_key(tl_screen *s, tl_app *app, wint_t key, bool fkey, tl_screen **next)
{
    menu_state *m = s->state;
    if (fkey ? key == KEY_UP : (key == 'k'))
        m->selected = (m->selected + N_ITEMS - 1) % N_ITEMS;
    else if (fkey ? key == KEY_DOWN : (key == 'j' || key == '\t'))
        m->selected = (m->selected + 1) % N_ITEMS;
    else if (!fkey && key >= '1' && key < '1' + N_ITEMS)
        m->selected = (int)(key - '1');
    else if ((fkey && key == KEY_ENTER) || (!fkey && (key == '\n' || key == '\r' || key == ' ')))
        return menu_activate(m, app, next);
    else if (!fkey && (key == 'q' || key == 'Q' || key == 27))
        return KEY_QUIT;
    else if (!fkey && key == '?')
        snprintf(app->status, sizeof app->status,
                 "Keys: arrows or j/k move, 1-6 pick, Enter opens, q quits");
    return KEY_STAY;
}

static void menu_destroy(tl_screen *s)
{
    free(s->state);
    free(s);
}

tl_screen *menu_screen_new(tl_app *app)
{
    (void)app;
    tl_screen *s = calloc(1, sizeof *s);
    menu_state *m = calloc(1, sizeof *m);
    if (!s || !m)
        abort();
    *s = (tl_screen){.footer = "Enter open  j/k move  ? help  q quit", .draw = menu_draw,
                     .key = menu_key, .destroy = menu_destroy, .state = m};
    return s;
}
