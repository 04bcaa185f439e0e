/* The assessment engine: the ILO/EC 2009 dimension rule and combination rule
 * as written in tests/fixtures/good/ilo-checklist.yaml, worked case by case
 * (each threshold and just below it); every kind of condition on a small
 * rules checklist; unknown and not asked never counted as yes; context
 * questions answered and reported but never counted as signs; and the
 * shipped trafficking-indicators checklist with a few answer sets (its
 * context rule in full: tests/unit/test_checklist_rules.c). */
#include "testutil.h"

#include "checklist_fixture.h"

#define GOOD "tests/fixtures/good/"

static size_t section(const fixture *f, const char *id)
{
    for (size_t i = 0; i < f->cl->n_sections; i++)
        if (strcmp(f->cl->sections[i].id, id) == 0)
            return i;
    fail_msg("no section %s", id);
    return 0;
}

/* Clears every answer, sets each listed id to answer, and assesses. */
static void answer_only(fixture *f, tl_answer answer, const char *const *ids)
{
    memset(f->answers, 0, f->cl->n_indicators * sizeof *f->answers);
    for (; *ids; ids++)
        f->answers[indicator(f, *ids)] = answer;
    assess(f->cl, f->answers, f->sections, &f->a);
}

static void also(fixture *f, tl_answer answer, const char *const *ids)
{
    for (; *ids; ids++)
        f->answers[indicator(f, *ids)] = answer;
    assess(f->cl, f->answers, f->sections, &f->a);
}

#define IDS(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *outcome(const fixture *f)
{
    return f->cl->outcomes[f->a.outcome].id;
}

static const tl_section_result *result(const fixture *f, const char *section_id)
{
    return &f->a.sections[section(f, section_id)];
}

/* ---- the ILO dimension rule, on one dimension ---- */

/* Answers yes to ids in deceptive-recruitment only; returns its result. */
static const tl_section_result *dimension(fixture *f, const char *const *ids)
{
    answer_only(f, TL_A_YES, ids);
    return result(f, "deceptive-recruitment");
}

static void ilo_dimension_thresholds(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    const tl_section_result *r;

    r = dimension(f, IDS("dr-s1", "dr-s2"));
    assert_true(r->present);
    assert_int_equal(r->clause, 0); /* {strong: 2} */
    assert_int_equal(r->yes[TL_W_STRONG], 2);
    assert_int_equal(r->yes[TL_W_ANY], 2);

    r = dimension(f, IDS("dr-s1", "dr-m1"));
    assert_true(r->present);
    assert_int_equal(r->clause, 1); /* {strong: 1, medium: 1} */

    r = dimension(f, IDS("dr-s2", "dr-w1"));
    assert_true(r->present);
    assert_int_equal(r->clause, 2); /* {strong: 1, weak: 1} */

    r = dimension(f, IDS("dr-m1", "dr-m2", "dr-m3"));
    assert_true(r->present);
    assert_int_equal(r->clause, 3); /* {medium: 3} */
    assert_int_equal(r->yes[TL_W_MEDIUM], 3);

    r = dimension(f, IDS("dr-m1", "dr-m3", "dr-w2"));
    assert_true(r->present);
    assert_int_equal(r->clause, 4); /* {medium: 2, weak: 1} */

    /* the first clause that holds is the one reported */
    r = dimension(f, IDS("dr-s1", "dr-s2", "dr-m1", "dr-m2", "dr-m3"));
    assert_int_equal(r->clause, 0);
    fixture_free(f);
}

static void ilo_dimension_just_below(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    const char *const *below[] = {
        IDS("dr-s1"),                   /* 1 strong alone */
        IDS("dr-m1", "dr-m2"),          /* 2 medium */
        IDS("dr-m1", "dr-w1", "dr-w2"), /* 1 medium + 2 weak */
        IDS("dr-w1", "dr-w2"),          /* 2 weak */
        IDS("dr-m2", "dr-w2"),          /* 1 medium + 1 weak */
        IDS("dr-m3"),                   /* 1 medium */
    };
    for (size_t i = 0; i < sizeof below / sizeof below[0]; i++) {
        const tl_section_result *r = dimension(f, below[i]);
        assert_false(r->present);
        assert_int_equal(r->clause, -1);
    }
    fixture_free(f);
}

