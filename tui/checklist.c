/* The checklist self-check, first screen: start a new run, resume one or
 * delete one, listed by case reference, last change and progress (the run
 * itself is core/checklist_run.c). Also the personal-number-checked prompt
 * shared by the checklist screens. */
#include "checklist.h"

#include "i18n.h"
#include "keymap.h"
#include "list.h"
#include "review_notice.h"
#include "privacy.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* SELECTED_ROWS: below the list, a rule, the selected run's reference (up
 * to two rows) and its outcome. */
enum { MAX_RUNS = 200, REF_COLS = 24, SELECTED_ROWS = 4 };

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

/* ---- the checked prompt ---- */

bool check_prompt_text(tl_app *app, const char *label, const char *what, char *buf, size_t size)
{
    for (;;) {
        if (!ui_prompt(app, label, buf, size))
            return false;
        tl_pnr_match m;
        if (!privacy_find_pnr(buf, &m))
            return true;
        char why[512];
        privacy_refusal(what, &m, why, sizeof why);
        app_status(app, "%s", _("Not saved: it looks like a personal number."));
        ui_help(app, _("Not saved: no personal numbers"), why);
    }
}

/* ---- the start screen ---- */

enum { START_OPEN, START_NEW, START_DELETE, START_BACK };

static const ui_keymap_entry start_keys[] = {
    {0, key_enter, START_OPEN, N_("Enter open"), 7,
     N_("**Enter**: open the selected run where it was left, or start a new one on \"+ Start a new run\"")},
    {'n', NULL, START_NEW, N_("n new run"), 6,
     N_("**n**: start a new run; it asks for a case reference (never names or personal numbers)")},
    {0, NULL, 0, N_("j/k move"), 5,
     N_("**j/k** or **Up/Down**: choose a run; **Home/End**, **PgUp/PgDn**: the first, the last, a page on; "
        "**/**: find a run by part of its case reference")},
    {'d', NULL, START_DELETE, N_("d delete"), 3,
     N_("**d**: delete the selected run for good, with its answers and notes; type its case reference to "
        "confirm. It is overwritten in the database and its log, and the access log keeps only that a run was "
        "deleted")},
    UI_KEYMAP_HELP,
    {0, key_back, START_BACK, N_("q back"), 8, N_("**q** or **Esc**: back; every answer is already saved")},
};
static const ui_keymap start_keymap = {N_("Keys of the checklist runs"), start_keys,
                                       sizeof start_keys / sizeof start_keys[0]};

typedef struct {
    const tl_content *content;
    tl_run_entry *runs;
    size_t n_runs;
    ui_list list; /* row 0: start a new run; row i > 0: runs[i - 1] */
    const tl_app *app; /* for the rows' language */
} start_state;

static void load_runs(tl_screen *s, tl_app *app)
{
    start_state *st = s->state;
    tl_error err;
    tl_run_entries_free(st->runs, st->n_runs);
    st->runs = NULL;
    st->n_runs = 0;
    ui_ok(app, checklist_run_list(app->store, st->content, MAX_RUNS, &st->runs, &st->n_runs, &err), &err);
}

static const tl_outcome *run_outcome(const start_state *st, const tl_run_entry *e)
{
    return checklist_run_entry_outcome(st->content->u.checklist, e);
}

static void run_label(const tl_app *app, const start_state *st, const tl_run_entry *e, char *buf,
                      size_t size)
{
    char when[64];
    summary_local_time(e->info.updated_at, when, sizeof when);
    const tl_checklist *cl = st->content->u.checklist;
    const tl_outcome *o = run_outcome(st, e);
    const char *ref = e->info.case_ref[0] ? e->info.case_ref : _("(no reference)");
    char ref_col[4 * REF_COLS + 1];
    ui_fit(ref_col, sizeof ref_col, ref, REF_COLS); /* columns, not bytes: references may hold å, ä, ö */
    snprintf(buf, size, _("%s  %s  %d/%zu answered%s%s%s"), ref_col, when, e->info.answered,
             cl->n_indicators, e->finished_at[0] ? _("  finished") : "", o ? "  - " : "",
             o ? text_get(&o->title, app->lang) : "");
}

