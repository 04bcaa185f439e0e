/* A knowledge check for everyone in a course. Self-study: the learner
 * answers and sees the explanation after each question. Group session: the
 * trainer records each attendee's answer (or skips the attendee), then the
 * whole group sees the explanation. Every answer is saved as it is given, so
 * a check left half-way resumes with the earlier answers kept. */
#include "training_ui.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

enum { UNANSWERED = -1, SKIPPED = -2 };
typedef enum { Q_ASK, Q_FEEDBACK, Q_RESULTS } quiz_mode;

typedef struct {
    const tl_course *course;
    tl_step step;
    const tl_check *k;
    const char *check_id;
    tl_id *attempts;  /* per person */
    int64_t *chosen;  /* [person * questions + q]: a bit mask, UNANSWERED or SKIPPED */
    size_t q, person;
    unsigned mask;
    int cursor, scroll;
    quiz_mode mode;
} quiz_state;

static const char *const help_text =
    N_("- **Up/Down** or **j/k**: move between choices\n"
       "- **Space** or **1-9**: choose (single choice) or tick and untick (several choices)\n"
       "- **Enter**: save the answer; after the explanation, go on\n"
       "- **s**: skip this attendee (group sessions)\n"
       "- **r**: on the results, take the check again\n"
       "- **q** or **Esc**: leave the check; the answers given so far are kept");

static int64_t *answer_of(quiz_state *z, size_t person, size_t q)
{
    return &z->chosen[person * z->k->n_questions + q];
}

/* ---- starting and resuming ---- */

static bool open_attempt(tl_app *app, quiz_state *z, size_t i, bool fresh)
{
    tl_error err;
    tl_id person = z->course->people[i];
    tl_status st = fresh ? TL_OK
                         : store_attempt_open(app->store, z->course->session, person, z->check_id,
                                              z->step.phase, &z->attempts[i], &err);
    if (st == TL_OK && (fresh || !z->attempts[i]))
        st = store_attempt_start(app->store, z->course->session, person, z->check_id, z->step.phase,
                                 &z->attempts[i], &err);
    if (st == TL_OK && !fresh)
        st = store_attempt_answers(app->store, z->attempts[i], z->k, answer_of(z, i, 0), &err);
    else
        for (size_t q = 0; q < z->k->n_questions; q++)
            *answer_of(z, i, q) = UNANSWERED;
    return ui_ok(app, st, &err);
}

/* The first question somebody has not answered yet (or n when none). */
static size_t first_open_question(quiz_state *z)
{
    for (size_t q = 0; q < z->k->n_questions; q++)
        for (size_t i = 0; i < z->course->n; i++)
            if (*answer_of(z, i, q) == UNANSWERED)
                return q;
    return z->k->n_questions;
}

static size_t next_open_person(quiz_state *z, size_t from)
{
    for (size_t i = from; i < z->course->n; i++)
        if (*answer_of(z, i, z->q) == UNANSWERED)
            return i;
    return z->course->n;
}

static void finish(tl_app *app, quiz_state *z);

static void ask(tl_app *app, quiz_state *z, size_t q)
{
    z->q = q;
    z->scroll = 0;
    if (q >= z->k->n_questions) {
        finish(app, z);
        return;
    }
    z->mode = Q_ASK;
    z->person = next_open_person(z, 0);
    if (z->person == z->course->n) { /* everyone answered before a break */
        z->mode = Q_FEEDBACK;
        return;
    }
    z->mask = 0;
    z->cursor = 0;
}

static bool start(tl_app *app, quiz_state *z, bool fresh)
{
    for (size_t i = 0; i < z->course->n; i++)
        if (!open_attempt(app, z, i, fresh))
            return false;
    ask(app, z, first_open_question(z));
    return true;
}

/* ---- finishing ---- */

static void complete_module(tl_app *app, quiz_state *z, size_t i)
{
    const tl_module *m = &z->course->cu->modules[z->step.module];
    tl_error err;
    ui_ok(app, store_progress_set(app->store, z->course->session, z->course->people[i], m->id,
                                  (int)m->n_pages - 1, (int)m->n_pages, 0, true, &err), &err);
}

static void check_self_study_done(tl_app *app, quiz_state *z)
{
    int done = 0;
    tl_error err;
    if (z->course->group || store_modules_completed(app->store, z->course->session, z->course->people[0],
                                                    &done, &err) != TL_OK)
        return;
    if (done >= (int)z->course->cu->n_modules &&
        ui_ok(app, store_session_complete(app->store, z->course->session, &err), &err))
        app_status(app, "%s", _("Curriculum completed: every module is passed."));
}

static int score_of(quiz_state *z, size_t i, int *answered)
{
    int score = 0;
    *answered = 0;
    for (size_t q = 0; q < z->k->n_questions; q++) {
        int64_t a = *answer_of(z, i, q);
        if (a < 0)
            continue;
        (*answered)++;
        score += question_correct(&z->k->questions[q], (unsigned)a);
    }
    return score;
}

