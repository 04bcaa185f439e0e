/* The run screen: one indicator at a time (its section, weight, question and
 * answer), the guidance on request, and the live assessment, which is the
 * same text as the case summary's assessment part. Each answer and note is
 * saved the moment it is given. */
#include "checklist.h"

#include "i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

enum { WIDE_COLS = 110, ROOMY_ROWS = 20 };

typedef struct {
    tl_checklist_run *r;
    size_t cur;       /* the indicator shown */
    bool guidance;    /* the guidance instead of (or, when wide, beside) the assessment */
    ui_scroll panel, guidance_view; /* where each is scrolled to */
} run_state;

/* The first four, in answer order, are the ones shown. */
static const struct {
    char key;
    tl_answer answer;
} answer_keys[] = {
    {'y', TL_A_YES}, {'n', TL_A_NO}, {'u', TL_A_UNKNOWN}, {'x', TL_A_NOT_ASKED},
    {'1', TL_A_YES}, {'2', TL_A_NO}, {'3', TL_A_UNKNOWN}, {'4', TL_A_NOT_ASKED},
};

/* ---- drawing ---- */

static int draw_heading(int y, int x, int width, const char *title)
{
    move(y, x);
    hline(ACS_HLINE, width);
    ui_put(y, x + 2, width - 4, title, A_BOLD);
    return y + 1;
}

static int draw_answers(const run_state *st, const tl_app *app, int y, int cols)
{
    const tl_checklist_run *r = st->r;
    tl_answer cur = r->answers[st->cur];
    char line[512];
    snprintf(line, sizeof line, _("Answer: %s"), assess_answer_label(r->cl, cur, app->lang));
    ui_put(y++, 2, cols - 4, line, cur == TL_A_NONE ? A_DIM : A_BOLD);
    int x = 2;
    for (int a = TL_A_YES; a < TL_A_COUNT; a++) {
        snprintf(line, sizeof line, "%c %s", answer_keys[a - 1].key,
                 assess_answer_label(r->cl, (tl_answer)a, app->lang));
        x += ui_put(y, x, cols - x - 1, line, a == (int)cur ? A_REVERSE : 0) + 3;
    }
    y++;
    const char *note = r->notes[st->cur];
    if (note) {
        /* Up to three rows; a longer note says where the rest is rather
         * than stop mid-word (a phone number cut short is a wrong one). */
        snprintf(line, sizeof line, _("Note: %s"), note);
        bool fits = ui_wrap_rows(cols - 4, 4, line) <= 3;
        y += ui_wrap(y, 2, cols - 4, fits ? 3 : 2, line, 0);
        if (!fits)
            ui_put(y++, 2, cols - 4, _("... the whole note: e"), A_DIM);
    } else {
        ui_put(y++, 2, cols - 4, _("No note (e adds one)"), A_DIM);
    }
    return y;
}

/* "Case: REF   answered N of M   section S of T"; a long reference is
 * shortened (with an ellipsis) so that the progress stays on screen. */
static void draw_case_line(const tl_checklist_run *r, const tl_indicator *ind, int cols)
{
    /* TRANSLATORS: %s is the case reference, then counts. */
    const char *fmt = _("Case: %s   answered %d of %zu   section %zu of %zu");
    int answered = (int)checklist_run_answered(r);
    char line[512], ref[4 * 128 + 4];
    snprintf(ref, sizeof ref, "%s", r->info.case_ref[0] ? r->info.case_ref : _("(no reference)"));
    snprintf(line, sizeof line, fmt, "", answered, r->cl->n_indicators, ind->section + 1, r->cl->n_sections);
    int room = cols - 2 - ui_width(line);
    if (room > 8 && ui_width(ref) > room) {
        char cut[sizeof ref];
        ui_fit(cut, sizeof cut, ref, room - 1);
        size_t n = strlen(cut);
        if (n + 4 <= sizeof ref) {
            memcpy(ref, cut, n);
            memcpy(ref + n, "\xe2\x80\xa6", 4); /* U+2026 and the NUL */
        }
    }
    snprintf(line, sizeof line, fmt, ref, answered, r->cl->n_indicators, ind->section + 1, r->cl->n_sections);
    ui_put(1, 1, cols - 2, line, A_DIM);
}

