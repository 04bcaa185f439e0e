/* Schema migrations: a database made by an older tillit (schema 1) is
 * brought to the current schema when it is opened, keeping every record;
 * a current one opens as it is. Migration 2 adds the index the report
 * reads attempts by (attempt_order), so an attendee's attempts come out
 * in the report's order without a sort; migration 5 lets a note come
 * before its answer and gives a run a case note. */
#include "testutil.h"

#include "store.h"
#include "store_internal.h"

#include <stdbool.h>

typedef test_folder fixture;

static int setup(void **state)
{
    return test_folder_setup(state, "tillit.db");
}

static int teardown(void **state)
{
    return test_folder_teardown(state);
}

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

/* A database as tillit 0.1 left it: schema 1 only, with one session, one
 * participant and two attempts, the later one inserted first. */
static void make_version_1(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec_ok(db, "PRAGMA journal_mode = WAL");
    exec_ok(db, store_migration(0));
    char pragmas[128];
    snprintf(pragmas, sizeof pragmas, "PRAGMA user_version = 1; PRAGMA application_id = %d;",
             TL_STORE_APPLICATION_ID);
    exec_ok(db, pragmas);
    exec_ok(db, "INSERT INTO organisation (id, uuid, name, type) VALUES (1, 'o1', 'Malmö stad', "
                "'social_services');"
                "INSERT INTO participant (id, uuid, organisation_id, level) VALUES (1, 'p1', 1, 'operational');"
                "INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, "
                "content_hash, date, start_time) VALUES (1, 's1', 'group', 'c', '1', 'h', '2025-03-10', '09:00');"
                "INSERT INTO attendance (session_id, participant_id, status, remark) VALUES (1, 1, 'late', 'train');"
                "INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, "
                "started_at) VALUES ('a2', 1, 1, 'law', 'module', 2, '2025-03-10T10:30:00Z');"
                "INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, "
                "started_at) VALUES ('a1', 1, 1, 'law', 'module', 1, '2025-03-10T10:00:00Z');"
                "INSERT INTO checklist_run (id, uuid, checklist_id, checklist_version, content_hash, case_ref) "
                "VALUES (1, 'r1', 'cl', '1', 'h', 'Case 1');"
                "INSERT INTO checklist_answer (run_id, indicator_id, answer, note) VALUES (1, 'i1', 'yes', 'seen');");
    sqlite3_close(db);
}

static int64_t count_of(tl_store *s, const char *sql)
{
    int64_t n = -1;
    tl_error err = {0};
    assert_int_equal(store_count(s, sql, &n, &err), TL_OK);
    return n;
}

static void index_is(tl_store *s, const char *name, int64_t present)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '%s'", name);
    assert_int_equal(count_of(s, sql), present);
}

static void version_1_is_upgraded_keeping_its_records(void **state)
{
    fixture *f = *state;
    make_version_1(f->path);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    assert_int_equal(store_schema_version(s), store_migration_count());
    index_is(s, "attempt_order", 1);
    index_is(s, "attempt_session", 0);
    assert_int_equal(count_of(s, "SELECT count(*) FROM check_attempt"), 2);
    assert_int_equal(count_of(s, "SELECT count(*) FROM participant WHERE uuid = 'p1'"), 1);
    assert_int_equal(count_of(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
    /* 3: the attendance kept, with room for the new statuses and minutes;
     * sessions can be cancelled. */
    assert_int_equal(count_of(s, "SELECT count(*) FROM attendance WHERE status = 'late' AND remark = 'train' "
                                 "AND minutes IS NULL"),
                     1);
    index_is(s, "attendance_participant", 1);
    assert_int_equal(store_attendance_set(s, 1, 1, TL_ATT_LEFT_EARLY, NULL, &err), TL_OK);
    assert_int_equal(count_of(s, "SELECT count(*) FROM training_session WHERE cancelled_at IS NULL"), 1);
    assert_int_equal(count_of(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* 4: the answers kept; a note may come before its answer (no answer,
     * a note), never a row with neither; a run has a case note. */
    assert_int_equal(count_of(s, "SELECT count(*) FROM checklist_answer WHERE answer = 'yes' AND note = 'seen'"), 1);
    assert_int_equal(store_run_answer(s, 1, "i2", TL_A_NONE, "before", &err), TL_OK);
    assert_int_equal(count_of(s, "SELECT count(*) FROM checklist_answer WHERE answer IS NULL AND note = 'before'"),
                     1);
    assert_int_not_equal(sqlite3_exec(s->db, "INSERT INTO checklist_answer (run_id, indicator_id) VALUES (1, 'i3')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_equal(count_of(s, "SELECT count(*) FROM checklist_run WHERE case_note IS NULL"), 1);
    index_is(s, "run_checklist", 1);
    store_close(s);
}

/* The report's attempt order comes from the index: no sort in the plan,
 * and the earlier attempt first although it was recorded second. */
static void attempts_in_report_order_without_a_sort(void **state)
{
    fixture *f = *state;
    make_version_1(f->path);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    const char *order = "FROM check_attempt WHERE session_id = 1 AND participant_id = 1 "
                        "ORDER BY started_at, attempt_no, uuid";
    char sql[512];
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN SELECT uuid %s", order);
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    bool uses_index = false;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *step = (const char *)sqlite3_column_text(st, 3);
        assert_null(strstr(step, "TEMP B-TREE"));
        uses_index |= strstr(step, "attempt_order") != NULL;
    }
    sqlite3_finalize(st);
    assert_true(uses_index);
    snprintf(sql, sizeof sql, "SELECT uuid %s", order);
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "a1");
    sqlite3_finalize(st);
    store_close(s);
}

static void current_version_opens_as_it_is(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    index_is(s, "attempt_order", 1);
    store_close(s);
    size_t before_len, after_len;
    char *before = test_read(f->path, &before_len);
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    store_close(s);
    char *after = test_read(f->path, &after_len);
    assert_int_equal(before_len, after_len); /* nothing to migrate, nothing rewritten */
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(version_1_is_upgraded_keeping_its_records, setup, teardown),
        cmocka_unit_test_setup_teardown(attempts_in_report_order_without_a_sort, setup, teardown),
        cmocka_unit_test_setup_teardown(current_version_opens_as_it_is, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
