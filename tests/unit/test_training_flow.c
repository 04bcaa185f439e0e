/* The training workflows without a terminal (core/training_session.c,
 * course.c, knowledge_check.c, course_results.c): a group session's roll
 * call and the present/late rule, self-study, pages and time, scoring,
 * passing and completion, the results read once; and a simulated stop
 * between any two writes of a step leaves all of the step or none of it
 * (never a participant without attendance). */
#include "store_fault.h"

#include "content.h"
#include "course_results.h"
#include "group_results.h"
#include "report.h"
#include "report_xml.h"

typedef struct {
    test_world w;
    test_folder *folder;
    tl_content *content;
    tl_store *s;
    tl_id org;
    tl_training_session ts;
} fixture;

enum { PRE, LAW_PAGE, LAW_CHECK, SIGNS_P1, SIGNS_P2, POST }; /* the fixture's course steps */

static void ok(tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        fail_msg("%s", err->msg);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    world_open(&f->w, "tests/fixtures/good/curriculum.yaml");
    f->folder = f->w.folder;
    f->content = f->w.content;
    f->s = f->w.s;
    tl_error err = {0};
    ok(organisation_add(f->s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &f->org, &err), &err);
    tl_session_start start = {.date = "2026-11-26", .start_time = "09:00", .location = "Malmö"};
    ok(training_session_open(f->s, f->content, &start, &f->ts, &err), &err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    training_session_clear(&f->ts);
    world_close(&f->w);
    free(f);
    return 0;
}

static int64_t count(fixture *f, const char *query)
{
    return side_int(f->folder->path, query);
}

static tl_id add(fixture *f, const char *name)
{
    tl_new_person who = {.name = name, .organisation = f->org, .level = TL_LEVEL_OPERATIONAL};
    tl_id person;
    tl_error err = {0};
    ok(training_session_add_new(f->s, &f->ts, &who, &person, &err), &err);
    return person;
}

static void roll_call_and_the_present_late_rule(void **state)
{
    fixture *f = *state;
    tl_id anna = add(f, "Anna"), bo = add(f, "Bo"), cia = add(f, ""), dan = add(f, "Dan");
    assert_int_equal(f->ts.n, 4);
    assert_string_equal(f->ts.attendees[0].name, "Anna");
    assert_string_equal(f->ts.attendees[0].organisation, "Malmö stad");
    tl_error err = {0};
    size_t i_bo = training_session_find(&f->ts, bo);
    ok(training_session_mark(f->s, &f->ts, i_bo, TL_ATT_LATE, "kom 09:20", -1, &err), &err);
    ok(training_session_mark(f->s, &f->ts, training_session_find(&f->ts, cia), TL_ATT_EXCUSED, "", -1, &err), &err);
    ok(training_session_mark(f->s, &f->ts, training_session_find(&f->ts, dan), TL_ATT_ABSENT, NULL, -1, &err), &err);
    assert_int_equal(f->ts.attendees[i_bo].status, TL_ATT_LATE);
    assert_string_equal(f->ts.attendees[i_bo].remark, "kom 09:20");
    assert_int_equal(training_session_mark(f->s, &f->ts, 9, TL_ATT_LATE, NULL, -1, &err), TL_DATAERR);

    bool added = true;
    ok(training_session_add_known(f->s, &f->ts, anna, &added, &err), &err);
    assert_false(added);
    assert_int_equal(f->ts.n, 4);

    assert_true(attendance_takes_part(TL_ATT_PRESENT) && attendance_takes_part(TL_ATT_LATE) &&
                attendance_takes_part(TL_ATT_LEFT_EARLY) && attendance_takes_part(TL_ATT_REMOTE));
    assert_false(attendance_takes_part(TL_ATT_EXCUSED) || attendance_takes_part(TL_ATT_ABSENT));
    tl_course *c = course_of_group(f->content, &f->ts);
    assert_int_equal(c->n, 2);
    assert_int_equal(c->people[0], anna);
    assert_int_equal(c->people[1], bo);
    assert_string_equal(c->labels[1], "Bo");
    assert_true(c->group);
    course_free(c);

    ok(training_session_close(f->s, &f->ts, "12:00", &err), &err);
    assert_string_equal(f->ts.info.end_time, "12:00");
    tl_session_row *rows;
    size_t n;
    ok(training_sessions_list(f->s, TL_SESSION_GROUP, true, 10, &rows, &n, &err), &err);
    assert_int_equal(n, 0); /* closed */
    tl_session_rows_free(rows, n);
}

/* Each write of adding someone new fails in turn: no participant without
 * attendance, nothing on the roll call; the next one is added whole. */
static void participant_and_attendance_together(void **state)
{
    fixture *f = *state;
    const char *writes[] = {"INSERT ON participant", "INSERT ON attendance"};
    for (size_t w = 0; w < 2; w++) {
        stop_at(f->folder->path, writes[w]);
        tl_new_person who = {.name = "Eva", .organisation = f->org};
        tl_id person = 0;
        tl_error err = {0};
        assert_int_not_equal(training_session_add_new(f->s, &f->ts, &who, &person, &err), TL_OK);
        assert_non_null(strstr(err.msg, "simulated stop"));
        stop_clear(f->folder->path);
        assert_int_equal(count(f, "SELECT count(*) FROM participant"), 0);
        assert_int_equal(count(f, "SELECT count(*) FROM attendance"), 0);
        assert_int_equal(f->ts.n, 0);
    }
    add(f, "Eva");
    assert_int_equal(count(f, "SELECT count(*) FROM participant"), 1);
    assert_int_equal(f->ts.n, 1);
}

/* A new learner, their self-study session and attendance: all or none. */
static void self_study_start_together(void **state)
{
    fixture *f = *state;
    const char *writes[] = {"INSERT ON participant", "UPDATE OF study_code ON participant",
                            "INSERT ON training_session", "INSERT ON attendance"};
    tl_session_start start = {.date = "2026-11-27", .start_time = "10:00"};
    tl_new_person who = {.name = "Fia", .organisation = f->org, .level = TL_LEVEL_STRATEGIC};
    tl_id session, person;
    tl_study_code code, again_code;
    tl_error err = {0};
    for (size_t w = 0; w < 4; w++) {
        stop_at(f->folder->path, writes[w]);
        assert_int_not_equal(self_study_start(f->s, f->content, &start, 0, &who, &session, &person, code, &err), TL_OK);
        stop_clear(f->folder->path);
        assert_int_equal(count(f, "SELECT count(*) FROM participant"), 0);
        assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE kind = 'self'"), 0);
    }
    ok(self_study_start(f->s, f->content, &start, 0, &who, &session, &person, code, &err), &err);
    tl_session_row *rows;
    size_t n;
    ok(training_sessions_list(f->s, TL_SESSION_SELF, false, 10, &rows, &n, &err), &err);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0].participant, person);
    assert_string_equal(rows[0].learner, "Fia");
    tl_session_rows_free(rows, n);
    tl_id again;
    assert_int_equal(strlen(code), TL_STUDY_CODE_LEN);
    assert_int_equal(count(f, "SELECT count(*) FROM participant WHERE study_code IS NOT NULL"), 1);
    ok(self_study_start(f->s, f->content, &start, person, NULL, &session, &again, again_code, &err), &err);
    assert_int_equal(again, person); /* someone registered before: no new participant */
    assert_string_equal(again_code, code); /* and the code they were given */
    assert_int_equal(count(f, "SELECT count(*) FROM participant"), 1);
}

