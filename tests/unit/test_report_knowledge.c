/* Which pre- and post-check count for a participant's knowledge gained:
 * per curriculum version, the first finished pre-check and the last
 * finished post-check, by finish time and then by attempt id when two
 * finish in the same second, across all the sessions of the period
 * (docs/report-format.md). core/report.c picks them with its own aggregate
 * functions; this holds them to the definition, ties included. */
#include "report_fixture.h"

#include "report.h"

typedef struct {
    char *dir;
    tl_store *s;
    tl_report *r;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->s = fx_store(f->dir, "site.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    report_close(f->r);
    store_close(f->s);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* One finished attempt of p in session, score of 4, finished at when, with
 * the given id. */
static void attempt_at(tl_store *s, tl_id session, tl_id p, tl_phase phase, int score, const char *when,
                       const char *uuid)
{
    tl_id a;
    tl_error err = {0};
    fx_ok(store_attempt_start(s, session, p, "pre_post", phase, &a, &err), &err);
    fx_ok(store_attempt_finish(s, a, score, 4, score >= 3, &err), &err);
    fx_ok(sql_run(s, &err, NULL, "UPDATE check_attempt SET finished_at = ?, uuid = ? WHERE id = ?", "tti",
                  when, uuid, (int64_t)a),
          &err);
}

static tl_report_knowledge knowledge_of(fixture *f)
{
    tl_error err = {0};
    report_close(f->r);
    fx_ok(report_open(f->s, &(tl_report_filter){0}, NULL, &f->r, &err), &err);
    tl_report_curriculum c;
    bool has;
    fx_ok(report_next_curriculum(f->r, &c, &has, &err), &err);
    assert_true(has);
    return c.knowledge;
}

static void first_pre_and_last_post_with_ties_broken_by_id(void **state)
{
    fixture *f = *state;
    fx_site site = {f->s, 1, 0};
    tl_error err = {0};
    tl_id org, p;
    fx_ok(store_organisation(f->s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &org, &err), &err);
    fx_ok(store_participant_add(f->s, NULL, org, TL_LEVEL_OPERATIONAL, &p, &err), &err);
    tl_id march = fx_session(&site, 1, TL_SESSION_GROUP, "course-a", "1", "2025-03-10", "09:00", "12:00", NULL);
    tl_id april = fx_session(&site, 2, TL_SESSION_GROUP, "course-a", "1", "2025-04-10", "09:00", "12:00", NULL);
    fx_attend(&site, march, p, TL_ATT_PRESENT);
    fx_attend(&site, april, p, TL_ATT_PRESENT);
    /* Two pre-checks in the same second: the smaller id is first (2 of 4). */
    attempt_at(f->s, march, p, TL_PHASE_PRE, 1, "2025-03-10T10:00:00Z", "00000000-0000-4000-8000-00000000000b");
    attempt_at(f->s, march, p, TL_PHASE_PRE, 2, "2025-03-10T10:00:00Z", "00000000-0000-4000-8000-00000000000a");
    /* Two post-checks in the same second of the later session: the greater
     * id is last (4 of 4); an earlier one in the first session does not
     * count. */
    attempt_at(f->s, march, p, TL_PHASE_POST, 1, "2025-03-10T11:00:00Z", "00000000-0000-4000-8000-00000000000f");
    attempt_at(f->s, april, p, TL_PHASE_POST, 4, "2025-04-10T11:00:00Z", "00000000-0000-4000-8000-00000000000d");
    attempt_at(f->s, april, p, TL_PHASE_POST, 3, "2025-04-10T11:00:00Z", "00000000-0000-4000-8000-00000000000c");
    tl_report_knowledge k = knowledge_of(f);
    assert_int_equal(k.pre_n, 1);
    assert_int_equal(k.post_n, 1);
    assert_int_equal(k.both_n, 1);
    assert_true(k.pre_mean == 50.0);
    assert_true(k.post_mean == 100.0);
    assert_true(k.gain_mean == 50.0);

    /* A pre-check finished earlier, in the later session, becomes the first. */
    attempt_at(f->s, april, p, TL_PHASE_PRE, 3, "2025-03-01T08:00:00Z", "00000000-0000-4000-8000-0000000000ff");
    k = knowledge_of(f);
    assert_int_equal(k.pre_n, 1);
    assert_true(k.pre_mean == 75.0);
    assert_true(k.gain_mean == 25.0);
}

/* A participant with only a post-check has no pair; unfinished and unscored
 * attempts never count. */
static void unpaired_and_unfinished(void **state)
{
    fixture *f = *state;
    fx_site site = {f->s, 1, 0};
    tl_error err = {0};
    tl_id org, p, q;
    fx_ok(store_organisation(f->s, "Polisen Syd", TL_ORG_POLICE, &org, &err), &err);
    fx_ok(store_participant_add(f->s, NULL, org, TL_LEVEL_STRATEGIC, &p, &err), &err);
    fx_ok(store_participant_add(f->s, NULL, org, TL_LEVEL_STRATEGIC, &q, &err), &err);
    tl_id s = fx_session(&site, 1, TL_SESSION_GROUP, "course-a", "1", "2025-05-05", "09:00", "12:00", NULL);
    fx_attend(&site, s, p, TL_ATT_PRESENT);
    fx_attend(&site, s, q, TL_ATT_PRESENT);
    attempt_at(f->s, s, p, TL_PHASE_POST, 2, "2025-05-05T11:00:00Z", "00000000-0000-4000-8000-000000000001");
    tl_id open;
    fx_ok(store_attempt_start(f->s, s, q, "pre_post", TL_PHASE_PRE, &open, &err), &err); /* never finished */
    tl_report_knowledge k = knowledge_of(f);
    assert_int_equal(k.pre_n, 0);
    assert_int_equal(k.post_n, 1);
    assert_int_equal(k.both_n, 0);
    assert_true(k.post_mean == 50.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(first_pre_and_last_post_with_ties_broken_by_id, setup, teardown),
        cmocka_unit_test_setup_teardown(unpaired_and_unfinished, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
