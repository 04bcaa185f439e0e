/* The run screen: one indicator at a time (its section, weight, question and
 * answer), the guidance on request, and the live assessment, which is the
 * same text as the case summary's assessment part. Each answer and note is
 * saved the moment it is given. */
#include "checklist.h"

#include "i18n.h"
#include "keymap.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

enum { WIDE_COLS = 110, ROOMY_PANEL = 6 };

typedef struct {
    tl_checklist_run *r;
    size_t cur;       /* the indicator shown */
    bool guidance;    /* the guidance instead of (or, when wide, beside) the assessment */
    ui_scroll panel, guidance_view; /* where each is scrolled to */
} run_state;

/* The answers come first, numbered as tl_answer. */
enum {
    RUN_NEXT = TL_A_COUNT, RUN_PREV, RUN_NEXT_SECTION, RUN_PREV_SECTION, RUN_NOTE, RUN_CASE_NOTE, RUN_GUIDANCE,
    RUN_SUMMARY, RUN_BACK
};

static bool arrow_down(tl_key k) { return key_fn(k, KEY_DOWN); }
static bool arrow_up(tl_key k) { return key_fn(k, KEY_UP); }
static bool back_tab(tl_key k) { return key_fn(k, KEY_BTAB); }

/* In Swedish j answers "ja" (y too, as in English) and v "vet inte"; j and
 * k cannot then move, so f (framåt) and b (bakåt) do, and the arrows in
 * both languages (docs/checklist.md). The first key of an answer in the
 * language in use is the one shown beside it. */
static const ui_keymap_entry run_keys[] = {
    {KEY_SV('j'), NULL, TL_A_YES, N_("j/n/v/x answer"), 9,
     N_("**j** (ja) or **y**: yes, **n** (nej): no, **v** (vet inte) or **u**: don't know, **x**: not asked or "
        "observed (or **1**-**4**); the answer is saved at once and the next indicator is shown")},
    {KEY_EN('y'), NULL, TL_A_YES, N_("y/n/u/x answer"), 9,
     N_("**y** yes, **n** no, **u** don't know, **x** not asked or observed (or **1**-**4**); the answer is saved "
        "at once and the next indicator is shown")},
    {KEY_SV('y'), NULL, TL_A_YES, NULL, 0, NULL},
    {'n', NULL, TL_A_NO, NULL, 0, NULL},
    {KEY_SV('v'), NULL, TL_A_UNKNOWN, NULL, 0, NULL},
    {'u', NULL, TL_A_UNKNOWN, NULL, 0, NULL},
    {'x', NULL, TL_A_NOT_ASKED, NULL, 0, NULL},
    {'1', NULL, TL_A_YES, NULL, 0, NULL},
    {'2', NULL, TL_A_NO, NULL, 0, NULL},
    {'3', NULL, TL_A_UNKNOWN, NULL, 0, NULL},
    {'4', NULL, TL_A_NOT_ASKED, NULL, 0, NULL},
    {KEY_EN('j'), NULL, RUN_NEXT, N_("j/k move"), 7, N_("**j/k** or **Down/Up**: next or previous indicator")},
    {KEY_EN('k'), NULL, RUN_PREV, NULL, 0, NULL},
    {KEY_SV('f'), NULL, RUN_NEXT, N_("f/b move"), 7,
     N_("**f/b** (framåt/bakåt) or **Down/Up**: next or previous indicator (**j** answers yes)")},
    {KEY_SV('b'), NULL, RUN_PREV, NULL, 0, NULL},
    {0, arrow_down, RUN_NEXT, NULL, 0, NULL},
    {0, arrow_up, RUN_PREV, NULL, 0, NULL},
    {'\t', NULL, RUN_NEXT_SECTION, NULL, 0, N_("**Tab** / **Shift-Tab**: next or previous section")},
    {0, back_tab, RUN_PREV_SECTION, NULL, 0, NULL},
    {'e', NULL, RUN_NOTE, N_("e note"), 6,
     N_("**e**: a note on the indicator, also before it is answered (never names or personal numbers); an empty "
        "note removes it")},
    {'c', NULL, RUN_CASE_NOTE, N_("c case note"), 3,
     N_("**c**: a note on the whole case, in the case summary with the notes (never names or personal numbers)")},
    {'g', NULL, RUN_GUIDANCE, N_("g guidance"), 5, N_("**g**: show or hide the guidance for the indicator")},
    {0, NULL, 0, NULL, 0,
     N_("**PgDn/PgUp** or **Space**: scroll the assessment (or the guidance); its outcome, and in acute danger "
        "what to do first, stay at its top")},
    {'s', NULL, RUN_SUMMARY, N_("s summary"), 4,
     N_("**s**: the case summary; there **w** writes it to a file, **o** shows the notes, **f** marks the run "
        "finished")},
    UI_KEYMAP_HELP,
    {0, key_back, RUN_BACK, N_("q back"), 8, N_("**q** or **Esc**: back; every answer is already saved")},
    {0, NULL, 0, NULL, 0,
     N_("Only **yes** counts towards the assessment. **Don't know** and **not asked** are gaps, never counted as "
        "yes. The assessment is an aid to your overall assessment, never proof.")},
};
static const ui_keymap run_keymap = {N_("Keys of the checklist run"), run_keys, sizeof run_keys / sizeof run_keys[0]};