static void unknown_and_not_asked_never_count(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    /* 1 strong yes; the rest of the dimension unknown or not asked */
    answer_only(f, TL_A_UNKNOWN, IDS("dr-s2", "dr-m1", "dr-m2"));
    also(f, TL_A_NOT_ASKED, IDS("dr-m3", "dr-w1", "dr-w2"));
    also(f, TL_A_YES, IDS("dr-s1"));
    const tl_section_result *r = result(f, "deceptive-recruitment");
    assert_false(r->present);
    assert_int_equal(r->yes[TL_W_ANY], 1);
    assert_int_equal(r->answers.n[TL_A_UNKNOWN], 3);
    assert_int_equal(r->answers.n[TL_A_NOT_ASKED], 3);
    assert_int_equal(assess_gaps(&r->answers), 6);

    /* everything unknown: nothing is present, every indicator is a gap */
    for (size_t i = 0; i < f->cl->n_indicators; i++)
        f->answers[i] = i % 2 ? TL_A_UNKNOWN : TL_A_NOT_ASKED;
    assess(f->cl, f->answers, f->sections, &f->a);
    assert_int_equal(f->a.sections_present, 0);
    assert_int_equal(f->a.totals.n[TL_A_YES], 0);
    assert_int_equal(assess_gaps(&f->a.totals), (int)f->cl->n_indicators);
    assert_string_equal(outcome(f), "none");
    assert_true(f->a.fallback);
    assert_true(assess_is_gap(TL_A_NONE));
    assert_true(assess_is_gap(TL_A_UNKNOWN));
    assert_true(assess_is_gap(TL_A_NOT_ASKED));
    assert_false(assess_is_gap(TL_A_NO));
    assert_false(assess_is_gap(TL_A_YES));

    /* "no" is an answer, not a gap, and not a yes either */
    answer_only(f, TL_A_NO, IDS("dr-s1", "dr-s2"));
    assert_false(result(f, "deceptive-recruitment")->present);
    assert_int_equal(f->a.totals.n[TL_A_NO], 2);
    assert_int_equal(f->a.totals.n[TL_A_NONE], (int)f->cl->n_indicators - 2);

    /* a value outside the answer range counts as not answered */
    f->answers[0] = (tl_answer)77;
    assess(f->cl, f->answers, f->sections, &f->a);
    assert_int_equal(f->a.totals.n[TL_A_NONE], (int)f->cl->n_indicators - 1);
    fixture_free(f);
}

/* ---- the ILO combination across dimensions ---- */

static void ilo_full_combination(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    /* recruitment (deceptive) + exploitation + coercion at destination */
    answer_only(f, TL_A_YES, IDS("dr-s1", "dr-m1", "ex-s1", "ex-s2", "cd-s1", "cd-w1"));
    assert_int_equal(f->a.sections_present, 3);
    assert_string_equal(outcome(f), "presumed");
    assert_false(f->a.fallback);

    /* the other branches of each "any": coercive recruitment, vulnerability
     * at destination (3 medium) */
    answer_only(f, TL_A_YES, IDS("cr-s1", "cr-m1", "ex-s1", "ex-m1", "vd-m1", "vd-m2", "vd-m3"));
    assert_string_equal(outcome(f), "presumed");
    fixture_free(f);
}

static void ilo_one_dimension_missing(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    const char *const *missing[] = {
        IDS("ex-s1", "ex-s2", "cd-s1", "cd-s2"),         /* no recruitment */
        IDS("dr-s1", "dr-s2", "cd-s1", "cd-s2"),         /* no exploitation */
        IDS("dr-s1", "dr-s2", "ex-s1", "ex-s2"),         /* no destination */
        IDS("dr-s1", "dr-s2", "ex-s1", "cd-s1", "cd-s2"), /* exploitation just below */
    };
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        answer_only(f, TL_A_YES, missing[i]);
        assert_string_equal(outcome(f), "some");
    }
    /* the missing dimension answered "unknown" instead of yes: still missing */
    answer_only(f, TL_A_YES, IDS("dr-s1", "dr-s2", "cd-s1", "cd-s2"));
    also(f, TL_A_UNKNOWN, IDS("ex-s1", "ex-s2", "ex-m1"));
    assert_string_equal(outcome(f), "some");
    fixture_free(f);
}

