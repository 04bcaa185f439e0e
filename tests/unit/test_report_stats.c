/* The question analysis and the small-cell rule (core/report_stats.c)
 * against figures worked out by hand, and the question analysis as the
 * report gives it for a store (core/report.c). docs/report-format.md has
 * the formulas. */
#include "report_fixture.h"

#include "report.h"

#include <math.h>

/* The sums question_stats takes, from each answer's x (right: 1) and y
 * (the rest score). */
static tl_question_sums sums_of(const int *x, const int *y, int n)
{
    tl_question_sums s = {0};
    for (int i = 0; i < n; i++) {
        s.n++;
        s.right += x[i];
        s.y += y[i];
        s.yy += y[i] * y[i];
        s.xy += x[i] * y[i];
    }
    return s;
}

/* n = 10, Sx = 6, Sy = 15, Syy = 33, Sxy = 13:
 * r = (10 * 13 - 6 * 15) / sqrt((10 * 6 - 36) (10 * 33 - 225)) = 40 / sqrt(2520) = 0.7968;
 * the same as (M1 - M0) / s * sqrt(p q) = (13/6 - 2/4) / sqrt(1.05) * sqrt(0.24). */
static void stronger_participants_answer_right(void **state)
{
    (void)state;
    const int x[] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, y[] = {3, 3, 2, 2, 2, 1, 1, 1, 0, 0};
    tl_question_sums s = sums_of(x, y, 10);
    tl_question_stats q;
    assert_true(question_stats(&s, &q));
    assert_true(fabs(q.difficulty - 0.6) < 1e-12);
    assert_true(q.has_discrimination);
    assert_true(fabs(q.discrimination - 40 / sqrt(2520)) < 1e-12);
    assert_true(fabs(q.discrimination - 0.7968) < 1e-4);
    assert_false(q.review);
}

/* The same answers turned round: the weaker answer right. */
static void weaker_participants_answer_right(void **state)
{
    (void)state;
    const int x[] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, y[] = {3, 3, 2, 2, 2, 1, 1, 1, 0, 0};
    tl_question_sums s = sums_of(x, y, 10);
    tl_question_stats q;
    assert_true(question_stats(&s, &q));
    assert_true(fabs(q.difficulty - 0.4) < 1e-12);
    assert_true(fabs(q.discrimination + 0.7968) < 1e-4);
    assert_true(q.review);
}

/* Sx = 5, Sy = 10, Sxy = 5: n Sxy - Sx Sy = 0, so r = 0: flagged. */
static void no_separation_is_flagged(void **state)
{
    (void)state;
    const int x[] = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0}, y[] = {2, 2, 1, 1, 1, 1, 0, 0, 1, 1};
    tl_question_sums s = sums_of(x, y, 10);
    tl_question_stats q;
    assert_true(question_stats(&s, &q));
    assert_true(q.has_discrimination);
    assert_true(fabs(q.discrimination) < 1e-12);
    assert_true(q.review);
}

