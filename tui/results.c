/* The results of a course for its first learner (self-study) or for each
 * attendee (group): per module the pages seen, time spent, the best check
 * score and whether it passed; the scores before and after the course. */
#include "training_ui.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>

typedef struct {
    const tl_course *course;
    size_t person;
} results_state;

static void check_line(tl_app *app, const results_state *r, const char *check_id, tl_phase phase,
                       char *out, size_t size)
{
    bool passed = false, found = false;
    int score = 0, max = 0;
    tl_error err;
    store_check_best(app->store, r->course->session, r->course->people[r->person], check_id, phase,
                     &passed, &score, &max, &found, &err);
    if (found)
        snprintf(out, size, "%d/%d (%d%%) %s", score, max, check_percent(score, max),
                 passed ? _("passed") : _("not passed"));
    else
        snprintf(out, size, "%s", _("not taken"));
}

static int module_line(tl_app *app, const results_state *r, size_t m, int y, int cols)
{
    const tl_module *mod = &r->course->cu->modules[m];
    int seen, seconds;
    bool completed;
    tl_error err;
    store_module_progress(app->store, r->course->session, r->course->people[r->person], mod->id, &seen,
                          &seconds, &completed, &err);
    char check[64], title[100], check_col[100], line[512];
    snprintf(check, sizeof check, "%s", _("no check"));
    if (mod->check.present)
        check_line(app, r, mod->id, TL_PHASE_MODULE, check, sizeof check);
    snprintf(line, sizeof line, _("%s %2d/%-2zu pages %3d min %s %s"),
             ui_fit(title, sizeof title, text_get(&mod->title, app->lang), 22), seen, mod->n_pages,
             (seconds + 59) / 60, ui_fit(check_col, sizeof check_col, check, 21),
             completed ? _("completed") : "");
    ui_put(y, 2, cols - 4, line, completed ? 0 : A_DIM);
    return 1;
}

static void results_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    results_state *r = s->state;
    const tl_curriculum *cu = r->course->cu;
    char line[512];
    snprintf(line, sizeof line, _("Results: %s"), text_get(&cu->h.title, app->lang));
    ui_put(0, 1, cols - 2, line, A_BOLD);
    snprintf(line, sizeof line, _("%s  (%zu/%zu; Tab for the next person)"), r->course->labels[r->person],
             r->person + 1, r->course->n);
    ui_put(1, 1, cols - 2, line, 0);
    int y = 3;
    for (size_t m = 0; m < cu->n_modules && y < rows - 3; m++)
        y += module_line(app, r, m, y, cols);
    if (!cu->pre_post.present || y + 2 >= rows)
        return;
    char before[64], after[64];
    check_line(app, r, TL_PRE_POST_CHECK_ID, TL_PHASE_PRE, before, sizeof before);
    check_line(app, r, TL_PRE_POST_CHECK_ID, TL_PHASE_POST, after, sizeof after);
    snprintf(line, sizeof line, _("Before the course: %s    After: %s"), before, after);
    ui_put(y + 1, 2, cols - 4, line, A_BOLD);
}

static tl_key_result results_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)app, (void)next;
    results_state *r = s->state;
    if (key_char(k, '\t') || key_down(k))
        r->person = (r->person + 1) % r->course->n;
    else if (key_up(k))
        r->person = (r->person + r->course->n - 1) % r->course->n;
    else if (key_back(k) || key_enter(k))
        return KEY_BACK;
    return KEY_STAY;
}

static void results_destroy(tl_screen *s)
{
    free(s->state);
    free(s);
}

tl_screen *results_screen_new(tl_app *app, const tl_course *course)
{
    if (course->n == 0) {
        app_status(app, "%s", _("Nobody takes part yet."));
        return NULL;
    }
    tl_screen *s = calloc(1, sizeof *s);
    results_state *r = calloc(1, sizeof *r);
    if (!s || !r)
        abort();
    r->course = course;
    *s = (tl_screen){.footer = N_("Tab next person  q back"), .draw = results_draw, .key = results_key,
                     .destroy = results_destroy, .state = r};
    return s;
}