static tl_course_place open_place(fixture *f, tl_course *c, time_t now)
{
    tl_course_place p;
    tl_error err = {0};
    ok(course_place_open(f->s, c, now, &p, &err), &err);
    return p;
}

/* Pages are recorded for everyone, with the time (a long break counts up
 * to TL_MAX_PAGE_SECONDS); the last page of a module without a check
 * completes it; a course resumes where it was; a stop records nobody. */
static void pages_time_completion_and_resume(void **state)
{
    fixture *f = *state;
    add(f, "Anna");
    add(f, "Bo");
    tl_course_place p = open_place(f, course_of_group(f->content, &f->ts), 1000);
    assert_int_equal(p.cur, 0);
    assert_int_equal(p.n_steps, 6);
    tl_error err = {0};
    ok(course_go_to(f->s, &p, SIGNS_P1, 1000, &err), &err);
    ok(course_go_to(f->s, &p, SIGNS_P2, 1000 + 90, &err), &err);
    assert_int_equal(count(f, "SELECT count(*) FROM module_progress WHERE module_id = 'signs' AND page = 1"), 2);
    assert_int_equal(count(f, "SELECT sum(seconds_spent) FROM module_progress WHERE module_id = 'signs'"), 180);

    stop_at(f->folder->path, "UPDATE ON module_progress");
    assert_int_not_equal(course_go_to(f->s, &p, POST, 1000 + 90 + 20, &err), TL_OK);
    stop_clear(f->folder->path);
    assert_int_equal(p.cur, POST); /* reading on is not held up */
    assert_int_equal(count(f, "SELECT count(*) FROM module_progress WHERE completed_at IS NOT NULL"), 0);

    ok(course_go_to(f->s, &p, SIGNS_P2, 2000, &err), &err);
    ok(course_go_to(f->s, &p, POST, 2000 + 99999, &err), &err);
    assert_int_equal(count(f, "SELECT count(*) FROM module_progress WHERE module_id = 'signs' "
                              "AND completed_at IS NOT NULL"), 2);
    assert_int_equal(count(f, "SELECT max(seconds_spent) FROM module_progress"), 90 + TL_MAX_PAGE_SECONDS);
    ok(course_go_to(f->s, &p, SIGNS_P1, 200000, &err), &err);
    ok(course_leave(f->s, &p, 200000 + 30, &err), &err);
    course_place_free(&p);

    p = open_place(f, course_of_group(f->content, &f->ts), 300000);
    assert_int_equal(p.cur, SIGNS_P1); /* where the group last was */
    course_place_free(&p);
}

