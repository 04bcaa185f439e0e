/* The course player: one step at a time (pre-check, pages, module checks,
 * post-check), with module K/L, page N/M and a progress bar. Every page shown
 * is recorded for everyone taking part, with the time spent on it, so a
 * course can be resumed where it stopped. */
#include "training_ui.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_PAGE_SECONDS = 1800 }; /* longer on one page counts as a break */

typedef struct {
    tl_course *course;
    tl_step *steps;
    size_t n_steps, cur;
    int scroll, body_lines;
    bool notes;
    time_t entered;
} course_state;

static const char *const help_text =
    N_("- **Right**, **Space** or **n**: next page or check\n"
       "- **Left** or **p**: previous page\n"
       "- **Down/Up** or **j/k**: scroll the page\n"
       "- **m**: jump to a module\n"
       "- **Enter** on a knowledge check: start it (or take it again)\n"
       "- **t**: show or hide the trainer's notes (group sessions)\n"
       "- **o**: the results so far: pages, time, scores per module\n"
       "- **q** or **Esc**: back; your place is saved as you go\n"
       "- **?**: this help");

/* ---- recording ---- */

static void record_page(tl_app *app, course_state *c, int seconds, bool completed)
{
    tl_step st = c->steps[c->cur];
    const tl_module *m = &c->course->cu->modules[st.module];
    for (size_t i = 0; i < c->course->n; i++) {
        tl_error err;
        if (!ui_ok(app, store_progress_set(app->store, c->course->session, c->course->people[i], m->id,
                                           st.page, (int)m->n_pages, seconds, completed, &err), &err))
            return;
    }
}

static void enter_step(tl_app *app, course_state *c)
{
    c->scroll = 0;
    c->entered = time(NULL);
    if (c->steps[c->cur].kind == TL_STEP_PAGE)
        record_page(app, c, 0, false);
}

/* Adds the time spent on the page; the last page of a module without a
 * check completes the module. */
static void leave_step(tl_app *app, course_state *c, bool forward)
{
    tl_step st = c->steps[c->cur];
    if (st.kind != TL_STEP_PAGE)
        return;
    long spent = (long)(time(NULL) - c->entered);
    const tl_module *m = &c->course->cu->modules[st.module];
    bool last = st.page + 1 == (int)m->n_pages;
    record_page(app, c, spent > MAX_PAGE_SECONDS ? MAX_PAGE_SECONDS : (int)spent,
                forward && last && !m->check.present);
}

static void go_to(tl_app *app, course_state *c, size_t step)
{
    if (step >= c->n_steps || step == c->cur)
        return;
    leave_step(app, c, step > c->cur);
    c->cur = step;
    enter_step(app, c);
}

/* Where the course last was for anyone in it (a group's attendees move
 * together; the first on today's list may have been absent last time). */
static size_t resume_step(tl_app *app, course_state *c)
{
    char module_id[65];
    int page;
    bool found = false;
    tl_error err;
    if (c->course->n == 0 ||
        store_progress_latest(app->store, c->course->session, 0, module_id, &page,
                              &found, &err) != TL_OK || !found)
        return 0;
    for (size_t i = 0; i < c->n_steps; i++) {
        tl_step st = c->steps[i];
        if (st.kind == TL_STEP_PAGE && st.page == page &&
            strcmp(c->course->cu->modules[st.module].id, module_id) == 0)
            return i;
    }
    return 0;
}

/* ---- drawing ---- */

static void draw_progress(int y, int cols, size_t cur, size_t total)
{
    int width = cols - 12;
    if (width < 4)
        return;
    int filled = total ? (int)((cur + 1) * (size_t)width / total) : 0;
    mvaddch(y, 1, '[');
    for (int i = 0; i < width; i++)
        addch(i < filled ? '#' : '.');
    addch(']');
    char pct[8];
    snprintf(pct, sizeof pct, " %3d%%", total ? (int)((cur + 1) * 100 / total) : 0);
    ui_put(y, width + 3, 6, pct, 0);
}

void check_title(const tl_curriculum *cu, tl_step st, const char *lang, char *out, size_t size)
{
    if (st.module < 0)
        snprintf(out, size, "%s", st.phase == TL_PHASE_PRE ? _("Knowledge check before the course")
                                                             : _("Knowledge check after the course"));
    else
        snprintf(out, size, _("Knowledge check: %s"), text_get(&cu->modules[st.module].title, lang));
}

static void draw_check_step(tl_app *app, course_state *c, int rows, int cols)
{
    tl_step st = c->steps[c->cur];
    const tl_curriculum *cu = c->course->cu;
    const tl_check *k = step_check(cu, st);
    char line[512];
    check_title(cu, st, app->lang, line, sizeof line);
    ui_put(4, 2, cols - 4, line, A_BOLD);
    snprintf(line, sizeof line, _n("%zu question, pass mark %d%%.", "%zu questions, pass mark %d%%.", k->n_questions),
             k->n_questions, k->pass_mark);
    ui_put(6, 2, cols - 4, line, 0);
    int y = 8;
    for (size_t i = 0; i < c->course->n && y < rows; i++, y++) {
        bool passed = false, found = false;
        int score = 0, max = 0;
        tl_error err;
        store_check_best(app->store, c->course->session, c->course->people[i], step_check_id(cu, st),
                         st.phase, &passed, &score, &max, &found, &err);
        char who[120];
        ui_fit(who, sizeof who, c->course->labels[i], 28);
        if (found)
            snprintf(line, sizeof line, "%s %d/%d (%d%%) %s", who, score, max, check_percent(score, max),
                     passed ? _("passed") : _("not passed"));
        else
            snprintf(line, sizeof line, _("%s not taken yet"), who);
        ui_put(y, 4, cols - 6, line, 0);
    }
    if (y + 1 < rows)
        ui_put(y + 1, 2, cols - 4, _("Press Enter to start the check, or Right to go on."), A_DIM);
}

