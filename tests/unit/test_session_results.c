/* The results table of a whole group: roll-call order and places, the
 * attendance with its minutes, the first pre-check and the last post-check
 * (as the report picks them) and the gain, module checks taken and passed,
 * modules completed; someone recorded without a roll call comes last; an
 * empty session gives an empty table. */
#include "store_fixture.h"

#include "session_results.h"
#include "store_edit.h"
#include "store_internal.h"

static tl_id person(store_fixture *f, tl_id org, const char *name)
{
    tl_id id;
    tl_error err = {0};
    assert_int_equal(store_participant_add(f->s, name, org, TL_LEVEL_OPERATIONAL, &id, &err), TL_OK);
    return id;
}

/* A finished attempt with score of max, finished at the given time (which
 * decides the first pre-check and the last post-check). */
static void attempt(store_fixture *f, tl_id session, tl_id who, const char *check, tl_phase phase, int score,
                    int max, const char *finished)
{
    tl_id a;
    tl_error err = {0};
    assert_int_equal(store_attempt_start(f->s, session, who, check, phase, &a, &err), TL_OK);
    assert_int_equal(store_attempt_finish(f->s, a, score, max, score * 2 >= max, &err), TL_OK);
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE check_attempt SET finished_at = '%s' WHERE id = %lld", finished,
             (long long)a);
    assert_int_equal(sqlite3_exec(f->s->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void the_group_in_roll_call_order(void **state)
{
    store_fixture *f = *state;
    tl_error err = {0};
    tl_id org, session = store_fixture_session(f, "2025-05-06");
    assert_int_equal(store_organisation(f->s, "Lunds kommun", TL_ORG_SOCIAL_SERVICES, &org, &err), TL_OK);
    tl_id cia = person(f, org, "Cia"), anon = person(f, org, NULL), bo = person(f, org, "Bo");
    assert_int_equal(store_attendance_set(f->s, session, cia, TL_ATT_PRESENT, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, session, anon, TL_ATT_LEFT_EARLY, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_minutes(f->s, session, anon, 70, &err), TL_OK);
    /* Bo has pages but no attendance: recorded, after the roll call */
    assert_int_equal(store_progress_set(f->s, session, bo, "m1", 2, 3, 30, true, &err), TL_OK);
    attempt(f, session, cia, "pre_post", TL_PHASE_PRE, 2, 4, "2025-05-06T09:05:00Z");
    attempt(f, session, cia, "pre_post", TL_PHASE_PRE, 4, 4, "2025-05-06T09:06:00Z"); /* not the first */
    attempt(f, session, cia, "pre_post", TL_PHASE_POST, 3, 4, "2025-05-06T11:00:00Z");
    attempt(f, session, cia, "m1", TL_PHASE_MODULE, 1, 4, "2025-05-06T10:00:00Z");
    attempt(f, session, cia, "m1", TL_PHASE_MODULE, 4, 4, "2025-05-06T10:10:00Z");
    attempt(f, session, cia, "m2", TL_PHASE_MODULE, 1, 4, "2025-05-06T10:20:00Z");

    tl_session_results r;
    assert_int_equal(session_results(f->s, session, &r, &err), TL_OK);
    assert_int_equal(r.n, 3);
    const tl_result_row *c = &r.rows[0], *a = &r.rows[1], *b = &r.rows[2];
    assert_string_equal(c->name, "Cia");
    assert_int_equal(c->place, 1);
    assert_true(c->has_status);
    assert_int_equal(c->status, TL_ATT_PRESENT);
    assert_true(c->pre > 49.9 && c->pre < 50.1);
    assert_true(c->post > 74.9 && c->post < 75.1);
    double gain;
    assert_true(result_gain(c, &gain));
    assert_true(gain > 24.9 && gain < 25.1);
    assert_int_equal(c->module_checks_taken, 2);
    assert_int_equal(c->module_checks_passed, 1);
    assert_null(a->name);
    assert_int_equal(a->place, 2);
    assert_int_equal(a->status, TL_ATT_LEFT_EARLY);
    assert_int_equal(a->minutes, 70);
    assert_false(result_gain(a, &gain));
    assert_string_equal(b->name, "Bo");
    assert_false(b->has_status);
    assert_int_equal(b->modules_completed, 1);
    assert_int_equal(b->minutes, -1);
    assert_true(b->pre < 0);
    assert_string_equal(b->organisation, "Lunds kommun");
    session_results_free(&r);

    tl_id empty = store_fixture_session(f, "2025-05-07");
    assert_int_equal(session_results(f->s, empty, &r, &err), TL_OK);
    assert_int_equal(r.n, 0);
    session_results_free(&r);
}

static int setup(void **state)
{
    store_fixture_setup(state, sizeof(store_fixture));
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_group_in_roll_call_order, setup, store_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