static void ilo_count_yes_filters_and_not(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    /* 2 yes anywhere, no dimension present: count_yes {min: 2} */
    answer_only(f, TL_A_YES, IDS("dr-w1", "cd-w1"));
    assert_int_equal(f->a.sections_present, 0);
    assert_string_equal(outcome(f), "some");

    /* 1 strong in exploitation and ex-m1 not yes: strong-single */
    answer_only(f, TL_A_YES, IDS("ex-s1"));
    assert_string_equal(outcome(f), "strong-single");

    /* the section filter: a strong yes elsewhere does not count */
    answer_only(f, TL_A_YES, IDS("dr-s1"));
    assert_string_equal(outcome(f), "none");
    /* the weight filter: a medium yes in exploitation does not count */
    answer_only(f, TL_A_YES, IDS("ex-m1"));
    assert_string_equal(outcome(f), "none");

    /* not: the condition {not: {indicator: ex-m1}} */
    const tl_cond *when = f->cl->outcomes[2].when;
    assert_int_equal(when->sub[1].kind, TL_C_NOT);
    answer_only(f, TL_A_YES, IDS("ex-s1"));
    assert_true(assess_cond(&f->a, &when->sub[1]));
    also(f, TL_A_YES, IDS("ex-m1"));
    assert_false(assess_cond(&f->a, &when->sub[1]));
    fixture_free(f);
}

/* ---- each kind of condition on the rules checklist ---- */

static void rules_conditions(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "rules-checklist.yaml");
    /* section a: {any: 2} of any weight */
    answer_only(f, TL_A_YES, IDS("a-medium", "a-weak"));
    assert_true(result(f, "a")->present);
    assert_int_equal(result(f, "a")->yes[TL_W_ANY], 2);
    assert_string_equal(outcome(f), "a-without-b"); /* all + not */

    /* count_sections {min: 2}: a and b present */
    also(f, TL_A_YES, IDS("b-strong"));
    assert_int_equal(f->a.sections_present, 2);
    assert_string_equal(outcome(f), "two-sections");

    /* b's second clause, with only one section present */
    answer_only(f, TL_A_YES, IDS("b-medium", "b-weak"));
    assert_true(result(f, "b")->present);
    assert_int_equal(result(f, "b")->clause, 1);
    assert_string_equal(outcome(f), "weak-in-b");

    /* one yes in a: a is not present ({any: 2}), nothing weak in b; the
     * `any` holds through its indicator condition */
    answer_only(f, TL_A_YES, IDS("a-strong"));
    assert_false(result(f, "a")->present);
    assert_string_equal(outcome(f), "any-medium"); /* indicator: a-strong */

    /* count_yes with a weight filter and no section filter */
    answer_only(f, TL_A_YES, IDS("c-medium1"));
    assert_string_equal(outcome(f), "any-medium");
    /* the weak filter in b: a weak yes in a does not count */
    answer_only(f, TL_A_YES, IDS("a-weak"));
    assert_string_equal(outcome(f), "fallback");
    assert_true(f->a.fallback);
    assert_int_equal(f->a.outcome, f->cl->n_outcomes - 1);

    /* c: two medium */
    answer_only(f, TL_A_YES, IDS("c-medium1", "c-medium2"));
    assert_true(result(f, "c")->present);
    answer_only(f, TL_A_YES, IDS("c-medium1"));
    also(f, TL_A_UNKNOWN, IDS("c-medium2"));
    assert_false(result(f, "c")->present);
    fixture_free(f);
}

/* ---- the words ---- */

typedef struct {
    char text[4096];
} lines;

static void collect(void *ctx, int depth, bool holds, const char *text)
{
    lines *l = ctx;
    size_t used = strlen(l->text);
    snprintf(l->text + used, sizeof l->text - used, "%d %c %s\n", depth, holds ? '+' : '-', text);
}

