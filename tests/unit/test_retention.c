/* Retention rules and the purge (core/retention.h): rules per kind, what a
 * purge counts and deletes, that it is all or nothing under kill -9, that
 * kept records count as before, and the access log's own rule. */
#include "privacy_fixture.h"

#include "retention.h"


static void periods_are_read_and_written_alike(void **state)
{
    (void)state;
    const char *good[] = {"90d", "18m", "3y", "keep", "100y", "36525d"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        tl_retention r;
        tl_error err = {0};
        char back[16];
        assert_int_equal(retention_parse(good[i], &r, &err), TL_OK);
        retention_format(&r, back, sizeof back);
        assert_string_equal(back, good[i]);
    }
    const char *bad[] = {"", "0d", "3", "3w", "-1y", "101y", "y", "3yy", "1 y", "07d"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tl_retention r;
        tl_error err = {0};
        assert_int_equal(retention_parse(bad[i], &r, &err), TL_USAGE);
    }
}

static void set_rule(pfix *f, tl_record_kind kind, const char *period)
{
    tl_retention r;
    tl_error err = {0};
    assert_int_equal(retention_parse(period, &r, &err), TL_OK);
    assert_int_equal(retention_set(f->s, kind, &r, &err), TL_OK);
}

static void rules_are_stored_and_logged(void **state)
{
    pfix *f = *state;
    tl_retention rules[TL_KIND_COUNT];
    tl_error err = {0};
    assert_int_equal(retention_get(f->s, rules, &err), TL_OK);
    for (int k = 0; k < TL_KIND_COUNT; k++)
        assert_int_equal(rules[k].amount, 0);
    set_rule(f, TL_KIND_TRAINING, "3y");
    set_rule(f, TL_KIND_ACCESS_LOG, "18m");
    set_rule(f, TL_KIND_ACCESS_LOG, "keep");
    assert_int_equal(retention_get(f->s, rules, &err), TL_OK);
    assert_int_equal(rules[TL_KIND_TRAINING].amount, 3);
    assert_int_equal(rules[TL_KIND_TRAINING].unit, TL_UNIT_YEARS);
    assert_int_equal(rules[TL_KIND_ACCESS_LOG].amount, 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'retention-set'"), 3);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE detail = 'training 3y'"), 1);
}

static void without_rules_nothing_is_purged(void **state)
{
    pfix *f = *state;
    tl_purge_counts c;
    tl_error err = {0};
    assert_int_equal(purge_run(f->s, false, &c, &err), TL_OK);
    assert_int_equal(c.of_kind[TL_KIND_CHECKLIST_RUNS] + c.of_kind[TL_KIND_TRAINING] +
                     c.of_kind[TL_KIND_ACCESS_LOG] + c.participants, 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM training_session"), 2);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM checklist_run"), 2);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'purge'"), 1);
}

static void purge_deletes_what_is_older_than_its_rule(void **state)
{
    pfix *f = *state;
    set_rule(f, TL_KIND_CHECKLIST_RUNS, "2y");
    set_rule(f, TL_KIND_TRAINING, "3y");
    set_rule(f, TL_KIND_ACCESS_LOG, "5y");
    tl_purge_counts before, done;
    tl_error err = {0};
    assert_int_equal(purge_count(f->s, &before, &err), TL_OK);
    assert_int_equal(before.of_kind[TL_KIND_CHECKLIST_RUNS], 1);
    assert_int_equal(before.of_kind[TL_KIND_TRAINING], 1);
    assert_int_equal(before.participants, 1); /* Anna; Bo is also in 2026 */
    assert_int_equal(before.of_kind[TL_KIND_ACCESS_LOG], 1);
    int64_t kept_attendance = pfix_count(f, "SELECT count(*) FROM attendance WHERE session_id = 2");
    assert_int_equal(purge_run(f->s, true, &done, &err), TL_OK);
    assert_memory_equal(&before, &done, sizeof done);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM training_session"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM participant WHERE name = 'Anna Andersson'"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM participant WHERE name = 'Bo Berg'"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM check_attempt"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM check_answer"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM module_progress"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM checklist_run"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM checklist_answer"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE at < '2020'"), 0);
    /* What is kept counts as before. */
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM attendance WHERE session_id = 2"), kept_attendance);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'purge' AND detail = "
                                   "'checklist-runs 1, training 1 sessions and 1 participants, access-log 1'"), 1);
    /* Gone from the file, and the WAL is empty. */
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", f->folder.path);
    assert_false(pfix_file_has(f->folder.path, "Anna Andersson"));
    assert_false(pfix_file_has(f->folder.path, "old note"));
    assert_false(pfix_file_has(wal, "Anna Andersson"));
    struct stat st;
    assert_int_equal(stat(wal, &st), 0);
    assert_int_equal(st.st_size, 0);
}

