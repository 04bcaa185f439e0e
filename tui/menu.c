/* The main menu: what the program can do, the content and database in use.
 * Each item names the command that opens it from the command line too. */
#include "checklist.h"
#include "i18n.h"
#include "keymap.h"
#include "list.h"
#include "review_notice.h"
#include "screen.h"
#include "stats.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *label, *help;
    const char *command; /* `tillit COMMAND` opens the same screen */
    /* Opens the item's screen; NULL: not built yet, say so plainly. */
    tl_screen *(*open)(tl_app *app, const char *arg);
    const char *planned;
} menu_item;

static tl_screen *open_validate(tl_app *app, const char *arg)
{
    (void)arg;
    return validate_screen_new(app);
}

/* Labels and help untranslated here (N_), translated as they are drawn. */
static const menu_item items[] = {
    {N_("Run a training session"), N_("Group session: attendance, modules page by page, knowledge checks"),
     "train", train_open, NULL},
    {N_("Self-study"), N_("Take a curriculum alone and resume where you stopped"), "study", study_open,
     NULL},
    {N_("Checklist self-check"), N_("Check a suspected case against trafficking indicators"), "check",
     check_open, NULL},
    {N_("Statistics and export"), N_("Participation statistics and the XML report"), "stats",
     stats_screen_open, NULL},
    {N_("Validate content"), N_("Check the curricula and checklists in use"), "validate", open_validate,
     NULL},
    {N_("Quit"), N_("Leave tillit (everything is already saved)"), NULL, NULL, NULL},
};
enum { N_ITEMS = sizeof items / sizeof items[0], ITEM_QUIT = N_ITEMS - 1 };

typedef struct {
    ui_list list;
} menu_state;

static const char *item_text(void *ctx, int i, char *buf, size_t size)
{
    (void)ctx;
    (void)buf;
    (void)size;
    return _(items[i].label);
}

static void menu_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    menu_state *m = s->state;
    ui_put(0, 1, cols - 2, "tillit", A_BOLD);
    char curricula[64], checklists[64], info[512];
    size_t n_cu = app->lib.n_curricula, n_cl = app->lib.n_checklists;
    snprintf(curricula, sizeof curricula, _n("%zu curriculum", "%zu curricula", n_cu), n_cu);
    snprintf(checklists, sizeof checklists, _n("%zu checklist", "%zu checklists", n_cl), n_cl);
    snprintf(info, sizeof info, _("%s, %s  |  database %s"), curricula, checklists, app->db_path);
    ui_put(1, 1, cols - 2, info, A_DIM);
    int top = 3 + review_notice_draw(app, 2, cols);
    int shown = N_ITEMS < rows - 3 - top ? N_ITEMS : rows - 3 - top, y = top + shown;
    list_draw(&m->list, top, shown, 2, cols - 4, item_text, NULL);
    if (y + 1 < rows)
        ui_wrap(y + 1, 4, cols - 6, rows - y - 1, _(items[m->list.selected].help), A_DIM);
}

static tl_screen *open_item(tl_app *app, const menu_item *it, const char *arg)
{
    if (!it->open) {
        app_status(app, _("Not available in this version yet: %s."), it->planned);
        return NULL;
    }
    return it->open(app, arg);
}

tl_screen *menu_open_command(tl_app *app, const char *command, const char *arg)
{
    for (int i = 0; i < N_ITEMS; i++)
        if (items[i].command && strcmp(items[i].command, command) == 0)
            return open_item(app, &items[i], arg);
    return NULL;
}

enum { MENU_OPEN, MENU_NEXT, MENU_QUIT };

static const ui_keymap_entry menu_keys[] = {
    {0, key_enter, MENU_OPEN, N_("Enter open"), 6, N_("**Enter** or **Space**: open the selected item")},
    {' ', NULL, MENU_OPEN, NULL, 0, NULL},
    {'\t', NULL, MENU_NEXT, NULL, 0, NULL},
    {0, NULL, 0, N_("j/k move"), 5,
     N_("**Up/Down** or **j/k**, **Home/End**: choose an item; **1-6**: the item of that number; **/**: find one")},
    UI_KEYMAP_HELP,
    /* not Esc: pressed a few times to go back, it would end the program */
    {'q', NULL, MENU_QUIT, N_("q quit"), 8, N_("**q**: quit (everything is already saved); **Esc** never quits")},
    {'Q', NULL, MENU_QUIT, NULL, 0, NULL},
};
static const ui_keymap menu_keymap = {N_("Keys of the main menu"), menu_keys, sizeof menu_keys / sizeof menu_keys[0]};

static tl_screen_step menu_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    menu_state *m = s->state;
    if (list_move_key(&m->list, k) || list_search_key(&m->list, app, k, item_text, NULL))
        return SCREEN_STAY;
    if (!k.fn && k.ch >= '1' && k.ch < '1' + N_ITEMS) {
        m->list.selected = (int)(k.ch - '1');
        return SCREEN_STAY;
    }
    switch (keymap_action(&menu_keymap, k)) {
    case MENU_NEXT:
        m->list.selected = (m->list.selected + 1) % N_ITEMS;
        return SCREEN_STAY;
    case MENU_OPEN:
        if (m->list.selected == ITEM_QUIT)
            return SCREEN_QUIT;
        *next = open_item(app, &items[m->list.selected], NULL);
        return *next ? SCREEN_PUSH : SCREEN_STAY;
    case MENU_QUIT:
        return SCREEN_QUIT;
    }
    return SCREEN_STAY;
}

tl_screen *menu_screen_new(tl_app *app)
{
    (void)app;
    menu_state *m = calloc(1, sizeof *m);
    if (!m)
        abort();
    m->list.n = N_ITEMS;
    return screen_new((tl_screen){.keys = &menu_keymap, .draw = menu_draw, .key = menu_key,
                                  .destroy = screen_free, .state = m});
}
