/* The checklist run workflow (core/checklist_run.c): start, answer, note
 * (also before the answer), the case note, finish, delete and the summary,
 * read back as stored; an answer and its outcome
 * are kept together or not at all, whichever write stops; "last change" is
 * the latest write. */
#include "store_fault.h"

#include "checklist_run.h"
#include "content.h"

#include <sys/wait.h>

typedef struct {
    test_world w;
    test_folder *folder;
    tl_content *content;
    tl_store *s;
    tl_checklist_run *r;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    world_open(&f->w, "tests/fixtures/good/ilo-checklist.yaml");
    f->folder = f->w.folder;
    f->content = f->w.content;
    f->s = f->w.s;
    tl_error err = {0};
    assert_int_equal(checklist_run_start(f->s, f->content, "Ärende 7", &f->r, &err), TL_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    checklist_run_free(f->r);
    world_close(&f->w);
    free(f);
    return 0;
}

static size_t indicator(const tl_checklist *cl, const char *id)
{
    size_t i = checklist_indicator_index(cl, id);
    if (i == cl->n_indicators)
        fail_msg("no indicator %s", id);
    return i;
}

static void answer(fixture *f, const char *id, tl_answer a)
{
    tl_error err = {0};
    tl_status st = checklist_run_answer(f->s, f->r, indicator(f->r->cl, id), a, &err);
    if (st != TL_OK)
        fail_msg("%s", err.msg);
}

static int64_t stored(fixture *f, const char *fmt)
{
    char query[512];
    snprintf(query, sizeof query, fmt, (long long)f->r->info.id);
    return side_int(f->folder->path, query);
}

static void stored_outcome(fixture *f, char *out, size_t size)
{
    char query[128];
    snprintf(query, sizeof query, "SELECT coalesce(outcome_id, '') FROM checklist_run WHERE id = %lld",
             (long long)f->r->info.id);
    side_text(f->folder->path, query, out, size);
}

static const char *current_outcome(const fixture *f)
{
    return f->r->cl->outcomes[f->r->assessment.outcome].id;
}

static void start_answer_note_finish_reopen(void **state)
{
    fixture *f = *state;
    const char *yes[] = {"dr-s1", "dr-m1", "ex-s1", "ex-s2", "cd-s1", "cd-w1"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        answer(f, yes[i], TL_A_YES);
    answer(f, "dr-s2", TL_A_UNKNOWN);
    tl_error err = {0};
    size_t ex = indicator(f->r->cl, "ex-s1");
    assert_int_equal(checklist_run_note(f->s, f->r, ex, "seen at the evening visit", &err), TL_OK);
    assert_int_equal(checklist_run_answered(f->r), 7);
    assert_int_equal(f->r->info.answered, 7);
    char outcome[65];
    stored_outcome(f, outcome, sizeof outcome);
    assert_string_equal(outcome, current_outcome(f));
    assert_string_not_equal(outcome, f->r->cl->outcomes[f->r->cl->n_outcomes - 1].id); /* not the fallback */
    assert_int_equal(checklist_run_finish(f->s, f->r, &err), TL_OK);
    assert_int_equal(stored(f, "SELECT finished_at IS NOT NULL FROM checklist_run WHERE id = %lld"), 1);

    tl_checklist_run *again;
    assert_int_equal(checklist_run_open(f->s, f->content, f->r->info.id, &again, &err), TL_OK);
    assert_memory_equal(again->answers, f->r->answers, f->r->cl->n_indicators * sizeof *again->answers);
    assert_string_equal(again->notes[ex], "seen at the evening visit");
    assert_int_equal(again->assessment.outcome, f->r->assessment.outcome);
    assert_string_equal(again->info.case_ref, "Ärende 7");
    assert_int_equal(checklist_run_resume_at(again), indicator(f->r->cl, "dr-m2"));
    /* the access log: one "opened" for the start, one for the reopening */
    assert_int_equal(stored(f, "SELECT count(*) FROM access_log WHERE kind = 'run-opened' AND %lld > 0"), 2);
    assert_false(checklist_run_other_version(again));
    checklist_run_free(again);

    tl_run_entry *runs;
    size_t n;
    assert_int_equal(checklist_run_list(f->s, f->content, 10, &runs, &n, &err), TL_OK);
    assert_int_equal(n, 1);
    assert_ptr_equal(checklist_run_entry_outcome(f->r->cl, &runs[0]),
                     &f->r->cl->outcomes[f->r->assessment.outcome]);
    tl_run_entries_free(runs, n);
}

/* A note can come before the answer: stored without an answer, read back
 * as a note on an unanswered indicator, never counted as answered; the
 * answer given later keeps it; removing the note of an unanswered
 * indicator leaves no row. */
static void a_note_can_come_before_the_answer(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    size_t i = indicator(f->r->cl, "dr-s1");
    assert_int_equal(checklist_run_note(f->s, f->r, i, "ask about the flat", &err), TL_OK);
    assert_string_equal(f->r->notes[i], "ask about the flat");
    assert_int_equal(f->r->answers[i], TL_A_NONE);
    assert_int_equal(checklist_run_answered(f->r), 0);
    assert_int_equal(f->r->info.answered, 0);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld AND answer IS NULL"), 1);

    tl_checklist_run *again;
    assert_int_equal(checklist_run_open(f->s, f->content, f->r->info.id, &again, &err), TL_OK);
    assert_string_equal(again->notes[i], "ask about the flat");
    assert_int_equal(again->answers[i], TL_A_NONE);
    assert_int_equal(checklist_run_resume_at(again), i);
    checklist_run_free(again);
    tl_run_entry *runs;
    size_t n;
    assert_int_equal(checklist_run_list(f->s, f->content, 10, &runs, &n, &err), TL_OK);
    assert_int_equal(runs[0].info.answered, 0);
    assert_null(checklist_run_entry_outcome(f->r->cl, &runs[0])); /* nothing answered: no finding */
    tl_run_entries_free(runs, n);

    answer(f, "dr-s1", TL_A_YES); /* the answer keeps the note */
    assert_string_equal(f->r->notes[i], "ask about the flat");
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld AND answer = 'yes' "
                               "AND note = 'ask about the flat'"), 1);
    assert_int_equal(checklist_run_note(f->s, f->r, i, "", &err), TL_OK);
    assert_null(f->r->notes[i]);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld AND note IS NULL"), 1);

    size_t j = indicator(f->r->cl, "dr-s2");
    assert_int_equal(checklist_run_note(f->s, f->r, j, "later", &err), TL_OK);
    assert_int_equal(checklist_run_note(f->s, f->r, j, NULL, &err), TL_OK);
    assert_null(f->r->notes[j]);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld"), 1);
    assert_int_equal(checklist_run_answer(f->s, f->r, i, TL_A_NONE, &err), TL_DATAERR);
    assert_int_equal(checklist_run_note(f->s, f->r, f->r->cl->n_indicators, "x", &err), TL_DATAERR);
}

