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

typedef struct {
    tl_course_place place; /* the course, its steps and the one shown */
    int scroll, body_lines;
    bool notes, page_scrolls;
    int rows;          /* of the last layout */
    char footer[256];  /* the keys that work on this step (course_footer) */
} course_state;

static const char *const help_text =
    N_("- **Right**, **Space** or **n**: next page or check; on the last step, the end of the course\n"
       "- **Left** or **p**: previous page\n"
       "- **Down/Up** or **j/k**: scroll the page\n"
       "- **m**: jump to a module\n"
       "- **Enter** on a knowledge check: start it (or take it again)\n"
       "- **t**: show or hide the trainer's notes (group sessions)\n"
       "- **o**: the results so far: pages, time, scores per module\n"
       "- **q** or **Esc**: back; your place is saved as you go\n"
       "- **?**: this help");

/* ---- moving ---- */

static void go_to(tl_app *app, course_state *c, size_t step)
{
    if (step >= c->place.n_steps || step == c->place.cur)
        return;
    tl_error err;
    ui_ok(app, course_go_to(app->store, &c->place, step, time(NULL), &err), &err);
    c->scroll = 0;
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
    tl_step st = c->place.steps[c->place.cur];
    const tl_curriculum *cu = c->place.course->cu;
    const tl_check *k = step_check(cu, st);
    char line[512];
    check_title(cu, st, app->lang, line, sizeof line);
    ui_put(4, 2, cols - 4, line, A_BOLD);
    snprintf(line, sizeof line, _n("%zu question, pass mark %d%%.", "%zu questions, pass mark %d%%.", k->n_questions),
             k->n_questions, k->pass_mark);
    ui_put(6, 2, cols - 4, line, 0);
    int y = 8, who_w = 0;
    for (size_t i = 0; i < c->place.course->n; i++) /* the names' column: as wide as they need, up to 28 */
        who_w = ui_width(c->place.course->labels[i]) > who_w ? ui_width(c->place.course->labels[i]) : who_w;
    who_w = who_w < 28 ? who_w : 28;
    /* The line on how to go on must stay in sight: a long roll call gives
     * way, and says how many it leaves out. */
    int room = rows - y - 3;
    size_t shown = c->place.course->n;
    if (room > 0 && shown > (size_t)room)
        shown = (size_t)room - 1;
    for (size_t i = 0; i < shown && y < rows; i++, y++) {
        char who[120], state[128];
        tl_check_standing standing;
        tl_error err;
        if (course_check_standing(app->store, c->place.course, i, st, &standing, &err) == TL_OK)
            check_standing_text(&standing, k->n_questions, state, sizeof state);
        else
            snprintf(state, sizeof state, "?");
        snprintf(line, sizeof line, "%s  %s", ui_fit(who, sizeof who, c->place.course->labels[i], who_w), state);
        ui_put(y, 4, cols - 6, line, 0);
    }
    if (shown < c->place.course->n && y < rows) {
        snprintf(line, sizeof line, _n("... and %zu more", "... and %zu more", c->place.course->n - shown),
                 c->place.course->n - shown);
        ui_put(y++, 4, cols - 6, line, A_DIM);
    }
    bool last = c->place.cur + 1 == c->place.n_steps;
    if (y + 1 < rows)
        ui_wrap(y + 1, 2, cols - 4, rows - y - 1,
                last ? _("Press Enter to start the check. It is the last step of the course.")
                     : _("Press Enter to start the check, or Right to go on."), A_DIM);
}

enum { PAGE_TOP = 6 };

static const tl_page *step_page(const course_state *c)
{
    tl_step st = c->place.steps[c->place.cur];
    return &c->place.course->cu->modules[st.module].pages[st.page];
}

/* The trainer's notes when they are shown, else "". */
static const char *shown_notes(const tl_app *app, const course_state *c)
{
    return c->notes && c->place.course->group ? text_get(&step_page(c)->trainer_notes, app->lang) : "";
}

