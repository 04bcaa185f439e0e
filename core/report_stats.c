/* The question analysis and the small-cell rule (see report_stats.h). */
#include "report_stats.h"

#include <math.h>

/* The point-biserial correlation is Pearson's r with x in {0, 1}:
 *   r = (n Sxy - Sx Sy) / sqrt((n Sx - Sx^2) (n Syy - Sy^2))
 * (Sxx = Sx as x * x = x). It is the same as (M1 - M0) / s * sqrt(p q)
 * with M1, M0 the mean rest scores of those right and wrong, s their
 * standard deviation over everyone and p, q the shares right and wrong. */
bool question_stats(const tl_question_sums *s, tl_question_stats *out)
{
    if (s->n < QUESTION_MIN_ANSWERS)
        return false;
    double n = (double)s->n, x = (double)s->right;
    double vx = n * x - x * x, vy = n * s->yy - s->y * s->y;
    tl_question_stats q = {.difficulty = x / n};
    /* A tiny negative vy is rounding of a true 0: everyone scored alike. */
    q.has_discrimination = vx > 0 && vy > 1e-9;
    if (q.has_discrimination) {
        q.discrimination = (n * s->xy - x * s->y) / sqrt(vx * vy);
        if (q.discrimination > 1)
            q.discrimination = 1;
        if (q.discrimination < -1)
            q.discrimination = -1;
    }
    q.review = !q.has_discrimination || q.discrimination < QUESTION_REVIEW_BELOW;
    *out = q;
    return true;
}

tl_protected_count small_cell_protect(int64_t n)
{
    if (n > 0 && n < SMALL_CELL_LIMIT)
        return (tl_protected_count){0, 1};
    return (tl_protected_count){n < 0 ? 0 : n, 0};
}

tl_protected_count protected_add(tl_protected_count a, tl_protected_count b)
{
    return (tl_protected_count){a.shown + b.shown, a.small + b.small};
}

int64_t protected_min(tl_protected_count c)
{
    return c.shown + c.small;
}

int64_t protected_max(tl_protected_count c)
{
    return c.shown + (SMALL_CELL_LIMIT - 1) * c.small;
}
