#include "knowledge_check.h"

#include "store_edit.h"

#include <stdlib.h>

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static int64_t *answer_of(const tl_knowledge_check *kc, size_t person, size_t q)
{
    return &kc->chosen[person * kc->k->n_questions + q];
}

int64_t knowledge_check_chosen(const tl_knowledge_check *kc, size_t person, size_t q)
{
    return *answer_of(kc, person, q);
}

/* Person i's attempt: the unfinished one with its answers (resume), or a
 * new one. */
static tl_status open_attempt(tl_store *s, tl_knowledge_check *kc, size_t i, bool fresh, tl_error *err)
{
    tl_id person = kc->course->people[i];
    tl_id session = kc->course->session;
    kc->attempts[i] = 0;
    tl_status st = fresh ? TL_OK
                         : store_attempt_open(s, session, person, kc->check_id, kc->step.phase, &kc->attempts[i], err);
    if (st == TL_OK && !kc->attempts[i])
        st = store_attempt_start(s, session, person, kc->check_id, kc->step.phase, &kc->attempts[i], err);
    if (st == TL_OK && !fresh)
        return store_attempt_answers(s, kc->attempts[i], kc->k, answer_of(kc, i, 0), err);
    for (size_t q = 0; q < kc->k->n_questions; q++)
        *answer_of(kc, i, q) = TL_KC_UNANSWERED;
    return st;
}

/* Everyone's attempt, in one transaction. */
static tl_status open_attempts(tl_store *s, tl_knowledge_check *kc, bool fresh, tl_error *err)
{
    tl_status st = store_begin(s, err);
    for (size_t i = 0; st == TL_OK && i < kc->course->n; i++)
        st = open_attempt(s, kc, i, fresh, err);
    return store_end(s, st, err);
}

tl_status knowledge_check_start(tl_store *s, const tl_course *course, tl_step step, tl_knowledge_check **out,
                                tl_error *err)
{
    *out = NULL;
    tl_knowledge_check *kc = xcalloc(1, sizeof *kc);
    kc->course = course;
    kc->step = step;
    kc->k = step_check(course->cu, step);
    kc->check_id = step_check_id(course->cu, step);
    kc->attempts = xcalloc(course->n, sizeof *kc->attempts);
    kc->chosen = xcalloc(course->n * kc->k->n_questions, sizeof *kc->chosen);
    tl_status st = open_attempts(s, kc, false, err);
    if (st != TL_OK) {
        knowledge_check_free(kc);
        return st;
    }
    *out = kc;
    return TL_OK;
}

tl_status knowledge_check_retake(tl_store *s, tl_knowledge_check *kc, tl_error *err)
{
    tl_status st = open_attempts(s, kc, true, err);
    if (st == TL_OK)
        kc->finished = false;
    return st;
}

void knowledge_check_free(tl_knowledge_check *kc)
{
    if (!kc)
        return;
    free(kc->attempts);
    free(kc->chosen);
    free(kc);
}

static tl_status write_result(tl_store *s, tl_knowledge_check *kc, size_t i, tl_error *err);

tl_status knowledge_check_answer(tl_store *s, tl_knowledge_check *kc, size_t person, size_t q, int64_t chosen,
                                 tl_error *err)
{
    if (person >= kc->course->n || q >= kc->k->n_questions || (chosen <= 0 && chosen != TL_KC_SKIPPED))
        return tl_fail(err, TL_DATAERR, "no such question or answer");
    const tl_question *qq = &kc->k->questions[q];
    int64_t *answer = answer_of(kc, person, q), before = *answer;
    *answer = chosen; /* the result below counts it; put back when the change fails */
    if (chosen < 0 && before < 0)
        return TL_OK; /* a skip where nothing is stored: nothing to write */
    tl_status st = store_begin(s, err);
    if (st == TL_OK)
        st = chosen > 0 ? store_answer_record(s, kc->attempts[person], qq->id, (unsigned)chosen,
                                              question_correct(qq, (unsigned)chosen), err)
                        : store_answer_clear(s, kc->attempts[person], qq->id, err);
    if (st == TL_OK && kc->finished)
        st = write_result(s, kc, person, err);
    st = store_end(s, st, err);
    if (st != TL_OK)
        *answer = before;
    return st;
}

size_t knowledge_check_sheet_open(const tl_knowledge_check *kc, size_t person)
{
    size_t q = 0;
    while (q < kc->k->n_questions && *answer_of(kc, person, q) != TL_KC_UNANSWERED)
        q++;
    return q;
}