/* The selected run in full below the list: a list row cuts a long case
 * reference and the outcome's title at its width. */
static void draw_selected_run(const tl_app *app, const start_state *st, const tl_run_entry *e, int rows,
                              int cols)
{
    const tl_outcome *o = run_outcome(st, e);
    const char *ref = e->info.case_ref[0] ? e->info.case_ref : _("(no reference)");
    int n = ui_wrap_rows(cols - 4, SELECTED_ROWS - 2, ref);
    int top = rows - n - 2;
    for (int r = top; r < rows; r++) {
        move(r, 0);
        clrtoeol();
    }
    mvhline(top, 1, ACS_HLINE, cols - 2);
    ui_wrap(top + 1, 2, cols - 4, n, ref, A_BOLD);
    ui_put(top + 1 + n, 2, cols - 4, o ? text_get(&o->title, app->lang) : _("not assessed yet"), A_DIM);
}

static const char *start_row_text(void *ctx, int i, char *buf, size_t size)
{
    const start_state *st = ctx;
    if (i == 0)
        return _("+ Start a new run");
    run_label(st->app, st, &st->runs[i - 1], buf, size);
    return buf;
}

static void start_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    start_state *st = s->state;
    const tl_checklist *cl = st->content->u.checklist;
    ui_put(0, 1, cols - 2, text_get(&cl->h.title, app->lang), A_BOLD);
    char line[512];
    snprintf(line, sizeof line, _("%s, version %s: %zu sections, %zu indicators"), cl->h.id, cl->h.version,
             cl->n_sections, cl->n_indicators);
    ui_put(1, 1, cols - 2, line, A_DIM);
    int y = 2 + ui_wrap(2, 1, cols - 2, 4, text_get(&cl->h.summary, app->lang), 0) + 1;
    ui_put(y++, 2, cols - 4, st->n_runs ? _("Start a new run, or resume one (most recent first):")
                                        : _("No runs of this checklist yet."), 0);
    st->list.n = (int)st->n_runs + 1;
    st->app = app;
    list_draw(&st->list, y, rows - y - 1 - (st->list.selected > 0 ? SELECTED_ROWS : 0), 2, cols - 4, start_row_text,
              st);
    if (st->list.selected > 0)
        draw_selected_run(app, st, &st->runs[st->list.selected - 1], rows, cols);
}

/* The run screen of a run just started or opened (status: the call's). */
static tl_screen *run_screen(tl_app *app, start_state *st, tl_status status, tl_checklist_run *r,
                             const tl_error *err)
{
    if (!ui_ok(app, status, err))
        return NULL;
    if (checklist_run_other_version(r))
        app_status(app, _("Started with version %s of the checklist; shown with version %s (%s)."),
                   r->info.checklist_version, st->content->u.h->version, st->content->hash);
    return check_run_screen_new(app, r);
}

static tl_screen *start_new_run(tl_app *app, start_state *st)
{
    char ref[129] = "";
    if (!check_prompt_text(app, _("Case reference (no personal data):"), _("The case reference"),
                           ref, sizeof ref))
        return NULL;
    tl_checklist_run *r;
    tl_error err;
    tl_status status = checklist_run_start(app->store, st->content, ref, &r, &err);
    st->list.selected = 1; /* the new run comes first in the list */
    return run_screen(app, st, status, r, &err);
}

static tl_screen *resume_run(tl_app *app, start_state *st)
{
    tl_checklist_run *r;
    tl_error err;
    tl_status status = checklist_run_open(app->store, st->content, st->runs[st->list.selected - 1].info.id, &r, &err);
    return run_screen(app, st, status, r, &err);
}

/* The selected run, deleted for good when its case reference is typed
 * (or, for a run without one, when confirmed). */