/* The checklist, case and progress, the section and the indicator; returns
 * the first free row. Below ROOMY_ROWS the empty rows are left out, so the
 * assessment keeps some room. */
static int draw_indicator(const run_state *st, const tl_app *app, int rows, int cols)
{
    const tl_checklist_run *r = st->r;
    const tl_indicator *ind = &r->cl->indicators[st->cur];
    const tl_section *sec = &r->cl->sections[ind->section];
    int gap = rows >= ROOMY_ROWS;
    char line[512];
    ui_put(0, 1, cols - 2, text_get(&r->cl->h.title, app->lang), A_BOLD);
    draw_case_line(r, ind, cols);
    int y = 2 + gap;
    snprintf(line, sizeof line, "%s  (%s)", text_get(&sec->title, app->lang),
             sec->context                       ? _("context, never counted as a sign")
             : r->assessment.sections[ind->section].present ? _("counts as present")
                                                : _("not present"));
    ui_put(y++, 1, cols - 2, line, A_BOLD);
    snprintf(line, sizeof line, _("Indicator %zu of %zu in this section, weight: %s"),
             st->cur - sec->first + 1, sec->n_indicators, assess_weight_label(ind));
    ui_put(y++, 1, cols - 2, line, A_DIM);
    y += gap;
    y += ui_wrap(y, 2, cols - 4, 3 + gap, text_get(&ind->question, app->lang), 0) + gap;
    return draw_answers(st, app, y, cols) + gap;
}

/* The last row of a panel, when more of its text is below: its room is
 * then one row less. */
/* A panel's text and where it goes, for the scrolled views' layouts. */
typedef struct {
    const char *text;
    int x, width;
} panel_text;

static void layout_guidance(ui_view *v, void *ctx)
{
    const panel_text *p = ctx;
    view_markdown(v, p->x + 1, p->width - 2, p->text);
}

static void draw_guidance(run_state *st, const tl_app *app, int y, int x, int rows, int width)
{
    if (y + 1 >= rows)
        return;
    panel_text p = {text_get(&st->r->cl->indicators[st->cur].guidance, app->lang), x, width};
    y = draw_heading(y, x, width, _("Guidance (g hides)"));
    view_show(&st->guidance_view, y, rows - y, x, width, layout_guidance, &p);
}

void check_view_lines(ui_view *v, int x, int cols, const char *text, bool bold_title)
{
    bool title = bold_title;
    for (const char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        char row[1024];
        snprintf(row, sizeof row, "%.*s", (int)(nl - line), line);
        title = title && row[0];
        view_put(v, x, cols, row, title ? A_BOLD : 0);
    }
}

static void layout_assessment(ui_view *v, void *ctx)
{
    const panel_text *p = ctx;
    check_view_lines(v, p->x + 1, p->width - 2, p->text, true);
}

static void draw_panel(run_state *st, const tl_app *app, int y, int x, int rows, int width)
{
    if (y + 1 >= rows)
        return;
    y = draw_heading(y, x, width, _("Assessment, live: an aid, never proof (PgDn/PgUp)"));
    tl_summary sum = checklist_run_summary(st->r, false, app->lang, width - 2);
    char *text = summary_text(&sum, true);
    panel_text p = {text, x, width};
    view_show(&st->panel, y, rows - y, x, width, layout_assessment, &p);
    free(text);
}

static void run_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    run_state *st = s->state;
    bool wide = cols >= WIDE_COLS;
    int left = wide ? cols * 11 / 20 : cols;
    int y = draw_indicator(st, app, rows, left);
    if (wide) {
        if (st->guidance)
            draw_guidance(st, app, y, 0, rows, left - 1);
        for (int r = 0; r < rows; r++)
            mvaddch(r, left, ACS_VLINE);
        draw_panel(st, app, 0, left + 1, rows, cols - left - 1);
    } else if (st->guidance) {
        draw_guidance(st, app, y, 0, rows, cols);
    } else {
        draw_panel(st, app, y, 0, rows, cols);
    }
}

