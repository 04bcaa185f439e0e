/* The case summary of a run on screen (core/summary.c writes it), written to
 * a text file on request: mode 0600, the notes only when asked for. */
#include "access_log.h"
#include "checklist.h"

#include "dates.h"
#include "i18n.h"
#include "keymap.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SUMMARY_WRITE, SUMMARY_NOTES, SUMMARY_FINISH, SUMMARY_BACK };

static const ui_keymap_entry summary_keys[] = {
    {'w', NULL, SUMMARY_WRITE, N_("w write to file"), 7,
     N_("**w**: write the summary to a text file, mode 0600; it asks whether to include the notes")},
    {'o', NULL, SUMMARY_NOTES, N_("o notes"), 6, N_("**o**: show or hide the notes, the case note too")},
    {'f', NULL, SUMMARY_FINISH, N_("f finish"), 5,
     N_("**f**: mark the run finished; its answers can still be changed")},
    {0, NULL, 0, N_("j/k PgDn/PgUp scroll"), 4,
     N_("**j/k** or **Down/Up**, **PgDn/PgUp** or **Space**, **Home/End**: scroll")},
    UI_KEYMAP_HELP,
    {0, key_back, SUMMARY_BACK, N_("q back"), 8, N_("**q** or **Esc**: back to the run")},
};
static const ui_keymap summary_keymap = {N_("Keys of the case summary"), summary_keys,
                                         sizeof summary_keys / sizeof summary_keys[0]};

typedef struct {
    tl_checklist_run *r; /* owned by the run screen below */
    bool notes;
    ui_scroll view;
} summary_state;

static void made_now(char *buf, size_t size)
{
    char date[11], hhmm[6];
    today_iso(date);
    now_hhmm(hhmm);
    snprintf(buf, size, "%s %s", date, hhmm);
}

typedef struct {
    const char *text;
    int cols;
} summary_layout;

static void layout_summary(ui_view *v, void *ctx)
{
    const summary_layout *l = ctx;
    check_view_lines(v, 1, l->cols - 2, l->text, false);
}

static void summary_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    summary_state *st = s->state;
    char made[32];
    made_now(made, sizeof made);
    tl_summary sum = checklist_run_summary(st->r, st->notes, app->lang, cols - 2);
    sum.made = made;
    char *text = summary_text(&sum, false);
    char head[128];
    snprintf(head, sizeof head, "%s", st->notes ? _("Case summary (notes shown)") : _("Case summary (notes left out)"));
    ui_put(0, 1, cols - 2, head, A_BOLD);
    view_show(&st->view, 2, rows - 2, 0, cols, layout_summary, &(summary_layout){text, cols});
    free(text);
}

static void default_path(const summary_state *st, const tl_app *app, char *buf, size_t size)
{
    char date[11], name[64];
    today_iso(date);
    snprintf(name, sizeof name, "tillit-summary-%s-run%lld.txt", date, (long long)st->r->info.id);
    app_proposed_path(app, getenv("HOME"), name, buf, size);
}

static void write_file(summary_state *st, tl_app *app)
{
    char path[1024];
    default_path(st, app, path, sizeof path);
    if (!ui_prompt(app, _("Write the summary to:"), path, sizeof path) || !path[0])
        return;
    bool notes = ui_confirm(app, _("Include the notes? They may hold sensitive details"));
    if (app_ending())
        return;
    struct stat sb;
    if (stat(path, &sb) == 0 && !ui_confirm(app, _("The file exists. Replace it?")))
        return;
    char made[32];
    made_now(made, sizeof made);
    tl_summary sum = checklist_run_summary(st->r, notes, app->lang, 0);
    sum.made = made;
    tl_error err;
    if (!ui_ok(app, summary_save_logged(app->store, path, &sum, &err), &err))
        return;
    app_remember_folder(app, path);
    app_status(app, notes ? _("Summary written, mode 0600, notes included: %s")
                          : _("Summary written, mode 0600, notes left out: %s"),
               path);
}

static void finish(summary_state *st, tl_app *app)
{
    tl_error err;
    if (ui_ok(app, checklist_run_finish(app->store, st->r, &err), &err))
        app_status(app, "%s", _("The run is marked finished; its answers can still be changed."));
}

static tl_screen_step summary_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    summary_state *st = s->state;
    switch (keymap_action(&summary_keymap, k)) {
    case SUMMARY_NOTES:
        st->notes = !st->notes;
        break;
    case SUMMARY_WRITE:
        write_file(st, app);
        break;
    case SUMMARY_FINISH:
        finish(st, app);
        break;
    case SUMMARY_BACK:
        return SCREEN_BACK;
    default: /* j/k, the arrows, PgDn/PgUp, Home/End and Space (a page on) scroll */
        view_scroll_key(&st->view, key_char(k, ' ') ? (tl_key){KEY_NPAGE, true} : k);
    }
    return SCREEN_STAY;
}

static void summary_destroy(tl_screen *s)
{
    free(s->state);
    free(s);
}

tl_screen *check_summary_screen_new(tl_app *app, tl_checklist_run *r)
{
    (void)app;
    summary_state *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    st->r = r;
    tl_screen *s = screen_new((tl_screen){.keys = &summary_keymap, .draw = summary_draw, .key = summary_key, .destroy = summary_destroy,
                                          .state = st});
    return s;
}
