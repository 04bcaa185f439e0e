/* A knowledge check for everyone in a course. Self-study: the learner
 * answers and sees the explanation after each question. Group session: the
 * trainer records each attendee's answer (or skips the attendee), then the
 * whole group sees the explanation; or, with `w`, one attendee's whole
 * answer sheet at a time, where any answer already saved can be corrected
 * (also after the results). Every answer is saved as it is given, so a
 * check left half-way resumes with the earlier answers kept. */
#include "training_ui.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* Q_SHEET: a group's answers entered and corrected one attendee's answer
 * sheet at a time (z->person fixed, z->q moves). */
typedef enum { Q_ASK, Q_FEEDBACK, Q_RESULTS, Q_SHEET } quiz_mode;

typedef struct {
    tl_knowledge_check *kc; /* the attempts and answers (core/knowledge_check.c) */
    const tl_course *course; /* kc's, and its step and check: */
    tl_step step;
    const tl_check *k;
    size_t q, person;
    unsigned mask;
    int cursor;
    quiz_mode mode;
    ui_scroll view;     /* the question (or the results) below the header */
    bool follow;        /* keep the cursor's choice, or after an answer the feedback, in sight */
    int answer_line, cursor_top, cursor_end; /* lines of the view, from the last layout */
    int rows;           /* of the last layout */
    char footer[256];   /* the keys that work now (quiz_footer) */
} quiz_state;

static const char *const help_text =
    N_("- **Up/Down** or **j/k**: move between choices; after an answer and on the results, scroll\n"
       "- **PgDn/PgUp**: scroll a page, when the text does not fit (\"more below\")\n"
       "- **Space** or **1-9**: choose (single choice) or tick and untick (several choices)\n"
       "- **Enter**: save the answer; after the explanation, go on\n"
       "- **s**: skip this attendee (group sessions only); on an answer sheet, take the saved answer back\n"
       "- **w**: in a group, enter one attendee's whole answer sheet at a time, or go back to question by "
       "question; on the results, correct an answer already saved\n"
       "- **Left/Right**: on an answer sheet, the previous or next question; **Tab** / **Shift-Tab**: the next "
       "or previous attendee's sheet. The saved answer is shown: choose again and **Enter** corrects it\n"
       "- **r**: on the results, take the check again (not the check before the course)\n"
       "- **q** or **Esc**: leave the check; the answers given so far are kept");

static int64_t answer_of(const quiz_state *z, size_t person, size_t q)
{
    return knowledge_check_chosen(z->kc, person, q);
}

/* ---- starting and resuming ---- */

static void finish(tl_app *app, quiz_state *z);

static void ask(tl_app *app, quiz_state *z, size_t q)
{
    z->q = q;
    z->view.skip = 0;
    z->follow = true;
    if (q >= z->k->n_questions) {
        finish(app, z);
        return;
    }
    z->mode = Q_ASK;
    z->person = knowledge_check_next_person(z->kc, z->q, 0);
    if (z->person == z->course->n) { /* everyone answered before a break */
        z->mode = Q_FEEDBACK;
        return;
    }
    z->mask = 0;
    z->cursor = 0;
}

/* Takes the check again: new attempts for everyone. */
static void retake(tl_app *app, quiz_state *z)
{
    tl_error err;
    if (ui_ok(app, knowledge_check_retake(app->store, z->kc, &err), &err))
        ask(app, z, 0);
}

/* ---- finishing ---- */

static void finish(tl_app *app, quiz_state *z)
{
    z->mode = Q_RESULTS;
    z->view.skip = 0;
    bool completed;
    tl_error err;
    if (ui_ok(app, knowledge_check_finish(app->store, z->kc, &completed, &err), &err) && completed)
        app_status(app, "%s", _("Curriculum completed: every module is passed."));
}

/* ---- answering ---- */

static void toggle(quiz_state *z, int choice)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (choice < 0 || (size_t)choice >= qq->n_choices)
        return;
    z->cursor = choice;
    z->follow = true;
    if (qq->type == TL_Q_SINGLE)
        z->mask = 1u << choice;
    else
        z->mask ^= 1u << choice;
}

static void sheet_next(tl_app *app, quiz_state *z);