static void explanations(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "ilo-checklist.yaml");
    answer_only(f, TL_A_YES, IDS("dr-s1", "dr-m1", "ex-s1", "ex-s2", "cd-s1"));
    assert_string_equal(outcome(f), "some");
    lines l = {""};
    assess_explain(&f->a, f->cl->outcomes[0].when, "en", collect, &l);
    assert_string_equal(l.text,
                        "0 - not all of these hold:\n"
                        "1 + at least one of these holds:\n"
                        "2 + 'Deceptive recruitment' counts as present\n"
                        "2 - 'Coercive recruitment' does not count as present\n"
                        "2 - 'Abuse of vulnerability at recruitment' does not count as present\n"
                        "1 + 'Exploitation' counts as present\n"
                        "1 - none of these holds:\n"
                        "2 - 'Coercion at destination' does not count as present\n"
                        "2 - 'Abuse of vulnerability at destination' does not count as present\n");
    l.text[0] = '\0';
    assess_explain(&f->a, f->cl->outcomes[1].when, "en", collect, &l);
    assert_string_equal(l.text,
                        "0 + at least one of these holds:\n"
                        "1 + at least 1 sections count as present (count: 2)\n"
                        "1 + at least 2 signs answered yes (count: 5)\n");
    l.text[0] = '\0';
    assess_explain(&f->a, f->cl->outcomes[2].when, "en", collect, &l);
    assert_string_equal(l.text,
                        "0 + all of these hold:\n"
                        "1 + at least 1 strong signs answered yes in 'Exploitation' (count: 2)\n"
                        "1 + this must not hold, and does not:\n"
                        "2 - not answered yes: EX M1\n");
    also(f, TL_A_YES, IDS("ex-m1"));
    l.text[0] = '\0';
    assess_explain(&f->a, f->cl->outcomes[2].when->sub + 1, "en", collect, &l);
    assert_string_equal(l.text,
                        "0 - this must not hold, but does:\n"
                        "1 + answered yes: EX M1\n");
    l.text[0] = '\0';
    assess_explain(&f->a, NULL, "en", collect, &l); /* the fallback has no condition */
    assert_string_equal(l.text, "");

    char buf[128];
    assess_clause_text(&f->cl->sections[0].rule.clauses[1], buf, sizeof buf);
    assert_string_equal(buf, "1 strong + 1 medium");
    tl_clause any = {.min = {[TL_W_ANY] = 3}};
    assess_clause_text(&any, buf, sizeof buf);
    assert_string_equal(buf, "3 of any weight");
    assert_string_equal(assess_answer_label(f->cl, TL_A_UNKNOWN, "en"), "Don't know");
    assert_string_equal(assess_answer_label(f->cl, TL_A_UNKNOWN, "sv"), "Vet ej");
    assert_string_equal(assess_answer_label(f->cl, TL_A_NOT_ASKED, "sv"), "Not asked");
    assert_string_equal(assess_answer_label(f->cl, TL_A_NONE, "en"), "Not answered");
    fixture_free(f);
}

/* ---- context: answered, reported, never a sign ---- */

static void context_is_never_counted(void **state)
{
    (void)state;
    fixture *f = fixture_load(GOOD "context-checklist.yaml");

    /* every background fact yes: no section, no sign, only the information outcome */
    answer_only(f, TL_A_YES, IDS("needs-money", "little-swedish", "long-days"));
    const tl_section_result *bg = result(f, "background"); /* f->sections: stays put */
    assert_false(bg->present);
    assert_int_equal(bg->clause, -1);
    assert_int_equal(bg->yes[TL_W_ANY], 0);
    assert_int_equal(bg->answers.n[TL_A_YES], 3); /* answered and shown */
    assert_int_equal(f->a.context_yes, 3);
    assert_int_equal(f->a.sections_present, 0);
    assert_int_equal(f->a.totals.n[TL_A_YES], 3);
    assert_string_equal(outcome(f), "rights-and-support");

    /* one sign outweighs any background: the sign's outcome, context still counted apart */
    also(f, TL_A_YES, IDS("debt-used"));
    assert_int_equal(f->a.context_yes, 3);
    assert_string_equal(outcome(f), "one-sign");
    also(f, TL_A_YES, IDS("language-used"));
    assert_string_equal(outcome(f), "coerced");
    assert_int_equal(f->a.sections_present, 1);

    /* gaps in the background are gaps like any other */
    answer_only(f, TL_A_UNKNOWN, IDS("needs-money"));
    also(f, TL_A_NOT_ASKED, IDS("long-days"));
    assert_int_equal(assess_gaps(&bg->answers), 3);
    assert_int_equal(f->a.context_yes, 0);
    assert_string_equal(outcome(f), "nothing");

    /* words: the weight label and the count_context explanation */
    const tl_indicator *ind = &f->cl->indicators[indicator(f, "little-swedish")];
    assert_true(ind->context);
    assert_non_null(strstr(assess_weight_label(ind), "context"));
    assert_string_equal(assess_weight_label(&f->cl->indicators[indicator(f, "passport-taken")]), "strong");
    assert_int_equal(assess_sign_sections(f->cl), 1);
    answer_only(f, TL_A_YES, IDS("needs-money"));
    lines l = {""};
    assess_explain(&f->a, f->cl->outcomes[f->a.outcome].when, "en", collect, &l);
    assert_string_equal(l.text, "0 + at least 1 background facts (context, never counted as signs) "
                                "answered yes (count: 1)\n");
    fixture_free(f);
}