/* ---- drawing ---- */

static int draw_heading(int y, int x, int width, const char *title)
{
    move(y, x);
    hline(ACS_HLINE, width);
    ui_put(y, x + 2, width - 4, title, A_BOLD);
    return y + 1;
}

/* What the indicator part shows in the rows it has: the case line, the
 * section, the question and the answers always; then, as room allows, the
 * position in the section, the checklist's title, the note and the empty
 * rows between. The assessment's head gets its rows first. */
typedef struct {
    int question;           /* rows of the question */
    int note;               /* rows of the note (0: left out) */
    bool position, title, gaps;
} indicator_layout;

static const char *note_line(const run_state *st, char *line, size_t size)
{
    const char *note = st->r->notes[st->cur];
    if (note)
        snprintf(line, size, _("Note: %s"), note);
    else
        snprintf(line, size, "%s", _("No note (e adds one)"));
    return line;
}

/* Up to three rows; a longer note says where the rest is rather than stop
 * mid-word (a phone number cut short is a wrong one). */
static int note_rows(const run_state *st, int cols)
{
    char line[1200];
    int rows = ui_wrap_rows(cols - 4, 4, note_line(st, line, sizeof line));
    return rows <= 3 ? rows : 3;
}

static indicator_layout plan_indicator(const run_state *st, const tl_app *app, int limit, int cols)
{
    indicator_layout l = {0};
    const tl_indicator *ind = &st->r->cl->indicators[st->cur];
    int question = ui_wrap_rows(cols - 4, 3, text_get(&ind->question, app->lang));
    int room = limit - 4; /* the case line, the section, the answer, the answer keys */
    l.question = question < room ? question : room > 1 ? room : 1;
    room -= l.question;
    if ((l.position = room > 0))
        room--;
    if ((l.title = room > 0))
        room--;
    int note = note_rows(st, cols);
    l.note = room >= note ? note : room > 0 ? 1 : 0;
    room -= l.note;
    l.gaps = room >= 4 + ROOMY_PANEL; /* the empty rows only when the assessment keeps some room */
    return l;
}