static void answer_all(fixture *f, tl_knowledge_check *kc, size_t person, bool right)
{
    tl_error err = {0};
    for (size_t q = 0; q < kc->k->n_questions; q++) {
        unsigned correct = question_correct_mask(&kc->k->questions[q]);
        ok(knowledge_check_answer(f->s, kc, person, q, right ? correct : (correct ^ 1u), &err), &err);
    }
}

/* A learner alone: the module check passed completes its module; with the
 * other module's last page the self-study is completed. A stop between
 * finishing the attempt and completing the module leaves neither. */
static void knowledge_check_scores_passes_and_completes(void **state)
{
    fixture *f = *state;
    tl_session_start start = {.date = "2026-11-27", .start_time = "10:00"};
    tl_new_person who = {.name = "Fia", .organisation = f->org};
    tl_id session, person;
    tl_study_code code;
    tl_error err = {0};
    ok(self_study_start(f->s, f->content, &start, 0, &who, &session, &person, code, &err), &err);
    tl_course_place p = open_place(f, course_of_learner(f->content, session, person, "Fia"), 0);
    ok(course_go_to(f->s, &p, SIGNS_P2, 10, &err), &err);
    ok(course_go_to(f->s, &p, POST, 20, &err), &err); /* completes "signs" */
    ok(course_go_to(f->s, &p, LAW_CHECK, 30, &err), &err);

    tl_knowledge_check *kc;
    ok(knowledge_check_start(f->s, p.course, course_step(&p), &kc, &err), &err);
    assert_int_equal(knowledge_check_first_open(kc), 0);
    assert_int_equal(knowledge_check_answer(f->s, kc, 0, 0, 0, &err), TL_DATAERR); /* nothing chosen */
    answer_all(f, kc, 0, true);
    assert_int_equal(knowledge_check_first_open(kc), kc->k->n_questions);
    int answered, right;
    assert_int_equal(knowledge_check_score(kc, 0, &answered), 1);
    knowledge_check_tally(kc, 0, &answered, &right);
    assert_int_equal(answered, 1);
    assert_int_equal(right, 1);
    assert_true(knowledge_check_passed(kc, 0));

    stop_at(f->folder->path, "INSERT ON module_progress");
    bool completed = true;
    assert_int_not_equal(knowledge_check_finish(f->s, kc, &completed, &err), TL_OK);
    stop_clear(f->folder->path);
    assert_false(completed);
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt WHERE finished_at IS NOT NULL"), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM module_progress WHERE module_id = 'law'"), 0);

    ok(knowledge_check_finish(f->s, kc, &completed, &err), &err);
    assert_true(completed);
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt WHERE finished_at IS NOT NULL AND passed"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE kind = 'self' AND closed_at IS NOT NULL"), 1);
    int done;
    ok(course_completion(f->s, p.course, &done, &completed, &err), &err);
    assert_int_equal(done, 2);
    knowledge_check_free(kc);
    course_place_free(&p);
}