static void save_answer(tl_app *app, quiz_state *z, int64_t value)
{
    tl_error err;
    if (!ui_ok(app, knowledge_check_answer(app->store, z->kc, z->person, z->q, value, &err), &err))
        return;
    if (z->mode == Q_SHEET) {
        sheet_next(app, z);
        return;
    }
    z->person = knowledge_check_next_person(z->kc, z->q, z->person + 1);
    z->mask = 0;
    z->cursor = 0;
    z->follow = true;
    if (z->person == z->course->n) {
        z->mode = Q_FEEDBACK;
        z->view.skip = 0;
    }
}

static tl_screen_step ask_key(tl_app *app, quiz_state *z, tl_key k)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (key_up(k) || key_down(k))
        z->follow = true;
    if (key_up(k) && z->cursor > 0)
        z->cursor--;
    else if (key_down(k) && (size_t)z->cursor + 1 < qq->n_choices)
        z->cursor++;
    else if (view_page_key(&z->view, k))
        z->follow = false;
    else if (key_char(k, ' '))
        toggle(z, z->cursor);
    else if (!k.fn && k.ch >= '1' && k.ch <= '9')
        toggle(z, (int)(k.ch - '1'));
    else if (key_enter(k) && z->mask == 0)
        app_status(app, "%s", z->course->group ? _("Choose an answer first (or s to skip).")
                                               : _("Choose an answer first."));
    else if (key_enter(k))
        save_answer(app, z, z->mask);
    else if (key_char(k, 's') && z->course->group)
        save_answer(app, z, TL_KC_SKIPPED);
    return SCREEN_STAY;
}

/* ---- answer sheets: one attendee's answers at a time ---- */

/* Shows question q of person's sheet with the answer saved (if any)
 * chosen, so that Enter keeps it and another choice corrects it. */
static void sheet_show(quiz_state *z, size_t person, size_t q)
{
    z->mode = Q_SHEET;
    z->person = person;
    z->q = q;
    int64_t saved = answer_of(z, person, q);
    z->mask = saved > 0 ? (unsigned)saved : 0;
    z->cursor = 0;
    while (z->mask && !((z->mask >> z->cursor) & 1u))
        z->cursor++;
    z->view.skip = 0;
    z->follow = true;
}

/* After an answer on a sheet: the next question of the same sheet, else the
 * next sheet with a question not answered, else (every sheet complete) the
 * results. */
static void sheet_next(tl_app *app, quiz_state *z)
{
    if (z->q + 1 < z->k->n_questions) {
        sheet_show(z, z->person, z->q + 1);
        return;
    }
    size_t n = z->course->n;
    for (size_t step = 1; step <= n; step++) {
        size_t person = (z->person + step) % n, open = knowledge_check_sheet_open(z->kc, person);
        if (open < z->k->n_questions) {
            sheet_show(z, person, open);
            return;
        }
    }
    finish(app, z);
}

/* w: to the sheets (at the first one not complete, or the first), or back
 * to question by question. */
static void sheet_mode_key(tl_app *app, quiz_state *z)
{
    if (z->mode == Q_SHEET) {
        ask(app, z, knowledge_check_first_open(z->kc));
        return;
    }
    size_t person = 0;
    while (person < z->course->n && knowledge_check_sheet_open(z->kc, person) == z->k->n_questions)
        person++;
    if (person == z->course->n)
        sheet_show(z, 0, 0);
    else
        sheet_show(z, person, knowledge_check_sheet_open(z->kc, person));
}

/* Moving on a sheet without saving: Left/Right the question, Tab and
 * Shift-Tab the attendee. True when the key was one of them. */
static bool sheet_move_key(quiz_state *z, tl_key k)
{
    size_t n = z->course->n, questions = z->k->n_questions;
    if (key_left(k) || key_char(k, 'p'))
        sheet_show(z, z->person, (z->q + questions - 1) % questions);
    else if (key_fn(k, KEY_RIGHT) || key_char(k, 'n'))
        sheet_show(z, z->person, (z->q + 1) % questions);
    else if (key_char(k, '\t'))
        sheet_show(z, (z->person + 1) % n, z->q);
    else if (key_fn(k, KEY_BTAB))
        sheet_show(z, (z->person + n - 1) % n, z->q);
    else
        return false;
    return true;
}

/* ---- drawing ---- */

