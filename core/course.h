/* The course workflow: who takes part in a run of a curriculum (a group's
 * attendees present or late, or one learner), where they are in it, the
 * pages they have seen with the time spent, and when a module and a
 * self-study are completed. Every page shown is recorded for everyone
 * taking part, in one transaction, so a course resumes where it stopped.
 * No curses. */
#ifndef TILLIT_COURSE_H
#define TILLIT_COURSE_H

#include "training.h"
#include "training_session.h"

#include <time.h>

/* Who takes part in a course run: the attendees of a group session who
 * are present or late, or the one learner of a self-study session. */
typedef struct {
    const tl_content *content;
    const tl_curriculum *cu;
    tl_id session;
    bool group;
    size_t n;
    tl_id *people;
    char **labels;  /* names; read them with course_label */
    size_t *places; /* an attendee without a name: the place on the roll call (else 0) */
} tl_course;

/* Person i as the screens name them: the name, or "Attendee 3" in the
 * language of the moment (attendee_label), into buf; returns the text. */
const char *course_label(const tl_course *course, size_t i, char *buf, size_t size);

/* Those of the roll call who take part (attendance_takes_part). */
tl_course *course_of_group(const tl_content *curriculum, const tl_training_session *ts);
tl_course *course_of_learner(const tl_content *curriculum, tl_id session, tl_id person, const char *label);
void course_free(tl_course *course);

/* Longer than this on one page counts as a break. */
enum { TL_MAX_PAGE_SECONDS = 1800 };

/* Where a course run is: its steps and the one shown since `entered`. */
typedef struct {
    tl_course *course; /* owned */
    tl_step *steps;
    size_t n_steps, cur;
    time_t entered;
} tl_course_place;

/* Takes ownership of course; starts where anyone in it last was (a group's
 * attendees move together; the first on today's list may have been absent
 * last time) and records that the page is shown. *out is usable also when
 * recording failed (the status says so). */
tl_status course_place_open(tl_store *s, tl_course *course, time_t now, tl_course_place *out, tl_error *err);
void course_place_free(tl_course_place *p);
/* Goes to step: adds the time spent on the page left (up to
 * TL_MAX_PAGE_SECONDS); leaving the last page of a module without a check
 * forwards completes the module; records the new page as shown. It moves
 * also when recording fails: reading on is not held up, and the status
 * says what was not saved. */
tl_status course_go_to(tl_store *s, tl_course_place *p, size_t step, time_t now, tl_error *err);
/* Leaving the course: adds the time spent on the page shown. */
tl_status course_leave(tl_store *s, tl_course_place *p, time_t now, tl_error *err);
tl_step course_step(const tl_course_place *p);

/* For a learner alone: how many modules are completed, and when all are,
 * records the self-study as completed (once) and sets *completed. A group
 * is never completed here (its trainer closes the session). */
tl_status course_completion(tl_store *s, const tl_course *course, int *modules_done, bool *completed,
                            tl_error *err);
/* Records module of the curriculum as completed for person (a passed
 * check), in the caller's transaction if one is open. */
tl_status course_complete_module(tl_store *s, const tl_course *course, tl_id person, size_t module,
                                 tl_error *err);

#endif
