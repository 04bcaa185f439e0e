#include "group_results.h"

#include <stdlib.h>

int score_band(int score, int max)
{
    if (max <= 0 || score <= 0)
        return 0;
    int band = score * TL_SCORE_BANDS / max; /* 100 % is in the top band, not above it */
    return band >= TL_SCORE_BANDS ? TL_SCORE_BANDS - 1 : band;
}

int score_band_floor(int band)
{
    return band * 100 / TL_SCORE_BANDS;
}

bool phase_graded(tl_phase phase)
{
    return phase != TL_PHASE_PRE;
}

void score_spread_add(tl_score_spread *spread, const tl_check_standing *standing)
{
    if (!standing->finished) {
        spread->begun += standing->answered > 0;
        return;
    }
    spread->finished++;
    spread->passed += standing->passed;
    spread->band[score_band(standing->score, standing->max)]++;
}

void group_results_clear(tl_group_results *r)
{
    free(r->completed);
    free(r->checks);
    *r = (tl_group_results){0};
}

static void count_person(const tl_curriculum *cu, const tl_course_results *one, tl_group_results *r)
{
    for (size_t m = 0; m < cu->n_modules; m++) {
        r->completed[m] += one->modules[m].completed;
        if (cu->modules[m].check.present)
            score_spread_add(&r->checks[m], &one->modules[m].check);
    }
    if (cu->pre_post.present) {
        score_spread_add(&r->before, &one->before);
        score_spread_add(&r->after, &one->after);
    }
}

tl_status group_results_load(tl_store *s, const tl_course *course, tl_group_results *out, tl_error *err)
{
    size_t modules = course->cu->n_modules ? course->cu->n_modules : 1;
    tl_group_results r = {.people = course->n, .completed = calloc(modules, sizeof *r.completed),
                          .checks = calloc(modules, sizeof *r.checks)};
    if (!r.completed || !r.checks)
        abort();
    tl_course_results one = {0};
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < course->n; i++) {
        st = course_results_load(s, course, i, &one, err);
        if (st == TL_OK)
            count_person(course->cu, &one, &r);
    }
    course_results_clear(&one);
    if (st != TL_OK) {
        group_results_clear(&r);
        return st;
    }
    group_results_clear(out);
    *out = r;
    return TL_OK;
}

tl_status group_check_spread(tl_store *s, const tl_course *course, tl_step step, tl_score_spread *out,
                             tl_error *err)
{
    tl_score_spread spread = {0};
    for (size_t i = 0; i < course->n; i++) {
        tl_check_standing standing;
        tl_status st = course_check_standing(s, course, i, step, &standing, err);
        if (st != TL_OK)
            return st;
        score_spread_add(&spread, &standing);
    }
    *out = spread;
    return TL_OK;
}

void knowledge_check_spread(const tl_knowledge_check *kc, tl_score_spread *out)
{
    *out = (tl_score_spread){0};
    int max = (int)kc->k->n_questions;
    for (size_t i = 0; i < kc->course->n; i++) {
        int answered, score = knowledge_check_score(kc, i, &answered);
        tl_check_standing standing = {.finished = answered > 0, .passed = knowledge_check_passed(kc, i),
                                      .score = score, .max = max};
        score_spread_add(out, &standing);
    }
}