static void finish(tl_app *app, quiz_state *z)
{
    z->mode = Q_RESULTS;
    z->scroll = 0;
    int max = (int)z->k->n_questions;
    for (size_t i = 0; i < z->course->n; i++) {
        int answered, score = score_of(z, i, &answered);
        if (answered == 0)
            continue; /* skipped throughout: no result for this attendee */
        bool passed = check_passes(z->k, score, max);
        tl_error err;
        if (!ui_ok(app, store_attempt_finish(app->store, z->attempts[i], score, max, passed, &err), &err))
            return;
        if (passed && z->step.phase == TL_PHASE_MODULE)
            complete_module(app, z, i);
    }
    check_self_study_done(app, z);
}

/* ---- answering ---- */

static void toggle(quiz_state *z, int choice)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (choice < 0 || (size_t)choice >= qq->n_choices)
        return;
    z->cursor = choice;
    if (qq->type == TL_Q_SINGLE)
        z->mask = 1u << choice;
    else
        z->mask ^= 1u << choice;
}

static void save_answer(tl_app *app, quiz_state *z, int64_t value)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (value >= 0) {
        tl_error err;
        if (!ui_ok(app, store_answer_record(app->store, z->attempts[z->person], qq->id, (unsigned)value,
                                            question_correct(qq, (unsigned)value), &err), &err))
            return;
    }
    *answer_of(z, z->person, z->q) = value;
    z->person = next_open_person(z, z->person + 1);
    z->mask = 0;
    z->cursor = 0;
    if (z->person == z->course->n)
        z->mode = Q_FEEDBACK;
}

static tl_key_result ask_key(tl_app *app, quiz_state *z, tl_key k)
{
    const tl_question *qq = &z->k->questions[z->q];
    if (key_up(k) && z->cursor > 0)
        z->cursor--;
    else if (key_down(k) && (size_t)z->cursor + 1 < qq->n_choices)
        z->cursor++;
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
        save_answer(app, z, SKIPPED);
    return KEY_STAY;
}

/* ---- drawing ---- */

static void draw_choices(tl_app *app, quiz_state *z, int y, int rows, int cols, bool reveal)
{
    const tl_question *qq = &z->k->questions[z->q];
    bool single = qq->type == TL_Q_SINGLE;
    unsigned mine = z->course->group || !reveal ? z->mask : (unsigned)*answer_of(z, 0, z->q);
    for (size_t i = 0; i < qq->n_choices && y < rows; i++) {
        bool on = (mine >> i) & 1u;
        char mark[16];
        snprintf(mark, sizeof mark, single ? "%zu (%s)" : "%zu [%s]", i + 1, on ? (single ? "*" : "x") : " ");
        if (!reveal && (int)i == z->cursor)
            ui_put(y, 2, 2, ">", A_BOLD);
        ui_put(y, 4, 8, mark, 0);
        int attr = reveal && qq->choices[i].correct ? A_BOLD : 0;
        int used = ui_wrap(y, 12, cols - 26, rows - y, text_get(&qq->choices[i].text, app->lang), attr);
        if (reveal && qq->choices[i].correct)
            ui_put(y, cols - 12, 10, _("correct"), A_BOLD);
        y += used > 0 ? used : 1;
    }
}

static void draw_people(quiz_state *z, int y, int rows, int cols)
{
    char line[256];
    for (size_t i = 0; i < z->course->n && y < rows; i++, y++) {
        int64_t a = *answer_of(z, i, z->q);
        const char *state = a == SKIPPED ? _("skipped") : a >= 0 ? _("answered") : i == z->person ? _("answering") : "";
        char who[128];
        snprintf(line, sizeof line, "%s %s %s", i == z->person && z->mode == Q_ASK ? ">" : " ",
                 ui_fit(who, sizeof who, z->course->labels[i], 30), state);
        ui_put(y, 2, cols - 4, line, i == z->person && z->mode == Q_ASK ? A_BOLD : 0);
    }
}

static void draw_feedback(tl_app *app, quiz_state *z, int y, int rows, int cols)
{
    const tl_question *qq = &z->k->questions[z->q];
    char line[256];
    if (z->course->group) {
        int right = 0, answered = 0;
        for (size_t i = 0; i < z->course->n; i++) {
            int64_t a = *answer_of(z, i, z->q);
            answered += a >= 0;
            right += a >= 0 && question_correct(qq, (unsigned)a);
        }
        snprintf(line, sizeof line, _("%d of %d answered correctly."), right, answered);
    } else {
        int64_t a = *answer_of(z, 0, z->q);
        snprintf(line, sizeof line, "%s", a >= 0 && question_correct(qq, (unsigned)a) ? _("Right.") : _("Not quite."));
    }
    ui_put(y++, 2, cols - 4, line, A_BOLD);
    ui_markdown(y + 1, 2, cols - 4, rows - y - 1, z->scroll, text_get(&qq->explanation, app->lang));
}

