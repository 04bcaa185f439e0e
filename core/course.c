#include "course.h"

#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static tl_course *course_new(const tl_content *curriculum, tl_id session, bool group, size_t most)
{
    tl_course *c = xcalloc(1, sizeof *c);
    c->content = curriculum;
    c->cu = curriculum->u.curriculum;
    c->session = session;
    c->group = group;
    c->people = xcalloc(most, sizeof *c->people);
    c->labels = xcalloc(most, sizeof *c->labels);
    c->places = xcalloc(most, sizeof *c->places);
    return c;
}

static void course_add(tl_course *c, tl_id person, const char *label, size_t place)
{
    c->people[c->n] = person;
    c->places[c->n] = place;
    if (!(c->labels[c->n++] = strdup(label)))
        abort();
}

const char *course_label(const tl_course *course, size_t i, char *buf, size_t size)
{
    if (!course->places[i])
        return course->labels[i];
    attendee_label(NULL, course->places[i], buf, size);
    return buf;
}

tl_course *course_of_group(const tl_content *curriculum, const tl_training_session *ts)
{
    tl_course *c = course_new(curriculum, ts->info.id, true, ts->n);
    for (size_t i = 0; i < ts->n; i++) {
        const tl_attendee_row *p = &ts->attendees[i];
        if (!attendance_takes_part(p->status))
            continue;
        bool named = p->name && *p->name;
        course_add(c, p->participant, named ? p->name : "", named ? 0 : i + 1);
    }
    return c;
}

tl_course *course_of_learner(const tl_content *curriculum, tl_id session, tl_id person, const char *label)
{
    tl_course *c = course_new(curriculum, session, false, 1);
    course_add(c, person, label, 0);
    return c;
}

void course_free(tl_course *course)
{
    if (!course)
        return;
    for (size_t i = 0; i < course->n; i++)
        free(course->labels[i]);
    free(course->labels);
    free(course->places);
    free(course->people);
    free(course);
}

/* ---- the place in the course ---- */

tl_step course_step(const tl_course_place *p)
{
    return p->steps[p->cur];
}

/* Records the page of step for everyone taking part, in one transaction. */
static tl_status record_page(tl_store *s, const tl_course_place *p, int seconds, bool completed, tl_error *err)
{
    tl_step st = course_step(p);
    const tl_module *m = &p->course->cu->modules[st.module];
    tl_status rc = p->course->n ? store_begin(s, err) : TL_OK;
    for (size_t i = 0; rc == TL_OK && i < p->course->n; i++)
        rc = store_progress_set(s, p->course->session, p->course->people[i], m->id, st.page, (int)m->n_pages,
                                seconds, completed, err);
    return p->course->n ? store_end(s, rc, err) : rc;
}

static tl_status enter_step(tl_store *s, tl_course_place *p, time_t now, tl_error *err)
{
    p->entered = now;
    return course_step(p).kind == TL_STEP_PAGE ? record_page(s, p, 0, false, err) : TL_OK;
}

static tl_status leave_step(tl_store *s, const tl_course_place *p, bool forward, time_t now, tl_error *err)
{
    tl_step st = course_step(p);
    if (st.kind != TL_STEP_PAGE)
        return TL_OK;
    long spent = (long)(now - p->entered);
    spent = spent < 0 ? 0 : spent > TL_MAX_PAGE_SECONDS ? TL_MAX_PAGE_SECONDS : spent;
    const tl_module *m = &p->course->cu->modules[st.module];
    bool last = st.page + 1 == (int)m->n_pages;
    return record_page(s, p, (int)spent, forward && last && !m->check.present, err);
}

/* Where anyone in the course last was, as a step (0 when nowhere). */
static tl_status resume_step(tl_store *s, const tl_course_place *p, size_t *step, tl_error *err)
{
    char module_id[65];
    int page;
    bool found = false;
    *step = 0;
    tl_status st = p->course->n ? store_progress_latest(s, p->course->session, 0, module_id, &page, &found, err)
                                : TL_OK;
    for (size_t i = 0; st == TL_OK && found && i < p->n_steps; i++) {
        tl_step at = p->steps[i];
        if (at.kind == TL_STEP_PAGE && at.page == page && strcmp(p->course->cu->modules[at.module].id, module_id) == 0) {
            *step = i;
            break;
        }
    }
    return st;
}

tl_status course_place_open(tl_store *s, tl_course *course, time_t now, tl_course_place *out, tl_error *err)
{
    *out = (tl_course_place){.course = course, .n_steps = course_steps(course->cu, NULL)};
    out->steps = xcalloc(out->n_steps, sizeof *out->steps);
    course_steps(course->cu, out->steps);
    tl_status st = resume_step(s, out, &out->cur, err);
    tl_status entered = enter_step(s, out, now, err);
    return st != TL_OK ? st : entered;
}

void course_place_free(tl_course_place *p)
{
    course_free(p->course);
    free(p->steps);
    *p = (tl_course_place){0};
}

tl_status course_go_to(tl_store *s, tl_course_place *p, size_t step, time_t now, tl_error *err)
{
    if (step >= p->n_steps || step == p->cur)
        return TL_OK;
    tl_status left = leave_step(s, p, step > p->cur, now, err);
    p->cur = step;
    tl_error enter_err;
    tl_status entered = enter_step(s, p, now, left == TL_OK ? err : &enter_err);
    return left != TL_OK ? left : entered;
}

tl_status course_leave(tl_store *s, tl_course_place *p, time_t now, tl_error *err)
{
    tl_status st = leave_step(s, p, false, now, err);
    p->entered = now; /* the time up to now is counted */
    return st;
}

/* ---- completion ---- */

tl_status course_complete_module(tl_store *s, const tl_course *course, tl_id person, size_t module, tl_error *err)
{
    const tl_module *m = &course->cu->modules[module];
    return store_progress_set(s, course->session, person, m->id, (int)m->n_pages - 1, (int)m->n_pages, 0, true,
                              err);
}

tl_status course_completion(tl_store *s, const tl_course *course, int *modules_done, bool *completed,
                            tl_error *err)
{
    *modules_done = 0;
    *completed = false;
    if (course->group || course->n == 0)
        return TL_OK;
    tl_status st = store_modules_completed(s, course->session, course->people[0], modules_done, err);
    if (st != TL_OK || *modules_done < (int)course->cu->n_modules)
        return st;
    st = store_session_complete(s, course->session, err);
    *completed = st == TL_OK;
    return st;
}