size_t knowledge_check_next_person(const tl_knowledge_check *kc, size_t q, size_t from)
{
    size_t i = from;
    while (i < kc->course->n && *answer_of(kc, i, q) != TL_KC_UNANSWERED)
        i++;
    return i;
}

size_t knowledge_check_first_open(const tl_knowledge_check *kc)
{
    size_t q = 0;
    while (q < kc->k->n_questions && knowledge_check_next_person(kc, q, 0) == kc->course->n)
        q++;
    return q;
}

int knowledge_check_score(const tl_knowledge_check *kc, size_t person, int *answered)
{
    int score = 0;
    *answered = 0;
    for (size_t q = 0; q < kc->k->n_questions; q++) {
        int64_t a = *answer_of(kc, person, q);
        if (a < 0)
            continue;
        (*answered)++;
        score += question_correct(&kc->k->questions[q], (unsigned)a);
    }
    return score;
}

bool knowledge_check_passed(const tl_knowledge_check *kc, size_t person)
{
    int answered, score = knowledge_check_score(kc, person, &answered);
    return answered > 0 && check_passes(kc->k, score, (int)kc->k->n_questions);
}

void knowledge_check_tally(const tl_knowledge_check *kc, size_t q, int *answered, int *right)
{
    *answered = *right = 0;
    for (size_t i = 0; i < kc->course->n; i++) {
        int64_t a = *answer_of(kc, i, q);
        *answered += a >= 0;
        *right += a >= 0 && question_correct(&kc->k->questions[q], (unsigned)a);
    }
}

/* Person i's result as their answers give it, in the caller's transaction:
 * the attempt finished with score and pass, and a module check's module
 * completed when passed, or no longer when a correction failed it (unless
 * another attempt there passed). No answer: no result. */
static tl_status write_result(tl_store *s, tl_knowledge_check *kc, size_t i, tl_error *err)
{
    int answered, score = knowledge_check_score(kc, i, &answered), max = (int)kc->k->n_questions;
    bool passed = answered > 0 && check_passes(kc->k, score, max);
    tl_status st = TL_OK;
    if (answered > 0)
        st = store_attempt_finish(s, kc->attempts[i], score, max, passed, err);
    else if (kc->finished) /* skipped throughout: no result for this attendee */
        st = store_attempt_unfinish(s, kc->attempts[i], err);
    if (st != TL_OK || kc->step.phase != TL_PHASE_MODULE)
        return st;
    tl_id person = kc->course->people[i];
    if (passed)
        return course_complete_module(s, kc->course, person, (size_t)kc->step.module, err);
    return store_module_uncomplete(s, kc->course->session, person, kc->course->cu->modules[kc->step.module].id,
                                   kc->check_id, err);
}

/* Person i's attempt finished, and a passed module check's module
 * completed with it: both or neither. */
static tl_status finish_attempt(tl_store *s, tl_knowledge_check *kc, size_t i, tl_error *err)
{
    tl_status st = store_begin(s, err);
    if (st == TL_OK)
        st = write_result(s, kc, i, err);
    return store_end(s, st, err);
}

tl_status knowledge_check_finish(tl_store *s, tl_knowledge_check *kc, bool *curriculum_completed, tl_error *err)
{
    *curriculum_completed = false;
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < kc->course->n; i++)
        st = finish_attempt(s, kc, i, err);
    if (st == TL_OK)
        kc->finished = true;
    int done;
    return st == TL_OK ? course_completion(s, kc->course, &done, curriculum_completed, err) : st;
}

tl_status knowledge_check_standing(tl_store *s, tl_id session, tl_id person, const char *check_id, tl_phase phase,
                                   const tl_check *k, tl_check_standing *out, tl_error *err)
{
    *out = (tl_check_standing){0};
    tl_status st = store_check_best(s, session, person, check_id, phase, &out->passed, &out->score, &out->max,
                                    &out->finished, err);
    if (st != TL_OK || out->finished)
        return st;
    tl_id attempt = 0;
    st = store_attempt_open(s, session, person, check_id, phase, &attempt, err);
    if (st != TL_OK || !attempt)
        return st;
    int64_t *chosen = xcalloc(k->n_questions, sizeof *chosen);
    st = store_attempt_answers(s, attempt, k, chosen, err);
    for (size_t q = 0; st == TL_OK && q < k->n_questions; q++)
        out->answered += chosen[q] >= 0;
    free(chosen);
    return st;
}
