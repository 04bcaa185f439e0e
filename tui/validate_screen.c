/* "Validate content" from the menu: the content in use was valid when the
 * program started (it refuses to start otherwise), so this screen lists what
 * is loaded, with ids, versions, review dates and hashes. */
#include "i18n.h"
#include "keymap.h"
#include "screen.h"

#include <curses.h>
#include <stdlib.h>

typedef struct {
    int top;
} validate_state;

static void draw_line(int *y, int rows, int cols, const tl_content *c, const char *lang)
{
    if (*y >= rows)
        return;
    char line[1024], kind[64];
    ui_fit(kind, sizeof kind, c->kind == TL_CURRICULUM ? _("curriculum") : _("checklist"), 10);
    snprintf(line, sizeof line, _("%s %-28s v%-5s reviewed %s"), kind, c->u.h->id, c->u.h->version,
             c->u.h->reviewed);
    ui_put((*y)++, 2, cols - 4, line, 0);
    if (*y < rows) /* the title on a row of its own: after the columns it was cut */
        ui_put((*y)++, 4, cols - 6, text_get(&c->u.h->title, lang), A_DIM);
}

static void validate_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)s;
    ui_put(0, 1, cols - 2, _("Content in use"), A_BOLD);
    char head[128];
    size_t files = app->lib.n_curricula + app->lib.n_checklists;
    snprintf(head, sizeof head, _n("The %zu file is valid.", "All %zu files are valid.", files), files);
    ui_put(1, 1, cols - 2, head, 0);
    int y = 3;
    for (size_t i = 0; i < app->lib.n_curricula; i++)
        draw_line(&y, rows, cols, app->lib.curricula[i], app->lang);
    for (size_t i = 0; i < app->lib.n_checklists; i++)
        draw_line(&y, rows, cols, app->lib.checklists[i], app->lang);
}

enum { VALIDATE_BACK };

static const ui_keymap_entry validate_keys[] = {
    UI_KEYMAP_HELP,
    {0, key_back, VALIDATE_BACK, N_("q back"), 8, N_("**q**, **Esc**, **Enter** or **Left**: back to the menu")},
    {0, key_enter, VALIDATE_BACK, NULL, 0, NULL},
    {0, key_left, VALIDATE_BACK, NULL, 0, NULL},
};
static const ui_keymap validate_keymap = {N_("Keys of the content in use"), validate_keys,
                                          sizeof validate_keys / sizeof validate_keys[0]};

static tl_screen_step validate_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)s, (void)app, (void)next;
    return keymap_action(&validate_keymap, k) == VALIDATE_BACK ? SCREEN_BACK : SCREEN_STAY;
}

tl_screen *validate_screen_new(tl_app *app)
{
    (void)app;
    validate_state *v = calloc(1, sizeof *v);
    if (!v)
        abort();
    return screen_new((tl_screen){.keys = &validate_keymap, .draw = validate_draw, .key = validate_key,
                                  .destroy = screen_free, .state = v});
}