/* A fixed header (title, question number, whose answer), the question and
 * its choices (with the feedback and explanation after an answer) in a view
 * that scrolls, and in a group the attendees at the bottom. Below
 * ROOMY_ROWS the empty rows of the header are left out. */
enum { ROOMY_ROWS = 20, CHOICE_X = 12 };

typedef struct {
    tl_app *app;
    quiz_state *z;
    int cols;
} layout_ctx;

static void feedback_line(quiz_state *z, char *out, size_t size)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (z->course->group) {
        int right, answered;
        knowledge_check_tally(z->kc, z->q, &answered, &right);
        snprintf(out, size, _("%d of %d answered correctly."), right, answered);
    } else {
        int64_t a = answer_of(z, 0, z->q);
        snprintf(out, size, "%s", a >= 0 && question_correct(qq, (unsigned)a) ? _("Right.") : _("Not quite."));
    }
}

/* One choice: the cursor, its number and mark, the text wrapped beside
 * them and, after the answer, "correct" at the right. */
static void layout_choice(const layout_ctx *c, ui_view *v, size_t i, unsigned mine, bool reveal)
{
    quiz_state *z = c->z;
    const tl_question *qq = &z->k->questions[z->q];
    bool single = qq->type == TL_Q_SINGLE, on = (mine >> i) & 1u, correct = reveal && qq->choices[i].correct;
    const char *label = _("correct");
    int label_w = reveal ? ui_width(label) + 2 : 0;
    int first = view_wrap(v, CHOICE_X, c->cols - CHOICE_X - 2 - label_w,
                          text_get(&qq->choices[i].text, c->app->lang), correct ? A_BOLD : 0);
    if (v->line == first)
        v->line++; /* an empty text still takes its row */
    if ((int)i == z->cursor) {
        z->cursor_top = first;
        z->cursor_end = v->line;
    }
    int y = view_row(v, first);
    if (y < 0)
        return;
    char mark[16];
    snprintf(mark, sizeof mark, single ? "%zu (%s)" : "%zu [%s]", i + 1, on ? (single ? "*" : "x") : " ");
    if (!reveal && (int)i == z->cursor)
        ui_put(y, 2, 2, ">", A_BOLD);
    ui_put(y, 4, CHOICE_X - 5, mark, 0);
    if (correct)
        ui_put(y, c->cols - 2 - ui_width(label), ui_width(label), label, A_BOLD);
}

static void layout_question(ui_view *v, void *ctx)
{
    const layout_ctx *c = ctx;
    quiz_state *z = c->z;
    const tl_question *qq = &z->k->questions[z->q];
    bool reveal = z->mode == Q_FEEDBACK;
    int64_t mine = z->course->group || !reveal ? z->mask : answer_of(z, 0, z->q);
    view_wrap(v, 2, c->cols - 4, text_get(&qq->text, c->app->lang), A_BOLD);
    v->line++;
    z->answer_line = v->line;
    if (reveal) { /* the verdict first, then the choices it is about */
        char line[256];
        feedback_line(z, line, sizeof line);
        view_wrap(v, 2, c->cols - 4, line, A_BOLD);
        v->line++;
    }
    for (size_t i = 0; i < qq->n_choices; i++)
        layout_choice(c, v, i, mine > 0 ? (unsigned)mine : 0, reveal);
    if (reveal) {
        v->line++;
        view_markdown(v, 2, c->cols - 4, text_get(&qq->explanation, c->app->lang));
    }
}

/* Where the view starts when it follows: at the top while the cursor's
 * choice fits there, else just far enough down to show all of it; after an
 * answer, at the verdict (the choices and the explanation below it). */
static void follow(layout_ctx *c, int rows)
{
    quiz_state *z = c->z;
    if (!z->follow)
        return;
    ui_view measure = {0};
    layout_question(&measure, c);
    int room = view_room(measure.line, rows);
    if (z->mode == Q_FEEDBACK) {
        z->view.skip = measure.line > room ? z->answer_line : 0;
        return;
    }
    if (z->cursor_end <= room)
        z->view.skip = 0;
    if (z->view.skip < z->cursor_end - room)
        z->view.skip = z->cursor_end - room;
    if (z->view.skip > z->cursor_top)
        z->view.skip = z->cursor_top;
}

