/* A typed curriculum or organisation against those the store knows: found
 * case and accents aside (the collation's first level, with å, ä, ö as
 * letters of their own), else the nearest names, nearest first; and a
 * report narrowed to an organisation typed in other case counts it. */
#include "testutil.h"

#include "collate.h"
#include "report.h"
#include "report_scope.h"

static const char *const orgs[] = {"Café Lotus", "Länsstyrelsen Skåne", "Malmö Kommun", "Malmö stad",
                                   "Polisen Syd"};
enum { N_ORGS = sizeof orgs / sizeof orgs[0] };

static void first_level_ignores_case_and_accents(void **state)
{
    (void)state;
    const char *same[][2] = {{"malmö stad", "Malmö Stad"}, {"CAFE lotus", "Café Lotus"}, {"Ubeda", "Úbeda"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_int_equal(sv_compare_primary(same[i][0], strlen(same[i][0]), same[i][1], strlen(same[i][1])), 0);
    const char *differ[][2] = {{"Malmo", "Malmö"}, {"skane", "skåne"}, {"Malmö", "Malmö stad"}};
    for (size_t i = 0; i < sizeof differ / sizeof differ[0]; i++)
        assert_int_not_equal(
            sv_compare_primary(differ[i][0], strlen(differ[i][0]), differ[i][1], strlen(differ[i][1])), 0);
}

static void distance_counts_letters(void **state)
{
    (void)state;
    assert_int_equal(sv_distance("", ""), 0);
    assert_int_equal(sv_distance("Malmö", "MALMÖ"), 0);
    assert_int_equal(sv_distance("Malmo", "Malmö"), 1); /* one letter, two bytes */
    assert_int_equal(sv_distance("Polisen Sud", "Polisen Syd"), 1);
    assert_int_equal(sv_distance("abc", ""), 3);
    assert_int_equal(sv_distance("kitten", "sitting"), 3);
}

static void found_gives_the_stored_spelling(void **state)
{
    (void)state;
    tl_scope_match m;
    scope_match_names(orgs, N_ORGS, "MALMÖ STAD", &m);
    assert_true(m.found);
    assert_string_equal(m.spelling, "Malmö stad");
    assert_int_equal(m.n_closest, 0);
    scope_match_free(&m);
    /* Of two spellings, the one typed exactly. */
    const char *twice[] = {"Malmö Stad", "Malmö stad"};
    scope_match_names(twice, 2, "Malmö stad", &m);
    assert_string_equal(m.spelling, "Malmö stad");
    scope_match_free(&m);
}

static void not_found_names_the_nearest(void **state)
{
    (void)state;
    tl_scope_match m;
    scope_match_names(orgs, N_ORGS, "Malmo stad", &m);
    assert_false(m.found);
    assert_int_equal(m.n_known, N_ORGS);
    assert_int_equal(m.n_closest, 1);
    assert_string_equal(m.closest[0], "Malmö stad");
    scope_match_free(&m);
    /* A part of a name is near it; the nearest come first, at most three. */
    scope_match_names(orgs, N_ORGS, "malmö", &m);
    assert_int_equal(m.n_closest, 2);
    assert_string_equal(m.closest[0], "Malmö Kommun");
    assert_string_equal(m.closest[1], "Malmö stad");
    scope_match_free(&m);
    const char *many[] = {"ab", "abc", "abcd", "abcde", "abd"};
    scope_match_names(many, 5, "abx", &m);
    assert_int_equal(m.n_closest, SCOPE_SUGGESTIONS);
    assert_string_equal(m.closest[0], "ab");
    assert_string_equal(m.closest[1], "abc");
    assert_string_equal(m.closest[2], "abd");
    scope_match_free(&m);
    scope_match_names(orgs, N_ORGS, "Socialtjänsten", &m);
    assert_int_equal(m.n_closest, 0);
    scope_match_free(&m);
    scope_match_names(NULL, 0, "x", &m);
    assert_false(m.found);
    assert_int_equal(m.n_known, 0);
    scope_match_free(&m);
}

static void the_store_matches_and_reports_across_case(void **state)
{
    test_folder *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    tl_id org, lower, person, session;
    assert_int_equal(store_organisation(s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &org, &err), TL_OK);
    assert_int_equal(store_organisation(s, "malmö stad", TL_ORG_SOCIAL_SERVICES, &lower, &err), TL_OK);
    char uuid[37];
    tl_session_info info = {TL_SESSION_GROUP, "course", "1", "0123456789abcdef", "2025-05-01", "09:00",
                            NULL, NULL, NULL};
    assert_int_equal(store_session_create(s, &info, &session, uuid, &err), TL_OK);
    tl_id orgs_of[] = {org, lower};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(store_participant_add(s, NULL, orgs_of[i], TL_LEVEL_OPERATIONAL, &person, &err), TL_OK);
        assert_int_equal(store_attendance_set(s, session, person, TL_ATT_PRESENT, NULL, &err), TL_OK);
    }
    tl_scope_match m;
    assert_int_equal(scope_match_organisation(s, "MALMÖ STAD", &m, &err), TL_OK);
    assert_true(m.found);
    assert_string_equal(m.spelling, "malmö stad"); /* the first in Swedish order */
    scope_match_free(&m);
    assert_int_equal(scope_match_curriculum(s, NULL, "cours", &m, &err), TL_OK);
    assert_false(m.found);
    assert_int_equal(m.n_closest, 1);
    assert_string_equal(m.closest[0], "course");
    scope_match_free(&m);
    /* Both spellings are the organisation asked for. */
    tl_report_filter filter = {.organisation = "Malmö stad"};
    tl_report *r;
    assert_int_equal(report_open(s, &filter, NULL, &r, &err), TL_OK);
    tl_report_totals t;
    assert_int_equal(report_totals(r, &t, &err), TL_OK);
    assert_int_equal(t.attendances, 2);
    assert_int_equal(t.sessions, 1);
    report_close(r);
    store_close(s);
}

static int setup(void **state)
{
    return test_folder_setup(state, "t.db");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_level_ignores_case_and_accents),
        cmocka_unit_test(distance_counts_letters),
        cmocka_unit_test(found_gives_the_stored_spelling),
        cmocka_unit_test(not_found_names_the_nearest),
        cmocka_unit_test_setup_teardown(the_store_matches_and_reports_across_case, setup, test_folder_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
