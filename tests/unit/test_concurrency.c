/* Two processes write to one database at the same time: every record of
 * both arrives and neither fails with "database is locked" (WAL and the busy
 * timeout make the second writer wait its turn). */
#include "testutil.h"

#include "content.h"
#include "store.h"

#include <sys/wait.h>

enum { RECORDS = 1000 };

/* In a child process: opens its own connection and writes RECORDS answers
 * to its own run; exits 0 only when every write succeeded. */
static int writer(const char *path, const tl_content *c, int which)
{
    tl_store *s;
    tl_error err = {0};
    if (store_open(path, false, &s, &err) != TL_OK)
        return 2;
    char ref[32];
    snprintf(ref, sizeof ref, "writer %d", which);
    tl_id run;
    if (store_run_create(s, c, ref, &run, &err) != TL_OK) {
        fprintf(stderr, "writer %d: %s\n", which, err.msg);
        return 3;
    }
    for (int i = 0; i < RECORDS; i++) {
        char id[32];
        snprintf(id, sizeof id, "ind-%d", i);
        if (store_run_answer(s, run, id, TL_A_YES, NULL, &err) != TL_OK) {
            fprintf(stderr, "writer %d: %s\n", which, err.msg);
            return 4;
        }
    }
    store_close(s);
    return 0;
}

static void two_writers_all_arrive(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/c.db", dir);
    tl_diags d = {0};
    tl_error err = {0};
    tl_content *c;
    assert_int_equal(content_load_file("tests/fixtures/good/ilo-checklist.yaml", &c, &d, &err), TL_OK);
    tl_store *s;
    assert_int_equal(store_open(path, false, &s, &err), TL_OK); /* create before the race */
    store_close(s);
    pid_t kids[2];
    for (int w = 0; w < 2; w++) {
        kids[w] = fork();
        assert_true(kids[w] >= 0);
        if (kids[w] == 0)
            _exit(writer(path, c, w));
    }
    for (int w = 0; w < 2; w++) {
        int status;
        assert_int_equal(waitpid(kids[w], &status, 0), kids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    int64_t n;
    assert_int_equal(store_count(s, "SELECT count(*) FROM checklist_answer", &n, &err), TL_OK);
    assert_int_equal(n, 2 * RECORDS);
    assert_int_equal(store_count(s, "SELECT count(DISTINCT run_id) FROM checklist_answer", &n, &err), TL_OK);
    assert_int_equal(n, 2);
    store_close(s);
    content_free(c);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_writers_all_arrive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