/* Everyone right: no discrimination can be worked out; flagged. */
static void everyone_right_is_flagged(void **state)
{
    (void)state;
    const int x[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, y[] = {3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0};
    tl_question_sums s = sums_of(x, y, 11);
    tl_question_stats q;
    assert_true(question_stats(&s, &q));
    assert_true(fabs(q.difficulty - 1) < 1e-12);
    assert_false(q.has_discrimination);
    assert_true(q.review);
}

static void fewer_than_ten_answers_give_nothing(void **state)
{
    (void)state;
    const int x[] = {1, 1, 1, 1, 1, 0, 0, 0, 0}, y[] = {3, 3, 2, 2, 2, 1, 1, 0, 0};
    tl_question_sums s = sums_of(x, y, 9);
    tl_question_stats q = {.difficulty = -1};
    assert_false(question_stats(&s, &q));
    assert_true(q.difficulty == -1);
}

/* 0 and 5 are shown; 1 and 4 never are, only that there is a small cell. */
static void small_cells_0_1_4_5(void **state)
{
    (void)state;
    tl_protected_count c0 = small_cell_protect(0), c1 = small_cell_protect(1), c4 = small_cell_protect(4),
                       c5 = small_cell_protect(5);
    assert_true(c0.shown == 0 && c0.small == 0);
    assert_true(c1.shown == 0 && c1.small == 1);
    assert_true(c4.shown == 0 && c4.small == 1);
    assert_true(c5.shown == 5 && c5.small == 0);
    assert_true(protected_min(c1) == 1 && protected_max(c1) == 4);
    /* Merged: 5 and a small cell lie between 6 and 9; two small cells
     * between 2 and 8, never "fewer than 5". */
    tl_protected_count m = protected_add(c5, c4);
    assert_true(m.shown == 5 && m.small == 1);
    assert_true(protected_min(m) == 6 && protected_max(m) == 9);
    m = protected_add(c1, c4);
    assert_true(protected_min(m) == 2 && protected_max(m) == 8);
}

/* Ten participants take the pre-check (4 questions) with scores 4 4 3 3 2
 * 2 1 1 0 0, each right on the first `score` questions. q1: x = 1 1 1 1 1
 * 1 1 1 0 0, y = score - x = 3 3 2 2 1 1 0 0 0 0: n = 10, Sx = 8, Sy = 12,
 * Syy = 28, Sxy = 12, r = (120 - 96) / sqrt(16 * 136) = 0.51, difficulty
 * 80.0 %. A module check with one attempt has too few answers. */
static void the_report_analyses_questions_with_ten_answers(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    tl_store *s = fx_store(dir, "site.db");
    fx_site f = {s, 1, 0};
    tl_error err = {0};
    tl_id org;
    fx_ok(store_organisation(s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &org, &err), &err);
    tl_id ses = fx_session(&f, 1, TL_SESSION_GROUP, "course-a", "1", "2025-03-10", "09:00", "12:00", "T");
    const int scores[] = {4, 4, 3, 3, 2, 2, 1, 1, 0, 0};
    for (int i = 0; i < 10; i++) {
        tl_id p;
        fx_ok(store_participant_add(s, NULL, org, TL_LEVEL_OPERATIONAL, &p, &err), &err);
        fx_attend(&f, ses, p, TL_ATT_PRESENT);
        fx_attempt(&f, ses, p, "pre_post", TL_PHASE_PRE, scores[i], 4, scores[i] >= 3);
        if (i == 0)
            fx_attempt(&f, ses, p, "law", TL_PHASE_MODULE, 2, 2, true);
    }
    tl_report *r;
    fx_ok(report_open(s, &(tl_report_filter){0}, NULL, &r, &err), &err);
    tl_report_question q;
    bool has;
    fx_ok(report_next_question(r, &q, &has, &err), &err);
    assert_true(has);
    assert_string_equal(q.curriculum_id, "course-a");
    assert_string_equal(q.check_id, "pre_post");
    assert_string_equal(q.question_id, "q1");
    assert_true(q.answers == 10 && q.right == 8);
    assert_true(fabs(q.stats.difficulty - 0.8) < 1e-12);
    assert_true(fabs(q.stats.discrimination - 24 / sqrt(16.0 * 136)) < 1e-12);
    assert_false(q.stats.review);
    int n = 1;
    while ((fx_ok(report_next_question(r, &q, &has, &err), &err), has))
        n++;
    assert_int_equal(n, 4); /* q1 to q4 of pre_post; law's q1, q2 have one answer each */
    report_close(r);
    store_close(s);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stronger_participants_answer_right),
        cmocka_unit_test(weaker_participants_answer_right),
        cmocka_unit_test(no_separation_is_flagged),
        cmocka_unit_test(everyone_right_is_flagged),
        cmocka_unit_test(fewer_than_ten_answers_give_nothing),
        cmocka_unit_test(small_cells_0_1_4_5),
        cmocka_unit_test(the_report_analyses_questions_with_ten_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
