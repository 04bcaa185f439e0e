/* Many users on one server: a database in a folder that is setgid and open
 * to its group is created 0660 with its WAL and shared-memory files, so
 * that the group's members can all use it; anywhere else 0600. The umask
 * does not change that. */
#include "testutil.h"

#include "store.h"

#include <sys/stat.h>

static mode_t mode_of(const char *dir, const char *name)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 0777;
}

static void open_and_write(const char *dir)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/tillit.db", dir);
    tl_store *s;
    tl_error err = {0};
    tl_id org;
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    assert_int_equal(store_organisation(s, "Lunds kommun", TL_ORG_SOCIAL_SERVICES, &org, &err), TL_OK);
    /* Checked while open: the WAL and its index exist now. */
    assert_int_equal(mode_of(dir, "tillit.db-wal"), mode_of(dir, "tillit.db"));
    assert_int_equal(mode_of(dir, "tillit.db-shm"), mode_of(dir, "tillit.db"));
    store_close(s);
}

static void group_folder_gives_group_files(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_int_equal(chmod(dir, 02770), 0);
    mode_t old = umask(077); /* a careful user's umask */
    open_and_write(dir);
    umask(old);
    assert_int_equal(mode_of(dir, "tillit.db"), 0660);
    test_rmtree(dir);
    free(dir);
}

static void other_folders_give_private_files(void **state)
{
    (void)state;
    const mode_t dir_modes[] = {0700, 0770 /* no setgid */, 02750 /* group cannot write */};
    for (size_t i = 0; i < sizeof dir_modes / sizeof dir_modes[0]; i++) {
        char *dir = test_tmpdir();
        assert_int_equal(chmod(dir, dir_modes[i]), 0);
        mode_t old = umask(0);
        open_and_write(dir);
        umask(old);
        assert_int_equal(mode_of(dir, "tillit.db"), 0600);
        test_rmtree(dir);
        free(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(group_folder_gives_group_files),
        cmocka_unit_test(other_folders_give_private_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