/* The rows the notes take at the bottom (0 when none are shown). */
static int notes_room(const char *notes, int rows, int cols)
{
    if (!*notes)
        return 0;
    int need = ui_markdown(0, 0, cols - 6, 0, 0, notes);
    return need + 2 < (rows - PAGE_TOP) / 2 ? need + 2 : (rows - PAGE_TOP) / 2;
}

/* The last row of the page's text, and the lines it takes (c->body_lines,
 * c->page_scrolls). */
static int measure_page(const tl_app *app, course_state *c, int rows, int cols)
{
    int room = notes_room(shown_notes(app, c), rows, cols);
    int bottom = room ? rows - room - 1 : rows;
    c->body_lines = ui_markdown(0, 0, cols - 4, 0, 0, text_get(&step_page(c)->body, app->lang));
    c->page_scrolls = c->body_lines > bottom - PAGE_TOP;
    return bottom;
}

static void draw_page_step(tl_app *app, course_state *c, int rows, int cols)
{
    const tl_page *p = step_page(c);
    ui_put(4, 2, cols - 4, text_get(&p->title, app->lang), A_BOLD);
    const char *notes = shown_notes(app, c);
    int room = notes_room(notes, rows, cols), bottom = measure_page(app, c, rows, cols);
    if (room) {
        ui_put(rows - room, 2, cols - 4, _("Trainer's notes"), A_BOLD | A_UNDERLINE);
        ui_markdown(rows - room + 1, 4, cols - 6, room - 1, 0, notes);
    }
    ui_markdown(PAGE_TOP, 2, cols - 4, bottom - PAGE_TOP, c->scroll, text_get(&p->body, app->lang));
    if (c->body_lines - c->scroll > bottom - PAGE_TOP)
        ui_put(bottom, cols - 12, 10, _("more (j)"), A_DIM);
}

/* The keys that work on this step, shortened or fewer when narrow, for
 * rows x cols. The app reads the footer before it draws, so it is set
 * after each key too. */
static void course_footer(course_state *c, const tl_app *app, int rows, int cols)
{
    tl_step st = c->place.steps[c->place.cur];
    bool page = st.kind == TL_STEP_PAGE;
    ui_key_hint h[10];
    size_t n = 0;
    if (!page)
        h[n++] = (ui_key_hint){N_("Enter start the check"), N_("Enter check"), 9};
    h[n++] = c->place.cur + 1 < c->place.n_steps ? (ui_key_hint){N_("Right next"), NULL, 9}
                                     : (ui_key_hint){N_("Right end"), NULL, 8};
    if (c->place.cur > 0)
        h[n++] = (ui_key_hint){N_("Left back"), NULL, 6};
    c->rows = rows;
    if (page)
        measure_page(app, c, rows, cols);
    if (page && c->page_scrolls)
        h[n++] = (ui_key_hint){N_("j/k scroll"), NULL, 7};
    if (page && c->place.course->group && *text_get(&step_page(c)->trainer_notes, app->lang))
        h[n++] = (ui_key_hint){N_("t notes"), NULL, 3};
    h[n++] = (ui_key_hint){N_("m module"), NULL, 4};
    h[n++] = (ui_key_hint){N_("o results"), NULL, 5};
    h[n++] = (ui_key_hint){N_("q leave"), NULL, 7};
    h[n++] = (ui_key_hint){N_("? help"), NULL, 10};
    ui_footer(c->footer, sizeof c->footer, cols - 2, h, n);
}

static void course_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    course_state *c = s->state;
    const tl_curriculum *cu = c->place.course->cu;
    tl_step st = c->place.steps[c->place.cur];
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
    draw_progress(2, cols, c->place.cur, c->place.n_steps);
    if (st.kind == TL_STEP_PAGE)
        draw_page_step(app, c, rows, cols);
    else
        draw_check_step(app, c, rows, cols);
    course_footer(c, app, rows, cols);
}

/* ---- the end ---- */