/* A group: a skipped attendee gets no result; a check left half-way
 * resumes with its answers; a retake starts new attempts. */
static void group_check_skip_resume_retake(void **state)
{
    fixture *f = *state;
    add(f, "Anna");
    add(f, "Bo");
    tl_course *c = course_of_group(f->content, &f->ts);
    tl_step pre = {TL_STEP_CHECK, TL_PHASE_PRE, -1, 0};
    tl_knowledge_check *kc;
    tl_error err = {0};
    ok(knowledge_check_start(f->s, c, pre, &kc, &err), &err);
    answer_all(f, kc, 0, false);
    assert_int_equal(knowledge_check_next_person(kc, 0, 0), 1);
    knowledge_check_free(kc);

    ok(knowledge_check_start(f->s, c, pre, &kc, &err), &err); /* resumed */
    assert_int_equal(knowledge_check_chosen(kc, 0, 0), (int64_t)(question_correct_mask(&kc->k->questions[0]) ^ 1u));
    assert_int_equal(knowledge_check_chosen(kc, 1, 0), TL_KC_UNANSWERED);
    ok(knowledge_check_answer(f->s, kc, 1, 0, TL_KC_SKIPPED, &err), &err);
    bool completed;
    ok(knowledge_check_finish(f->s, kc, &completed, &err), &err);
    assert_false(completed); /* a group is closed by its trainer */
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt WHERE finished_at IS NOT NULL"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM check_answer"), 1);

    tl_course_results r = {0};
    ok(course_results_load(f->s, c, 0, &r, &err), &err);
    assert_true(r.before.finished);
    assert_false(r.before.passed);
    assert_int_equal(r.before.score, 0);
    assert_int_equal(r.before.max, 1);
    assert_false(r.after.finished);
    assert_int_equal(r.modules[0].pages_seen, 0);
    ok(course_results_load(f->s, c, 1, &r, &err), &err);
    assert_false(r.before.finished);
    assert_int_equal(r.before.answered, 0);
    assert_int_equal(course_results_load(f->s, c, 2, &r, &err), TL_DATAERR);
    assert_non_null(r.modules); /* the results shown before stay */
    course_results_clear(&r);

    ok(knowledge_check_retake(f->s, kc, &err), &err);
    assert_int_equal(knowledge_check_chosen(kc, 0, 0), TL_KC_UNANSWERED);
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt"), 4);
    ok(knowledge_check_answer(f->s, kc, 0, 0, question_correct_mask(&kc->k->questions[0]), &err), &err);
    tl_check_standing st;
    ok(course_check_standing(f->s, c, 0, pre, &st, &err), &err);
    assert_true(st.finished); /* the best finished attempt counts ... */
    ok(course_check_standing(f->s, c, 1, pre, &st, &err), &err);
    assert_false(st.finished); /* ... and one only started says how far */
    knowledge_check_free(kc);
    course_free(c);
}

/* What the presenter view shows of a group (core/group_results.c): counts
 * and bands, the pre-check passing nobody. */
