/* A group's results without names, for what a room may see (the presenter
 * view): how many took a check, how many passed, and how their scores
 * spread over four bands; per module how many completed it. Everything a
 * projector shows of a group is counted here, never listed per person.
 * No curses. */
#ifndef TILLIT_GROUP_RESULTS_H
#define TILLIT_GROUP_RESULTS_H

#include "course_results.h"

/* Score bands in percent of the maximum: 0-24, 25-49, 50-74, 75-100. */
enum { TL_SCORE_BANDS = 4 };

typedef struct {
    int finished;              /* people with a finished attempt (their best counts) */
    int passed;                /* of them, passed (not shown for the pre-check) */
    int begun;                 /* people answering, not finished yet */
    int band[TL_SCORE_BANDS];  /* finished, by band of their score */
} tl_score_spread;

/* The band of a score of max (0 when max is 0). */
int score_band(int score, int max);
/* The lowest percent of band b ("25" for band 1). */
int score_band_floor(int band);
/* Counts one person's standing with a check into *spread. */
void score_spread_add(tl_score_spread *spread, const tl_check_standing *standing);
/* Whether a check of this phase is graded: a pre-check only shows where
 * the group starts from, so it is neither passed nor failed (nor taken
 * again). */
bool phase_graded(tl_phase phase);

typedef struct {
    size_t people;
    int *completed;           /* per module: how many completed it */
    tl_score_spread *checks;  /* per module (when it has a check) */
    tl_score_spread before, after;
} tl_group_results;

/* Reads the results of everyone in course, counted; out is replaced only
 * when everything was read. */
tl_status group_results_load(tl_store *s, const tl_course *course, tl_group_results *out, tl_error *err);
void group_results_clear(tl_group_results *r);
/* How everyone in course stands with the check of step. */
tl_status group_check_spread(tl_store *s, const tl_course *course, tl_step step, tl_score_spread *out,
                             tl_error *err);
/* The spread of a check being taken now (its answers in memory): each
 * person who answered anything counts as finished with their score. */
void knowledge_check_spread(const tl_knowledge_check *kc, tl_score_spread *out);

#endif