/* The note on the whole case: kept, in the summary with the notes only,
 * removed by an empty one. A personal number is refused in it, in a note
 * and in a case reference by the core itself, with the reason, and
 * nothing is stored. */
static void a_case_note_and_no_personal_numbers(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    assert_int_equal(checklist_run_case_note(f->s, f->r, "met twice at the parlour", &err), TL_OK);
    assert_string_equal(f->r->info.case_note, "met twice at the parlour");
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_run WHERE id = %lld AND "
                               "case_note = 'met twice at the parlour'"), 1);
    tl_summary sum = checklist_run_summary(f->r, true, "en", 400);
    char *text = summary_text(&sum, false);
    if (!strstr(text, "Case note:    met twice at the parlour\n"))
        fail_msg("no case note in:\n%s", text);
    free(text);
    sum.include_notes = false;
    text = summary_text(&sum, false);
    assert_null(strstr(text, "met twice"));
    if (!strstr(text, "Case note:    left out with the notes\n"))
        fail_msg("the case note is not said to be left out:\n%s", text);
    free(text);

    assert_int_equal(checklist_run_case_note(f->s, f->r, "born 850317-1234", &err), TL_DATAERR);
    assert_non_null(strstr(err.msg, "personal identity number"));
    assert_string_equal(f->r->info.case_note, "met twice at the parlour");
    size_t i = indicator(f->r->cl, "dr-s1");
    assert_int_equal(checklist_run_note(f->s, f->r, i, "19850317-1234", &err), TL_DATAERR);
    assert_null(f->r->notes[i]);
    tl_checklist_run *other = NULL;
    assert_int_equal(checklist_run_start(f->s, f->content, "Ärende 8503171234", &other, &err), TL_DATAERR);
    assert_null(other);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_run"), 1);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_answer"), 0);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_run WHERE case_note LIKE '%1234%'"),
                     0);

    assert_int_equal(checklist_run_case_note(f->s, f->r, "", &err), TL_OK);
    assert_null(f->r->info.case_note);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_run WHERE id = %lld AND case_note IS NULL"), 1);
}

