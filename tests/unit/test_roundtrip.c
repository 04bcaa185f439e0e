/* Content -> store -> read back: records keep the content id, version and
 * hash they were made with, and everything written survives a reopen. */
#include "testutil.h"

#include "content.h"
#include "store.h"
#include "store_training.h"

static tl_content *load(const char *path)
{
    tl_diags d = {0};
    tl_error err = {0};
    tl_content *c = NULL;
    assert_int_equal(content_load_file(path, &c, &d, &err), TL_OK);
    diags_free(&d);
    return c;
}

static void training_round_trip(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/t.db", dir);
    tl_content *c = load("tests/fixtures/good/curriculum.yaml");
    const tl_curriculum *cu = c->u.curriculum;
    tl_store *s;
    tl_error err = {0};
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);

    tl_session_info info = {.kind = TL_SESSION_GROUP, .curriculum_id = cu->h.id,
                            .curriculum_version = cu->h.version, .content_hash = c->hash,
                            .date = "2026-11-26", .start_time = "09:00", .location = "Rådhuset",
                            .trainer = "Trainer A"};
    tl_id session, org, p1, p2, attempt;
    char uuid[37];
    assert_int_equal(store_session_create(s, &info, &session, uuid, &err), TL_OK);
    assert_int_equal(store_organisation(s, "Miljöförvaltningen", TL_ORG_ENVIRONMENTAL_HEALTH, &org, &err), TL_OK);
    assert_int_equal(store_participant_add(s, "Åsa Öberg", org, TL_LEVEL_OPERATIONAL, &p1, &err), TL_OK);
    assert_int_equal(store_participant_add(s, NULL, org, TL_LEVEL_STRATEGIC, &p2, &err), TL_OK);
    assert_int_equal(store_attendance_set(s, session, p1, TL_ATT_PRESENT, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_set(s, session, p2, TL_ATT_LATE, "came 10:15", &err), TL_OK);
    const tl_module *m = &cu->modules[0];
    assert_int_equal(store_progress_set(s, session, p1, m->id, 0, (int)m->n_pages, 30, false, &err), TL_OK);
    assert_int_equal(store_progress_set(s, session, p1, m->id, 0, (int)m->n_pages, 45, true, &err), TL_OK);
    assert_int_equal(store_attempt_start(s, session, p1, m->id, TL_PHASE_MODULE, &attempt, &err), TL_OK);
    const tl_question *q = &m->check.questions[0];
    assert_int_equal(store_answer_record(s, attempt, q->id, 1u << 1, true, &err), TL_OK);
    assert_int_equal(store_attempt_finish(s, attempt, 1, 1, true, &err), TL_OK);
    tl_id second;
    assert_int_equal(store_attempt_start(s, session, p1, m->id, TL_PHASE_MODULE, &second, &err), TL_OK);
    assert_int_equal(store_session_close(s, session, "12:00", &err), TL_OK);
    store_close(s);

    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    int64_t n;
    assert_int_equal(store_count(s, "SELECT count(*) FROM training_session WHERE curriculum_id = 'example-course' "
                                    "AND curriculum_version = '1' AND end_time = '12:00' AND length(uuid) = 36", &n, &err), TL_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_count(s, "SELECT count(*) FROM attendance WHERE status = 'late' AND remark = 'came 10:15'", &n, &err), TL_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_count(s, "SELECT seconds_spent FROM module_progress WHERE module_id = 'law' AND completed_at IS NOT NULL", &n, &err), TL_OK);
    assert_int_equal(n, 75);
    assert_int_equal(store_count(s, "SELECT max(attempt_no) FROM check_attempt", &n, &err), TL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(store_count(s, "SELECT chosen FROM check_answer WHERE question_id = 'q1' AND correct = 1", &n, &err), TL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(store_count(s, "SELECT count(*) FROM participant WHERE name = 'Åsa Öberg'", &n, &err), TL_OK);
    assert_int_equal(n, 1);
    /* Where the course was: for one attendee, and for anyone in the session. */
    assert_int_equal(store_progress_set(s, session, p2, m->id, 1, (int)m->n_pages, 10, false, &err), TL_OK);
    char where[65];
    int page = -1;
    bool found = false;
    assert_int_equal(store_progress_latest(s, session, p1, where, &page, &found, &err), TL_OK);
    assert_true(found);
    assert_string_equal(where, m->id);
    assert_int_equal(page, 0);
    assert_int_equal(store_progress_latest(s, session, 0, where, &page, &found, &err), TL_OK);
    assert_true(found);
    assert_int_equal(page, 1);
    store_close(s);
    content_free(c);
    test_rmtree(dir);
    free(dir);
}

static void checklist_round_trip(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/c.db", dir);
    tl_content *c = load("tests/fixtures/good/ilo-checklist.yaml");
    const tl_checklist *cl = c->u.checklist;
    tl_store *s;
    tl_error err = {0};
    tl_id run;
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    assert_int_equal(store_run_create(s, c, "Ärende 7", &run, &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[0].id, TL_A_YES, "sov i lokalen", &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[1].id, TL_A_UNKNOWN, NULL, &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[2].id, TL_A_NO, NULL, &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[2].id, TL_A_NOT_ASKED, NULL, &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, "no-longer-there", TL_A_YES, NULL, &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[3].id, TL_A_COUNT, NULL, &err), TL_DATAERR);
    /* a note before the answer: kept without one, and counted as no answer */
    assert_int_equal(store_run_answer(s, run, cl->indicators[3].id, TL_A_NONE, "fråga om bostaden", &err), TL_OK);
    /* neither answer nor note: nothing kept */
    assert_int_equal(store_run_answer(s, run, cl->indicators[4].id, TL_A_NONE, "x", &err), TL_OK);
    assert_int_equal(store_run_answer(s, run, cl->indicators[4].id, TL_A_NONE, NULL, &err), TL_OK);
    store_close(s);

    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    tl_run_info info = {0};
    assert_int_equal(store_run_get(s, run, &info, &err), TL_OK);
    assert_string_equal(info.checklist_id, "ilo-test");
    assert_string_equal(info.checklist_version, "1");
    assert_string_equal(info.content_hash, c->hash);
    assert_string_equal(info.case_ref, "Ärende 7");
    assert_int_equal(info.answered, 4);
    tl_answer *answers = calloc(cl->n_indicators, sizeof *answers);
    char **notes = calloc(cl->n_indicators, sizeof *notes);
    assert_int_equal(store_run_answers(s, run, cl, answers, notes, &err), TL_OK);
    assert_int_equal(answers[0], TL_A_YES);
    assert_string_equal(notes[0], "sov i lokalen");
    assert_int_equal(answers[1], TL_A_UNKNOWN);
    assert_int_equal(answers[2], TL_A_NOT_ASKED);
    assert_int_equal(answers[3], TL_A_NONE);
    assert_string_equal(notes[3], "fråga om bostaden");
    assert_int_equal(answers[4], TL_A_NONE);
    assert_null(notes[4]);
    assert_null(notes[1]);
    for (size_t i = 0; i < cl->n_indicators; i++)
        free(notes[i]);
    free(notes);
    free(answers);
    assert_int_equal(store_run_get(s, run + 100, &info, &err), TL_DATAERR);
    assert_string_equal(info.case_ref, "Ärende 7"); /* kept as it was */
    tl_run_info_clear(&info);
    store_close(s);
    content_free(c);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(training_round_trip),
        cmocka_unit_test(checklist_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