/* ---- the shipped checklist ---- */

static void shipped_trafficking_indicators(void **state)
{
    (void)state;
    fixture *f = fixture_load("checklists/trafficking-indicators.yaml");
    answer_only(f, TL_A_YES, IDS("dr-nature-of-work")); /* nothing else answered */
    assert_string_equal(outcome(f), "few-signs");
    answer_only(f, TL_A_YES, IDS("cd-violence"));
    assert_string_equal(outcome(f), "acute-danger");
    answer_only(f, TL_A_YES, IDS("vd-appears-minor"));
    assert_string_equal(outcome(f), "acute-danger");

    /* all three stages: recruitment 1S+1M, exploitation 1S+1M, destination 2S */
    const char *const *all_stages =
        IDS("dr-nature-of-work", "dr-wages", "ex-imposed-hours", "ex-pay-cheated", "cd-documents", "cd-debt");
    answer_only(f, TL_A_YES, all_stages);
    assert_int_equal(f->a.sections_present, 3);
    assert_string_equal(outcome(f), "strong-signs");
    /* acute danger comes first in priority */
    also(f, TL_A_YES, IDS("cd-threats"));
    assert_string_equal(outcome(f), "acute-danger");

    /* recruitment unknown: exploitation + coercion at destination */
    answer_only(f, TL_A_YES, IDS("ex-imposed-hours", "ex-pay-cheated", "cd-documents", "cd-money-control"));
    also(f, TL_A_UNKNOWN, IDS("dr-nature-of-work", "dr-wages", "cr-violence"));
    assert_string_equal(outcome(f), "destination-signs");
    /* or two strong signs of coercion alone */
    answer_only(f, TL_A_YES, IDS("cd-documents", "cd-forced-clients"));
    assert_string_equal(outcome(f), "destination-signs");

    /* two medium signs: no dimension, but two yes */
    answer_only(f, TL_A_YES, IDS("ex-pay-cheated", "ex-fines-deductions"));
    assert_int_equal(f->a.sections_present, 0);
    assert_string_equal(outcome(f), "some-signs");

    /* the background of an ordinary low-paid newcomer: information, no suspicion */
    answer_only(f, TL_A_YES, IDS("vr-economic", "vr-language-education", "vr-family-situation", "ex-long-hours",
                                 "ex-low-pay", "vd-permit-dependency", "vd-economic", "vd-unknown-area"));
    assert_int_equal(f->a.sections_present, 0);
    assert_int_equal(f->a.context_yes, 8);
    assert_string_equal(outcome(f), "context-only");
    /* the same and one sign that someone uses her permit against her */
    also(f, TL_A_YES, IDS("vd-abuse-permit"));
    assert_string_equal(outcome(f), "few-signs");

    /* nothing yes, whatever else is answered */
    answer_only(f, TL_A_NO, IDS("ex-low-pay", "cd-violence"));
    also(f, TL_A_UNKNOWN, IDS("cd-documents", "cd-debt", "cd-confinement"));
    assert_string_equal(outcome(f), "none-noted");
    assert_int_equal(f->a.totals.n[TL_A_NONE], (int)f->cl->n_indicators - 5);
    fixture_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ilo_dimension_thresholds),
        cmocka_unit_test(ilo_dimension_just_below),
        cmocka_unit_test(unknown_and_not_asked_never_count),
        cmocka_unit_test(ilo_full_combination),
        cmocka_unit_test(ilo_one_dimension_missing),
        cmocka_unit_test(ilo_count_yes_filters_and_not),
        cmocka_unit_test(rules_conditions),
        cmocka_unit_test(explanations),
        cmocka_unit_test(context_is_never_counted),
        cmocka_unit_test(shipped_trafficking_indicators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
