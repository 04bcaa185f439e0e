/* The assessment: a pure function from a checklist and its answers to an
 * explained result. It evaluates only what the checklist declares (the
 * presence rule of each section, the outcomes' conditions in priority
 * order) and contains no scoring rule of its own. Only `yes` counts;
 * unknown, not asked and unanswered indicators are reported as gaps.
 * Questions of a context section are answered and reported but never
 * counted as signs: only count_context reads them.
 * No allocation: the caller gives the array of section results. No curses. */
#ifndef TILLIT_ASSESS_H
#define TILLIT_ASSESS_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* Answers by kind; TL_A_NONE is "not answered yet". */
typedef struct {
    int n[TL_A_COUNT];
} tl_answer_counts;

typedef struct {
    int yes[TL_W_COUNT + 1]; /* yes answers by weight; [TL_W_ANY]: all weights */
    tl_answer_counts answers;
    bool present;
    int clause; /* the first clause of the rule that holds, -1 when none does */
} tl_section_result;

typedef struct {
    const tl_checklist *cl;
    const tl_answer *answers;     /* indexed like cl->indicators */
    tl_section_result *sections;  /* the caller's array of cl->n_sections */
    tl_answer_counts totals;
    int sections_present;         /* sections of signs only: a context section is never present */
    int context_yes;              /* context questions answered yes */
    size_t outcome;               /* index into cl->outcomes */
    bool fallback;                /* no earlier outcome's condition held */
} tl_assessment;

/* Fills *out from answers (cl->n_indicators of them; a value outside the
 * tl_answer range counts as not answered). sections must have room for
 * cl->n_sections results; out keeps pointers to cl, answers and sections. */
void assess(const tl_checklist *cl, const tl_answer *answers, tl_section_result *sections,
            tl_assessment *out);

/* Whether a condition holds for an assessment made by assess(). */
bool assess_cond(const tl_assessment *a, const tl_cond *c);

/* Whether an indicator's answer is a gap: not answered, unknown or not asked. */
bool assess_is_gap(tl_answer answer);
int assess_gaps(const tl_answer_counts *c);

/* The checklist's label for an answer (answer_labels), else the plain
 * English name; TL_A_NONE is "Not answered". */
const char *assess_answer_label(const tl_checklist *cl, tl_answer answer, const char *lang);

/* An indicator's weight as words, or that it is context and not counted. */
const char *assess_weight_label(const tl_indicator *ind);

/* How many sections hold signs (the ones that can count as present). */
int assess_sign_sections(const tl_checklist *cl);

/* A clause as words, e.g. "1 strong + 1 medium" or "3 of any weight". */
void assess_clause_text(const tl_clause *clause, char *buf, size_t size);

/* Why: each condition of the tree below c as one line, depth-first, with
 * whether it holds, e.g. "all of these" / "section 'Exploitation' counts as
 * present" / "at least 2 answered yes (strong, in 'Exploitation'): 1".
 * line() is called once per condition with its depth (0 for c itself). */
typedef void (*tl_explain_fn)(void *ctx, int depth, bool holds, const char *text);
void assess_explain(const tl_assessment *a, const tl_cond *c, const char *lang, tl_explain_fn line,
                    void *ctx);

#endif
