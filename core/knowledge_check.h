/* The knowledge check workflow: a curriculum's check (not a checklist run,
 * see checklist_run.h) taken by everyone in a course: an attempt per
 * person, each answer saved as it is given with whether it is right, the
 * score and the pass against the check's pass mark, and at the finish the
 * module completed for those who passed. A check left half-way resumes
 * with its answers. No curses. */
#ifndef TILLIT_KNOWLEDGE_CHECK_H
#define TILLIT_KNOWLEDGE_CHECK_H

#include "course.h"

/* What a person gave for a question: a bit mask of the chosen choices (bit
 * i: choice i), or one of these. */
enum { TL_KC_UNANSWERED = -1, TL_KC_SKIPPED = -2 };

typedef struct {
    const tl_course *course;
    tl_step step;
    const tl_check *k;
    const char *check_id;
    tl_id *attempts; /* per person */
    int64_t *chosen; /* [person * questions + q] */
    bool finished;   /* knowledge_check_finish was called: an answer changed now changes the result too */
} tl_knowledge_check;

/* The check of step for everyone in course: each person's unfinished
 * attempt resumed with its answers, else a new one. */
tl_status knowledge_check_start(tl_store *s, const tl_course *course, tl_step step, tl_knowledge_check **out,
                                tl_error *err);
/* A new attempt for everyone (taking the check again). */
tl_status knowledge_check_retake(tl_store *s, tl_knowledge_check *kc, tl_error *err);
void knowledge_check_free(tl_knowledge_check *kc);

int64_t knowledge_check_chosen(const tl_knowledge_check *kc, size_t person, size_t q);
/* Saves person's answer to question q (a mask of at least one choice), or
 * TL_KC_SKIPPED (a group's attendee who does not answer: nothing stored).
 * An answer given before is corrected: replaced, or taken back by a skip.
 * After knowledge_check_finish the person's result follows in the same
 * transaction (score, pass, the module completed or no longer; no answer
 * left: no result). */
tl_status knowledge_check_answer(tl_store *s, tl_knowledge_check *kc, size_t person, size_t q, int64_t chosen,
                                 tl_error *err);
/* The first question somebody has not answered (n_questions when none). */
size_t knowledge_check_first_open(const tl_knowledge_check *kc);
/* The first question person has not answered (n_questions when none): where
 * their answer sheet goes on. */
size_t knowledge_check_sheet_open(const tl_knowledge_check *kc, size_t person);
/* The first person from `from` on who has not answered q (course->n: none). */
size_t knowledge_check_next_person(const tl_knowledge_check *kc, size_t q, size_t from);
/* Right answers of person, and how many questions they answered. */
int knowledge_check_score(const tl_knowledge_check *kc, size_t person, int *answered);
bool knowledge_check_passed(const tl_knowledge_check *kc, size_t person);
/* How many answered q, and how many of them right. */
void knowledge_check_tally(const tl_knowledge_check *kc, size_t q, int *answered, int *right);

/* Finishes everyone's attempt who answered anything, with score and pass;
 * a passed module check completes the module, in the same transaction.
 * Called again after corrections, it writes the results again.
 * Then a learner alone who has completed every module has completed the
 * self-study (*curriculum_completed). */
tl_status knowledge_check_finish(tl_store *s, tl_knowledge_check *kc, bool *curriculum_completed, tl_error *err);

/* Where one person stands with a check. */
typedef struct {
    bool finished;        /* a finished attempt exists: the best one below */
    bool passed;
    int score, max;
    int answered;         /* otherwise: answers of the unfinished attempt */
} tl_check_standing;

tl_status knowledge_check_standing(tl_store *s, tl_id session, tl_id person, const char *check_id, tl_phase phase,
                                   const tl_check *k, tl_check_standing *out, tl_error *err);

#endif
