/* The main menu: what the program can do, the content and database in use.
 * Each item names the command that opens it from the command line too. */
#include "checklist.h"
#include "i18n.h"
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

static tl_key_result menu_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    menu_state *m = s->state;
    if (key_char(k, '\t'))
        m->list.selected = (m->list.selected + 1) % N_ITEMS;
    else if (list_move_key(&m->list, k))
        ;
    else if (!k.fn && k.ch >= '1' && k.ch < '1' + N_ITEMS)
        m->list.selected = (int)(k.ch - '1');
    else if (key_enter(k) || key_char(k, ' ')) {
        if (m->list.selected == ITEM_QUIT)
            return KEY_QUIT;
        *next = open_item(app, &items[m->list.selected], NULL);
        return *next ? KEY_PUSH : KEY_STAY;
    } else if (key_char(k, 'q') || key_char(k, 'Q')) {
        return KEY_QUIT; /* not Esc: pressed a few times to go back, it would end the program */
    } else if (key_char(k, '?')) {
        app_status(app, "%s", _("Keys: arrows or j/k move, 1-6 pick, Enter opens, q quits; F2 svenska/English"));
    }
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
    m->list.n = N_ITEMS;
    *s = (tl_screen){.footer = N_("Enter open  j/k move  ? help  q quit"), .draw = menu_draw,
                     .key = menu_key, .destroy = menu_destroy, .state = m};
    return s;
}