/* The attendees, at most `count` rows of them around the one answering. */
static void draw_people(quiz_state *z, int y, int count, int cols)
{
    size_t n = z->course->n, first = 0;
    if (n > (size_t)count && z->person > (size_t)count / 2)
        first = z->person - (size_t)count / 2;
    if (first + (size_t)count > n)
        first = n - (size_t)count;
    char line[256], who[128], label[160];
    for (size_t i = first; i < n && i < first + (size_t)count; i++, y++) {
        int64_t a = answer_of(z, i, z->q);
        bool current = i == z->person;
        const char *state = a == TL_KC_SKIPPED ? _("skipped") : a >= 0 ? _("answered") : current ? _("answering") : "";
        snprintf(line, sizeof line, "%s %s %s", current ? ">" : " ", ui_fit(who, sizeof who, course_label(z->course, i, label, sizeof label), 30),
                 state);
        ui_put(y, 2, cols - 4, line, current ? A_BOLD : 0);
    }
}

/* Rows for the attendees below the question (0: none shown). */
static int people_rows(const tl_app *app, const quiz_state *z, int rows)
{
    if (!z->course->group || z->mode != Q_ASK || app->presenting)
        return 0;
    int most = rows / 4;
    return z->course->n < (size_t)most ? (int)z->course->n : most;
}

/* The first row below the header (the empty rows only when roomy). */
static int body_top(const quiz_state *z, int rows)
{
    int gap = rows >= ROOMY_ROWS;
    if (z->mode == Q_RESULTS)
        return 3 + gap;
    return 2 + 2 * gap + (z->course->group && (z->mode == Q_ASK || z->mode == Q_SHEET));
}

/* Whose sheet (in the presenter view by number only), and what is saved
 * for this question. */
static void draw_sheet_header(const tl_app *app, const quiz_state *z, int y, int cols)
{
    int64_t saved = answer_of(z, z->person, z->q);
    const char *state = saved > 0 ? _("answer saved") : saved == TL_KC_SKIPPED ? _("skipped") : _("not answered yet");
    char line[512], label[160];
    if (app->presenting)
        snprintf(line, sizeof line, _("Answer sheet %zu of %zu, %s"), z->person + 1, z->course->n, state);
    else
        snprintf(line, sizeof line, _("Answer sheet of: %s (%zu of %zu), %s"),
                 course_label(z->course, z->person, label, sizeof label),
                 z->person + 1, z->course->n, state);
    ui_put(y, 2, cols - 4, line, A_REVERSE);
}

/* The title, and what the screen shows: the question's number and whose
 * answer is recorded, or the results' pass mark. */
static void draw_header(tl_app *app, quiz_state *z, int rows, int cols)
{
    int y = 1 + (rows >= ROOMY_ROWS);
    char line[512], label[160];
    check_title(z->course->cu, z->step, app->lang, line, sizeof line);
    ui_put(0, 1, cols - 2, line, A_BOLD);
    if (z->mode == Q_RESULTS) {
        if (phase_graded(z->step.phase))
            snprintf(line, sizeof line, _("Results (pass mark %d%%)"), z->k->pass_mark);
        else
            snprintf(line, sizeof line, "%s", z->course->group ? _("Results: where the group starts from")
                                                                 : _("Results: where you start from"));
        ui_put(y, 2, cols - 4, line, A_BOLD);
        return;
    }
    const tl_question *qq = &z->k->questions[z->q];
    snprintf(line, sizeof line, _("Question %zu/%zu (%s)"), z->q + 1, z->k->n_questions,
             qq->type == TL_Q_SINGLE ? _("one answer") : _("tick all that apply"));
    ui_put(y++, 2, cols - 4, line, A_DIM);
    if (z->course->group && z->mode == Q_ASK) {
        if (app->presenting) /* whose answer, by number only */
            snprintf(line, sizeof line, _("Recording answer %zu of %zu"), z->person + 1, z->course->n);
        else
            snprintf(line, sizeof line, _("Answer of: %s"), course_label(z->course, z->person, label, sizeof label));
        ui_put(y, 2, cols - 4, line, A_REVERSE);
    } else if (z->mode == Q_SHEET) {
        draw_sheet_header(app, z, y, cols);
    }
}

/* Each person's score; for a learner alone, every question answered wrong
 * with its explanation. */
