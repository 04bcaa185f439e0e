/* The course player: one step at a time (pre-check, pages, module checks,
 * post-check), with module K/L, page N/M and a progress bar. Every page shown
 * is recorded for everyone taking part, with the time spent on it, so a
 * course can be resumed where it stopped. */
#include "training_ui.h"

#include "i18n.h"
#include "keymap.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    tl_course_place place; /* the course, its steps and the one shown */
    int scroll, body_lines;
    bool notes, page_scrolls;
    /* on a check step, read when it is shown (load_check): */
    tl_check_standing *standings; /* one per person */
    tl_score_spread spread;       /* the same, counted */
    tl_app *app;                  /* for the keys that work (course_key_works) */
} course_state;

enum {
    COURSE_CHECK_START, COURSE_CHECK_CONTINUE, COURSE_NEXT, COURSE_END, COURSE_BACK, COURSE_DOWN, COURSE_UP,
    COURSE_NOTES, COURSE_PRESENT, COURSE_TRAINER_VIEW, COURSE_MODULE, COURSE_RESULTS, COURSE_LEAVE
};

static bool key_next(tl_key k)
{
    return key_fn(k, KEY_RIGHT) || key_char(k, ' ') || key_char(k, 'n');
}

static bool key_previous(tl_key k)
{
    return key_fn(k, KEY_LEFT) || key_char(k, 'p');
}

/* The keys; the footer names those that work on the step shown
 * (course_key_works). Notes and the presenter view keep their place in the
 * footer at every width: the trainer must know how to hide the notes. */
static const ui_keymap_entry course_keys[] = {
    {0, key_enter, COURSE_CHECK_START, N_("Enter start the check"), 8,
     N_("**Enter** on a knowledge check: start it, continue it when it is begun, or take it again (not the "
        "check before the course)")},
    {0, key_enter, COURSE_CHECK_CONTINUE, N_("Enter continue the check"), 8, NULL},
    {0, key_next, COURSE_NEXT, N_("Right next"), 8,
     N_("**Right**, **Space** or **n**: next page or check; on the last step, the end of the course")},
    {0, key_next, COURSE_END, N_("Right end"), 8, NULL},
    {0, key_previous, COURSE_BACK, N_("Left back"), 5, N_("**Left** or **p**: previous page")},
    {0, key_down, COURSE_DOWN, N_("j/k scroll"), 4, N_("**Down/Up** or **j/k**: scroll the page")},
    {0, key_up, COURSE_UP, NULL, 0, NULL},
    {'t', NULL, COURSE_NOTES, N_("t notes"), 7,
     N_("**t**: show or hide the trainer's notes (group sessions, the trainer's view only)")},
    {'v', NULL, COURSE_PRESENT, N_("v presenter view"), 7,
     N_("**v**: the presenter view, for a projector: the page and its progress only, no trainer's notes, "
        "no names with answers or scores (a group's results as counts); **v** again: the trainer's view")},
    {'v', NULL, COURSE_TRAINER_VIEW, N_("v trainer's view"), 7, NULL},
    {'m', NULL, COURSE_MODULE, N_("m module"), 2, N_("**m**: jump to a module")},
    {'o', NULL, COURSE_RESULTS, N_("o results"), 3,
     N_("**o**: the results so far: pages, time, scores per module (in the presenter view: the group's, "
        "counted)")},
    {0, key_back, COURSE_LEAVE, N_("q leave"), 6, N_("**q** or **Esc**: back; your place is saved as you go")},
    UI_KEYMAP_HELP,
};
static const ui_keymap course_keymap = {N_("Keys of the course"), course_keys,
                                        sizeof course_keys / sizeof course_keys[0]};

/* ---- moving ---- */

/* On a check step: where everyone stands with it, read once for drawing
 * and for the keys that work. */
static void load_check(tl_app *app, course_state *c)
{
    tl_step st = c->place.steps[c->place.cur];
    c->spread = (tl_score_spread){0};
    if (st.kind != TL_STEP_CHECK)
        return;
    for (size_t i = 0; i < c->place.course->n; i++) {
        tl_error err;
        tl_check_standing *one = &c->standings[i];
        if (!ui_ok(app, course_check_standing(app->store, c->place.course, i, st, one, &err), &err))
            *one = (tl_check_standing){0};
        score_spread_add(&c->spread, one);
    }
}

static void course_load(tl_screen *s, tl_app *app)
{
    load_check(app, s->state);
}