/* A run is deleted only when its case reference is typed exactly; the
 * access log says a run was deleted by its UUID, never its reference; the
 * run is not listed again. */
static void a_run_is_deleted_with_its_reference_typed(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    answer(f, "dr-s1", TL_A_YES);
    tl_id run = f->r->info.id;
    char uuid[37];
    snprintf(uuid, sizeof uuid, "%s", f->r->info.uuid);
    assert_int_equal(checklist_run_delete(f->s, run, "Ärende", &err), TL_DATAERR);
    assert_int_equal(checklist_run_delete(f->s, run, "ärende 7", &err), TL_DATAERR);
    assert_int_equal(checklist_run_delete(f->s, run, NULL, &err), TL_DATAERR);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_run"), 1);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM access_log WHERE kind = 'run-deleted'"), 0);

    assert_int_equal(checklist_run_delete(f->s, run, "Ärende 7", &err), TL_OK);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_run"), 0);
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM checklist_answer"), 0);
    char query[256], detail[256];
    snprintf(query, sizeof query, "SELECT detail FROM access_log WHERE kind = 'run-deleted'");
    side_text(f->folder->path, query, detail, sizeof detail);
    assert_non_null(strstr(detail, uuid));
    assert_null(strstr(detail, "Ärende"));
    assert_int_equal(side_int(f->folder->path, "SELECT count(*) FROM access_log WHERE detail LIKE '%rende 7%'"), 0);
    tl_run_entry *runs;
    size_t n;
    assert_int_equal(checklist_run_list(f->s, f->content, 10, &runs, &n, &err), TL_OK);
    assert_int_equal(n, 0);
    tl_run_entries_free(runs, n);
    assert_int_not_equal(checklist_run_delete(f->s, run, "Ärende 7", &err), TL_OK); /* gone already */
}

/* Each write of an answer fails in turn (the answer, the run's last change,
 * the outcome): nothing of the step is stored, the run in memory is as
 * before, and the next answer after the stop is stored whole. */
