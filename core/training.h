/* The course plan and scoring of training: which steps a learner goes
 * through (pre-check, pages, module checks, post-check), how a knowledge
 * check is scored and passed, and where to resume. No curses. */
#ifndef TILLIT_TRAINING_H
#define TILLIT_TRAINING_H

#include "model.h"
#include "store.h"

typedef enum { TL_STEP_PAGE, TL_STEP_CHECK } tl_step_kind;

/* One step of a course: a page of a module, or a knowledge check (a
 * module's, or the curriculum's pre/post check, with module -1). */
typedef struct {
    tl_step_kind kind;
    tl_phase phase; /* for checks: module, pre or post */
    int module;     /* -1 for the pre/post check */
    int page;       /* for pages */
} tl_step;

/* The id under which a pre/post check is stored (check_attempt.check_id). */
#define TL_PRE_POST_CHECK_ID "pre_post"

/* Fills steps (when not NULL) and returns how many the curriculum has. */
size_t course_steps(const tl_curriculum *cu, tl_step *steps);
const tl_check *step_check(const tl_curriculum *cu, tl_step st);
const char *step_check_id(const tl_curriculum *cu, tl_step st);

/* A question scores when the chosen set (bit i = choice i) is exactly the
 * set of correct choices. */
bool question_correct(const tl_question *q, unsigned chosen);
unsigned question_correct_mask(const tl_question *q);
int check_percent(int score, int max);
bool check_passes(const tl_check *k, int score, int max);

#endif
