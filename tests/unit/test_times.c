/* Times as people type them: 9:00, 9.00, 0900 and 900 are all 09:00; what
 * is not a time of day is refused and leaves the output as it was. */
#include "testutil.h"

#include "dates.h"

static void accepted_forms(void **state)
{
    (void)state;
    const char *forms[][2] = {{"9:00", "09:00"}, {"09:00", "09:00"}, {"9.00", "09:00"}, {"0900", "09:00"},
                              {"900", "09:00"},  {"13.30", "13:30"}, {"1330", "13:30"}, {" 7:05 ", "07:05"},
                              {"0:00", "00:00"}, {"23:59", "23:59"}, {"2359", "23:59"}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char out[6] = "";
        if (!hhmm_parse(forms[i][0], out))
            fail_msg("'%s' was refused", forms[i][0]);
        assert_string_equal(out, forms[i][1]);
    }
}

static void refused_forms(void **state)
{
    (void)state;
    const char *bad[] = {"",      "9",     "90",    "24:00", "9:60",  "12:5", "123:00", "12345", "9:00:00",
                         "9 : 00", "9h00", "-9:00", "9:0a",  "9..00", ":900", "12:30pm", "९:००"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[6] = "same";
        if (hhmm_parse(bad[i], out))
            fail_msg("'%s' was taken as %s", bad[i], out);
        assert_string_equal(out, "same");
    }
}

static void parses_in_place(void **state)
{
    (void)state;
    char buf[16] = "830";
    assert_true(hhmm_parse(buf, buf));
    assert_string_equal(buf, "08:30");
}

/* The minutes of someone late or leaving early: 1 to 1440, or nothing. */
static void minutes_as_typed(void **state)
{
    (void)state;
    const struct {
        const char *in;
        int minutes;
    } ok[] = {{"45", 45}, {" 90 ", 90}, {"1", 1}, {"1440", 1440}, {"", -1}, {"   ", -1}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int m = 7;
        if (!minutes_parse(ok[i].in, &m))
            fail_msg("'%s' was refused", ok[i].in);
        assert_int_equal(m, ok[i].minutes);
    }
    const char *bad[] = {"0", "1441", "-5", "+5", "4 5", "45m", "1.5", "x", "99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int m = 7;
        if (minutes_parse(bad[i], &m))
            fail_msg("'%s' was taken as %d", bad[i], m);
        assert_int_equal(m, 7);
    }
}

/* The monthly chart's empty months are made with it. */
static void the_month_after(void **state)
{
    (void)state;
    char out[8];
    assert_true(month_after("2025-03", out));
    assert_string_equal(out, "2025-04");
    assert_true(month_after("2025-12", out));
    assert_string_equal(out, "2026-01");
    assert_false(month_after("2025-13", out));
    assert_false(month_after("2025-3", out));
    assert_false(month_after("2025-03-01", out));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_forms),
        cmocka_unit_test(refused_forms),
        cmocka_unit_test(parses_in_place),
        cmocka_unit_test(minutes_as_typed),
        cmocka_unit_test(the_month_after),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
