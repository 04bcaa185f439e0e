/* Recognising a participant who comes back: the list of registered people
 * with a name (filtered by part of the name, in Swedish order, with when they
 * were last seen and whether they are on a roll call already), and adding
 * someone to a roll call only once. */
#include "store_fixture.h"
#include "store_training.h"

/* What a list gave: the names joined by "|", and the rows (owned by the
 * fixture, freed at its teardown). */
typedef struct {
    char names[1024];
    tl_known_participant *rows;
    size_t n;
} listing;

typedef struct {
    store_fixture base; /* first: the fixture is a store_fixture too */
    tl_store *s;
    tl_id org_a, org_b; /* "Arboga kommun", "Örebro kommun" */
    listing lists[32];  /* every list made */
    size_t n_lists;
} fixture;

static int setup(void **state)
{
    fixture *f = (fixture *)store_fixture_setup(state, sizeof(fixture));
    f->s = f->base.s;
    tl_error err = {0};
    assert_int_equal(store_organisation(f->s, "Örebro kommun", TL_ORG_SOCIAL_SERVICES, &f->org_b, &err), TL_OK);
    assert_int_equal(store_organisation(f->s, "Arboga kommun", TL_ORG_POLICE, &f->org_a, &err), TL_OK);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < f->n_lists; i++)
        tl_known_rows_free(f->lists[i].rows, f->lists[i].n);
    return store_fixture_teardown(state);
}

static tl_id person(fixture *f, const char *name, tl_id org, tl_level level)
{
    tl_id id;
    tl_error err = {0};
    assert_int_equal(store_participant_add(f->s, name, org, level, &id, &err), TL_OK);
    return id;
}

static tl_id session_on(fixture *f, const char *date)
{
    return store_fixture_session(&f->base, date);
}

static void attend(fixture *f, tl_id session, tl_id participant)
{
    bool added;
    tl_error err = {0};
    assert_int_equal(store_attendance_add(f->s, session, participant, TL_ATT_PRESENT, &added, &err), TL_OK);
    assert_true(added);
}

static listing list_at_most(fixture *f, const char *fragment, tl_id session, size_t max)
{
    assert_true(f->n_lists < 32);
    listing *l = &f->lists[f->n_lists++];
    tl_error err = {0};
    assert_int_equal(store_participants_named(f->s, fragment, session, max, &l->rows, &l->n, &err), TL_OK);
    for (size_t i = 0; i < l->n; i++) {
        size_t used = strlen(l->names);
        snprintf(l->names + used, sizeof l->names - used, "%s%s", used ? "|" : "", l->rows[i].person.name);
    }
    return *l;
}

static listing list(fixture *f, const char *fragment, tl_id session)
{
    return list_at_most(f, fragment, session, SIZE_MAX);
}

static void pseudonymous_ones_are_not_listed(void **state)
{
    fixture *f = *state;
    person(f, NULL, f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "   ", f->org_a, TL_LEVEL_OPERATIONAL); /* spaces only: no name either */
    assert_int_equal(list(f, NULL, 0).n, 0);
    person(f, "Anna Berg", f->org_a, TL_LEVEL_STRATEGIC);
    listing l = list(f, "", 0);
    assert_string_equal(l.names, "Anna Berg");
    assert_string_equal(l.rows[0].person.organisation, "Arboga kommun");
    assert_int_equal(l.rows[0].person.org_type, TL_ORG_POLICE);
    assert_int_equal(l.rows[0].person.level, TL_LEVEL_STRATEGIC);
    assert_false(l.rows[0].in_session);
}