static void draw_question(tl_app *app, quiz_state *z, int rows, int cols)
{
    const tl_question *qq = &z->k->questions[z->q];
    char line[256];
    snprintf(line, sizeof line, _("Question %zu/%zu (%s)"), z->q + 1, z->k->n_questions,
             qq->type == TL_Q_SINGLE ? _("one answer") : _("tick all that apply"));
    ui_put(2, 2, cols - 4, line, A_DIM);
    int y = 3 + ui_wrap(3, 2, cols - 4, 4, text_get(&qq->text, app->lang), A_BOLD) + 1;
    if (z->course->group && z->mode == Q_ASK) {
        snprintf(line, sizeof line, _("Answer of: %s"), z->course->labels[z->person]);
        ui_put(y++, 2, cols - 4, line, A_REVERSE);
    }
    int choices_end = z->mode == Q_ASK ? rows - (z->course->group ? (int)z->course->n + 1 : 0) : y + 8;
    draw_choices(app, z, y, choices_end, cols, z->mode == Q_FEEDBACK);
    if (z->mode == Q_FEEDBACK)
        draw_feedback(app, z, y + (int)qq->n_choices + 1, rows, cols);
    else if (z->course->group)
        draw_people(z, rows - (int)z->course->n, rows, cols);
}

static void draw_results(tl_app *app, quiz_state *z, int rows, int cols)
{
    char line[512];
    int max = (int)z->k->n_questions, y = 3;
    snprintf(line, sizeof line, _("Results (pass mark %d%%)"), z->k->pass_mark);
    ui_put(2, 2, cols - 4, line, A_BOLD);
    for (size_t i = 0; i < z->course->n && y < rows; i++) {
        int answered, score = score_of(z, i, &answered);
        char who[128];
        ui_fit(who, sizeof who, z->course->labels[i], 30);
        if (answered == 0)
            snprintf(line, sizeof line, "%s %s", who, _("skipped"));
        else
            snprintf(line, sizeof line, "%s %d/%d (%d%%)  %s", who, score, max, check_percent(score, max),
                     check_passes(z->k, score, max) ? _("PASSED") : _("not passed"));
        ui_put(y++, 4, cols - 6, line, 0);
    }
    if (z->course->group)
        return;
    y++;
    for (size_t q = 0; q < z->k->n_questions && y < rows; q++) {
        int64_t a = *answer_of(z, 0, q);
        const tl_question *qq = &z->k->questions[q];
        if (a >= 0 && question_correct(qq, (unsigned)a))
            continue;
        y += ui_wrap(y, 2, cols - 4, rows - y, text_get(&qq->text, app->lang), A_BOLD);
        y += ui_markdown(y, 4, cols - 6, rows - y, 0, text_get(&qq->explanation, app->lang));
    }
}

static void quiz_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    quiz_state *z = s->state;
    char title[512];
    check_title(z->course->cu, z->step, app->lang, title, sizeof title);
    ui_put(0, 1, cols - 2, title, A_BOLD);
    if (z->mode == Q_RESULTS)
        draw_results(app, z, rows, cols);
    else
        draw_question(app, z, rows, cols);
}

static tl_key_result quiz_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    quiz_state *z = s->state;
    if (key_char(k, '?'))
        ui_help(app, _("Keys of the knowledge check"), _(help_text));
    else if (key_back(k))
        return z->mode == Q_RESULTS || ui_confirm(app, _("Leave the check? The answers given so far are kept."))
                   ? KEY_BACK : KEY_STAY;
    else if (z->mode == Q_ASK)
        return ask_key(app, z, k);
    else if (z->mode == Q_FEEDBACK && key_enter(k))
        ask(app, z, z->q + 1);
    else if (z->mode == Q_FEEDBACK && key_down(k))
        z->scroll++;
    else if (z->mode == Q_FEEDBACK && key_up(k) && z->scroll > 0)
        z->scroll--;
    else if (z->mode == Q_RESULTS && key_char(k, 'r'))
        start(app, z, true);
    else if (z->mode == Q_RESULTS && key_enter(k))
        return KEY_BACK;
    return KEY_STAY;
}

static void quiz_destroy(tl_screen *s)
{
    quiz_state *z = s->state;
    free(z->attempts);
    free(z->chosen);
    free(z);
    free(s);
}

tl_screen *quiz_screen_new(tl_app *app, const tl_course *course, tl_step step)
{
    if (course->n == 0) {
        app_status(app, "%s", _("Add attendees first: nobody to record answers for."));
        return NULL;
    }
    tl_screen *s = calloc(1, sizeof *s);
    quiz_state *z = calloc(1, sizeof *z);
    if (!s || !z)
        abort();
    z->course = course;
    z->step = step;
    z->k = step_check(course->cu, step);
    z->check_id = step_check_id(course->cu, step);
    z->attempts = calloc(course->n, sizeof *z->attempts);
    z->chosen = calloc(course->n * z->k->n_questions, sizeof *z->chosen);
    if (!z->attempts || !z->chosen)
        abort();
    *s = (tl_screen){.footer = N_("Space/1-9 choose  Enter save/next  s skip  r retake  ? help  q leave"),
                     .draw = quiz_draw, .key = quiz_key, .destroy = quiz_destroy, .state = z};
    if (!start(app, z, false)) {
        quiz_destroy(s);
        return NULL;
    }
    return s;
}
