/* The results of one person in a course, read once into a state the
 * results screen keeps and draws from: per module the pages seen, the time
 * spent, whether it is completed and the check's standing; the checks
 * before and after the course. No curses. */
#ifndef TILLIT_COURSE_RESULTS_H
#define TILLIT_COURSE_RESULTS_H

#include "knowledge_check.h"

typedef struct {
    int pages_seen, seconds;
    bool completed;
    tl_check_standing check; /* when the module has a check */
} tl_module_result;

typedef struct {
    tl_module_result *modules;      /* one per module of the curriculum */
    tl_check_standing before, after; /* when the curriculum has a pre/post check */
} tl_course_results;

/* Reads the results of course->people[person]; out is replaced only when
 * everything was read. */
tl_status course_results_load(tl_store *s, const tl_course *course, size_t person, tl_course_results *out,
                              tl_error *err);
void course_results_clear(tl_course_results *r);

/* Where person stands with the check of step (for a check's roll call). */
tl_status course_check_standing(tl_store *s, const tl_course *course, size_t person, tl_step step,
                                tl_check_standing *out, tl_error *err);

#endif