static void group_results_are_counted(void **state)
{
    fixture *f = *state;
    assert_int_equal(score_band(0, 4), 0);
    assert_int_equal(score_band(1, 4), 1);
    assert_int_equal(score_band(3, 4), 3);
    assert_int_equal(score_band(4, 4), 3); /* 100 % is in the top band */
    assert_int_equal(score_band(1, 0), 0);
    assert_int_equal(score_band_floor(2), 50);
    assert_false(phase_graded(TL_PHASE_PRE));
    assert_true(phase_graded(TL_PHASE_POST));
    assert_true(phase_graded(TL_PHASE_MODULE));

    add(f, "Anna");
    add(f, "Bo");
    add(f, "Cy");
    tl_course *c = course_of_group(f->content, &f->ts);
    tl_step pre = {TL_STEP_CHECK, TL_PHASE_PRE, -1, 0};
    tl_knowledge_check *kc;
    tl_score_spread sp;
    tl_error err = {0};
    ok(knowledge_check_start(f->s, c, pre, &kc, &err), &err);
    answer_all(f, kc, 0, true);
    answer_all(f, kc, 1, false);
    ok(knowledge_check_answer(f->s, kc, 2, 0, TL_KC_SKIPPED, &err), &err);
    knowledge_check_spread(kc, &sp); /* the check being taken, from memory */
    assert_int_equal(sp.finished, 2);
    assert_int_equal(sp.band[3], 1);
    assert_int_equal(sp.band[0], 1);
    bool completed;
    ok(knowledge_check_finish(f->s, kc, &completed, &err), &err);

    ok(group_check_spread(f->s, c, pre, &sp, &err), &err); /* the same, from the store */
    assert_int_equal(sp.finished, 2);
    assert_int_equal(sp.begun, 0);
    assert_int_equal(sp.band[3] + sp.band[0], 2);
    /* Cy begins a retake: answering, not finished */
    ok(knowledge_check_retake(f->s, kc, &err), &err);
    ok(knowledge_check_answer(f->s, kc, 2, 0, question_correct_mask(&kc->k->questions[0]), &err), &err);
    ok(group_check_spread(f->s, c, pre, &sp, &err), &err);
    assert_int_equal(sp.finished, 2);
    assert_int_equal(sp.begun, 1);

    tl_group_results r = {0};
    ok(group_results_load(f->s, c, &r, &err), &err);
    assert_int_equal(r.people, 3);
    assert_int_equal(r.before.finished, 2);
    assert_int_equal(r.before.begun, 1);
    assert_int_equal(r.after.finished, 0);
    assert_int_equal(r.completed[0], 0);
    assert_int_equal(r.checks[0].finished, 0);
    group_results_clear(&r);
    knowledge_check_free(kc);
    course_free(c);
}

/* An answer already saved is corrected: replaced, or taken back by a skip;
 * after the check is finished the person's result follows at once (score,
 * pass, the module completed or no longer), and with no answer left they
 * have no result. */
