#include "course_results.h"

#include <stdlib.h>

void course_results_clear(tl_course_results *r)
{
    free(r->modules);
    *r = (tl_course_results){0};
}

tl_status course_check_standing(tl_store *s, const tl_course *course, size_t person, tl_step step,
                                tl_check_standing *out, tl_error *err)
{
    return knowledge_check_standing(s, course->session, course->people[person], step_check_id(course->cu, step),
                                    step.phase, step_check(course->cu, step), out, err);
}

static tl_status load_module(tl_store *s, const tl_course *course, size_t person, size_t m, tl_module_result *out,
                             tl_error *err)
{
    const tl_module *mod = &course->cu->modules[m];
    tl_status st = store_module_progress(s, course->session, course->people[person], mod->id, &out->pages_seen,
                                         &out->seconds, &out->completed, err);
    tl_step step = {TL_STEP_CHECK, TL_PHASE_MODULE, (int)m, 0};
    if (st == TL_OK && mod->check.present)
        st = course_check_standing(s, course, person, step, &out->check, err);
    return st;
}

tl_status course_results_load(tl_store *s, const tl_course *course, size_t person, tl_course_results *out,
                              tl_error *err)
{
    const tl_curriculum *cu = course->cu;
    tl_course_results r = {.modules = calloc(cu->n_modules ? cu->n_modules : 1, sizeof *r.modules)};
    if (!r.modules)
        abort();
    tl_status st = person < course->n ? TL_OK : tl_fail(err, TL_DATAERR, "no such person in the course");
    for (size_t m = 0; st == TL_OK && m < cu->n_modules; m++)
        st = load_module(s, course, person, m, &r.modules[m], err);
    tl_step pre = {TL_STEP_CHECK, TL_PHASE_PRE, -1, 0}, post = {TL_STEP_CHECK, TL_PHASE_POST, -1, 0};
    if (st == TL_OK && cu->pre_post.present)
        st = course_check_standing(s, course, person, pre, &r.before, err);
    if (st == TL_OK && cu->pre_post.present)
        st = course_check_standing(s, course, person, post, &r.after, err);
    if (st != TL_OK) {
        course_results_clear(&r);
        return st;
    }
    course_results_clear(out);
    *out = r;
    return TL_OK;
}
