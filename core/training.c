#include "training.h"

static size_t add(tl_step *steps, size_t n, tl_step st)
{
    if (steps)
        steps[n] = st;
    return n + 1;
}

size_t course_steps(const tl_curriculum *cu, tl_step *steps)
{
    size_t n = 0;
    if (cu->pre_post.present)
        n = add(steps, n, (tl_step){TL_STEP_CHECK, TL_PHASE_PRE, -1, 0});
    for (size_t m = 0; m < cu->n_modules; m++) {
        for (size_t p = 0; p < cu->modules[m].n_pages; p++)
            n = add(steps, n, (tl_step){TL_STEP_PAGE, TL_PHASE_MODULE, (int)m, (int)p});
        if (cu->modules[m].check.present)
            n = add(steps, n, (tl_step){TL_STEP_CHECK, TL_PHASE_MODULE, (int)m, 0});
    }
    if (cu->pre_post.present)
        n = add(steps, n, (tl_step){TL_STEP_CHECK, TL_PHASE_POST, -1, 0});
    return n;
}

const tl_check *step_check(const tl_curriculum *cu, tl_step st)
{
    if (st.kind != TL_STEP_CHECK)
        return NULL;
    return st.module < 0 ? &cu->pre_post : &cu->modules[st.module].check;
}

const char *step_check_id(const tl_curriculum *cu, tl_step st)
{
    return st.module < 0 ? TL_PRE_POST_CHECK_ID : cu->modules[st.module].id;
}

unsigned question_correct_mask(const tl_question *q)
{
    unsigned mask = 0;
    for (size_t i = 0; i < q->n_choices && i < 32; i++)
        if (q->choices[i].correct)
            mask |= 1u << i;
    return mask;
}

bool question_correct(const tl_question *q, unsigned chosen)
{
    return chosen == question_correct_mask(q);
}

int check_percent(int score, int max)
{
    return max > 0 ? (score * 100 + max / 2) / max : 0;
}

/* Compared in whole numbers (score * 100 >= pass_mark * max) so that no
 * rounding lets 69.5 % pass a 70 % mark. */
bool check_passes(const tl_check *k, int score, int max)
{
    return max > 0 && score * 100 >= k->pass_mark * max;
}