static void part_of_the_name_finds_them_case_aside(void **state)
{
    fixture *f = *state;
    person(f, "Anna Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Bo Bergström", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Åsa Öberg", f->org_b, TL_LEVEL_OPERATIONAL);
    person(f, "Carl Lind", f->org_b, TL_LEVEL_OPERATIONAL);
    assert_string_equal(list(f, "berg", 0).names, "Anna Berg|Bo Bergström|Åsa Öberg");
    assert_string_equal(list(f, "  BERG ", 0).names, "Anna Berg|Bo Bergström|Åsa Öberg");
    assert_string_equal(list(f, "åsa", 0).names, "Åsa Öberg");
    assert_string_equal(list(f, "ÖBERG", 0).names, "Åsa Öberg");
    assert_string_equal(list(f, "lind", 0).names, "Carl Lind");
    assert_int_equal(list(f, "Dag", 0).n, 0);
}

static void percent_underscore_and_backslash_are_plain(void **state)
{
    fixture *f = *state;
    person(f, "Anna Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Anna_Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Lind 100%", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Lind 1000", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Ek\\Ask", f->org_a, TL_LEVEL_OPERATIONAL);
    /* As wildcards, _ would match the space and % anything at all. */
    assert_string_equal(list(f, "a_b", 0).names, "Anna_Berg");
    assert_string_equal(list(f, "_", 0).names, "Anna_Berg");
    assert_string_equal(list(f, "100%", 0).names, "Lind 100%");
    assert_string_equal(list(f, "%", 0).names, "Lind 100%");
    assert_string_equal(list(f, "\\", 0).names, "Ek\\Ask");
    assert_string_equal(list(f, "k\\a", 0).names, "Ek\\Ask");
}

static void swedish_order_then_organisation_then_latest_seen(void **state)
{
    fixture *f = *state;
    const char *names[] = {"Örjan Ek", "Zelda Ny", "Åsa Ek", "Émile Ek", "Ärla Ek", "Adam Ek"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        person(f, names[i], f->org_a, TL_LEVEL_OPERATIONAL);
    assert_string_equal(list(f, NULL, 0).names, "Adam Ek|Émile Ek|Zelda Ny|Åsa Ek|Ärla Ek|Örjan Ek");

    /* Namesakes: Arboga before Örebro; within one organisation the one seen
     * most recently first. */
    tl_id orebro = person(f, "Bo Berg", f->org_b, TL_LEVEL_OPERATIONAL);
    tl_id early = person(f, "Bo Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    tl_id late = person(f, "Bo Berg", f->org_a, TL_LEVEL_STRATEGIC);
    attend(f, session_on(f, "2025-01-10"), early);
    tl_id march = session_on(f, "2025-03-05");
    attend(f, march, late);
    attend(f, session_on(f, "2024-12-01"), late);
    attend(f, march, orebro);
    listing l = list(f, "bo berg", 0);
    assert_int_equal(l.n, 3);
    assert_true(l.rows[0].person.participant == late);
    assert_string_equal(l.rows[0].last_seen, "2025-03-05");
    assert_true(l.rows[1].person.participant == early);
    assert_string_equal(l.rows[1].last_seen, "2025-01-10");
    assert_true(l.rows[2].person.participant == orebro);
    assert_string_equal(l.rows[2].person.organisation, "Örebro kommun");
}

static void never_seen_shows_when_registered(void **state)
{
    fixture *f = *state;
    person(f, "Anna Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    int64_t same = 0;
    tl_error err = {0};
    listing l = list(f, "anna", 0);
    assert_int_equal(l.n, 1);
    assert_int_equal(strlen(l.rows[0].last_seen), 10);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM participant WHERE substr(created_at, 1, 10) = '%s'",
             l.rows[0].last_seen);
    assert_int_equal(store_count(f->s, sql, &same, &err), TL_OK);
    assert_int_equal(same, 1);
}

static void the_list_stops_at_its_most(void **state)
{
    fixture *f = *state;
    person(f, "Anna Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Bo Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    person(f, "Carl Berg", f->org_a, TL_LEVEL_OPERATIONAL);
    assert_string_equal(list_at_most(f, "berg", 0, 2).names, "Anna Berg|Bo Berg");
}

static void on_the_roll_call_only_once(void **state)
{
    fixture *f = *state;
    tl_id anna = person(f, "Anna Berg", f->org_a, TL_LEVEL_STRATEGIC);
    tl_id first = session_on(f, "2025-03-05"), second = session_on(f, "2025-04-02");
    tl_error err = {0};
    assert_int_equal(store_attendance_set(f->s, first, anna, TL_ATT_LATE, "kom 09:20", &err), TL_OK);

    listing l = list(f, "anna", first);
    assert_true(l.rows[0].in_session);
    assert_int_equal(l.rows[0].person.status, TL_ATT_LATE);
    assert_string_equal(l.rows[0].person.remark, "kom 09:20");
    assert_false(list(f, "anna", second).rows[0].in_session);

    bool added = true;
    assert_int_equal(store_attendance_add(f->s, first, anna, TL_ATT_PRESENT, &added, &err), TL_OK);
    assert_false(added);
    int64_t kept = 0;
    assert_int_equal(store_count(f->s, "SELECT count(*) FROM attendance WHERE status = 'late' "
                                       "AND remark = 'kom 09:20'", &kept, &err), TL_OK);
    assert_int_equal(kept, 1);

    attend(f, second, anna);
    assert_true(list(f, "anna", second).rows[0].in_session);
    int64_t people = 0, attendances = 0;
    assert_int_equal(store_count(f->s, "SELECT count(*) FROM participant", &people, &err), TL_OK);
    assert_int_equal(store_count(f->s, "SELECT count(*) FROM attendance", &attendances, &err), TL_OK);
    assert_int_equal(people, 1);
    assert_int_equal(attendances, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(pseudonymous_ones_are_not_listed, setup, teardown),
        cmocka_unit_test_setup_teardown(part_of_the_name_finds_them_case_aside, setup, teardown),
        cmocka_unit_test_setup_teardown(percent_underscore_and_backslash_are_plain, setup, teardown),
        cmocka_unit_test_setup_teardown(swedish_order_then_organisation_then_latest_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(never_seen_shows_when_registered, setup, teardown),
        cmocka_unit_test_setup_teardown(the_list_stops_at_its_most, setup, teardown),
        cmocka_unit_test_setup_teardown(on_the_roll_call_only_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
