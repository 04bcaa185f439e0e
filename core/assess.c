#include "assess.h"

#include "intl.h"

#include <stdio.h>
#include <string.h>

static tl_answer answer_at(const tl_assessment *a, size_t i)
{
    tl_answer v = a->answers[i];
    return v > TL_A_NONE && v < TL_A_COUNT ? v : TL_A_NONE;
}

bool assess_is_gap(tl_answer answer)
{
    return answer != TL_A_YES && answer != TL_A_NO;
}

int assess_gaps(const tl_answer_counts *c)
{
    return c->n[TL_A_NONE] + c->n[TL_A_UNKNOWN] + c->n[TL_A_NOT_ASKED];
}

static bool clause_holds(const tl_clause *clause, const int yes[TL_W_COUNT + 1])
{
    for (int w = 0; w <= TL_W_COUNT; w++)
        if (yes[w] < clause->min[w])
            return false;
    return true;
}

static void assess_section(const tl_assessment *a, const tl_section *sec, tl_section_result *r)
{
    memset(r, 0, sizeof *r);
    r->clause = -1;
    for (size_t i = sec->first; i < sec->first + sec->n_indicators; i++) {
        tl_answer v = answer_at(a, i);
        r->answers.n[v]++;
        if (v == TL_A_YES && !sec->context) {
            r->yes[a->cl->indicators[i].weight]++;
            r->yes[TL_W_ANY]++;
        }
    }
    for (size_t c = 0; c < sec->rule.n_clauses && r->clause < 0; c++)
        if (clause_holds(&sec->rule.clauses[c], r->yes))
            r->clause = (int)c;
    r->present = r->clause >= 0;
}

/* How many signs are answered yes, optionally of one weight (-1: all) and
 * in one section (NULL: all). Context questions are never signs. */
static int count_yes(const tl_assessment *a, int weight, const tl_section *sec)
{
    size_t from = sec ? sec->first : 0;
    size_t to = sec ? sec->first + sec->n_indicators : a->cl->n_indicators;
    int n = 0;
    for (size_t i = from; i < to; i++)
        if (answer_at(a, i) == TL_A_YES && !a->cl->indicators[i].context &&
            (weight < 0 || (int)a->cl->indicators[i].weight == weight))
            n++;
    return n;
}

/* A condition's reference resolved (it does not in content that failed
 * validation: such a condition evaluates as false). */
static bool cond_ref_ok(const tl_cond *c, size_t limit)
{
    return c->has_ref && c->ref.id && c->ref.index < limit;
}

/* The section a condition names; NULL when it names none. */
static const tl_section *cond_section(const tl_assessment *a, const tl_cond *c)
{
    return cond_ref_ok(c, a->cl->n_sections) ? &a->cl->sections[c->ref.index] : NULL;
}

/* The number a COUNT_YES condition compares with its minimum. */
static int count_yes_value(const tl_assessment *a, const tl_cond *c)
{
    const tl_section *sec = cond_section(a, c);
    if (c->has_ref && !sec)
        return 0;
    return count_yes(a, c->weight, sec);
}

bool assess_cond(const tl_assessment *a, const tl_cond *c)
{
    switch (c->kind) {
    case TL_C_SECTION:
        return cond_ref_ok(c, a->cl->n_sections) && a->sections[c->ref.index].present;
    case TL_C_INDICATOR:
        return cond_ref_ok(c, a->cl->n_indicators) && answer_at(a, c->ref.index) == TL_A_YES;
    case TL_C_ALL:
        for (size_t i = 0; i < c->n_sub; i++)
            if (!assess_cond(a, &c->sub[i]))
                return false;
        return true;
    case TL_C_ANY:
        for (size_t i = 0; i < c->n_sub; i++)
            if (assess_cond(a, &c->sub[i]))
                return true;
        return false;
    case TL_C_NOT:
        return c->n_sub == 1 && !assess_cond(a, &c->sub[0]);
    case TL_C_COUNT_YES:
        return count_yes_value(a, c) >= c->min;
    case TL_C_COUNT_SECTIONS:
        return a->sections_present >= c->min;
    case TL_C_COUNT_CONTEXT:
        return a->context_yes >= c->min;
    }
    return false;
}

void assess(const tl_checklist *cl, const tl_answer *answers, tl_section_result *sections,
            tl_assessment *out)
{
    *out = (tl_assessment){.cl = cl, .answers = answers, .sections = sections};
    for (size_t s = 0; s < cl->n_sections; s++) {
        assess_section(out, &cl->sections[s], &sections[s]);
        for (int v = 0; v < TL_A_COUNT; v++)
            out->totals.n[v] += sections[s].answers.n[v];
        out->sections_present += sections[s].present;
        if (cl->sections[s].context)
            out->context_yes += sections[s].answers.n[TL_A_YES];
    }
    /* Outcomes in the order written; the last has no condition and is the
     * fallback, so there is always an outcome. */
    out->outcome = cl->n_outcomes ? cl->n_outcomes - 1 : 0;
    out->fallback = true;
    for (size_t o = 0; o < cl->n_outcomes; o++) {
        const tl_cond *when = cl->outcomes[o].when;
        if (!when || assess_cond(out, when)) {
            out->outcome = o;
            out->fallback = !when;
            break;
        }
    }
}