static void answer_and_outcome_together_or_not_at_all(void **state)
{
    fixture *f = *state;
    const char *writes[] = {"INSERT ON checklist_answer", "UPDATE OF updated_at ON checklist_run",
                            "UPDATE OF outcome_id ON checklist_run"};
    /* Enough yes answers that the next one changes the outcome. */
    const char *yes[] = {"dr-s1", "dr-m1", "ex-s1", "ex-s2", "cd-s1"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        answer(f, yes[i], TL_A_YES);
    char before[65], after[65], updated[21];
    stored_outcome(f, before, sizeof before);
    snprintf(updated, sizeof updated, "%s", f->r->info.updated_at);
    size_t cd = indicator(f->r->cl, "cd-w1");
    for (size_t w = 0; w < sizeof writes / sizeof writes[0]; w++) {
        stop_at(f->folder->path, writes[w]);
        tl_error err = {0};
        assert_int_not_equal(checklist_run_answer(f->s, f->r, cd, TL_A_YES, &err), TL_OK);
        assert_non_null(strstr(err.msg, "simulated stop"));
        stop_clear(f->folder->path);
        assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld"), 5);
        stored_outcome(f, after, sizeof after);
        assert_string_equal(after, before);
        assert_int_equal(f->r->answers[cd], TL_A_NONE);
        assert_string_equal(current_outcome(f), before);
        assert_string_equal(f->r->info.updated_at, updated);
    }
    answer(f, "cd-w1", TL_A_YES);
    stored_outcome(f, after, sizeof after);
    assert_string_equal(after, current_outcome(f));
    assert_string_not_equal(after, before);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld"), 6);
}

/* A process that dies in the middle of the step (after the answer, before
 * the outcome and the commit) leaves nothing of it behind. */
static void killed_between_answer_and_outcome(void **state)
{
    fixture *f = *state;
    tl_id run = f->r->info.id;
    const char *ind = f->r->cl->indicators[0].id;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        tl_store *s;
        tl_error err;
        if (store_open(f->folder->path, false, &s, &err) != TL_OK || store_begin(s, &err) != TL_OK ||
            store_run_answer(s, run, ind, TL_A_YES, NULL, &err) != TL_OK)
            _exit(1);
        _exit(9); /* no outcome, no commit */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(WEXITSTATUS(status), 9);
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld"), 0);
    answer(f, ind, TL_A_NO); /* the store is usable as before */
    assert_int_equal(stored(f, "SELECT count(*) FROM checklist_answer WHERE run_id = %lld"), 1);
}

/* The summary's "last change" is the latest write, not when the run was
 * started or opened. */
static void last_change_is_the_latest_write(void **state)
{
    fixture *f = *state;
    char sql[256];
    snprintf(sql, sizeof sql,
             "UPDATE checklist_run SET created_at = '2020-01-02T03:04:05Z', updated_at = '2020-01-02T03:04:05Z' "
             "WHERE id = %lld", (long long)f->r->info.id);
    side_sql(f->folder->path, sql);
    tl_checklist_run *r;
    tl_error err = {0};
    assert_int_equal(checklist_run_open(f->s, f->content, f->r->info.id, &r, &err), TL_OK);
    assert_string_equal(r->info.updated_at, "2020-01-02T03:04:05Z");
    checklist_run_free(f->r);
    f->r = r;
    answer(f, "dr-s1", TL_A_YES);
    char latest[21];
    char query[128];
    snprintf(query, sizeof query, "SELECT updated_at FROM checklist_run WHERE id = %lld", (long long)r->info.id);
    side_text(f->folder->path, query, latest, sizeof latest);
    assert_string_not_equal(latest, "2020-01-02T03:04:05Z");
    assert_string_equal(r->info.updated_at, latest);
    assert_string_equal(r->info.created_at, "2020-01-02T03:04:05Z");

    tl_summary sum = checklist_run_summary(r, false, "en", 400);
    sum.made = "now";
    char *text = summary_text(&sum, false);
    char started[32], changed[32], line[128];
    summary_local_time("2020-01-02T03:04:05Z", started, sizeof started);
    summary_local_time(latest, changed, sizeof changed);
    snprintf(line, sizeof line, "%s, last change %s", started, changed);
    if (!strstr(text, line))
        fail_msg("no \"%s\" in:\n%s", line, text);
    free(text);

    side_sql(f->folder->path, "UPDATE checklist_run SET updated_at = '2020-01-02T03:04:05Z'");
    assert_int_equal(checklist_run_finish(f->s, r, &err), TL_OK); /* finishing is a change too */
    assert_string_not_equal(r->info.updated_at, "2020-01-02T03:04:05Z");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(start_answer_note_finish_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(a_note_can_come_before_the_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(a_case_note_and_no_personal_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(a_run_is_deleted_with_its_reference_typed, setup, teardown),
        cmocka_unit_test_setup_teardown(answer_and_outcome_together_or_not_at_all, setup, teardown),
        cmocka_unit_test_setup_teardown(killed_between_answer_and_outcome, setup, teardown),
        cmocka_unit_test_setup_teardown(last_change_is_the_latest_write, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
