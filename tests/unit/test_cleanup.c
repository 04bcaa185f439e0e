/* core/cleanup.c: temporary files and folders go when a stop signal ends
 * the process, a program's own handler is left alone, and forgetting the
 * last path gives the signals back. Each case runs in a child process,
 * since the signal is meant to end it. */
#include "testutil.h"

#include "cleanup.h"

#include <signal.h>
#include <stdbool.h>
#include <sys/wait.h>

typedef struct {
    char *dir;
    char file[1100], folder[1100], inner[1200];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    snprintf(f->file, sizeof f->file, "%s/.report.xml.abc123", f->dir);
    snprintf(f->folder, sizeof f->folder, "%s/tillit-merge-abc123", f->dir);
    snprintf(f->inner, sizeof f->inner, "%s/merge.db", f->folder);
    test_write(f->file, "<half", 5);
    assert_int_equal(mkdir(f->folder, 0700), 0);
    test_write(f->inner, "db", 2);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static bool exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Runs body in a child and returns its wait status. */
static int in_child(void (*body)(fixture *), fixture *f)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        body(f);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static void remember_all_then_term(fixture *f)
{
    /* The folder first: its file must still go before it. */
    cleanup_remember(f->folder);
    cleanup_remember(f->inner);
    cleanup_remember(f->file);
    raise(SIGTERM);
    _exit(3); /* not reached when the signal ends the process */
}

static void a_stop_signal_removes_files_and_folders(void **state)
{
    fixture *f = *state;
    int status = in_child(remember_all_then_term, f);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGTERM);
    assert_false(exists(f->file));
    assert_false(exists(f->inner));
    assert_false(exists(f->folder));
}

static void remember_then_forget_then_int(fixture *f)
{
    int slot = cleanup_remember(f->file);
    if (cleanup_pending() != 1)
        _exit(4);
    cleanup_forget(slot);
    if (cleanup_pending() != 0)
        _exit(5);
    struct sigaction now;
    sigaction(SIGINT, NULL, &now);
    if (now.sa_handler != SIG_DFL)
        _exit(6); /* the signal was not given back */
    raise(SIGINT);
    _exit(7);
}

static void a_forgotten_path_stays(void **state)
{
    fixture *f = *state;
    int status = in_child(remember_then_forget_then_int, f);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGINT);
    assert_true(exists(f->file));
}

static volatile sig_atomic_t own_handler_ran;
static void own_handler(int sig)
{
    (void)sig;
    own_handler_ran = 1;
}

static void own_handler_then_term(fixture *f)
{
    struct sigaction sa = {.sa_handler = own_handler};
    sigaction(SIGTERM, &sa, NULL);
    int slot = cleanup_remember(f->file);
    raise(SIGTERM);
    cleanup_forget(slot);
    _exit(own_handler_ran ? 0 : 8);
}

static void a_programs_own_handler_is_kept(void **state)
{
    fixture *f = *state;
    int status = in_child(own_handler_then_term, f);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_true(exists(f->file)); /* the program finishes or removes it itself */
}

static void remember_too_many(fixture *f)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (cleanup_remember(f->file) < 0)
            _exit(9);
    if (cleanup_remember(f->file) != -1 || cleanup_pending() != CLEANUP_SLOTS)
        _exit(10);
    char longer[5000];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        cleanup_forget(i);
    _exit(cleanup_remember(longer) == -1 && cleanup_pending() == 0 ? 0 : 11);
}

static void full_slots_and_long_paths_are_refused(void **state)
{
    fixture *f = *state;
    int status = in_child(remember_too_many, f);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_stop_signal_removes_files_and_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(a_forgotten_path_stays, setup, teardown),
        cmocka_unit_test_setup_teardown(a_programs_own_handler_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(full_slots_and_long_paths_are_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