static void answers_are_corrected_after_the_finish(void **state)
{
    fixture *f = *state;
    add(f, "Anna");
    add(f, "Bo");
    tl_course_place p = open_place(f, course_of_group(f->content, &f->ts), 0);
    tl_error err = {0};
    ok(course_go_to(f->s, &p, LAW_CHECK, 10, &err), &err);
    tl_knowledge_check *kc;
    ok(knowledge_check_start(f->s, p.course, course_step(&p), &kc, &err), &err);
    unsigned right = question_correct_mask(&kc->k->questions[0]), wrong = right ^ 1u;
    assert_int_equal(knowledge_check_sheet_open(kc, 0), 0);
    ok(knowledge_check_answer(f->s, kc, 0, 0, wrong, &err), &err);
    assert_int_equal(knowledge_check_sheet_open(kc, 0), kc->k->n_questions);
    ok(knowledge_check_answer(f->s, kc, 0, 0, right, &err), &err); /* corrected before the finish */
    assert_int_equal(count(f, "SELECT count(*) FROM check_answer"), 1);
    assert_int_equal(count(f, "SELECT sum(correct) FROM check_answer"), 1);
    ok(knowledge_check_answer(f->s, kc, 1, 0, right, &err), &err);
    bool completed;
    ok(knowledge_check_finish(f->s, kc, &completed, &err), &err);
    const char *law_done = "SELECT count(*) FROM module_progress WHERE module_id = 'law' AND completed_at IS NOT NULL";
    assert_int_equal(count(f, law_done), 2);

    ok(knowledge_check_answer(f->s, kc, 0, 0, wrong, &err), &err); /* after the finish: the result follows */
    assert_false(knowledge_check_passed(kc, 0));
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt WHERE finished_at IS NOT NULL AND NOT passed "
                              "AND score = 0"), 1);
    assert_int_equal(count(f, law_done), 1);
    ok(knowledge_check_answer(f->s, kc, 0, 0, right, &err), &err);
    assert_int_equal(count(f, law_done), 2);

    ok(knowledge_check_answer(f->s, kc, 1, 0, TL_KC_SKIPPED, &err), &err); /* taken back: no result */
    assert_int_equal(knowledge_check_chosen(kc, 1, 0), TL_KC_SKIPPED);
    assert_int_equal(count(f, "SELECT count(*) FROM check_answer"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt WHERE finished_at IS NOT NULL"), 1);
    assert_int_equal(count(f, law_done), 1);

    stop_at(f->folder->path, "UPDATE ON check_attempt"); /* all of a correction or none of it */
    assert_int_not_equal(knowledge_check_answer(f->s, kc, 0, 0, wrong, &err), TL_OK);
    stop_clear(f->folder->path);
    assert_int_equal(knowledge_check_chosen(kc, 0, 0), (int64_t)right);
    assert_int_equal(count(f, "SELECT sum(correct) FROM check_answer"), 1);
    knowledge_check_free(kc);
    course_place_free(&p);
}

static tl_report_totals totals(fixture *f)
{
    tl_report_filter all = {0};
    tl_report *r;
    tl_report_totals t;
    tl_error err = {0};
    ok(report_open(f->s, &all, NULL, &r, &err), &err);
    ok(report_totals(r, &t, &err), &err);
    report_close(r);
    return t;
}

/* An attendee corrected and one taken off the roll call; an attendee
 * without a name is named by their place on it. */
static void attendees_are_corrected_and_removed(void **state)
{
    fixture *f = *state;
    add(f, "Anna");
    tl_id nameless = add(f, "");
    tl_id bo = add(f, "Bo");
    char label[64];
    attendee_label(f->ts.attendees[1].name, 2, label, sizeof label);
    assert_string_equal(label, "Attendee 2");
    tl_course *c = course_of_group(f->content, &f->ts);
    char shown[64];
    assert_string_equal(course_label(c, 1, shown, sizeof shown), "Attendee 2");
    assert_string_equal(course_label(c, 0, shown, sizeof shown), "Anna");
    course_free(c);

    tl_error err = {0};
    tl_attendee_edit e = {.name = "Cia Ek", .organisation = "Polisen Syd", .org_type = TL_ORG_POLICE,
                          .level = TL_LEVEL_STRATEGIC, .status = TL_ATT_LATE, .remark = "kom 09:20", .minutes = 40};
    ok(training_session_edit_attendee(f->s, &f->ts, 1, &e, &err), &err);
    const tl_attendee_row *p = &f->ts.attendees[1];
    assert_int_equal(p->participant, nameless);
    assert_string_equal(p->name, "Cia Ek");
    assert_string_equal(p->organisation, "Polisen Syd");
    assert_int_equal(p->org_type, TL_ORG_POLICE);
    assert_int_equal(p->level, TL_LEVEL_STRATEGIC);
    assert_int_equal(p->status, TL_ATT_LATE);
    assert_string_equal(p->remark, "kom 09:20");
    assert_int_equal(p->minutes, 40);
    assert_int_equal(f->ts.attendees[0].minutes, -1);
    e.minutes = 2000; /* refused whole: nothing of it is stored */
    e.name = "Cia Berg";
    assert_int_equal(training_session_edit_attendee(f->s, &f->ts, 1, &e, &err), TL_DATAERR);
    assert_string_equal(f->ts.attendees[1].name, "Cia Ek");
    assert_int_equal(training_session_edit_attendee(f->s, &f->ts, 3, &e, &err), TL_DATAERR);

    ok(training_session_remove_attendee(f->s, &f->ts, 0, &err), &err);
    assert_int_equal(f->ts.n, 2);
    assert_int_equal(f->ts.attendees[1].participant, bo);
    assert_int_equal(count(f, "SELECT count(*) FROM participant WHERE name = 'Anna'"), 0);
    assert_int_equal(training_session_remove_attendee(f->s, &f->ts, 2, &err), TL_DATAERR);
}

/* The details corrected; a closed session refuses changes until it is
 * reopened; cancelled it counts nowhere until restored. */
static void a_session_is_corrected_cancelled_and_reopened(void **state)
{
    fixture *f = *state;
    add(f, "Anna");
    tl_error err = {0};
    tl_session_edit e = {.date = "2026-11-27", .start_time = "10:15", .end_time = "11:00", .location = "Lund",
                         .trainer = "Eva Lind", .description = "Vårterminen"};
    ok(training_session_edit_details(f->s, &f->ts, &e, &err), &err);
    assert_string_equal(f->ts.info.date, "2026-11-27");
    assert_string_equal(f->ts.info.start_time, "10:15");
    assert_string_equal(f->ts.info.end_time, ""); /* still open */
    assert_string_equal(f->ts.info.location, "Lund");
    assert_string_equal(f->ts.info.trainer, "Eva Lind");
    assert_string_equal(f->ts.info.description, "Vårterminen");
    e.date = "2026-11-31";
    assert_int_equal(training_session_edit_details(f->s, &f->ts, &e, &err), TL_DATAERR);
    assert_string_equal(f->ts.info.date, "2026-11-27");

    ok(training_session_close(f->s, &f->ts, "12:00", &err), &err);
    assert_true(training_session_closed(&f->ts));
    e.date = "2026-11-28";
    assert_int_equal(training_session_edit_details(f->s, &f->ts, &e, &err), TL_DATAERR);
    assert_int_equal(training_session_mark(f->s, &f->ts, 0, TL_ATT_ABSENT, NULL, -1, &err), TL_DATAERR);
    assert_int_equal(training_session_remove_attendee(f->s, &f->ts, 0, &err), TL_DATAERR);
    tl_new_person who = {.name = "Bo", .organisation = f->org};
    tl_id person = 0;
    assert_int_equal(training_session_add_new(f->s, &f->ts, &who, &person, &err), TL_DATAERR);
    assert_int_equal(f->ts.n, 1);
    assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE date = '2026-11-27'"), 1);
    assert_int_equal(totals(f).training_seconds, 3600 + 45 * 60);

    ok(training_session_cancel(f->s, &f->ts, true, &err), &err); /* closed or not */
    assert_true(f->ts.info.cancelled);
    tl_session_row *rows;
    size_t n;
    ok(training_sessions_list(f->s, TL_SESSION_GROUP, false, 10, &rows, &n, &err), &err);
    assert_int_equal(n, 1); /* still listed, marked */
    assert_true(rows[0].cancelled);
    tl_session_rows_free(rows, n);
    assert_int_equal(totals(f).sessions, 0);
    assert_int_equal(totals(f).attendances, 0);
    ok(training_session_cancel(f->s, &f->ts, false, &err), &err);
    assert_false(f->ts.info.cancelled);
    assert_int_equal(totals(f).sessions, 1);

    ok(training_session_reopen(f->s, &f->ts, &err), &err);
    assert_false(training_session_closed(&f->ts));
    ok(training_session_edit_details(f->s, &f->ts, &e, &err), &err);
    assert_string_equal(f->ts.info.date, "2026-11-28");
    ok(training_session_close(f->s, &f->ts, "11:30", &err), &err);
    assert_int_equal(totals(f).training_seconds, 3600 + 15 * 60);
}

/* A session opened by mistake, with nobody on it, counts nowhere: not open,
 * not closed, not in the totals, the per-session section or the time. */
static void a_session_with_nobody_on_it_counts_nowhere(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    ok(training_session_close(f->s, &f->ts, "12:00", &err), &err); /* the fixture's, empty */
    tl_training_session open_one = {0};
    tl_session_start start = {.date = "2026-11-27", .start_time = "09:00"};
    ok(training_session_open(f->s, f->content, &start, &open_one, &err), &err);
    tl_report_totals t = totals(f);
    assert_int_equal(t.sessions, 0);
    assert_int_equal(t.participants, 0);
    assert_int_equal(t.training_seconds, 0);
    tl_new_person who = {.name = "Anna", .organisation = f->org};
    tl_id person;
    ok(training_session_add_new(f->s, &open_one, &who, &person, &err), &err);
    assert_int_equal(totals(f).sessions, 1); /* with someone on it, it counts */
    training_session_clear(&open_one);
}

/* A name of exactly `bytes` bytes with å, ä, ö throughout, so that a cut at
 * a byte boundary (the old 128-byte rows) would split a character. */
static char *long_name(size_t bytes)
{
    char *name = malloc(bytes + 1);
    assert_non_null(name);
    const char *part = "Länsstyrelsen i Västra Götaland, enheten för social hållbarhet och jämställdhet; ";
    size_t n = 0;
    while (n < bytes) {
        size_t take = strlen(part) < bytes - n ? strlen(part) : bytes - n;
        memcpy(name + n, part, take);
        n += take;
    }
    name[bytes] = '\0';
    if ((unsigned char)name[bytes - 1] >= 0xC0)
        name[bytes - 1] = 'x'; /* no first half of a character at the end */
    return name;
}

/* An organisation name of 300 bytes survives entry, storage, the
 * statistics (the screen's list of names) and the export filtered by it;
 * one over the limit of entry is refused with a reason. */
static void long_organisation_name_survives(void **state)
{
    fixture *f = *state;
    char *name = long_name(300);
    tl_id org, person;
    tl_error err = {0};
    ok(organisation_add(f->s, name, TL_ORG_OTHER_AUTHORITY, &org, &err), &err);
    tl_new_person who = {.name = "Anna", .organisation = org};
    ok(training_session_add_new(f->s, &f->ts, &who, &person, &err), &err);
    assert_string_equal(f->ts.attendees[0].organisation, name);

    char **names;
    size_t n;
    ok(organisation_names(f->s, &names, &n, &err), &err);
    size_t at = n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            at = i;
    assert_true(at < n);
    tl_report_filter filter = {.organisation = names[at]};
    tl_report *r;
    tl_report_totals t;
    ok(report_open(f->s, &filter, NULL, &r, &err), &err);
    ok(report_totals(r, &t, &err), &err);
    report_close(r);
    assert_int_equal(t.sessions, 1);
    assert_int_equal(t.organisations, 1);
    char path[1100];
    snprintf(path, sizeof path, "%s/report.xml", f->folder->dir);
    ok(report_xml_write(f->s, &filter, NULL, NULL, path, &err), &err);
    char *xml = test_read(path, NULL);
    char want[400];
    snprintf(want, sizeof want, "organisation=\"%s\"", name);
    assert_non_null(strstr(xml, want));
    assert_non_null(strstr(xml, "sessions=\"1\""));
    free(xml);
    organisation_names_free(names, n);
    free(name);

    name = long_name(TL_NAME_MAX_BYTES + 1);
    assert_int_equal(organisation_add(f->s, name, TL_ORG_NGO, &org, &err), TL_DATAERR);
    assert_non_null(strstr(err.msg, "at most 1000"));
    who.name = name;
    assert_int_equal(training_session_add_new(f->s, &f->ts, &who, &person, &err), TL_DATAERR);
    assert_int_equal(count(f, "SELECT count(*) FROM participant"), 1);
    free(name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(roll_call_and_the_present_late_rule, setup, teardown),
        cmocka_unit_test_setup_teardown(participant_and_attendance_together, setup, teardown),
        cmocka_unit_test_setup_teardown(self_study_start_together, setup, teardown),
        cmocka_unit_test_setup_teardown(pages_time_completion_and_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(knowledge_check_scores_passes_and_completes, setup, teardown),
        cmocka_unit_test_setup_teardown(group_check_skip_resume_retake, setup, teardown),
        cmocka_unit_test_setup_teardown(long_organisation_name_survives, setup, teardown),
        cmocka_unit_test_setup_teardown(group_results_are_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(answers_are_corrected_after_the_finish, setup, teardown),
        cmocka_unit_test_setup_teardown(attendees_are_corrected_and_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(a_session_is_corrected_cancelled_and_reopened, setup, teardown),
        cmocka_unit_test_setup_teardown(a_session_with_nobody_on_it_counts_nowhere, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