static int draw_answers(const run_state *st, const tl_app *app, const indicator_layout *l, int y, int cols)
{
    const tl_checklist_run *r = st->r;
    tl_answer cur = r->answers[st->cur];
    char line[1200];
    snprintf(line, sizeof line, _("Answer: %s"), assess_answer_label(r->cl, cur, app->lang));
    ui_put(y++, 2, cols - 4, line, cur == TL_A_NONE ? A_DIM : A_BOLD);
    int x = 2;
    for (int a = TL_A_YES; a < TL_A_COUNT; a++) {
        snprintf(line, sizeof line, "%lc %s", (wint_t)keymap_key(&run_keymap, a),
                 assess_answer_label(r->cl, (tl_answer)a, app->lang));
        x += ui_put(y, x, cols - x - 1, line, a == (int)cur ? A_REVERSE : 0) + 3;
    }
    y++;
    if (l->note == 0)
        return y;
    note_line(st, line, sizeof line);
    int attr = r->notes[st->cur] ? 0 : A_DIM;
    if (ui_wrap_rows(cols - 4, 4, line) <= l->note)
        return y + ui_wrap(y, 2, cols - 4, l->note, line, attr);
    y += ui_wrap(y, 2, cols - 4, l->note > 1 ? l->note - 1 : 1, line, attr);
    if (l->note > 1)
        ui_put(y++, 2, cols - 4, _("... the whole note: e"), A_DIM);
    return y;
}

/* "Case: REF   answered N of M   section S of T"; a long reference is
 * shortened (with an ellipsis) so that the progress stays on screen. */
static void draw_case_line(const tl_checklist_run *r, const tl_indicator *ind, int y, int cols)
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
    ui_put(y, 1, cols - 2, line, A_DIM);
}

/* The checklist, case and progress, the section and the indicator in at
 * most limit rows; returns the first free row. */
static int draw_indicator(const run_state *st, const tl_app *app, int limit, int cols)
{
    const tl_checklist_run *r = st->r;
    const tl_indicator *ind = &r->cl->indicators[st->cur];
    const tl_section *sec = &r->cl->sections[ind->section];
    indicator_layout l = plan_indicator(st, app, limit, cols);
    int gap = l.gaps;
    char line[512];
    int y = 0;
    if (l.title)
        ui_put(y++, 1, cols - 2, text_get(&r->cl->h.title, app->lang), A_BOLD);
    draw_case_line(r, ind, y++, cols);
    y += gap;
    snprintf(line, sizeof line, "%s  (%s)", text_get(&sec->title, app->lang),
             sec->context                       ? _("context, never counted as a sign")
             : r->assessment.sections[ind->section].present ? _("counts as present")
                                                : _("not present"));
    ui_put(y++, 1, cols - 2, line, A_BOLD);
    if (l.position) {
        snprintf(line, sizeof line, _("Indicator %zu of %zu in this section, weight: %s"),
                 st->cur - sec->first + 1, sec->n_indicators, assess_weight_label(ind));
        ui_put(y++, 1, cols - 2, line, A_DIM);
    }
    y += gap;
    y += ui_wrap(y, 2, cols - 4, l.question, text_get(&ind->question, app->lang), 0) + gap;
    return draw_answers(st, app, &l, y, cols) + gap;
}

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
    check_view_lines(v, p->x + 1, p->width - 2, p->text, false);
}

/* The head of the assessment (core/summary.c): the outcome, marked and in
 * colour when its severity is high, and then what to do first. It is
 * drawn apart from the scrolled text, so it never scrolls away. */
static int head_rows(const tl_summary_head *h, int width)
{
    return ui_wrap_rows(width - 2, 2, h->outcome) +
           (h->first_action[0] ? ui_wrap_rows(width - 2, 2, h->first_action) : 0);
}

static int draw_head(const tl_summary_head *h, int y, int x, int width)
{
    int attr = h->severity == TL_SEV_HIGH ? ui_alert_attr() : (int)A_BOLD;
    y += ui_wrap(y, x + 1, width - 2, 2, h->outcome, attr);
    if (h->first_action[0])
        y += ui_wrap(y, x + 1, width - 2, 2, h->first_action, attr);
    return y;
}

static void draw_panel(run_state *st, const tl_summary *sum, const tl_summary_head *head, int y, int x, int rows,
                       int width)
{
    if (y + 1 >= rows)
        return;
    y = draw_heading(y, x, width, _("Assessment, live: an aid, never proof (PgDn/PgUp)"));
    y = draw_head(head, y, x, width);
    if (y >= rows)
        return;
    char *text = summary_text(sum, true);
    panel_text p = {text, x, width};
    view_show(&st->panel, y, rows - y, x, width, layout_assessment, &p);
    free(text);
}