/* The group's results counted, for the presenter view: no names. */
static void layout_group_results(const layout_ctx *c, ui_view *v)
{
    tl_score_spread spread;
    char line[512];
    knowledge_check_spread(c->z->kc, &spread);
    spread_summary(&spread, c->z->course->n, phase_graded(c->z->step.phase), line, sizeof line);
    view_wrap(v, 4, c->cols - 6, line, 0);
    v->line++;
    view_spread_bars(v, 4, c->cols - 6, &spread);
}

static void layout_results(ui_view *v, void *ctx)
{
    const layout_ctx *c = ctx;
    quiz_state *z = c->z;
    char line[512], who[128], label[160];
    int max = (int)z->k->n_questions;
    bool graded = phase_graded(z->step.phase);
    if (z->course->group && c->app->presenting) {
        layout_group_results(c, v);
        return;
    }
    for (size_t i = 0; i < z->course->n; i++) {
        int answered, score = knowledge_check_score(z->kc, i, &answered);
        ui_fit(who, sizeof who, course_label(z->course, i, label, sizeof label), 30);
        if (answered == 0)
            snprintf(line, sizeof line, "%s %s", who, _("skipped"));
        else if (!graded) /* the check before the course: where one starts from */
            snprintf(line, sizeof line, "%s %d/%d (%d%%)", who, score, max, check_percent(score, max));
        else
            snprintf(line, sizeof line, "%s %d/%d (%d%%)  %s", who, score, max, check_percent(score, max),
                     knowledge_check_passed(z->kc, i) ? _("PASSED") : _("not passed"));
        view_put(v, 4, c->cols - 6, line, 0);
    }
    if (z->course->group)
        return;
    for (size_t q = 0; q < z->k->n_questions; q++) {
        int64_t a = answer_of(z, 0, q);
        const tl_question *qq = &z->k->questions[q];
        if (a >= 0 && question_correct(qq, (unsigned)a))
            continue;
        snprintf(line, sizeof line, "%zu. %s", q + 1, text_get(&qq->text, c->app->lang));
        v->line++;
        view_wrap(v, 2, c->cols - 4, line, A_BOLD);
        view_markdown(v, 4, c->cols - 6, text_get(&qq->explanation, c->app->lang));
    }
}

/* The keys that work now, shortened or fewer when the screen is narrow. */
static void quiz_footer(quiz_state *z, int cols)
{
    ui_key_hint h[12]; /* the most: the keys on an answer sheet */
    size_t n = 0;
    bool scrolls = view_scrolls(&z->view);
    if (z->mode == Q_ASK || z->mode == Q_SHEET) {
        h[n++] = (ui_key_hint){N_("Space/1-9 choose"), N_("1-9 choose"), 9};
        h[n++] = (ui_key_hint){N_("Enter save"), NULL, 9};
        if (z->course->group)
            h[n++] = (ui_key_hint){N_("s skip"), NULL, 7};
        if (z->mode == Q_SHEET) {
            h[n++] = (ui_key_hint){N_("Left/Right question"), N_("</> question"), 5};
            h[n++] = (ui_key_hint){N_("Tab attendee"), NULL, 5};
        }
        if (z->course->group)
            h[n++] = z->mode == Q_SHEET ? (ui_key_hint){N_("w by question"), NULL, 6}
                                        : (ui_key_hint){N_("w answer sheets"), N_("w sheets"), 4};
        /* On a sheet the keys that move between questions and attendees matter more. */
        h[n++] = (ui_key_hint){N_("j/k move"), NULL, z->mode == Q_SHEET ? 3 : 5};
        if (scrolls)
            h[n++] = (ui_key_hint){N_("PgDn/PgUp scroll"), N_("PgDn more"), 4};
    } else if (z->mode == Q_FEEDBACK) {
        h[n++] = z->q + 1 < z->k->n_questions ? (ui_key_hint){N_("Enter next question"), N_("Enter next"), 9}
                                              : (ui_key_hint){N_("Enter results"), NULL, 9};
        if (scrolls)
            h[n++] = (ui_key_hint){N_("j/k/PgDn scroll"), N_("j/k scroll"), 7};
    } else {
        if (phase_graded(z->step.phase))
            h[n++] = (ui_key_hint){N_("r retake"), NULL, 7};
        if (z->course->group)
            h[n++] = (ui_key_hint){N_("w correct answers"), N_("w correct"), 5};
        if (scrolls)
            h[n++] = (ui_key_hint){N_("j/k/PgDn scroll"), N_("j/k scroll"), 8};
    }
    h[n++] = z->mode == Q_RESULTS ? (ui_key_hint){N_("Enter/q back"), N_("q back"), 6}
                                  : (ui_key_hint){N_("q leave"), NULL, 6};
    h[n++] = (ui_key_hint){N_("? help"), NULL, 10};
    ui_footer(z->footer, sizeof z->footer, cols - 2, h, n);
}

