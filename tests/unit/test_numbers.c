/* Numbers in the statistics as each language writes them. */
#include "testutil.h"

#include "numbers.h"

static void decimal_comma_in_swedish(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(number_text(buf, sizeof buf, 50, 1, false, "sv"), "50,0");
    assert_string_equal(number_text(buf, sizeof buf, 12.25, 2, true, "sv"), "+12,25");
    assert_string_equal(number_text(buf, sizeof buf, -3.5, 1, true, "sv"), "-3,5");
    assert_string_equal(number_text(buf, sizeof buf, 50, 1, false, "en"), "50.0");
    assert_string_equal(number_text(buf, sizeof buf, 7, 0, true, "en"), "+7");
    assert_string_equal(number_text(buf, sizeof buf, 7, 0, false, "sv"), "7");
}

static void percent_with_a_space_in_swedish(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(percent_text(buf, sizeof buf, 25, 0, "sv"), "25 %");
    assert_string_equal(percent_text(buf, sizeof buf, 66.666, 1, "sv"), "66,7 %");
    assert_string_equal(percent_text(buf, sizeof buf, 25, 0, "en"), "25%");
    assert_string_equal(percent_text(buf, sizeof buf, 66.666, 1, NULL), "66.7%");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decimal_comma_in_swedish),
        cmocka_unit_test(percent_with_a_space_in_swedish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
