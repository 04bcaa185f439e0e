/* Swedish order without a Swedish locale: the comparator (a < z < å < ä < ö,
 * case and accents as tie-breaks, é with e, ü with y, æ with ä, ø with ö) and
 * the store listing organisations in that order through the SQLite
 * collation. */
#include "testutil.h"

#include "collate.h"
#include "store.h"
#include "store_training.h"

static int cmp(const char *a, const char *b)
{
    return sv_compare(a, strlen(a), b, strlen(b));
}

/* Every name sorts before every later one, and equals itself. */
static void assert_order(const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(cmp(names[i], names[i]), 0);
        for (size_t j = i + 1; j < n; j++)
            if (cmp(names[i], names[j]) >= 0 || cmp(names[j], names[i]) <= 0)
                fail_msg("'%s' should sort before '%s'", names[i], names[j]);
    }
}

/* The search of a list: the first level of the order, anywhere in the text. */
static void search_folds_case_and_accents(void **state)
{
    (void)state;
    assert_true(sv_contains("Lunds kommun", "LUND"));
    assert_true(sv_contains("Lunds kommun", "kommun"));
    assert_true(sv_contains("Elín Sigurðardóttir", "elin"));
    assert_true(sv_contains("Rene\xcc\x81" "e Ek", "renee")); /* a combining accent */
    assert_true(sv_contains("Malmö stad", "MALMÖ"));
    assert_true(sv_contains("Åsa", "å"));
    assert_true(sv_contains("anything", ""));
    assert_false(sv_contains("Malmö stad", "malmo")); /* ö is a letter of its own */
    assert_false(sv_contains("Ängelholm", "angel"));
    assert_false(sv_contains("Lund", "Lunds"));
    assert_false(sv_contains("", "a"));
}

static void swedish_letters_after_z(void **state)
{
    (void)state;
    const char *const order[] = {"a", "b", "v", "w", "z", "å", "ä", "ö"};
    assert_order(order, sizeof order / sizeof order[0]);
    const char *const names[] = {"Aneby", "Zinkgruvan", "Åmål", "Älmhult", "Örebro"};
    assert_order(names, sizeof names / sizeof names[0]);
    /* a letter decides before the length does */
    const char *const words[] = {"Malmö", "Malmö stad", "Malmöhus", "Mariestad"};
    assert_order(words, sizeof words / sizeof words[0]);
}

static void case_is_a_tie_break(void **state)
{
    (void)state;
    /* case matters only between names that are otherwise the same */
    const char *const order[] = {"anna", "Anna", "annika", "Bo", "bodil", "åsa", "Åsa", "Östen"};
    assert_order(order, sizeof order / sizeof order[0]);
    assert_true(cmp("ÖSTEN", "östen") > 0);
    assert_true(cmp("Ålund", "älmhult") < 0);
}

static void accents_sort_with_their_letter(void **state)
{
    (void)state;
    /* é is an e: between "Ed" and "Ef", not after z; e before é when all else is equal */
    const char *const order[] = {"Ed", "Ee", "Éf", "Eg", "Zorn"};
    assert_order(order, sizeof order / sizeof order[0]);
    assert_true(cmp("Rene", "René") < 0);
    assert_true(cmp("René", "Renée") < 0);
    assert_true(cmp("Renè", "Renf") < 0);
    /* a combining accent (e + U+0301) sorts like é */
    assert_true(cmp("Re\xcc\x81ne", "Rf") < 0);
    /* Swedish dictionary order: ü as y, æ as ä, ø as ö */
    const char *const nordic[] = {"Mx", "Müller", "Mz", "Mål", "Mæl", "Mäm", "Møl", "Möm"};
    assert_order(nordic, sizeof nordic / sizeof nordic[0]);
}

static void other_characters(void **state)
{
    (void)state;
    /* space and punctuation before digits before letters; other scripts after ö */
    const char *const order[] = {"Polis", "Polis 2", "Polis Syd", "Polis-Syd", "Polis2", "PolisA",
                                 "Polisö", "Polisα", "Polis\xe0\xb8\x81"};
    assert_order(order, sizeof order / sizeof order[0]);
    /* broken UTF-8 never compares equal to something else and does not crash */
    assert_true(cmp("a\xff", "a") > 0);
    assert_true(cmp("a\xc3", "a\xc3\xa5") != 0);
    assert_int_equal(sv_compare("", 0, "", 0), 0);
    /* only equal bytes are equal */
    assert_true(cmp("a", "a ") < 0);
}

static void store_sorts_organisations_in_swedish(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[1024];
    snprintf(path, sizeof path, "%s/t.db", dir);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    const char *names[] = {"Örebro kommun", "Åmåls kommun", "Zinkgruvans skola", "Älmhults kommun",
                           "arbetsförmedlingen", "Ängelholm", "Eslövs kommun", "Émile-skolan"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        tl_id id;
        assert_int_equal(store_organisation(s, names[i], TL_ORG_OTHER_AUTHORITY, &id, &err), TL_OK);
    }
    char got[1024] = "";
    tl_org_row *rows;
    size_t n;
    assert_int_equal(store_organisations(s, &rows, &n, &err), TL_OK);
    for (size_t i = 0; i < n; i++) {
        strcat(got, rows[i].name);
        strcat(got, ";");
    }
    tl_org_rows_free(rows, n);
    assert_string_equal(got, "arbetsförmedlingen;Émile-skolan;Eslövs kommun;Zinkgruvans skola;"
                             "Åmåls kommun;Älmhults kommun;Ängelholm;Örebro kommun;");
    store_close(s);
    test_rmtree(dir);
    free(dir);
}

/* The one case-folding rule of searches, in C and in SQL. */
static void folding_case(void **state)
{
    (void)state;
    char text[] = "ÅSA ÄNGEL ÖBERG Émile ÜLLA ÆØ ŁÓDŹ Ÿ ß × Straße";
    sv_fold(text, strlen(text));
    assert_string_equal(text, "åsa ängel öberg émile ülla æø łódź ÿ ß × straße");
    assert_true(sv_same_but_case("Åsa Öberg", "åsa ÖBERG"));
    assert_false(sv_same_but_case("Åsa", "Asa"));
    char *dir = test_tmpdir(), path[1024];
    snprintf(path, sizeof path, "%s/t.db", dir);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    int64_t same;
    assert_int_equal(store_count(s, "SELECT sv_fold('ÅSA ÖBERG') = 'åsa öberg'", &same, &err), TL_OK);
    assert_int_equal(same, 1);
    store_close(s);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(search_folds_case_and_accents),
        cmocka_unit_test(swedish_letters_after_z),
        cmocka_unit_test(folding_case),
        cmocka_unit_test(case_is_a_tie_break),
        cmocka_unit_test(accents_sort_with_their_letter),
        cmocka_unit_test(other_characters),
        cmocka_unit_test(store_sorts_organisations_in_swedish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