/* ---- keys ---- */

static void go_to(run_state *st, size_t indicator)
{
    if (indicator >= st->r->cl->n_indicators || indicator == st->cur)
        return;
    st->cur = indicator;
    st->guidance_view.skip = 0;
}

static void next_section(run_state *st, int dir)
{
    const tl_checklist *cl = st->r->cl;
    size_t sec = cl->indicators[st->cur].section;
    size_t to = dir > 0 ? (sec + 1) % cl->n_sections : (sec + cl->n_sections - 1) % cl->n_sections;
    go_to(st, cl->sections[to].first);
}

static void answer(run_state *st, tl_app *app, tl_answer a)
{
    tl_checklist_run *r = st->r;
    tl_error err;
    if (!ui_ok(app, checklist_run_answer(app->store, r, st->cur, a, &err), &err))
        return;
    if (r->assessment.totals.n[TL_A_NONE] == 0)
        app_status(app, _("All %zu indicators answered. s shows the case summary."), r->cl->n_indicators);
    go_to(st, st->cur + 1);
}

static void edit_note(run_state *st, tl_app *app)
{
    tl_checklist_run *r = st->r;
    if (r->answers[st->cur] == TL_A_NONE) {
        app_status(app, "%s", _("Answer first: a note is kept with its answer."));
        return;
    }
    char note[1024];
    snprintf(note, sizeof note, "%s", r->notes[st->cur] ? r->notes[st->cur] : "");
    tl_error err;
    if (check_prompt_text(app, _("Note (no personal data):"), _("The note"), note, sizeof note) &&
        ui_ok(app, checklist_run_note(app->store, r, st->cur, note, &err), &err))
        app_status(app, "%s", note[0] ? _("Note saved.") : _("Note removed."));
}

static bool answer_key(run_state *st, tl_app *app, tl_key k)
{
    for (size_t i = 0; i < sizeof answer_keys / sizeof answer_keys[0]; i++)
        if (key_char(k, (wint_t)answer_keys[i].key)) {
            answer(st, app, answer_keys[i].answer);
            return true;
        }
    return false;
}

/* PgDn / PgUp (and Space, a page on) scroll the panel that is shown. */
static void scroll_key(run_state *st, tl_key k)
{
    ui_scroll *sc = st->guidance ? &st->guidance_view : &st->panel;
    view_page_key(sc, key_char(k, ' ') ? (tl_key){KEY_NPAGE, true} : k);
}

static tl_screen_step run_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    run_state *st = s->state;
    if (answer_key(st, app, k))
        return SCREEN_STAY;
    if (key_down(k))
        go_to(st, st->cur + 1);
    else if (key_up(k) && st->cur > 0)
        go_to(st, st->cur - 1);
    else if (key_char(k, '\t'))
        next_section(st, 1);
    else if (key_fn(k, KEY_BTAB))
        next_section(st, -1);
    else if (key_char(k, 'e'))
        edit_note(st, app);
    else if (key_char(k, 'g'))
        st->guidance = !st->guidance;
    else if (key_char(k, 's'))
        *next = check_summary_screen_new(app, st->r);
    else if (key_char(k, '?'))
        check_help(app);
    else if (key_back(k))
        return SCREEN_BACK;
    else
        scroll_key(st, k);
    return *next ? SCREEN_PUSH : SCREEN_STAY;
}

static void run_destroy(tl_screen *s)
{
    run_state *st = s->state;
    checklist_run_free(st->r);
    free(st);
    free(s);
}

/* Opens at the first indicator not answered yet, or the first one. */
tl_screen *check_run_screen_new(tl_app *app, tl_checklist_run *r)
{
    (void)app;
    run_state *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    st->r = r;
    st->cur = checklist_run_resume_at(r);
    tl_screen *s = screen_new((tl_screen){.footer = N_("y/n/u/x answer  j/k move  e note  g guidance  s summary  ? help  q back"),
                                          .draw = run_draw, .key = run_key, .destroy = run_destroy,
                                          .state = st});
    return s;
}