static void go_to(tl_app *app, course_state *c, size_t step)
{
    if (step >= c->place.n_steps || step == c->place.cur)
        return;
    tl_error err;
    ui_ok(app, course_go_to(app->store, &c->place, step, time(NULL), &err), &err);
    c->scroll = 0;
    load_check(app, c);
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

/* The roll call of a check step: each person with where they stand, as
 * many as leave the line on how to go on in sight; returns the next row. */
static int draw_check_roll_call(const course_state *c, int y, int rows, int cols, bool graded)
{
    const tl_course *course = c->place.course;
    const tl_check *k = step_check(course->cu, c->place.steps[c->place.cur]);
    int who_w = 0;
    char label[160];
    for (size_t i = 0; i < course->n; i++) { /* the names' column: as wide as they need, up to 28 */
        int w = ui_width(course_label(course, i, label, sizeof label));
        who_w = w > who_w ? w : who_w;
    }
    who_w = who_w < 28 ? who_w : 28;
    /* The line on how to go on must stay in sight: a long roll call gives
     * way, and says how many it leaves out. */
    int room = rows - y - 3;
    size_t shown = course->n;
    if (room > 0 && shown > (size_t)room)
        shown = (size_t)room - 1;
    char line[512];
    for (size_t i = 0; i < shown && y < rows; i++, y++) {
        char who[120], state[128];
        check_standing_text(&c->standings[i], k->n_questions, graded, state, sizeof state);
        snprintf(line, sizeof line, "%s  %s",
                 ui_fit(who, sizeof who, course_label(course, i, label, sizeof label), who_w), state);
        ui_put(y, 4, cols - 6, line, 0);
    }
    if (shown < course->n && y < rows) {
        snprintf(line, sizeof line, _n("... and %zu more", "... and %zu more", course->n - shown), course->n - shown);
        ui_put(y++, 4, cols - 6, line, A_DIM);
    }
    return y;
}

/* Whether anyone has begun the check shown without finishing it. */
static bool check_begun(const course_state *c)
{
    return c->spread.begun > 0;
}

/* A check that cannot be taken again (the one before the course) and that
 * everyone has taken. */
static bool check_closed(const course_state *c)
{
    tl_step st = c->place.steps[c->place.cur];
    return !phase_graded(st.phase) && c->spread.begun == 0 && (size_t)c->spread.finished == c->place.course->n;
}

static void draw_check_step(tl_app *app, course_state *c, int rows, int cols)
{
    tl_step st = c->place.steps[c->place.cur];
    const tl_curriculum *cu = c->place.course->cu;
    const tl_check *k = step_check(cu, st);
    bool graded = phase_graded(st.phase);
    char line[512];
    check_title(cu, st, app->lang, line, sizeof line);
    ui_put(4, 2, cols - 4, line, A_BOLD);
    if (graded)
        snprintf(line, sizeof line, _n("%zu question, pass mark %d%%.", "%zu questions, pass mark %d%%.",
                                       k->n_questions), k->n_questions, k->pass_mark);
    else if (c->place.course->group) /* where the group starts from: nobody passes or fails it */
        snprintf(line, sizeof line, _n("%zu question, to see where the group starts from.",
                                       "%zu questions, to see where the group starts from.", k->n_questions),
                 k->n_questions);
    else
        snprintf(line, sizeof line, _n("%zu question, to see where you start from.",
                                       "%zu questions, to see where you start from.", k->n_questions),
                 k->n_questions);
    ui_put(6, 2, cols - 4, line, 0);
    int y = 8;
    if (app->presenting) { /* counted, never named */
        spread_summary(&c->spread, c->place.course->n, graded, line, sizeof line);
        ui_put(y++, 4, cols - 6, line, 0);
        if (c->spread.finished > 0) {
            spread_bands(&c->spread, line, sizeof line);
            ui_put(y++, 4, cols - 6, line, 0);
        }
    } else {
        y = draw_check_roll_call(c, y, rows, cols, graded);
    }
    bool last = c->place.cur + 1 == c->place.n_steps;
    const char *how = check_closed(c) ? (last ? _("Everyone has taken this check. It is the last step of the course.")
                                              : _("Everyone has taken this check. Right goes on."))
                      : check_begun(c) ? (last ? _("Press Enter to continue the check. It is the last step of the course.")
                                               : _("Press Enter to continue the check, or Right to go on."))
                                       : (last ? _("Press Enter to start the check. It is the last step of the course.")
                                               : _("Press Enter to start the check, or Right to go on."));
    if (y + 1 < rows)
        ui_wrap(y + 1, 2, cols - 4, rows - y - 1, how, A_DIM);
}

enum { PAGE_TOP = 6 };

static const tl_page *step_page(const course_state *c)
{
    tl_step st = c->place.steps[c->place.cur];
    return &c->place.course->cu->modules[st.module].pages[st.page];
}

/* The page's trainer's notes, "" when it has none (or is no group's). */
static const char *page_notes(const tl_app *app, const course_state *c)
{
    return c->place.course->group ? text_get(&step_page(c)->trainer_notes, app->lang) : "";
}

/* The trainer's notes when they are shown, else "": never in the presenter
 * view. */
static const char *shown_notes(const tl_app *app, const course_state *c)
{
    return c->notes && !app->presenting ? page_notes(app, c) : "";
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

/* Whether an action works on the step shown (the footer names only those). */
static bool course_key_works(const tl_screen *s, int action)
{
    const course_state *c = s->state;
    const tl_app *app = c->app;
    tl_step st = c->place.steps[c->place.cur];
    bool page = st.kind == TL_STEP_PAGE, last = c->place.cur + 1 == c->place.n_steps;
    bool check_open = !page && !check_closed(c);
    switch (action) {
    case COURSE_CHECK_START:
        return check_open && !check_begun(c);
    case COURSE_CHECK_CONTINUE:
        return check_open && check_begun(c);
    case COURSE_NEXT:
        return !last;
    case COURSE_END:
        return last;
    case COURSE_BACK:
        return c->place.cur > 0;
    case COURSE_DOWN:
    case COURSE_UP:
        return page && c->page_scrolls;
    case COURSE_NOTES:
        return page && !app->presenting && *page_notes(app, c);
    case COURSE_PRESENT:
        return c->place.course->group && !app->presenting;
    case COURSE_TRAINER_VIEW:
        return c->place.course->group && app->presenting;
    default:
        return true;
    }
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
    if (app->presenting) /* the trainer sees which view the room sees */
        ui_put(0, cols - 1 - ui_width(_("Presenter view")), ui_width(_("Presenter view")), _("Presenter view"),
               A_REVERSE);
    if (st.kind == TL_STEP_PAGE)
        draw_page_step(app, c, rows, cols);
    else
        draw_check_step(app, c, rows, cols);
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

/* v: the presenter view for the whole program, or back to the trainer's. */
static void switch_view(tl_app *app, bool presenting)
{
    app->presenting = presenting;
    app_status(app, "%s", presenting ? _("Presenter view: only what the group may see. v: the trainer's view.")
                                     : _("The trainer's view: notes and names are shown again."));
}

static tl_screen_step course_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    course_state *c = s->state;
    tl_step st = c->place.steps[c->place.cur];
    tl_error err;
    switch (keymap_action_now(&course_keymap, s, k)) {
    case COURSE_END:
        end_of_course(app, c);
        break;
    case COURSE_NEXT:
        go_to(app, c, c->place.cur + 1);
        break;
    case COURSE_BACK:
        go_to(app, c, c->place.cur - 1);
        break;
    case COURSE_DOWN:
        c->scroll += c->scroll + 1 < c->body_lines;
        break;
    case COURSE_UP:
        c->scroll -= c->scroll > 0;
        break;
    case COURSE_MODULE:
        jump_to_module(app, c);
        break;
    case COURSE_NOTES:
        c->notes = !c->notes;
        break;
    case COURSE_PRESENT:
    case COURSE_TRAINER_VIEW:
        switch_view(app, !app->presenting);
        break;
    case COURSE_RESULTS:
        *next = app->presenting && c->place.course->group ? group_results_screen_new(app, c->place.course)
                                                          : results_screen_new(app, c->place.course);
        return *next ? SCREEN_PUSH : SCREEN_STAY;
    case COURSE_CHECK_START:
    case COURSE_CHECK_CONTINUE:
        *next = quiz_screen_new(app, c->place.course, st);
        return *next ? SCREEN_PUSH : SCREEN_STAY;
    case COURSE_LEAVE:
        ui_ok(app, course_leave(app->store, &c->place, time(NULL), &err), &err);
        return SCREEN_BACK;
    }
    return SCREEN_STAY;
}

static void course_destroy(tl_screen *s)
{
    course_state *c = s->state;
    course_place_free(&c->place);
    free(c->standings);
    free(c);
    free(s);
}

tl_screen *course_screen_new(tl_app *app, tl_course *course)
{
    course_state *c = calloc(1, sizeof *c);
    if (!c || !(c->standings = calloc(course->n ? course->n : 1, sizeof *c->standings)))
        abort();
    c->notes = true;
    c->app = app;
    tl_error err;
    ui_ok(app, course_place_open(app->store, course, time(NULL), &c->place, &err), &err);
    load_check(app, c);
    return screen_new((tl_screen){.keys = &course_keymap, .key_works = course_key_works, .load = course_load,
                                  .draw = course_draw, .key = course_key, .destroy = course_destroy, .state = c});
}