static void draw_page_step(tl_app *app, course_state *c, int rows, int cols)
{
    tl_step st = c->steps[c->cur];
    const tl_page *p = &c->course->cu->modules[st.module].pages[st.page];
    ui_put(4, 2, cols - 4, text_get(&p->title, app->lang), A_BOLD);
    int top = 6, bottom = rows;
    const char *notes = c->notes && c->course->group ? text_get(&p->trainer_notes, app->lang) : "";
    if (*notes) {
        int need = ui_markdown(0, 0, cols - 6, 0, 0, notes);
        int room = need + 2 < (rows - top) / 2 ? need + 2 : (rows - top) / 2;
        bottom = rows - room;
        ui_put(bottom, 2, cols - 4, _("Trainer's notes"), A_BOLD | A_UNDERLINE);
        ui_markdown(bottom + 1, 4, cols - 6, room - 1, 0, notes);
        bottom--;
    }
    c->body_lines = ui_markdown(0, 0, cols - 4, 0, 0, text_get(&p->body, app->lang));
    ui_markdown(top, 2, cols - 4, bottom - top, c->scroll, text_get(&p->body, app->lang));
    if (c->body_lines - c->scroll > bottom - top)
        ui_put(bottom, cols - 12, 10, _("more (j)"), A_DIM);
}

static void course_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    course_state *c = s->state;
    const tl_curriculum *cu = c->course->cu;
    tl_step st = c->steps[c->cur];
    ui_put(0, 1, cols - 2, text_get(&cu->h.title, app->lang), A_BOLD);
    char line[512];
    if (st.module >= 0) {
        const tl_module *m = &cu->modules[st.module];
        int len = snprintf(line, sizeof line, _("Module %d/%zu: %s"), st.module + 1, cu->n_modules,
                           text_get(&m->title, app->lang));
        if (st.kind == TL_STEP_PAGE && len > 0 && (size_t)len < sizeof line)
            snprintf(line + len, sizeof line - (size_t)len, _("   Page %d/%zu"), st.page + 1, m->n_pages);
    } else {
        snprintf(line, sizeof line, "%s", st.phase == TL_PHASE_PRE ? _("Before the course") : _("After the course"));
    }
    ui_put(1, 1, cols - 2, line, 0);
    draw_progress(2, cols, c->cur, c->n_steps);
    if (st.kind == TL_STEP_PAGE)
        draw_page_step(app, c, rows, cols);
    else
        draw_check_step(app, c, rows, cols);
}

/* ---- keys ---- */

static void jump_to_module(tl_app *app, course_state *c)
{
    const tl_curriculum *cu = c->course->cu;
    const char **labels = calloc(cu->n_modules, sizeof *labels);
    if (!labels)
        abort();
    for (size_t m = 0; m < cu->n_modules; m++)
        labels[m] = text_get(&cu->modules[m].title, app->lang);
    int current = c->steps[c->cur].module;
    int pick = ui_choose(app, _("Jump to module"), labels, (int)cu->n_modules, current < 0 ? 0 : current);
    free(labels);
    for (size_t i = 0; pick >= 0 && i < c->n_steps; i++)
        if (c->steps[i].kind == TL_STEP_PAGE && c->steps[i].module == pick) {
            go_to(app, c, i);
            return;
        }
}

static tl_key_result course_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    course_state *c = s->state;
    tl_step st = c->steps[c->cur];
    if (key_fn(k, KEY_RIGHT) || key_char(k, ' ') || key_char(k, 'n'))
        go_to(app, c, c->cur + 1);
    else if ((key_fn(k, KEY_LEFT) || key_char(k, 'p')) && c->cur > 0)
        go_to(app, c, c->cur - 1);
    else if (key_down(k) && c->scroll + 1 < c->body_lines)
        c->scroll++;
    else if (key_up(k) && c->scroll > 0)
        c->scroll--;
    else if (key_char(k, 'm'))
        jump_to_module(app, c);
    else if (key_char(k, 't') && c->course->group)
        c->notes = !c->notes;
    else if (key_char(k, '?'))
        ui_help(app, _("Keys of the course"), _(help_text));
    else if (key_char(k, 'o')) {
        *next = results_screen_new(app, c->course);
        return *next ? KEY_PUSH : KEY_STAY;
    }
    else if (key_enter(k) && st.kind == TL_STEP_CHECK) {
        *next = quiz_screen_new(app, c->course, st);
        return *next ? KEY_PUSH : KEY_STAY;
    } else if (key_back(k)) {
        leave_step(app, c, false);
        return KEY_BACK;
    }
    return KEY_STAY;
}

static void course_destroy(tl_screen *s)
{
    course_state *c = s->state;
    course_free(c->course);
    free(c->steps);
    free(c);
    free(s);
}

tl_screen *course_screen_new(tl_app *app, tl_course *course)
{
    tl_screen *s = calloc(1, sizeof *s);
    course_state *c = calloc(1, sizeof *c);
    if (!s || !c)
        abort();
    c->course = course;
    c->n_steps = course_steps(course->cu, NULL);
    c->steps = calloc(c->n_steps ? c->n_steps : 1, sizeof *c->steps);
    if (!c->steps)
        abort();
    course_steps(course->cu, c->steps);
    c->notes = true;
    c->cur = resume_step(app, c);
    enter_step(app, c);
    *s = (tl_screen){.footer = N_("Right next  Left back  j/k scroll  m module  o results  ? help  q leave"),
                     .draw = course_draw, .key = course_key, .destroy = course_destroy, .state = c};
    return s;
}
