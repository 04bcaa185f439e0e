/* Self-study is private (core/learner.c): a learner finds their own record
 * by the personal code given when they start, or by their exact name and
 * organisation; a part of a name finds nobody, and the resume list holds
 * only the learner's own self-studies. */
#include "store_fault.h"

#include "learner.h"
#include "training_session.h"

#include <ctype.h>
#include <string.h>

typedef struct {
    test_world w;
    tl_id police, ngo;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    world_open(&f->w, "tests/fixtures/good/curriculum.yaml");
    tl_error err = {0};
    world_ok(organisation_add(f->w.s, "Polisen Syd", TL_ORG_POLICE, &f->police, &err), &err);
    world_ok(organisation_add(f->w.s, "Noomi", TL_ORG_NGO, &f->ngo, &err), &err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    world_close(&f->w);
    free(f);
    return 0;
}

/* A new learner's self-study on date: their id, and their code in code. */
static tl_id new_learner(fixture *f, const char *name, tl_id org, const char *date, tl_study_code code)
{
    tl_session_start start = {.date = date, .start_time = "10:00"};
    tl_new_person who = {.name = name, .organisation = org};
    tl_id session, person;
    tl_error err = {0};
    world_ok(self_study_start(f->w.s, f->w.content, &start, 0, &who, &session, &person, code, &err), &err);
    return person;
}

static void codes_read_as_typed_by_people(void **state)
{
    (void)state;
    tl_study_code code;
    assert_true(study_code_read("3f7k2q", code));
    assert_string_equal(code, "3F7K2Q");
    assert_true(study_code_read(" 3F7-K2Q ", code)); /* spaces and dashes as written down */
    assert_string_equal(code, "3F7K2Q");
    assert_true(study_code_read("o1lI0a", code)); /* O is 0, I and L are 1 */
    assert_string_equal(code, "0111" "0A");
    assert_false(study_code_read("3F7K2", code));   /* too short */
    assert_false(study_code_read("3F7K2QX", code)); /* too long */
    assert_false(study_code_read("3F7K2U", code));  /* U is not in the alphabet */
    assert_false(study_code_read("", code));
    for (int i = 0; i < 200; i++) {
        tl_error err = {0};
        world_ok(study_code_new(code, &err), &err);
        assert_int_equal(strlen(code), TL_STUDY_CODE_LEN);
        tl_study_code again;
        assert_true(study_code_read(code, again)); /* every new code reads back as itself */
        assert_string_equal(again, code);
    }
}

static void the_code_finds_the_learner_and_no_one_else(void **state)
{
    fixture *f = *state;
    tl_study_code bo_code, ann_code, found_code;
    tl_id bo = new_learner(f, "Bo Ek", f->police, "2026-11-01", bo_code);
    tl_id ann = new_learner(f, "Ann Ek", f->police, "2026-11-02", ann_code);
    assert_string_not_equal(bo_code, ann_code);
    tl_id person = 0;
    tl_learner_match m;
    tl_error err = {0};
    char typed[16];
    snprintf(typed, sizeof typed, "%.3s-%s", bo_code, bo_code + 3);
    for (char *p = typed; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    world_ok(learner_by_code(f->w.s, typed, &person, found_code, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_ONE);
    assert_int_equal(person, bo);
    assert_string_equal(found_code, bo_code);
    world_ok(learner_by_code(f->w.s, ann_code, &person, found_code, &m, &err), &err);
    assert_int_equal(person, ann);
    /* a code no one has, and a text that is no code */
    tl_study_code other;
    do
        world_ok(study_code_new(other, &err), &err);
    while (!strcmp(other, bo_code) || !strcmp(other, ann_code));
    world_ok(learner_by_code(f->w.s, other, &person, found_code, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_NONE);
    assert_int_equal(learner_by_code(f->w.s, "Bo", &person, found_code, &m, &err), TL_DATAERR);
    assert_non_null(strstr(err.msg, "6 letters and digits"));
    assert_int_equal(m, TL_LEARNER_NONE);
}

static void exact_name_and_organisation_or_nothing(void **state)
{
    fixture *f = *state;
    tl_study_code code, found;
    tl_id bo = new_learner(f, "Bo Ek", f->police, "2026-11-01", code);
    tl_id person = 0;
    tl_learner_match m;
    tl_error err = {0};
    world_ok(learner_by_name(f->w.s, "bo ek", "polisen syd", &person, found, &m, &err), &err); /* case aside */
    assert_int_equal(m, TL_LEARNER_ONE);
    assert_int_equal(person, bo);
    assert_string_equal(found, code);
    /* part of the name, the wrong organisation, no name: nobody */
    world_ok(learner_by_name(f->w.s, "Bo", "Polisen Syd", &person, found, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_NONE);
    world_ok(learner_by_name(f->w.s, "Bo Ek", "Noomi", &person, found, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_NONE);
    world_ok(learner_by_name(f->w.s, "", "Polisen Syd", &person, found, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_NONE);
    /* two of the same name in the same organisation: only the code tells them apart */
    new_learner(f, "Bo Ek", f->police, "2026-11-03", code);
    world_ok(learner_by_name(f->w.s, "Bo Ek", "Polisen Syd", &person, found, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_SEVERAL);
}

/* Someone from a group session has no code until they study alone: found
 * by name and organisation, they get one then, kept from then on. */
static void a_group_participant_gets_a_code_when_found(void **state)
{
    fixture *f = *state;
    tl_id anna;
    tl_error err = {0};
    world_ok(store_participant_add(f->w.s, "Anna Berg", f->ngo, TL_LEVEL_OPERATIONAL, &anna, &err), &err);
    assert_int_equal(side_int(f->w.folder->path, "SELECT count(*) FROM participant WHERE study_code IS NULL"), 1);
    tl_id person = 0;
    tl_study_code code, again;
    tl_learner_match m;
    world_ok(learner_by_name(f->w.s, "Anna Berg", "Noomi", &person, code, &m, &err), &err);
    assert_int_equal(m, TL_LEARNER_ONE);
    assert_int_equal(person, anna);
    assert_int_equal(strlen(code), TL_STUDY_CODE_LEN);
    world_ok(learner_by_name(f->w.s, "Anna Berg", "Noomi", &person, again, &m, &err), &err);
    assert_string_equal(again, code);
    char stored[16];
    side_text(f->w.folder->path, "SELECT study_code FROM participant", stored, sizeof stored);
    assert_string_equal(stored, code);
}

/* A code another participant holds is never given twice: the store refuses
 * it and learner_code tries another. */
static void a_taken_code_is_not_given_again(void **state)
{
    fixture *f = *state;
    tl_study_code code;
    new_learner(f, "Bo Ek", f->police, "2026-11-01", code);
    tl_id anna;
    bool taken = false;
    tl_error err = {0};
    world_ok(store_participant_add(f->w.s, "Anna Berg", f->ngo, TL_LEVEL_OPERATIONAL, &anna, &err), &err);
    world_ok(store_participant_code_set(f->w.s, anna, code, &taken, &err), &err);
    assert_true(taken);
    assert_int_equal(side_int(f->w.folder->path, "SELECT count(*) FROM participant WHERE study_code IS NULL"), 1);
}

static void the_resume_list_is_the_learners_own(void **state)
{
    fixture *f = *state;
    tl_study_code bo_code, ann_code;
    tl_id bo = new_learner(f, "Bo Ek", f->police, "2026-11-01", bo_code);
    new_learner(f, "Ann Ek", f->police, "2026-11-02", ann_code);
    tl_session_start start = {.date = "2026-11-05", .start_time = "10:00"};
    tl_id session, again;
    tl_error err = {0};
    world_ok(self_study_start(f->w.s, f->w.content, &start, bo, NULL, &session, &again, bo_code, &err), &err);
    world_ok(store_session_complete(f->w.s, session, &err), &err); /* the newer one is completed */
    tl_session_row *rows;
    size_t n;
    world_ok(learner_studies(f->w.s, bo, 10, &rows, &n, &err), &err);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(rows[i].participant, bo);
        assert_string_equal(rows[i].learner, "Bo Ek");
    }
    assert_int_equal(learner_resume_default(rows, n), 1); /* the unfinished one, not the newest */
    char *name;
    world_ok(learner_name(f->w.s, bo, &name, &err), &err);
    assert_string_equal(name, "Bo Ek");
    free(name);
    tl_session_rows_free(rows, n);
    world_ok(learner_studies(f->w.s, bo, 1, &rows, &n, &err), &err);
    assert_int_equal(n, 1);
    tl_session_rows_free(rows, n);
    assert_int_equal(learner_resume_default(NULL, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes_read_as_typed_by_people),
        cmocka_unit_test_setup_teardown(the_code_finds_the_learner_and_no_one_else, setup, teardown),
        cmocka_unit_test_setup_teardown(exact_name_and_organisation_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(a_group_participant_gets_a_code_when_found, setup, teardown),
        cmocka_unit_test_setup_teardown(a_taken_code_is_not_given_again, setup, teardown),
        cmocka_unit_test_setup_teardown(the_resume_list_is_the_learners_own, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