/* Lays the screen out for rows x cols: where the view starts, what it
 * holds and the footer; paints it when paint is set. The app reads the
 * footer before it draws, so a key lays the new state out at once. */
static void quiz_lay_out(tl_app *app, quiz_state *z, int rows, int cols, bool paint)
{
    layout_ctx c = {app, z, cols};
    ui_layout_fn layout = z->mode == Q_RESULTS ? layout_results : layout_question;
    int top = body_top(z, rows), people = people_rows(app, z, rows);
    int bottom = people ? rows - people - 1 : rows;
    z->rows = rows;
    if (z->mode != Q_RESULTS)
        follow(&c, bottom - top);
    view_measure(&z->view, bottom - top, layout, &c);
    quiz_footer(z, cols);
    if (!paint)
        return;
    draw_header(app, z, rows, cols);
    view_draw(&z->view, top, bottom - top, 0, cols, layout, &c);
    if (people)
        draw_people(z, rows - people, people, cols);
}

static void quiz_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    quiz_lay_out(app, s->state, rows, cols, true);
}

static tl_screen_step quiz_handle(tl_app *app, quiz_state *z, tl_key k)
{
    if (key_char(k, '?'))
        ui_help(app, _("Keys of the knowledge check"), _(help_text));
    else if (key_back(k))
        return z->mode == Q_RESULTS || ui_confirm(app, _("Leave the check? The answers given so far are kept."))
                   ? SCREEN_BACK : SCREEN_STAY;
    else if (z->course->group && key_char(k, 'w') && z->mode != Q_FEEDBACK)
        sheet_mode_key(app, z);
    else if (z->mode == Q_SHEET && sheet_move_key(z, k))
        ;
    else if (z->mode == Q_ASK || z->mode == Q_SHEET)
        return ask_key(app, z, k);
    else if (z->mode == Q_FEEDBACK && key_enter(k))
        ask(app, z, z->q + 1);
    else if (view_scroll_key(&z->view, k))
        z->follow = false;
    else if (z->mode == Q_RESULTS && key_char(k, 'r') && phase_graded(z->step.phase))
        retake(app, z);
    else if (z->mode == Q_RESULTS && key_enter(k))
        return SCREEN_BACK;
    return SCREEN_STAY;
}

static tl_screen_step quiz_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    quiz_state *z = s->state;
    tl_screen_step r = quiz_handle(app, z, k);
    quiz_lay_out(app, z, z->rows, COLS, false);
    return r;
}

static void quiz_destroy(tl_screen *s)
{
    quiz_state *z = s->state;
    knowledge_check_free(z->kc);
    free(z);
    free(s);
}

tl_screen *quiz_screen_new(tl_app *app, const tl_course *course, tl_step step)
{
    if (course->n == 0) {
        app_status(app, "%s", _("Add attendees first: nobody to record answers for."));
        return NULL;
    }
    tl_knowledge_check *kc;
    tl_error err;
    if (!ui_ok(app, knowledge_check_start(app->store, course, step, &kc, &err), &err))
        return NULL;
    quiz_state *z = calloc(1, sizeof *z);
    if (!z)
        abort();
    *z = (quiz_state){.kc = kc, .course = course, .step = step, .k = kc->k};
    tl_screen *s = screen_new((tl_screen){.footer = z->footer, .draw = quiz_draw, .key = quiz_key,
                                          .destroy = quiz_destroy, .state = z});
    ask(app, z, knowledge_check_first_open(kc));
    quiz_lay_out(app, z, LINES - 2, COLS, false); /* the footer of the first frame */
    return s;
}
