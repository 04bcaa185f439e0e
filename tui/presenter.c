/* What the presenter view shows of a group (tl_app.presenting): counts and
 * a spread of scores, never a name next to an answer or a score; and the
 * group's results screen (o in the presenter view). */
#include "training_ui.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

void spread_summary(const tl_score_spread *sp, size_t people, bool graded, char *out, size_t size)
{
    if (sp->finished == 0 && sp->begun == 0)
        snprintf(out, size, "%s", _("Not taken by anyone yet."));
    else if (graded)
        snprintf(out, size, _n("Taken by %d of %zu, passed by %d.", "Taken by %d of %zu, passed by %d.", people),
                 sp->finished, people, sp->passed);
    else
        snprintf(out, size, _n("Taken by %d of %zu.", "Taken by %d of %zu.", people), sp->finished, people);
    if (sp->begun > 0) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, _n(" %d is answering.", " %d are answering.", sp->begun), sp->begun);
    }
}

static void band_label(int band, char *out, size_t size)
{
    int last = band + 1 < TL_SCORE_BANDS ? score_band_floor(band + 1) - 1 : 100;
    /* TRANSLATORS: a band of scores in percent; Swedish puts a space before %. */
    snprintf(out, size, _("%d-%d%%"), score_band_floor(band), last);
}

void spread_bands(const tl_score_spread *sp, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int b = 0; b < TL_SCORE_BANDS && used < size; b++) {
        char label[32];
        band_label(b, label, sizeof label);
        used += (size_t)snprintf(out + used, size - used, "%s%s: %d", b ? "   " : "", label, sp->band[b]);
    }
}

enum { BAR_MAX = 40 }; /* the longest bar: a count, not a width to fill */

void view_spread_bars(ui_view *v, int x, int cols, const tl_score_spread *sp)
{
    int most = 1;
    for (int b = 0; b < TL_SCORE_BANDS; b++)
        most = sp->band[b] > most ? sp->band[b] : most;
    int room = cols - 20 < BAR_MAX ? cols - 20 : BAR_MAX;
    for (int b = TL_SCORE_BANDS - 1; b >= 0; b--) { /* the best scores on top, as on a chart */
        char label[32], bar[256], line[320];
        band_label(b, label, sizeof label);
        int len = room > 0 ? sp->band[b] * room / most : 0;
        len = len < (int)sizeof bar - 1 ? len : (int)sizeof bar - 1;
        for (int i = 0; i < len; i++)
            bar[i] = '#';
        bar[len] = '\0';
        snprintf(line, sizeof line, "%-9s %s %d", label, bar, sp->band[b]);
        view_put(v, x, cols, line, 0);
    }
}

/* ---- the group's results (o in the presenter view) ---- */

enum { GROUP_TOP = 3 };

typedef struct {
    const tl_course *course;
    tl_group_results res;
    ui_scroll view;
    int rows;
    char footer[128];
} group_state;

typedef struct {
    tl_app *app;
    group_state *g;
    int cols;
} group_ctx;

static void layout_spread(group_ctx *c, ui_view *v, const char *title, const tl_score_spread *sp, bool graded)
{
    char line[512];
    v->line++;
    view_wrap(v, 2, c->cols - 4, title, A_BOLD);
    spread_summary(sp, c->g->res.people, graded, line, sizeof line);
    view_wrap(v, 4, c->cols - 6, line, 0);
    if (sp->finished > 0)
        view_spread_bars(v, 4, c->cols - 6, sp);
}

static void layout_group(ui_view *v, void *ctx)
{
    group_ctx *c = ctx;
    const tl_curriculum *cu = c->g->course->cu;
    char line[512], title[512];
    for (size_t m = 0; m < cu->n_modules; m++) {
        snprintf(line, sizeof line, _n("%s: completed by %d of %zu", "%s: completed by %d of %zu", c->g->res.people),
                 text_get(&cu->modules[m].title, c->app->lang), c->g->res.completed[m], c->g->res.people);
        view_wrap(v, 2, c->cols - 4, line, 0);
    }
    for (size_t m = 0; m < cu->n_modules; m++)
        if (cu->modules[m].check.present) {
            snprintf(title, sizeof title, _("Knowledge check: %s"), text_get(&cu->modules[m].title, c->app->lang));
            layout_spread(c, v, title, &c->g->res.checks[m], true);
        }
    if (cu->pre_post.present) {
        layout_spread(c, v, _("Knowledge check before the course"), &c->g->res.before, phase_graded(TL_PHASE_PRE));
        layout_spread(c, v, _("Knowledge check after the course"), &c->g->res.after, phase_graded(TL_PHASE_POST));
    }
}

static void group_lay_out(tl_app *app, group_state *g, int rows, int cols, bool paint)
{
    group_ctx c = {app, g, cols};
    g->rows = rows;
    view_measure(&g->view, rows - GROUP_TOP, layout_group, &c);
    if (paint)
        view_draw(&g->view, GROUP_TOP, rows - GROUP_TOP, 0, cols, layout_group, &c);
    ui_key_hint h[2];
    size_t n = 0;
    if (view_scrolls(&g->view))
        h[n++] = (ui_key_hint){N_("j/k/PgDn scroll"), N_("j/k scroll"), 7};
    h[n++] = (ui_key_hint){N_("q back"), NULL, 9};
    ui_footer(g->footer, sizeof g->footer, cols - 2, h, n);
}

static void group_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    group_state *g = s->state;
    char line[512];
    snprintf(line, sizeof line, _("Results of the group: %s"), text_get(&g->course->cu->h.title, app->lang));
    ui_put(0, 1, cols - 2, line, A_BOLD);
    snprintf(line, sizeof line, _n("%zu taking part", "%zu taking part", g->res.people), g->res.people);
    ui_put(1, 1, cols - 2, line, 0);
    group_lay_out(app, g, rows, cols, true);
}

static tl_screen_step group_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    group_state *g = s->state;
    if (key_back(k) || key_enter(k))
        return SCREEN_BACK;
    view_scroll_key(&g->view, k);
    group_lay_out(app, g, g->rows, COLS, false);
    return SCREEN_STAY;
}

static void group_destroy(tl_screen *s)
{
    group_state *g = s->state;
    group_results_clear(&g->res);
    free(g);
    free(s);
}

tl_screen *group_results_screen_new(tl_app *app, const tl_course *course)
{
    group_state *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    g->course = course;
    tl_error err;
    if (!ui_ok(app, group_results_load(app->store, course, &g->res, &err), &err)) {
        free(g);
        return NULL;
    }
    tl_screen *s = screen_new((tl_screen){.footer = g->footer, .draw = group_draw, .key = group_key,
                                          .destroy = group_destroy, .state = g});
    group_lay_out(app, g, LINES - 2, COLS, false);
    return s;
}