static void run_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    run_state *st = s->state;
    bool wide = cols >= WIDE_COLS;
    int left = wide ? cols * 11 / 20 : cols;
    int panel_width = wide ? cols - left - 1 : cols;
    tl_summary sum = checklist_run_summary(st->r, false, app->lang, panel_width - 2);
    sum.head_apart = true;
    tl_summary_head head;
    summary_head(&sum, &head);
    if (wide) {
        int y = draw_indicator(st, app, rows, left);
        if (st->guidance)
            draw_guidance(st, app, y, 0, rows, left - 1);
        for (int r = 0; r < rows; r++)
            mvaddch(r, left, ACS_VLINE);
        draw_panel(st, &sum, &head, 0, left + 1, rows, panel_width);
        return;
    }
    /* The head's rows, a heading and a row of the text below come first;
     * in danger the head stays in sight over the guidance too. */
    bool danger = head.severity == TL_SEV_HIGH;
    int keep = 2 + (!st->guidance || danger ? head_rows(&head, cols) : 0);
    int y = draw_indicator(st, app, rows - keep, cols);
    if (!st->guidance) {
        draw_panel(st, &sum, &head, y, 0, rows, cols);
        return;
    }
    if (danger)
        y = draw_head(&head, y, 0, cols);
    draw_guidance(st, app, y, 0, rows, cols);
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

/* A note on the indicator, answered or not yet. */
static void edit_note(run_state *st, tl_app *app)
{
    tl_checklist_run *r = st->r;
    char note[1024];
    snprintf(note, sizeof note, "%s", r->notes[st->cur] ? r->notes[st->cur] : "");
    tl_error err;
    if (check_prompt_text(app, _("Note (no personal data):"), _("The note"), note, sizeof note) &&
        ui_ok(app, checklist_run_note(app->store, r, st->cur, note, &err), &err))
        app_status(app, "%s", note[0] ? _("Note saved.") : _("Note removed."));
}

static void edit_case_note(run_state *st, tl_app *app)
{
    tl_checklist_run *r = st->r;
    char note[1024];
    snprintf(note, sizeof note, "%s", r->info.case_note ? r->info.case_note : "");
    tl_error err;
    if (check_prompt_text(app, _("Note on the whole case (no personal data):"), _("The case note"), note,
                          sizeof note) &&
        ui_ok(app, checklist_run_case_note(app->store, r, note, &err), &err))
        app_status(app, "%s", note[0] ? _("Case note saved.") : _("Case note removed."));
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
    int action = keymap_action(&run_keymap, k);
    switch (action) {
    case TL_A_YES:
    case TL_A_NO:
    case TL_A_UNKNOWN:
    case TL_A_NOT_ASKED:
        answer(st, app, (tl_answer)action);
        break;
    case RUN_NEXT:
        go_to(st, st->cur + 1);
        break;
    case RUN_PREV:
        if (st->cur > 0)
            go_to(st, st->cur - 1);
        break;
    case RUN_NEXT_SECTION:
        next_section(st, 1);
        break;
    case RUN_PREV_SECTION:
        next_section(st, -1);
        break;
    case RUN_NOTE:
        edit_note(st, app);
        break;
    case RUN_CASE_NOTE:
        edit_case_note(st, app);
        break;
    case RUN_GUIDANCE:
        st->guidance = !st->guidance;
        break;
    case RUN_SUMMARY:
        *next = check_summary_screen_new(app, st->r);
        return SCREEN_PUSH;
    case RUN_BACK:
        return SCREEN_BACK;
    default:
        scroll_key(st, k);
    }
    return SCREEN_STAY;
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
    return screen_new((tl_screen){.keys = &run_keymap, .draw = run_draw, .key = run_key, .destroy = run_destroy,
                                  .state = st});
}
