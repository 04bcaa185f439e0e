/* The personal-number check: every written form of a Swedish personal
 * identity number and coordination number is found, in any part of a text;
 * near misses that are not personal numbers (invalid dates, wrong
 * separators, longer digit runs) pass; the check digit is ignored. */
#include "testutil.h"

#include "privacy.h"

static void assert_refused(const char *text)
{
    if (!privacy_find_pnr(text, NULL))
        fail_msg("not refused: \"%s\"", text);
}

static void assert_allowed(const char *text)
{
    tl_pnr_match m;
    if (privacy_find_pnr(text, &m))
        fail_msg("refused: \"%s\" (bytes %zu-%zu)", text, m.start, m.end);
}

static void written_forms(void **state)
{
    (void)state;
    assert_refused("850317-1234");   /* YYMMDD-NNNN */
    assert_refused("850317+1234");   /* YYMMDD+NNNN: 100 years or older */
    assert_refused("8503171234");    /* YYMMDDNNNN */
    assert_refused("198503171234");  /* YYYYMMDDNNNN */
    assert_refused("19850317-1234"); /* YYYYMMDD-NNNN */
    assert_refused("850317 1234");
    assert_refused("19850317 1234");
    assert_refused("85 03 17 - 1234");
    assert_refused("1985-03-17-1234");
    assert_refused("1985-03-17 1234");
    assert_refused("18991231-1234"); /* century 18 */
    assert_refused("20100101-0000");
}

static void inside_a_text(void **state)
{
    (void)state;
    tl_pnr_match m;
    const char *text = "Ärende 850317-1234, 3 kvinnor";
    assert_true(privacy_find_pnr(text, &m));
    assert_int_equal(m.start, strlen("Ärende "));
    assert_int_equal(m.end, strlen("Ärende 850317-1234"));
    assert_false(m.coordination);
    assert_refused("ärende850317-1234");
    assert_refused("850317-1234 3");     /* another number after it */
    assert_refused("850317-1234-5");
    assert_refused("nr 12 850317-1234"); /* and before it */
    assert_refused("first 12345, then 19850317-1234");
}

static void coordination_numbers(void **state)
{
    (void)state;
    tl_pnr_match m;
    assert_true(privacy_find_pnr("850377-1234", &m)); /* 17 + 60 */
    assert_true(m.coordination);
    assert_true(privacy_find_pnr("19850361-1234", &m)); /* 1 + 60 */
    assert_true(m.coordination);
    assert_refused("850391-1234");  /* 31 + 60 in March */
    assert_allowed("850491-1234");  /* 31 + 60 in April: no such day */
    assert_allowed("850360-1234");  /* day 60 is neither */
    assert_allowed("850392-1234");  /* 32 + 60 */
    assert_refused("000289-1234");  /* 29 Feb + 60, 2000 */
}

static void real_dates_only(void **state)
{
    (void)state;
    assert_allowed("851317-1234");   /* month 13 */
    assert_allowed("850017-1234");   /* month 0 */
    assert_allowed("850300-1234");   /* day 0 */
    assert_allowed("850431-1234");   /* 31 April */
    assert_allowed("19850229-1234"); /* 1985 is no leap year */
    assert_refused("19840229-1234");
    assert_refused("840229-1234");
    assert_refused("000229-1234");   /* 2000 was a leap year */
    assert_allowed("010229-1234");   /* neither 1901 nor 2001 was */
    assert_allowed("21850317-1234"); /* century 21 */
    assert_allowed("17850317-1234"); /* century 17 */
    assert_allowed("1234567890");    /* 12-34-56 */
}

static void check_digit_ignored(void **state)
{
    (void)state;
    /* 811218-9876 has a valid check digit; -9875 has not: both refused */
    assert_refused("811218-9876");
    assert_refused("811218-9875");
}

static void not_personal_numbers(void **state)
{
    (void)state;
    assert_allowed("");
    assert_allowed("Case 17");
    assert_allowed("Ärende 2024-117");
    assert_allowed("850317-123");           /* 9 digits */
    assert_allowed("850317-12345");         /* 11 digits */
    assert_allowed("19850317123456");       /* a 14-digit run is not split */
    assert_allowed("98850317-1234");        /* 12 digits, century 98 */
    assert_allowed("070-123 45 67");        /* a phone number: separators elsewhere */
    assert_allowed("0046 70 123 45 67");
    assert_allowed("020-39 00 00");
    assert_allowed("850317_1234");          /* not a separator */
    assert_allowed("850317    1234");       /* too many separators */
    assert_allowed("850-317-1234");         /* separator inside the month */
    assert_allowed("Besök 2024-05-17 kl 14:30, 3 kvinnor");
    assert_allowed("2024-05-17 14.30");
    assert_allowed("85\xc2\xa0" "0317-1234x"); /* only 8 ASCII digits joined */
}

static void refusal_text(void **state)
{
    (void)state;
    tl_pnr_match m;
    char buf[512];
    assert_true(privacy_find_pnr("850317-1234", &m));
    privacy_refusal("The case reference", &m, buf, sizeof buf);
    assert_non_null(strstr(buf, "The case reference looks like a Swedish personal identity number"));
    assert_non_null(strstr(buf, "stores no personal data"));
    assert_null(strstr(buf, "850317")); /* the number is not repeated */
    assert_true(privacy_find_pnr("850377-1234", &m));
    privacy_refusal("The note", &m, buf, sizeof buf);
    assert_non_null(strstr(buf, "The note looks like a Swedish coordination number"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(written_forms),
        cmocka_unit_test(inside_a_text),
        cmocka_unit_test(coordination_numbers),
        cmocka_unit_test(real_dates_only),
        cmocka_unit_test(check_digit_ignored),
        cmocka_unit_test(not_personal_numbers),
        cmocka_unit_test(refusal_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
