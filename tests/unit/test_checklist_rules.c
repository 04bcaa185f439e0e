/* The shipped trafficking-indicators checklist, loaded from disk, held to
 * the two rules its content review rests on:
 *
 * A. Poverty is never read as trafficking. Every combination of yes/no to
 *    the background (context) questions, the other questions unanswered
 *    (and, as a stricter case, answered no or don't know), gives an outcome
 *    of severity none or low whose texts never speak of trafficking; with
 *    any background fact noted it is an outcome of its own, not the empty
 *    "nothing noted" fallback.
 * B. The ILO/EC dimension rule as the file's source (ilo2009) describes it:
 *    a dimension counts as present with at least 2 strong, 1 strong + 1
 *    medium or weak, 3 medium, or 2 medium + 1 weak signs answered yes -
 *    the worked examples, and every combination each section allows.
 * C. A run saved with version 1 resumes with version 2: answers follow their
 *    question ids, so the background questions, which kept their ids, come
 *    back as background and never as signs; a question version 2 no longer
 *    has is left out; the new signs are gaps.
 * Run from the top of the tree. */
#include "testutil.h"

#include "checklist_fixture.h"
#include "store.h"

#include <ctype.h>

#define SHIPPED "checklists/trafficking-indicators.yaml"

/* The background facts the content review names: each must be context. */
static const char *const named_background[] = {
    "vr-economic",  /* economic need */
    "vr-language-education", /* little Swedish */
    "vr-cultural-obligations", /* duty to the family */
    "ex-long-hours",
    "ex-low-pay",
    "vd-permit-dependency", /* a permit tied to the employer */
    "vd-economic",  /* sending money home */
    "vd-unknown-area", /* not knowing the city */
};

/* Words that speak of trafficking or suspicion, in either language. */
static const char *const suspicion_words[] = {"trafficking", "människohandel", "misstänk", "misstank",
                                              "suspect", "suspicion"};

enum { MAX_CONTEXT = 20 }; /* 2^20 combinations at most: keeps the test quick */

/* Whether text contains word, ignoring ASCII case (Swedish letters are
 * matched as written). */
static bool contains_word(const char *text, const char *word)
{
    char low[8192];
    size_t n = 0;
    for (; text[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)text[n]);
    low[n] = '\0';
    return strstr(low, word) != NULL;
}

/* The first word of suspicion_words that any text of an outcome, in any
 * language, contains; NULL when none does. */
static const char *suspicion_word(const tl_outcome *o)
{
    const tl_text *texts[] = {&o->title, &o->summary, &o->advice};
    for (size_t t = 0; t < 3; t++)
        for (size_t l = 0; l < texts[t]->n; l++)
            for (size_t w = 0; w < sizeof suspicion_words / sizeof *suspicion_words; w++)
                if (contains_word(texts[t]->e[l].str, suspicion_words[w]))
                    return suspicion_words[w];
    return NULL;
}

/* ---- A: background alone ---- */

/* Every yes/no combination of the context questions, the others set to
 * `others`; returns how many combinations were assessed. */
static long every_background(fixture *s, const size_t *context, size_t n_context, tl_answer others,
                             const char *const *suspicious)
{
    long combinations = 0;
    for (unsigned long mask = 0; mask < (1UL << n_context); mask++) {
        for (size_t i = 0; i < s->cl->n_indicators; i++)
            s->answers[i] = others;
        for (size_t c = 0; c < n_context; c++)
            s->answers[context[c]] = mask & (1UL << c) ? TL_A_YES : TL_A_NO;
        assess(s->cl, s->answers, s->sections, &s->a);
        const tl_outcome *o = &s->cl->outcomes[s->a.outcome];
        if (o->severity >= TL_SEV_MEDIUM || suspicious[s->a.outcome])
            fail_msg("background mask %#lx (others %s) gives '%s', severity %s, saying \"%s\"", mask,
                     tl_answer_names[others], o->id, tl_severity_names[o->severity],
                     suspicious[s->a.outcome] ? suspicious[s->a.outcome] : "");
        assert_int_equal(s->a.sections_present, 0);
        /* a background noted gets its own outcome: information, not "nothing" */
        if (mask)
            assert_false(s->a.fallback);
        combinations++;
    }
    return combinations;
}