/* Right on the last step: the course ends here; says so, and what is left. */
static void end_of_course(tl_app *app, course_state *c)
{
    const tl_course *course = c->place.course;
    if (course->group) {
        app_status(app, "%s", _("End of the course. q goes back to the session, where c closes it."));
        return;
    }
    int done = 0;
    bool completed = false;
    tl_error err;
    if (!ui_ok(app, course_completion(app->store, course, &done, &completed, &err), &err))
        return; /* recording the completion failed: that message stays */
    if (completed)
        app_status(app, "%s", _("End of the course: every module is completed, and so is your self-study. q leaves."));
    else
        app_status(app,
                   _n("End of the course: %d of %zu module completed. m goes to a module, q leaves.",
                      "End of the course: %d of %zu modules completed. m goes to a module, q leaves.",
                      course->cu->n_modules),
                   done, course->cu->n_modules);
}

/* ---- keys ---- */

static void jump_to_module(tl_app *app, course_state *c)
{
    const tl_curriculum *cu = c->place.course->cu;
    const char **labels = calloc(cu->n_modules, sizeof *labels);
    if (!labels)
        abort();
    for (size_t m = 0; m < cu->n_modules; m++)
        labels[m] = text_get(&cu->modules[m].title, app->lang);
    int current = c->place.steps[c->place.cur].module;
    int pick = ui_choose(app, _("Jump to module"), labels, (int)cu->n_modules, current < 0 ? 0 : current);
    free(labels);
    for (size_t i = 0; pick >= 0 && i < c->place.n_steps; i++)
        if (c->place.steps[i].kind == TL_STEP_PAGE && c->place.steps[i].module == pick) {
            go_to(app, c, i);
            return;
        }
}

static tl_screen_step course_handle(tl_app *app, course_state *c, tl_key k, tl_screen **next)
{
    tl_step st = c->place.steps[c->place.cur];
    bool forward = key_fn(k, KEY_RIGHT) || key_char(k, ' ') || key_char(k, 'n');
    if (forward && c->place.cur + 1 == c->place.n_steps)
        end_of_course(app, c);
    else if (forward)
        go_to(app, c, c->place.cur + 1);
    else if ((key_fn(k, KEY_LEFT) || key_char(k, 'p')) && c->place.cur > 0)
        go_to(app, c, c->place.cur - 1);
    else if (key_down(k) && c->scroll + 1 < c->body_lines)
        c->scroll++;
    else if (key_up(k) && c->scroll > 0)
        c->scroll--;
    else if (key_char(k, 'm'))
        jump_to_module(app, c);
    else if (key_char(k, 't') && c->place.course->group)
        c->notes = !c->notes;
    else if (key_char(k, '?'))
        ui_help(app, _("Keys of the course"), _(help_text));
    else if (key_char(k, 'o')) {
        *next = results_screen_new(app, c->place.course);
        return *next ? SCREEN_PUSH : SCREEN_STAY;
    }
    else if (key_enter(k) && st.kind == TL_STEP_CHECK) {
        *next = quiz_screen_new(app, c->place.course, st);
        return *next ? SCREEN_PUSH : SCREEN_STAY;
    } else if (key_back(k)) {
        tl_error err;
        ui_ok(app, course_leave(app->store, &c->place, time(NULL), &err), &err);
        return SCREEN_BACK;
    }
    return SCREEN_STAY;
}

static tl_screen_step course_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    course_state *c = s->state;
    tl_screen_step r = course_handle(app, c, k, next);
    course_footer(c, app, c->rows, COLS);
    return r;
}

static void course_destroy(tl_screen *s)
{
    course_state *c = s->state;
    course_place_free(&c->place);
    free(c);
    free(s);
}

tl_screen *course_screen_new(tl_app *app, tl_course *course)
{
    course_state *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->notes = true;
    tl_error err;
    ui_ok(app, course_place_open(app->store, course, time(NULL), &c->place, &err), &err);
    tl_screen *s = screen_new((tl_screen){.footer = c->footer, .draw = course_draw, .key = course_key,
                                          .destroy = course_destroy, .state = c});
    course_footer(c, app, LINES - 2, COLS); /* the footer of the first frame */
    return s;
}
