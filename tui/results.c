/* The results of a course for its first learner (self-study) or for each
 * attendee (group): per module the pages seen, time spent, the best check
 * score and whether it passed; the scores before and after the course. The
 * module titles get the width the other columns leave, or a row of their
 * own when that is too narrow for them; the view scrolls when it is long. */
#include "training_ui.h"

#include "i18n.h"
#include "keymap.h"

#include <curses.h>
#include <stdlib.h>

enum { BODY_TOP = 3 };

typedef struct {
    const tl_course *course;
    size_t person;
    tl_course_results res; /* person's, read when shown (load_results) */
    ui_scroll view;
    int rows;          /* of the last layout */
} results_state;

enum { RESULTS_NEXT, RESULTS_PREVIOUS, RESULTS_SCROLL, RESULTS_BACK };

static bool key_tab(tl_key k)
{
    return key_char(k, '\t');
}

static bool key_back_tab(tl_key k)
{
    return key_fn(k, KEY_BTAB);
}

static bool key_scroll(tl_key k)
{
    return key_up(k) || key_down(k) || key_fn(k, KEY_NPAGE) || key_fn(k, KEY_PPAGE) || key_fn(k, KEY_HOME) ||
           key_fn(k, KEY_END);
}

static bool key_back_or_enter(tl_key k)
{
    return key_back(k) || key_enter(k);
}

static const ui_keymap_entry results_keys[] = {
    {0, key_tab, RESULTS_NEXT, N_("Tab next person"), 8, N_("**Tab**: the next person of a group")},
    {0, key_back_tab, RESULTS_PREVIOUS, NULL, 0, N_("**Shift-Tab**: the previous person")},
    {0, key_scroll, RESULTS_SCROLL, N_("j/k/PgDn scroll"), 7,
     N_("**j/k**, **Down/Up**, **PgDn/PgUp**: scroll, when the results do not fit")},
    {0, key_back_or_enter, RESULTS_BACK, N_("q back"), 9, N_("**q**, **Esc** or **Enter**: back to the course")},
    UI_KEYMAP_HELP,
};
static const ui_keymap results_keymap = {N_("Keys of the results"), results_keys,
                                         sizeof results_keys / sizeof results_keys[0]};

void check_standing_text(const tl_check_standing *st, size_t questions, bool graded, char *out, size_t size)
{
    if (st->finished && !graded)
        snprintf(out, size, "%d/%d (%d%%)", st->score, st->max, check_percent(st->score, st->max));
    else if (st->finished)
        snprintf(out, size, "%d/%d (%d%%) %s", st->score, st->max, check_percent(st->score, st->max),
                 st->passed ? _("passed") : _("not passed"));
    else if (st->answered > 0)
        snprintf(out, size, _("started: %d of %zu answered"), st->answered, questions);
    else
        snprintf(out, size, "%s", _("not taken yet"));
}

/* Reads the results of the person shown, once: drawing only shows them. */
static bool load_results(tl_app *app, results_state *r)
{
    tl_error err;
    return ui_ok(app, course_results_load(app->store, r->course, r->person, &r->res, &err), &err);
}

/* ---- one module's line ---- */

typedef struct {
    char progress[64]; /* pages and minutes */
    char check[96];
    bool completed;
} module_row;

typedef struct {
    tl_app *app;
    const results_state *r;
    module_row *rows;
    int cols, title_w, check_w; /* title_w 0: each title on a row of its own */
} results_ctx;

static void module_row_fill(tl_app *app, const results_state *r, size_t m, module_row *row)
{
    (void)app;
    const tl_module *mod = &r->course->cu->modules[m];
    const tl_module_result *res = r->res.modules ? &r->res.modules[m] : &(tl_module_result){0};
    row->completed = res->completed;
    snprintf(row->progress, sizeof row->progress, _("%2d/%-2zu pages %3d min"), res->pages_seen, mod->n_pages,
             (res->seconds + 59) / 60);
    snprintf(row->check, sizeof row->check, "%s", _("no check"));
    if (mod->check.present)
        check_standing_text(&res->check, mod->check.n_questions, true, row->check, sizeof row->check);
}

/* The widths of the columns: the check column as wide as its widest
 * entry, the title the rest, unless that cuts a title. */
static void fit_columns(results_ctx *c)
{
    const tl_curriculum *cu = c->r->course->cu;
    int progress_w = 0, done_w = 0, longest = 0;
    c->check_w = 0;
    for (size_t m = 0; m < cu->n_modules; m++) {
        const module_row *row = &c->rows[m];
        int w = ui_width(row->progress), cw = ui_width(row->check);
        progress_w = w > progress_w ? w : progress_w;
        c->check_w = cw > c->check_w ? cw : c->check_w;
        if (row->completed)
            done_w = ui_width(_("completed")) + 2;
        w = ui_width(text_get(&cu->modules[m].title, c->app->lang));
        longest = w > longest ? w : longest;
    }
    int room = c->cols - 4 - 2 - progress_w - 2 - c->check_w - done_w;
    c->title_w = longest <= room ? longest : 0;
}

