/* The statistics summary as lines (see stats.h). Each section reads one
 * cursor of the report; only the months are kept (a few per year) because
 * the bars need the largest month before the first is drawn. */
#include "stats.h"

#include "dates.h"
#include "i18n.h"
#include "numbers.h"
#include "screen.h"
#include "vec.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    stats_emit emit;
    void *ctx;
} sink;

static void heading(sink *o, const char *text)
{
    o->emit(o->ctx, &(stats_line){STATS_HEADING, text, 0, 0});
}

static void row(sink *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row(sink *o, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    o->emit(o->ctx, &(stats_line){STATS_ROW, buf, 0, 0});
}

static const char *hours(int64_t seconds, char *buf, size_t size)
{
    snprintf(buf, size, _("%lld h %02lld min"), (long long)(seconds / 3600), (long long)(seconds / 60 % 60));
    return buf;
}

/* Short words for the report's codes of organisation types and levels (the
 * XML keeps the codes), to fit the table's columns in either language. */
static const struct {
    const char *code, *word;
} report_words[] = {
    {"social_services", N_("social services")}, {"environmental_health", N_("environmental health")},
    {"police", N_("police")}, {"migration_agency", N_("Migration Agency")},
    {"health_care", N_("health care")}, {"other_authority", N_("other authority")},
    {"ngo", N_("civil society")}, {"operational", N_("operational")}, {"strategic", N_("strategic")}};

static const char *code_word(const char *code)
{
    for (size_t i = 0; i < sizeof report_words / sizeof report_words[0]; i++)
        if (strcmp(code, report_words[i].code) == 0)
            return _(report_words[i].word);
    return code;
}

/* A mean with one decimal as the language writes it, or "-" when there
 * is nothing to average. */
static const char *mean(int64_t n, double v, bool sign, char *buf, size_t size)
{
    return n == 0 ? "-" : number_text(buf, size, v, 1, sign, i18n_lang());
}

static void period(sink *o, const tl_report_filter *f)
{
    if (!f->from && !f->to)
        row(o, "%s", _("Period: all dates"));
    else
        row(o, _("Period: %s to %s"), f->from ? f->from : _("the first record"),
            f->to ? f->to : _("the last record"));
    /* A narrowed summary says so, or its totals read as the whole site's. */
    if (f->curriculum)
        row(o, _("Only the curriculum: %s"), f->curriculum);
    if (f->organisation)
        row(o, _("Only the organisation: %s"), f->organisation);
}

static tl_status totals(sink *o, tl_report *r, tl_error *err)
{
    tl_report_totals t;
    tl_status st = report_totals(r, &t, err);
    if (st != TL_OK)
        return st;
    char a[32], b[32], c[32];
    heading(o, _("Totals"));
    /* TRANSLATORS: the numbers of these seven lines line up under each other. */
    row(o, _("  Sessions         %lld (%lld group, %lld self-study)"), (long long)t.sessions,
        (long long)t.group_sessions, (long long)t.self_sessions);
    row(o, _("  Attendances      %lld"), (long long)t.attendances);
    row(o, _n("  Participants     %lld from %lld organisation", "  Participants     %lld from %lld organisations",
              t.organisations),
        (long long)t.participants, (long long)t.organisations);
    row(o, _("  Training time    %s"), hours(t.training_seconds, a, sizeof a));
    row(o, _("  Participant time %s (session length per attendance)"), hours(t.participant_seconds, b, sizeof b));
    row(o, _("  Study time       %s (recorded on module pages)"), hours(t.study_seconds, c, sizeof c));
    row(o, _("  Checklist runs   %lld"), (long long)t.checklist_runs);
    return TL_OK;
}

static tl_status groups(sink *o, tl_report *r, tl_error *err)
{
    heading(o, _("By organisation type and level"));
    char type_col[100], level_col[60];
    /* TRANSLATORS: column heads of at most 21, 11, 4, 7, 8, 6, 6 and 6 characters. */
    const char *heads[] = {N_("orgs"), N_("people"), N_("attended"), N_("pre"), N_("post"), N_("gain")};
    const int widths[] = {4, 7, 8, 6, 6, 6}; /* with type and level: 78 columns, an 80-column screen */
    char head_cols[6][40];
    for (int i = 0; i < 6; i++)
        ui_fit_right(head_cols[i], sizeof head_cols[i], _(heads[i]), widths[i]);
    char columns[512];
    snprintf(columns, sizeof columns, "  %s %s %s %s %s %s %s %s", ui_fit(type_col, sizeof type_col, _("type"), 21),
             ui_fit(level_col, sizeof level_col, _("level"), 11), head_cols[0], head_cols[1], head_cols[2],
             head_cols[3], head_cols[4], head_cols[5]);
    o->emit(o->ctx, &(stats_line){STATS_COLUMNS, columns, 0, 0});
    tl_report_group g;
    bool has;
    tl_status st;
    int n = 0;
    while ((st = report_next_group(r, &g, &has, err)) == TL_OK && has) {
        char pre[16], post[16], gain[16];
        const tl_report_knowledge *k = &g.knowledge;
        row(o, "  %s %s %4lld %7lld %8lld %6s %6s %6s",
            ui_fit(type_col, sizeof type_col, code_word(g.org_type), 21),
            ui_fit(level_col, sizeof level_col, code_word(g.level), 11),
            (long long)g.organisations, (long long)g.participants, (long long)g.attendances,
            mean(k->pre_n, k->pre_mean, false, pre, sizeof pre),
            mean(k->post_n, k->post_mean, false, post, sizeof post),
            mean(k->both_n, k->gain_mean, true, gain, sizeof gain));
        n++;
    }
    if (st == TL_OK && n == 0)
        row(o, "%s", _("  (no attendances)"));
    return st;
}

/* A module's row, kept until the curriculum's modules can be put in the
 * course's order (the report lists them by id). */
typedef struct {
    char id[65];
    tl_report_module m;
    bool shown;
} module_row;

static void module_line(sink *o, const module_row *mr, const tl_curriculum *cu)
{
    const tl_report_module *m = &mr->m;
    const char *name = mr->id;
    for (size_t i = 0; cu && i < cu->n_modules; i++)
        if (strcmp(cu->modules[i].id, mr->id) == 0)
            name = text_get(&cu->modules[i].title, i18n_lang());
    char rate[64];
    snprintf(rate, sizeof rate, "%s", _("no check"));
    char percent[32];
    if (m->has_check && m->check_takers > 0)
        snprintf(rate, sizeof rate, _("pass rate %s"),
                 percent_text(percent, sizeof percent, 100.0 * (double)m->check_passed / (double)m->check_takers,
                              1, i18n_lang()));
    else if (m->has_check)
        snprintf(rate, sizeof rate, "%s", _("check not taken"));
    /* The title on a row of its own: with the counts after it, a title
     * would have to be cut to fit 80 columns. */
    row(o, "    %s", name);
    row(o, _("      %lld started, %lld completed, %s"), (long long)m->participants, (long long)m->completions,
        rate);
}

/* The modules of the curriculum just read, in the order the course has
 * them; modules the loaded content does not know (an older version) last. */
static tl_status modules(sink *o, tl_report *r, const tl_curriculum *cu, tl_error *err)
{
    module_row *rows = NULL;
    size_t n = 0;
    tl_report_module m;
    bool has;
    tl_status st;
    while ((st = report_next_module(r, &m, &has, err)) == TL_OK && has) {
        module_row *mr = VEC_PUSH(rows, n);
        *mr = (module_row){.m = m};
        snprintf(mr->id, sizeof mr->id, "%s", m.id);
        mr->m.id = mr->id;
    }
    for (size_t i = 0; st == TL_OK && cu && i < cu->n_modules; i++)
        for (size_t k = 0; k < n; k++)
            if (!rows[k].shown && strcmp(rows[k].id, cu->modules[i].id) == 0) {
                module_line(o, &rows[k], cu);
                rows[k].shown = true;
            }
    for (size_t k = 0; st == TL_OK && k < n; k++)
        if (!rows[k].shown)
            module_line(o, &rows[k], cu);
    free(rows);
    return st;
}

static tl_status curricula(sink *o, tl_report *r, const tl_library *lib, tl_error *err)
{
    heading(o, _("By curriculum"));
    tl_report_curriculum c;
    bool has;
    tl_status st;
    int n = 0;
    while ((st = report_next_curriculum(r, &c, &has, err)) == TL_OK && has) {
        char pre[16], post[16], gain[16];
        const tl_report_knowledge *k = &c.knowledge;
        const tl_curriculum *cu = lib ? library_curriculum(lib, c.id) : NULL;
        if (cu)
            row(o, "  %s", text_get(&cu->h.title, i18n_lang()));
        /* One plural form per count: "1 session", "1 tillfälle". */
        char sessions[64], people[64], attendances[64];
        snprintf(sessions, sizeof sessions, _n("%lld session", "%lld sessions", c.sessions), (long long)c.sessions);
        snprintf(people, sizeof people, _n("%lld participant", "%lld participants", c.participants),
                 (long long)c.participants);
        snprintf(attendances, sizeof attendances, _n("%lld attendance", "%lld attendances", c.attendances),
                 (long long)c.attendances);
        /* TRANSLATORS: curriculum id, version, then the three counts above. */
        row(o, _("  %s v%s: %s, %s, %s"), c.id, c.version, sessions, people, attendances);
        row(o, _("    knowledge: pre %s, post %s, gain %s (%lld with both)"),
            mean(k->pre_n, k->pre_mean, false, pre, sizeof pre),
            mean(k->post_n, k->post_mean, false, post, sizeof post),
            mean(k->both_n, k->gain_mean, true, gain, sizeof gain), (long long)k->both_n);
        if ((st = modules(o, r, cu, err)) != TL_OK)
            return st;
        n++;
    }
    if (st == TL_OK && n == 0)
        row(o, "%s", _("  (no sessions)"));
    return st;
}

typedef struct {
    char month[8];
    int64_t attendances;
} month_count;

static tl_status months(sink *o, tl_report *r, tl_error *err)
{
    heading(o, _("Attendances per month"));
    month_count *list = NULL;
    size_t n = 0, cap = 0;
    int64_t max = 0;
    tl_report_month m;
    bool has;
    tl_status st;
    while ((st = report_next_month(r, &m, &has, err)) == TL_OK && has) {
        if (n == cap && !(list = realloc(list, (cap = cap ? 2 * cap : 16) * sizeof *list)))
            abort();
        snprintf(list[n].month, sizeof list[n].month, "%s", m.month);
        list[n].attendances = m.attendances;
        max = m.attendances > max ? m.attendances : max;
        n++;
    }
    for (size_t i = 0; st == TL_OK && i < n; i++) {
        /* A month without sessions between two with some is shown empty:
         * a gap in the chart is seen, a missing row is not. */
        char gap[8];
        for (bool more = i > 0 && month_after(list[i - 1].month, gap); more && strcmp(gap, list[i].month) < 0;
             more = month_after(gap, gap))
            o->emit(o->ctx, &(stats_line){STATS_BAR, gap, 0, max});
        o->emit(o->ctx, &(stats_line){STATS_BAR, list[i].month, list[i].attendances, max});
    }
    if (st == TL_OK && n == 0)
        row(o, "%s", _("  (no sessions)"));
    free(list);
    return st;
}

/* The question analysis for trainers (docs/report-format.md): ids, as
 * the questions' texts would not fit a row. */
static tl_status questions(sink *o, tl_report *r, tl_error *err)
{
    heading(o, _("Question analysis (questions with 10 answers or more)"));
    tl_report_question q;
    bool has;
    tl_status st;
    int n = 0;
    while ((st = report_next_question(r, &q, &has, err)) == TL_OK && has) {
        char discrimination[64];
        snprintf(discrimination, sizeof discrimination, "%s", _("none (all alike)"));
        if (q.stats.has_discrimination)
            snprintf(discrimination, sizeof discrimination, "%.2f", q.stats.discrimination);
        row(o, "  %s v%s, %s, %s", q.curriculum_id, q.curriculum_version, q.check_id, q.question_id);
        row(o, _("    %lld answers, %.1f %% right, discrimination %s%s"), (long long)q.answers,
            100.0 * q.stats.difficulty, discrimination, q.stats.review ? _(" - review this question") : "");
        n++;
    }
    if (st == TL_OK && n == 0)
        row(o, "%s", _("  (none)"));
    return st;
}

tl_status stats_summary(tl_store *s, const tl_report_filter *f, const tl_library *lib, stats_emit emit,
                        void *ctx, tl_error *err)
{
    return stats_summary_shown(s, f, f, lib, emit, ctx, err);
}

tl_status stats_summary_shown(tl_store *s, const tl_report_filter *f, const tl_report_filter *shown,
                              const tl_library *lib, stats_emit emit, void *ctx, tl_error *err)
{
    tl_report *r;
    tl_status st = report_open(s, f, lib, &r, err);
    if (st != TL_OK)
        return st;
    sink o = {emit, ctx};
    period(&o, shown);
    st = totals(&o, r, err);
    if (st == TL_OK)
        st = groups(&o, r, err);
    if (st == TL_OK)
        st = curricula(&o, r, lib, err);
    if (st == TL_OK)
        st = months(&o, r, err);
    if (st == TL_OK)
        st = questions(&o, r, err);
    report_close(r);
    return st;
}
