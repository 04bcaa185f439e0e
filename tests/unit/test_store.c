/* The store: creation with the right permissions, migrations, reopening,
 * and refusing foreign, newer, truncated or unwritable files without
 * changing a byte. */
#include "testutil.h"

#include "store.h"
#include "store_internal.h"

#include <sqlite3.h>

typedef test_folder fixture;

static int setup(void **state)
{
    return test_folder_setup(state, "tillit.db");
}

static int teardown(void **state)
{
    return test_folder_teardown(state);
}

static void sql(const char *path, const char *statements)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, statements, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fail_msg("%s", msg);
    sqlite3_close(db);
}

/* Opening must fail with want, and the file must be byte for byte the same. */
static void refused_unchanged(const char *path, tl_status want, const char *msg_part)
{
    size_t before_len, after_len;
    char *before = test_read(path, &before_len);
    tl_store *s = NULL;
    tl_error err = {0};
    assert_int_equal(store_open(path, false, &s, &err), want);
    assert_null(s);
    if (!strstr(err.msg, msg_part))
        fail_msg("'%s' does not contain '%s'", err.msg, msg_part);
    char *after = test_read(path, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);
}

static void creates_private_file_and_folder(void **state)
{
    fixture *f = *state;
    char path[1200];
    snprintf(path, sizeof path, "%s/a/b/tillit.db", f->dir);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(path, true, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    int64_t app;
    assert_int_equal(store_count(s, "PRAGMA application_id", &app, &err), TL_OK);
    assert_int_equal(app, TL_STORE_APPLICATION_ID);
    int64_t fk, wal;
    assert_int_equal(store_count(s, "PRAGMA foreign_keys", &fk, &err), TL_OK);
    assert_int_equal(fk, 1);
    assert_int_equal(store_count(s, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'", &wal, &err), TL_OK);
    assert_int_equal(wal, 1);
    int64_t sync;
    assert_int_equal(store_count(s, "PRAGMA synchronous", &sync, &err), TL_OK);
    assert_int_equal(sync, 2); /* FULL */
    store_close(s);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/a/b", f->dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
}

static void reopen_keeps_data(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    tl_id org, p1;
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_organisation(s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &org, &err), TL_OK);
    assert_int_equal(store_participant_add(s, NULL, org, TL_LEVEL_STRATEGIC, &p1, &err), TL_OK);
    store_close(s);
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    tl_id again;
    assert_int_equal(store_organisation(s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &again, &err), TL_OK);
    assert_int_equal(again, org); /* found, not created twice */
    int64_t n;
    assert_int_equal(store_count(s, "SELECT count(*) FROM participant WHERE name IS NULL AND level = 'strategic'", &n, &err), TL_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_count(s, "SELECT count(*) FROM organisation", &n, &err), TL_OK);
    assert_int_equal(n, 1);
    store_close(s);
}

static void empty_file_becomes_database(void **state)
{
    fixture *f = *state;
    test_write(f->path, "", 0);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    assert_int_equal(store_schema_version(s), store_migration_count());
    store_close(s);
}

static void refuses_text_file(void **state)
{
    fixture *f = *state;
    const char *text = "this is a shopping list, not a database\n";
    test_write(f->path, text, strlen(text));
    refused_unchanged(f->path, TL_DATAERR, "not a tillit database (not an SQLite file)");
}

static void refuses_other_programs_database(void **state)
{
    fixture *f = *state;
    sql(f->path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('kanelbulle');");
    refused_unchanged(f->path, TL_DATAERR, "an SQLite database of another program");
    sql(f->path, "PRAGMA application_id = 1234;");
    refused_unchanged(f->path, TL_DATAERR, "application_id 0x000004d2");
}

static void refuses_newer_schema(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    store_close(s);
    sql(f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
    refused_unchanged(f->path, TL_DATAERR, "made by a newer tillit (schema 99");
}

static void refuses_truncated_file(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    store_close(s);
    sql(f->path, "PRAGMA journal_mode = DELETE;");
    assert_int_equal(truncate(f->path, 8192), 0);
    refused_unchanged(f->path, TL_DATAERR, "truncated");
    assert_int_equal(truncate(f->path, 50), 0);
    refused_unchanged(f->path, TL_DATAERR, "not an SQLite file");
}

static void refuses_missing_folder(void **state)
{
    fixture *f = *state;
    char path[1200];
    snprintf(path, sizeof path, "%s/no/such/folder/tillit.db", f->dir);
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(path, false, &s, &err), TL_CANTCREAT);
    assert_non_null(strstr(err.msg, "cannot create database"));
    assert_int_equal(access(path, F_OK), -1);
}

/* A command that reads (export, log, extract) never makes a database: one
 * that is not there is 66 (TL_NOINPUT) and stays not there; one that is
 * there opens. */
static void open_existing_makes_none(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open_existing(f->path, &s, &err), TL_NOINPUT);
    assert_non_null(strstr(err.msg, "no database at"));
    assert_int_equal(access(f->path, F_OK), -1);
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    store_close(s);
    assert_int_equal(store_open_existing(f->path, &s, &err), TL_OK);
    store_close(s);
}

/* Only meaningful without root's power to write anything; root runs this as
 * a check on a folder, and the terminal tests cover a real read-only user. */
static void refuses_read_only(void **state)
{
    fixture *f = *state;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(f->path, false, &s, &err), TL_OK);
    store_close(s);
    if (geteuid() == 0)
        skip();
    assert_int_equal(chmod(f->path, 0400), 0);
    refused_unchanged(f->path, TL_CANTCREAT, "read-only");
}

static void uuids_are_version_4_and_unique(void **state)
{
    (void)state;
    char a[37], b[37];
    tl_error err;
    assert_int_equal(make_uuid(a, &err), TL_OK);
    assert_int_equal(make_uuid(b, &err), TL_OK);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(a[14], '4');
    assert_true(strchr("89ab", a[19]) != NULL);
    assert_string_not_equal(a, b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(creates_private_file_and_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(reopen_keeps_data, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_file_becomes_database, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_text_file, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_other_programs_database, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_newer_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_truncated_file, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_missing_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(open_existing_makes_none, setup, teardown),
        cmocka_unit_test_setup_teardown(uuids_are_version_4_and_unique, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