/* ---- words ---- */

const char *assess_answer_label(const tl_checklist *cl, tl_answer answer, const char *lang)
{
    static const char *const plain[TL_A_COUNT] = {N_("Not answered"), N_("Yes"), N_("No"),
                                                  N_("Don't know"), N_("Not asked")};
    if (answer <= TL_A_NONE || answer >= TL_A_COUNT)
        return _(plain[TL_A_NONE]);
    const char *label = text_get(&cl->answer_labels[answer], lang);
    return *label ? label : _(plain[answer]);
}

const char *assess_weight_label(const tl_indicator *ind)
{
    return ind->context ? _("none (context, never counted)") : _(tl_weight_names[ind->weight]);
}

int assess_sign_sections(const tl_checklist *cl)
{
    int n = 0;
    for (size_t s = 0; s < cl->n_sections; s++)
        n += !cl->sections[s].context;
    return n;
}

/* "2 strong", "1 of any weight": a count of yes answers of one weight. */
static const char *weight_count(int weight, int n)
{
    switch (weight) {
    case TL_W_STRONG: return _n("%d strong", "%d strong", n);
    case TL_W_MEDIUM: return _n("%d medium", "%d medium", n);
    case TL_W_WEAK: return _n("%d weak", "%d weak", n);
    default: return _n("%d of any weight", "%d of any weight", n);
    }
}

void assess_clause_text(const tl_clause *clause, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int w = 0; w <= TL_W_COUNT && used < size; w++) {
        if (clause->min[w] <= 0)
            continue;
        if (used)
            used += (size_t)snprintf(buf + used, size - used, " + ");
        if (used < size) {
            int n = snprintf(buf + used, size - used, weight_count(w, clause->min[w]), clause->min[w]);
            used += n > 0 ? (size_t)n : 0;
        }
    }
    if (!buf[0])
        snprintf(buf, size, "%s", _("no minimum"));
}

static void explain_count_yes(const tl_assessment *a, const tl_cond *c, const char *lang, char *buf,
                              size_t size)
{
    const tl_section *sec = cond_section(a, c);
    char where[256] = "";
    if (sec)
        snprintf(where, sizeof where, _(" in '%s'"), text_get(&sec->title, lang));
    if (c->weight >= 0)
        snprintf(buf, size, _("at least %d %s signs answered yes%s (count: %d)"), c->min,
                 _(tl_weight_names[c->weight]), where, count_yes_value(a, c));
    else
        snprintf(buf, size, _("at least %d signs answered yes%s (count: %d)"), c->min, where,
                 count_yes_value(a, c));
}

static void explain_text(const tl_assessment *a, const tl_cond *c, bool holds, const char *lang,
                         char *buf, size_t size)
{
    const tl_checklist *cl = a->cl;
    switch (c->kind) {
    case TL_C_SECTION:
        snprintf(buf, size, holds ? _("'%s' counts as present") : _("'%s' does not count as present"),
                 cond_ref_ok(c, cl->n_sections) ? text_get(&cl->sections[c->ref.index].title, lang) : "?");
        break;
    case TL_C_INDICATOR:
        if (cond_ref_ok(c, cl->n_indicators))
            snprintf(buf, size, holds ? _("answered yes: %s") : _("not answered yes: %s"),
                     text_get(&cl->indicators[c->ref.index].question, lang));
        else
            snprintf(buf, size, "%s", _("an unknown indicator"));
        break;
    case TL_C_ALL:
        snprintf(buf, size, "%s", holds ? _("all of these hold:") : _("not all of these hold:"));
        break;
    case TL_C_ANY:
        snprintf(buf, size, "%s", holds ? _("at least one of these holds:") : _("none of these holds:"));
        break;
    case TL_C_NOT:
        snprintf(buf, size, "%s",
                 holds ? _("this must not hold, and does not:") : _("this must not hold, but does:"));
        break;
    case TL_C_COUNT_YES: explain_count_yes(a, c, lang, buf, size); break;
    case TL_C_COUNT_SECTIONS:
        snprintf(buf, size, _("at least %d sections count as present (count: %d)"), c->min,
                 a->sections_present);
        break;
    case TL_C_COUNT_CONTEXT:
        snprintf(buf, size, _("at least %d background facts (context, never counted as signs) answered yes (count: %d)"),
                 c->min, a->context_yes);
        break;
    }
}

static void explain_at(const tl_assessment *a, const tl_cond *c, const char *lang, int depth,
                       tl_explain_fn line, void *ctx)
{
    char text[1024];
    bool holds = assess_cond(a, c);
    explain_text(a, c, holds, lang, text, sizeof text);
    line(ctx, depth, holds, text);
    for (size_t i = 0; i < c->n_sub; i++)
        explain_at(a, &c->sub[i], lang, depth + 1, line, ctx);
}

void assess_explain(const tl_assessment *a, const tl_cond *c, const char *lang, tl_explain_fn line,
                    void *ctx)
{
    if (c)
        explain_at(a, c, lang, 0, line, ctx);
}
