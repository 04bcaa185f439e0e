/* The report reader of `tillit merge` on the fuzzing inputs kept in the
 * tree: every finding of tests/fuzz/fuzz_report.c (tests/fuzz/findings/
 * report-*.xml) and every seed (tests/fuzz/seeds/fuzz_report/). Each is
 * either refused as a report, with the file and a line named, or merged
 * into a report that is itself valid - the fuzz target's rule, here for
 * good. The valid-* seeds must merge; the invalid-* ones must be refused. */
#include "testutil.h"

#include "merge.h"

#define FINDINGS "tests/fuzz/findings"
#define SEEDS "tests/fuzz/seeds/fuzz_report"

typedef test_folder fixture;

static int setup(void **state)
{
    return test_folder_setup(state, "merged.xml");
}

static int teardown(void **state)
{
    return test_folder_teardown(state);
}

/* Merges path alone; true: merged (and checked valid), false: refused. */
static bool merges(fixture *f, const char *path, char *why, size_t why_size)
{
    tl_error err = {0};
    tl_status st = report_merge(&path, 1, f->path, false, NULL, NULL, &err);
    snprintf(why, why_size, "%s", err.msg);
    if (st != TL_OK) {
        if (st != TL_DATAERR || strncmp(err.msg, path, strlen(path)) != 0 || err.msg[strlen(path)] != ':')
            fail_msg("%s: refused without naming the file: %d %s", path, st, err.msg);
        assert_int_equal(access(f->path, F_OK), -1); /* nothing written */
        return false;
    }
    if (report_validate(f->path, &err) != TL_OK)
        fail_msg("%s: merged into a report that is not valid: %s", path, err.msg);
    unlink(f->path);
    return true;
}

/* Calls check(f, path, name) for each file of dir whose name starts with
 * prefix; returns how many. */
static int each_file(fixture *f, const char *dir, const char *prefix,
                     void (*check)(fixture *, const char *, const char *))
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check(f, path, e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

static void finding_is_handled(fixture *f, const char *path, const char *name)
{
    (void)name;
    char why[1024];
    merges(f, path, why, sizeof why); /* either way is right; a crash or a bad report is not */
}

static void seed_as_named(fixture *f, const char *path, const char *name)
{
    char why[1024];
    bool merged = merges(f, path, why, sizeof why);
    if (strncmp(name, "valid-", 6) == 0 && !merged)
        fail_msg("%s: a valid report was refused: %s", path, why);
    if (strncmp(name, "invalid-", 8) == 0 && merged)
        fail_msg("%s: an invalid report was merged", path);
}

static void fuzzing_findings_stay_fixed(void **state)
{
    assert_true(each_file(*state, FINDINGS, "report-", finding_is_handled) > 0);
}

static void seeds_merge_or_are_refused_as_named(void **state)
{
    assert_true(each_file(*state, SEEDS, "valid-", seed_as_named) > 0);
    assert_true(each_file(*state, SEEDS, "invalid-", seed_as_named) > 0);
}

/* The first finding: a score above its maximum is valid for the schema,
 * but made a pre-check mean of 150 % in the merged report. */
static void score_above_maximum_is_refused(void **state)
{
    fixture *f = *state;
    char why[1024];
    const char *path = FINDINGS "/report-score-above-maximum.xml";
    assert_false(merges(f, path, why, sizeof why));
    assert_non_null(strstr(why, "scored above its maximum"));
}

/* Found with the fuzz target's rule on hand-made inputs: hours that
 * overflowed when turned into seconds, and a year that made a month the
 * schema refuses. */
static void time_spent_out_of_range_is_refused(void **state)
{
    char why[1024];
    assert_false(merges(*state, FINDINGS "/report-time-spent-overflow.xml", why, sizeof why));
    assert_non_null(strstr(why, "a time spent out of range"));
}

static void five_digit_year_is_refused(void **state)
{
    char why[1024];
    assert_false(merges(*state, FINDINGS "/report-five-digit-year.xml", why, sizeof why));
    assert_non_null(strstr(why, "a session date that is not a plain YYYY-MM-DD"));
}

/* Found in review: xs:date allows five-digit years and a time zone, which
 * made the merged period "12026-01-0" (refused by the schema) or dropped
 * the time zone. */
static void period_not_plain_is_refused(void **state)
{
    char why[1024];
    assert_false(merges(*state, FINDINGS "/report-period-not-plain.xml", why, sizeof why));
    assert_non_null(strstr(why, "the period bound \"12026-01-01\" is not a plain date"));
}

/* Found in review: a month listed twice, each cell within the schema's
 * maximum, made a merged cell above it (and 1.2 million inserts). */
static void checklist_runs_over_the_limit_are_refused(void **state)
{
    char why[1024];
    assert_false(merges(*state, FINDINGS "/report-checklist-month-twice.xml", why, sizeof why));
    assert_non_null(strstr(why, "checklist counts of more than 1000000 runs"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fuzzing_findings_stay_fixed, setup, teardown),
        cmocka_unit_test_setup_teardown(seeds_merge_or_are_refused_as_named, setup, teardown),
        cmocka_unit_test_setup_teardown(score_above_maximum_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(time_spent_out_of_range_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(five_digit_year_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(period_not_plain_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(checklist_runs_over_the_limit_are_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