static void background_alone_never_raises_suspicion(void **state)
{
    (void)state;
    fixture *s = fixture_load(SHIPPED);
    const tl_checklist *cl = s->cl;
    size_t context[MAX_CONTEXT], n_context = 0;
    for (size_t i = 0; i < cl->n_indicators; i++)
        if (cl->indicators[i].context) {
            assert_true(n_context < MAX_CONTEXT);
            context[n_context++] = i;
        }
    for (size_t b = 0; b < sizeof named_background / sizeof *named_background; b++)
        assert_true(cl->indicators[indicator(s, named_background[b])].context);

    const char **suspicious = calloc(cl->n_outcomes, sizeof *suspicious);
    assert_non_null(suspicious);
    for (size_t o = 0; o < cl->n_outcomes; o++)
        suspicious[o] = suspicion_word(&cl->outcomes[o]);

    long expected = 1L << n_context;
    assert_int_equal(every_background(s, context, n_context, TL_A_NONE, suspicious), expected);
    assert_int_equal(every_background(s, context, n_context, TL_A_NO, suspicious), expected);
    assert_int_equal(every_background(s, context, n_context, TL_A_UNKNOWN, suspicious), expected);

    /* the test can fail: one sign of coercion among the background is a different case */
    for (size_t c = 0; c < n_context; c++)
        s->answers[context[c]] = TL_A_YES;
    s->answers[indicator(s, "cd-documents")] = TL_A_YES;
    s->answers[indicator(s, "cd-debt")] = TL_A_YES;
    assess(cl, s->answers, s->sections, &s->a);
    assert_int_equal(cl->outcomes[s->a.outcome].severity, TL_SEV_HIGH);
    free((void *)suspicious);
    fixture_free(s);
}

/* ---- B: the ILO dimension rule ---- */

/* The rule in the words of the source: at least 2 strong, 1 strong + 1
 * medium or weak, 3 medium, or 2 medium + 1 weak. */