/* The log's rule: even a purge cannot take an entry the rule still keeps;
 * an UPDATE never passes; a connection without tillit (the sqlite3 shell)
 * cannot delete at all. */
static void the_access_log_refuses_changes(void **state)
{
    pfix *f = *state;
    tl_error err = {0};
    assert_int_not_equal(sql_run(f->s, &err, NULL, "UPDATE access_log SET os_user = 'x'", ""), TL_OK);
    assert_non_null(strstr(err.msg, "append-only"));
    assert_int_not_equal(sql_run(f->s, &err, NULL, "DELETE FROM access_log", ""), TL_OK);
    assert_non_null(strstr(err.msg, "append-only"));
    set_rule(f, TL_KIND_ACCESS_LOG, "1y");
    f->s->log_purge = true;
    assert_int_not_equal(sql_run(f->s, &err, NULL, "DELETE FROM access_log WHERE at > '2020'", ""), TL_OK);
    f->s->log_purge = false;
    sqlite3 *shell;
    assert_int_equal(sqlite3_open(f->folder.path, &shell), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(shell, "DELETE FROM access_log", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(shell, "UPDATE access_log SET detail = ''", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(shell);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'run-opened'"), 2);
}

/* A purge killed at any point of its transaction leaves the database as it
 * was before (or after): never part of it. */
static void purge(pfix *f)
{
    tl_error err = {0};
    purge_run(f->s, false, NULL, &err);
}

static void purge_killed_half_way_changes_nothing(void **state)
{
    pfix *f = *state;
    set_rule(f, TL_KIND_CHECKLIST_RUNS, "2y");
    set_rule(f, TL_KIND_TRAINING, "3y");
    set_rule(f, TL_KIND_ACCESS_LOG, "5y");
    const int after_steps[] = {200, 2000, 6000, 20000};
    int killed = 0;
    for (size_t i = 0; i < sizeof after_steps / sizeof after_steps[0]; i++) {
        bool was_killed = pfix_killed_during(f, after_steps[i], purge);
        int64_t sessions = pfix_count(f, "SELECT count(*) FROM training_session");
        int64_t runs = pfix_count(f, "SELECT count(*) FROM checklist_run");
        int64_t logs = pfix_count(f, "SELECT count(*) FROM access_log WHERE at < '2020'");
        int64_t people = pfix_count(f, "SELECT count(*) FROM participant");
        int64_t purges = pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'purge'");
        bool before = sessions == 2 && runs == 2 && logs == 1 && people == 2 && purges == 0;
        bool after = sessions == 1 && runs == 1 && logs == 0 && people == 1 && purges == 1;
        assert_true(before || after);
        if (after) /* done: the later steps kill nothing */
            break;
        assert_true(was_killed);
        killed++;
    }
    assert_true(killed > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(periods_are_read_and_written_alike),
        cmocka_unit_test_setup_teardown(rules_are_stored_and_logged, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(without_rules_nothing_is_purged, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(purge_deletes_what_is_older_than_its_rule, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(the_access_log_refuses_changes, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(purge_killed_half_way_changes_nothing, pfix_setup, pfix_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
