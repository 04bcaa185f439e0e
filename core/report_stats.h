/* Two rules of the report that are arithmetic, not SQL: the question
 * analysis (how hard a knowledge-check question is and how well it
 * separates stronger from weaker participants) and the small-cell rule
 * that keeps a checklist indicator's count of 1 to 4 out of every report.
 * Definitions and formulas: docs/report-format.md. No curses, no XML. */
#ifndef TILLIT_REPORT_STATS_H
#define TILLIT_REPORT_STATS_H

#include <stdbool.h>
#include <stdint.h>

/* A question is analysed only with at least this many answers: below it,
 * one participant more or less swings every figure. */
enum { QUESTION_MIN_ANSWERS = 10 };
/* "Review this question" below this discrimination (point-biserial). */
#define QUESTION_REVIEW_BELOW 0.20

/* The sums one pass over a question's answers gives. For each answer:
 * x = 1 when it was right, else 0; y = the attempt's score on its other
 * questions (the rest score, in points). */
typedef struct {
    int64_t n;        /* answers */
    int64_t right;    /* sum of x */
    double y, yy, xy; /* sums of y, y * y, x * y */
} tl_question_sums;

typedef struct {
    double difficulty;       /* share answered right, 0 to 1 */
    bool has_discrimination; /* false when all x or all y are alike */
    double discrimination;   /* point-biserial correlation of x and y, -1 to 1 */
    bool review;             /* discrimination missing or below QUESTION_REVIEW_BELOW */
} tl_question_stats;

/* The analysis of one question; false (out untouched) with fewer than
 * QUESTION_MIN_ANSWERS answers. */
bool question_stats(const tl_question_sums *s, tl_question_stats *out);

/* A count of yes answers as a report may show it: cells of 1 to 4 are
 * never written as a number. shown is the sum of the cells shown as they
 * are (0 or at least SMALL_CELL_LIMIT each); small is how many cells of 1
 * to 4 are in it besides, without their counts. A site's own cell is one
 * of: {n, 0} or {0, 1}; a merged cell is the sum of the inputs' cells, so
 * the true count lies between shown + small and shown + 4 * small. */
enum { SMALL_CELL_LIMIT = 5 };
typedef struct {
    int64_t shown, small;
} tl_protected_count;

tl_protected_count small_cell_protect(int64_t n);
/* The sum of two protected cells (a merge). */
tl_protected_count protected_add(tl_protected_count a, tl_protected_count b);
/* The range the true count lies in. */
int64_t protected_min(tl_protected_count c);
int64_t protected_max(tl_protected_count c);

#endif