static bool ilo_rule(int strong, int medium, int weak)
{
    return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

static const struct {
    int strong, medium, weak;
    bool present;
} worked[] = {
    {2, 0, 0, true},  {1, 1, 0, true},  {1, 0, 1, true},   {0, 3, 0, true},  {0, 2, 1, true},
    {1, 0, 0, false}, {0, 2, 0, false}, {0, 1, 1, false},  {0, 1, 2, false}, {0, 0, 3, false},
    {0, 0, 1, false}, {0, 0, 0, false}, {0, 1, 0, false},  {3, 3, 3, true},
};

/* Answers yes to the first `want[w]` signs of each weight in sec, nothing
 * else; false when the section has too few of a weight. */
static bool answer_weights(fixture *s, const tl_section *sec, const int want[TL_W_COUNT])
{
    int left[TL_W_COUNT] = {want[0], want[1], want[2]};
    memset(s->answers, 0, s->cl->n_indicators * sizeof *s->answers);
    for (size_t i = sec->first; i < sec->first + sec->n_indicators; i++) {
        tl_weight w = s->cl->indicators[i].weight;
        if (left[w] > 0) {
            s->answers[i] = TL_A_YES;
            left[w]--;
        }
    }
    assess(s->cl, s->answers, s->sections, &s->a);
    return left[0] == 0 && left[1] == 0 && left[2] == 0;
}

static int weight_count(const tl_checklist *cl, const tl_section *sec, tl_weight w)
{
    int n = 0;
    for (size_t i = sec->first; i < sec->first + sec->n_indicators; i++)
        n += cl->indicators[i].weight == w;
    return n;
}

static void ilo_dimension_rule_worked_examples(void **state)
{
    (void)state;
    fixture *s = fixture_load(SHIPPED);
    const tl_checklist *cl = s->cl;
    assert_true(cl->section_rule.set);
    assert_true(cl->section_rule.sources.n >= 1);
    assert_string_equal(cl->section_rule.sources.r[0].id, "ilo2009");
    int worked_held = 0, combinations = 0;
    for (size_t sx = 0; sx < cl->n_sections; sx++) {
        const tl_section *sec = &cl->sections[sx];
        if (sec->context)
            continue;
        for (size_t k = 0; k < sizeof worked / sizeof *worked; k++) {
            int want[TL_W_COUNT] = {worked[k].strong, worked[k].medium, worked[k].weak};
            if (!answer_weights(s, sec, want))
                continue; /* the section has too few signs of a weight for this example */
            if (s->a.sections[sx].present != worked[k].present)
                fail_msg("%s with %d strong, %d medium, %d weak: present %d, the rule says %d", sec->id,
                         want[0], want[1], want[2], s->a.sections[sx].present, worked[k].present);
            assert_int_equal(s->a.sections_present, worked[k].present);
            worked_held++;
        }
        /* and every combination the section allows */
        int have[TL_W_COUNT];
        for (int w = 0; w < TL_W_COUNT; w++)
            have[w] = weight_count(cl, sec, (tl_weight)w);
        for (int st = 0; st <= have[0]; st++)
            for (int me = 0; me <= have[1]; me++)
                for (int we = 0; we <= have[2]; we++) {
                    int want[TL_W_COUNT] = {st, me, we};
                    assert_true(answer_weights(s, sec, want));
                    assert_int_equal(s->a.sections[sx].present, ilo_rule(st, me, we));
                    combinations++;
                }
    }
    /* the dimension rule's worked example in the deceptive-recruitment
     * section: deceived about the work (strong) and the pay (medium) */
    memset(s->answers, 0, cl->n_indicators * sizeof *s->answers);
    s->answers[indicator(s, "dr-nature-of-work")] = TL_A_YES;
    assess(cl, s->answers, s->sections, &s->a);
    assert_int_equal(s->a.sections_present, 0);
    s->answers[indicator(s, "dr-wages")] = TL_A_YES;
    assess(cl, s->answers, s->sections, &s->a);
    assert_int_equal(s->a.sections_present, 1);
    assert_true(worked_held >= 40); /* most examples fit most of the six dimensions */
    assert_true(combinations >= 100);
    fixture_free(s);
}

/* ---- C: a version 1 run resumed ---- */

/* The ids of the version 1 poverty profile that gave "consult urgently":
 * every vulnerability answered yes. vd-family-situation is gone in version 2. */
static const char *const version1_background[] = {
    "vr-family-situation", "vr-economic",          "vr-language-education", "vr-lack-information",
    "vr-emotional-dependency", "vr-irregular-status", "vr-cultural-obligations", "vd-permit-dependency",
    "vd-dependency",       "vd-unknown-area",      "vd-economic",           "vd-family-situation",
    "vd-past-difficulties", "ex-long-hours",       "ex-low-pay",
};

static void version1_run_resumes_as_background(void **state)
{
    (void)state;
    fixture *s = fixture_load(SHIPPED);
    char *dir = test_tmpdir(), path[1024];
    snprintf(path, sizeof path, "%s/tillit.db", dir);
    tl_store *db;
    tl_error err = {0};
    tl_id run;
    assert_int_equal(store_open(path, false, &db, &err), TL_OK);
    assert_int_equal(store_run_create(db, s->content, "Case 1", &run, &err), TL_OK);
    size_t n = sizeof version1_background / sizeof *version1_background;
    for (size_t i = 0; i < n; i++)
        assert_int_equal(store_run_answer(db, run, version1_background[i], TL_A_YES, NULL, &err), TL_OK);

    assert_int_equal(store_run_answers(db, run, s->cl, s->answers, NULL, &err), TL_OK);
    assess(s->cl, s->answers, s->sections, &s->a);
    assert_int_equal(s->a.totals.n[TL_A_YES], (int)n - 1); /* vd-family-situation left out */
    assert_int_equal(s->a.context_yes, (int)n - 1);
    assert_int_equal(s->a.sections_present, 0);
    assert_string_equal(s->cl->outcomes[s->a.outcome].id, "context-only");
    assert_int_equal(s->answers[indicator(s, "vd-abuse-permit")], TL_A_NONE); /* a new sign: a gap */

    /* a version 1 sign whose question kept its meaning still counts */
    assert_int_equal(store_run_answer(db, run, "dr-nature-of-work", TL_A_YES, NULL, &err), TL_OK);
    assert_int_equal(store_run_answers(db, run, s->cl, s->answers, NULL, &err), TL_OK);
    assess(s->cl, s->answers, s->sections, &s->a);
    assert_string_equal(s->cl->outcomes[s->a.outcome].id, "few-signs");
    store_close(db);
    test_rmtree(dir);
    free(dir);
    fixture_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(background_alone_never_raises_suspicion),
        cmocka_unit_test(ilo_dimension_rule_worked_examples),
        cmocka_unit_test(version1_run_resumes_as_background),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