static void layout_module(results_ctx *c, ui_view *v, size_t m)
{
    const module_row *row = &c->rows[m];
    const char *title = text_get(&c->r->course->cu->modules[m].title, c->app->lang);
    int attr = row->completed ? 0 : A_DIM;
    char check[128], cut[256], details[384], line[640];
    snprintf(details, sizeof details, "%s  %s%s%s", row->progress,
             ui_fit(check, sizeof check, row->check, c->check_w), row->completed ? "  " : "",
             row->completed ? _("completed") : "");
    if (c->title_w > 0) {
        snprintf(line, sizeof line, "%s  %s", ui_fit(cut, sizeof cut, title, c->title_w), details);
        view_put(v, 2, c->cols - 4, line, attr);
        return;
    }
    view_wrap(v, 2, c->cols - 4, title, attr | A_BOLD);
    view_put(v, 4, c->cols - 6, details, attr);
}

static void layout_results(ui_view *v, void *ctx)
{
    results_ctx *c = ctx;
    const tl_course *course = c->r->course;
    const tl_curriculum *cu = course->cu;
    for (size_t m = 0; m < cu->n_modules; m++)
        layout_module(c, v, m);
    if (!cu->pre_post.present)
        return;
    char before[96], after[96], line[512];
    check_standing_text(&c->r->res.before, cu->pre_post.n_questions, phase_graded(TL_PHASE_PRE), before,
                        sizeof before);
    check_standing_text(&c->r->res.after, cu->pre_post.n_questions, phase_graded(TL_PHASE_POST), after,
                        sizeof after);
    snprintf(line, sizeof line, _("Before the course: %s    After: %s"), before, after);
    v->line++;
    view_wrap(v, 2, c->cols - 4, line, A_BOLD);
}

/* Whether an action works now: the next person only in a group, scrolling
 * only when the results do not fit. */
static bool results_key_works(const tl_screen *s, int action)
{
    const results_state *r = s->state;
    if (action == RESULTS_NEXT || action == RESULTS_PREVIOUS)
        return r->course->n > 1;
    if (action == RESULTS_SCROLL)
        return view_scrolls(&r->view);
    return true;
}

/* Lays the results out for rows x cols; paints them when paint is set.
 * The app reads the footer before it draws, so a key lays the new state
 * out at once. */
static void results_lay_out(tl_app *app, results_state *r, int rows, int cols, bool paint)
{
    const tl_curriculum *cu = r->course->cu;
    results_ctx c = {.app = app, .r = r, .cols = cols};
    c.rows = calloc(cu->n_modules ? cu->n_modules : 1, sizeof *c.rows);
    if (!c.rows)
        abort();
    for (size_t m = 0; m < cu->n_modules; m++)
        module_row_fill(app, r, m, &c.rows[m]);
    fit_columns(&c);
    r->rows = rows;
    view_measure(&r->view, rows - BODY_TOP, layout_results, &c);
    if (paint)
        view_draw(&r->view, BODY_TOP, rows - BODY_TOP, 0, cols, layout_results, &c);
    free(c.rows);
}

static void results_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    results_state *r = s->state;
    char line[512], label[160];
    snprintf(line, sizeof line, _("Results: %s"), text_get(&r->course->cu->h.title, app->lang));
    ui_put(0, 1, cols - 2, line, A_BOLD);
    if (r->course->n > 1)
        snprintf(line, sizeof line, _("%s  (%zu/%zu; Tab for the next person)"), course_label(r->course, r->person, label, sizeof label),
                 r->person + 1, r->course->n);
    else
        snprintf(line, sizeof line, "%s", course_label(r->course, r->person, label, sizeof label));
    ui_put(1, 1, cols - 2, line, 0);
    results_lay_out(app, r, rows, cols, true);
}

static tl_screen_step results_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    results_state *r = s->state;
    size_t n = r->course->n;
    switch (keymap_action_now(&results_keymap, s, k)) {
    case RESULTS_BACK:
        return SCREEN_BACK;
    case RESULTS_NEXT:
    case RESULTS_PREVIOUS:
        r->person = (r->person + (key_back_tab(k) ? n - 1 : 1)) % n;
        r->view.skip = 0;
        load_results(app, r);
        break;
    case RESULTS_SCROLL:
        view_scroll_key(&r->view, k);
        break;
    }
    results_lay_out(app, r, r->rows, COLS, false);
    return SCREEN_STAY;
}

static void results_destroy(tl_screen *s)
{
    results_state *r = s->state;
    course_results_clear(&r->res);
    free(s->state);
    free(s);
}

tl_screen *results_screen_new(tl_app *app, const tl_course *course)
{
    if (course->n == 0) {
        app_status(app, "%s", _("Nobody takes part yet."));
        return NULL;
    }
    results_state *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    r->course = course;
    load_results(app, r);
    tl_screen *s = screen_new((tl_screen){.keys = &results_keymap, .key_works = results_key_works,
                                          .draw = results_draw, .key = results_key, .destroy = results_destroy,
                                          .state = r});
    results_lay_out(app, r, LINES - 2, COLS, false); /* whether it scrolls, for the first footer */
    return s;
}
