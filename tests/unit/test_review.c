/* Content that knows when it is stale: review dates as months or days, when
 * one has passed, the warnings `tillit validate` prints (file:line:col) and
 * the notice that names the content past its date. */
#include "testutil.h"

#include "content.h"
#include "dates.h"
#include "review.h"

#define STALE "tests/fixtures/stale/curricula/stale.yaml"
#define CURRENT "tests/fixtures/content/curricula/example.yaml"

static void months_and_dates_are_review_dates(void **state)
{
    (void)state;
    assert_true(month_or_date_valid("2026-12"));
    assert_true(month_or_date_valid("2027-12-31"));
    assert_false(month_or_date_valid("2027-13"));
    assert_false(month_or_date_valid("2027-00"));
    assert_false(month_or_date_valid("2027-1"));
    assert_false(month_or_date_valid("2027-02-30"));
    assert_false(month_or_date_valid("december 2027"));
}

static void a_month_is_due_until_its_last_day(void **state)
{
    (void)state;
    assert_false(due_date_passed("2027-12", "2027-12-01"));
    assert_false(due_date_passed("2027-12", "2027-12-31"));
    assert_true(due_date_passed("2027-12", "2028-01-01"));
    assert_false(due_date_passed("2027-12-15", "2027-12-15"));
    assert_true(due_date_passed("2027-12-15", "2027-12-16"));
    assert_false(due_date_passed("2027-12-15", "2026-12-06"));
}

static tl_content *load(const char *path)
{
    return test_load_content(path);
}

static void warnings_point_at_the_passed_dates(void **state)
{
    (void)state;
    tl_content *c = load(STALE);
    tl_diags d = {0};
    /* 2020-03: the source (2020-01) has passed, the file (2020-06) not yet. */
    assert_int_equal(content_review_warnings(c, "2020-03-01", &d), 1);
    assert_int_equal(d.items[0].severity, TL_DIAG_WARNING);
    assert_int_equal(d.items[0].line, 11);
    assert_int_equal(d.items[0].col, 16);
    assert_non_null(strstr(d.items[0].msg, "source 'brb'"));
    assert_string_equal(content_review_due(c, "2020-03-01"), "2020-01");
    diags_free(&d);
    /* Later both; the notice names the file's own date first. */
    assert_int_equal(content_review_warnings(c, "2026-12-06", &d), 2);
    assert_int_equal(d.items[0].line, 5);
    assert_int_equal(d.items[0].col, 12);
    assert_string_equal(content_review_due(c, "2026-12-06"), "2020-06");
    assert_int_equal(diags_errors(&d, 0), 0);
    diags_free(&d);
    /* Before either date: nothing. */
    assert_int_equal(content_review_warnings(c, "2019-12-31", &d), 0);
    assert_null(content_review_due(c, "2019-12-31"));
    diags_free(&d);
    content_free(c);
}

static void a_file_without_review_by_is_never_due(void **state)
{
    (void)state;
    tl_content *c = load(CURRENT);
    tl_diags d = {0};
    assert_int_equal(content_review_warnings(c, "2099-01-01", &d), 0);
    assert_null(content_review_due(c, "2099-01-01"));
    diags_free(&d);
    content_free(c);
}

static void the_library_names_the_first_file_past_its_date(void **state)
{
    (void)state;
    tl_content *files[] = {load(CURRENT), load(STALE)};
    tl_library lib = {.n_curricula = 2, .curricula = files};
    size_t n = 99;
    assert_ptr_equal(library_first_overdue(&lib, "2026-12-06", &n), files[1]);
    assert_int_equal(n, 1);
    assert_null(library_first_overdue(&lib, "2019-01-01", &n));
    assert_int_equal(n, 0);
    content_free(files[0]);
    content_free(files[1]);
}

static void shipped_content_is_not_past_its_review_date_when_reviewed(void **state)
{
    (void)state;
    /* Every shipped file says by when it must be reviewed again, at most
     * about a year after its review (13 months: reviewed 2026-12 gives
     * review_by 2027-12 at the latest). */
    const char *dirs[] = {"curricula", "checklists"};
    for (size_t k = 0; k < 2; k++) {
        char **files;
        size_t n;
        tl_error err = {0};
        assert_int_equal(content_find_files(dirs[k], &files, &n, &err), TL_OK);
        assert_true(n > 0);
        for (size_t i = 0; i < n; i++) {
            tl_content *c = load(files[i]);
            const tl_header *h = c->u.h;
            if (!h->review_by.date)
                fail_msg("%s has no review_by", files[i]);
            int ry = atoi(h->reviewed), rm = atoi(h->reviewed + 5);
            int dy = atoi(h->review_by.date), dm = atoi(h->review_by.date + 5);
            int months = (dy - ry) * 12 + (dm - rm);
            if (months < 1 || months > 13)
                fail_msg("%s: review_by %s is %d months after reviewed %s", files[i], h->review_by.date,
                         months, h->reviewed);
            content_free(c);
        }
        paths_free(files, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(months_and_dates_are_review_dates),
        cmocka_unit_test(a_month_is_due_until_its_last_day),
        cmocka_unit_test(warnings_point_at_the_passed_dates),
        cmocka_unit_test(a_file_without_review_by_is_never_due),
        cmocka_unit_test(the_library_names_the_first_file_past_its_date),
        cmocka_unit_test(shipped_content_is_not_past_its_review_date_when_reviewed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
