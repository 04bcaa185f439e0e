/* The fixture of the data-protection tests: a store with two participants
 * of one organisation, one old session (2019) and one recent (2026), a
 * knowledge-check attempt, module progress, a remark, an old and a recent
 * checklist run and access-log entries of 2019 and now.
 *   Anna Andersson: only in the old session (attempt, progress, remark)
 *   Bo Berg: in both sessions */
#ifndef TILLIT_PRIVACY_FIXTURE_H
#define TILLIT_PRIVACY_FIXTURE_H

#include "testutil.h"

#include "access_log.h"
#include "store_internal.h"

#include <signal.h>
#include <sys/wait.h>

typedef struct {
    test_folder folder;
    tl_store *s;
    tl_id anna, bo, old_session, new_session, attempt;
} pfix;

static inline void pfix_sql(pfix *f, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(f->s->db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

static inline int64_t pfix_count(pfix *f, const char *sql)
{
    int64_t n = -1;
    tl_error err = {0};
    assert_int_equal(store_count(f->s, sql, &n, &err), TL_OK);
    return n;
}

static inline tl_id pfix_session(pfix *f, const char *date)
{
    tl_session_info info = {.kind = TL_SESSION_GROUP, .curriculum_id = "c", .curriculum_version = "1",
                            .content_hash = "0123456789abcdef", .date = date, .start_time = "09:00",
                            .location = "Malmö", .trainer = "Karin Trainer"};
    tl_id id;
    char uuid[37];
    tl_error err = {0};
    assert_int_equal(store_session_create(f->s, &info, &id, uuid, &err), TL_OK);
    return id;
}

static inline int pfix_setup(void **state)
{
    test_folder_setup(state, "tillit.db");
    pfix *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_folder *folder = *state;
    f->folder = *folder;
    free(folder);
    tl_error err = {0};
    tl_id org;
    assert_int_equal(store_open(f->folder.path, false, &f->s, &err), TL_OK);
    assert_int_equal(store_organisation(f->s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &org, &err), TL_OK);
    assert_int_equal(store_participant_add(f->s, "Anna Andersson", org, TL_LEVEL_OPERATIONAL, &f->anna, &err), TL_OK);
    assert_int_equal(store_participant_add(f->s, "Bo Berg", org, TL_LEVEL_STRATEGIC, &f->bo, &err), TL_OK);
    f->old_session = pfix_session(f, "2019-03-01");
    f->new_session = pfix_session(f, "2026-03-01");
    assert_int_equal(store_attendance_set(f->s, f->old_session, f->anna, TL_ATT_PRESENT, "Anna came late", &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, f->old_session, f->bo, TL_ATT_PRESENT, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, f->new_session, f->bo, TL_ATT_LATE, NULL, &err), TL_OK);
    assert_int_equal(store_progress_set(f->s, f->old_session, f->anna, "m1", 2, 5, 60, false, &err), TL_OK);
    assert_int_equal(store_attempt_start(f->s, f->old_session, f->anna, "m1-check", TL_PHASE_MODULE, &f->attempt, &err), TL_OK);
    assert_int_equal(store_answer_record(f->s, f->attempt, "q1", 2, true, &err), TL_OK);
    assert_int_equal(store_attempt_finish(f->s, f->attempt, 1, 1, true, &err), TL_OK);
    pfix_sql(f, "INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref, "
                "created_at, updated_at) VALUES ('run-old', 'cl', '1', 'h', 'ref 1', '2019-01-01T10:00:00Z', "
                "'2019-01-02T10:00:00Z'), ('run-new', 'cl', '1', 'h', 'ref 2', '2026-01-01T10:00:00Z', "
                "strftime('%Y-%m-%dT%H:%M:%SZ','now'));"
                "INSERT INTO checklist_answer (run_id, indicator_id, answer, note) VALUES "
                "(1, 'i1', 'yes', 'old note'), (2, 'i1', 'no', NULL);"
                "INSERT INTO access_log (at, os_user, kind, detail) VALUES "
                "('2019-05-01T10:00:00Z', 'someone', 'run-opened', 'run run-old (cl)');");
    assert_int_equal(access_log_add(f->s, TL_LOG_RUN_OPENED, "run run-new (cl)", &err), TL_OK);
    *state = f;
    return 0;
}

static inline int pfix_teardown(void **state)
{
    pfix *f = *state;
    store_close(f->s);
    test_rmtree(f->folder.dir);
    free(f->folder.dir);
    free(f);
    return 0;
}

static inline int pfix_kill_now(void *steps)
{
    if (--*(int *)steps == 0)
        raise(SIGKILL);
    return 0;
}

/* Runs op(f) in a child process that SIGKILLs itself after about `steps`
 * SQLite instructions; true when it was killed (false: op finished first). */
static inline bool pfix_killed_during(pfix *f, int steps, void (*op)(pfix *f))
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int left = steps / 10;
        sqlite3_progress_handler(f->s->db, 10, pfix_kill_now, &left);
        op(f);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

/* True when the bytes of text occur in the file (a database, its WAL). */
static inline bool pfix_file_has(const char *path, const char *text)
{
    size_t len;
    char *data = test_read(path, &len);
    size_t n = strlen(text);
    bool found = false;
    for (size_t i = 0; data && !found && i + n <= len; i++)
        found = memcmp(data + i, text, n) == 0;
    free(data);
    return found;
}

#endif