static void delete_run(tl_screen *s, tl_app *app)
{
    start_state *st = s->state;
    if (st->list.selected == 0) {
        app_status(app, "%s", _("Choose the run to delete first (j/k or the arrows)."));
        return;
    }
    const tl_run_info *run = &st->runs[st->list.selected - 1].info;
    char typed[129] = "";
    if (run->case_ref[0] ? !ui_prompt(app, _("Delete for good? Type its case reference:"), typed, sizeof typed)
                         : !ui_confirm(app, _("Delete this run without a case reference for good?")) || app_ending())
        return;
    tl_error err;
    if (!ui_ok(app, checklist_run_delete(app->store, run->id, typed, &err), &err))
        return;
    load_runs(s, app);
    list_set_rows(&st->list, (int)st->n_runs + 1);
    app_status(app, "%s", _("The run is deleted for good, with its answers and notes."));
}

static tl_screen_step start_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    start_state *st = s->state;
    st->list.n = (int)st->n_runs + 1;
    if (list_move_key(&st->list, k) || list_search_key(&st->list, app, k, start_row_text, st))
        return SCREEN_STAY;
    switch (keymap_action(&start_keymap, k)) {
    case START_OPEN:
        *next = st->list.selected == 0 ? start_new_run(app, st) : resume_run(app, st);
        break;
    case START_NEW:
        *next = start_new_run(app, st);
        break;
    case START_DELETE:
        delete_run(s, app);
        break;
    case START_BACK:
        return SCREEN_BACK;
    }
    return *next ? SCREEN_PUSH : SCREEN_STAY;
}

static void start_destroy(tl_screen *s)
{
    start_state *st = s->state;
    tl_run_entries_free(st->runs, st->n_runs);
    free(st);
    free(s);
}

/* The row Enter opens at first: the most recent unfinished run (the runs
 * are most recent first), so that Enter after a break continues it instead
 * of starting a duplicate; "+ Start a new run" (0) when every run is
 * finished. */
static int resume_default(const start_state *st)
{
    for (size_t i = 0; i < st->n_runs; i++)
        if (!st->runs[i].finished_at[0])
            return (int)i + 1;
    return 0;
}

static tl_screen *start_screen_new(tl_app *app, const tl_content *content)
{
    start_state *st = xcalloc(1, sizeof *st);
    st->content = content;
    tl_screen *s = screen_new((tl_screen){.keys = &start_keymap, .load = load_runs, .draw = start_draw, .key = start_key,
                                          .destroy = start_destroy, .state = st});
    load_runs(s, app);
    st->list.selected = resume_default(st);
    return s;
}

/* The checklist named by id, or the only one, or the one chosen. */
static const tl_content *pick_checklist(tl_app *app, const char *id)
{
    const tl_library *lib = &app->lib;
    if (id) {
        const tl_content *c = library_find(lib, id);
        if (!c || c->kind != TL_CHECKLIST)
            app_status(app, _("No checklist '%s' in the content folder."), id);
        return c && c->kind == TL_CHECKLIST ? c : NULL;
    }
    if (lib->n_checklists <= 1) {
        if (!lib->n_checklists)
            app_status(app, "%s", _("The content folder has no checklists."));
        return lib->n_checklists ? lib->checklists[0] : NULL;
    }
    const char **labels = xcalloc(lib->n_checklists, sizeof *labels);
    for (size_t i = 0; i < lib->n_checklists; i++)
        labels[i] = text_get(&lib->checklists[i]->u.h->title, app->lang);
    int pick = ui_choose(app, _("Which checklist?"), labels, (int)lib->n_checklists, 0);
    free(labels);
    return pick >= 0 ? lib->checklists[pick] : NULL;
}

tl_screen *check_open(tl_app *app, const char *arg)
{
    const tl_content *c = pick_checklist(app, arg);
    if (!c)
        return NULL;
    review_notice_at_start(app, c);
    return start_screen_new(app, c);
}
