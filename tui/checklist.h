/* The checklist self-check: the start screen (new run or resume), the run
 * screen (indicators, answers, notes, guidance, the live assessment) and the
 * summary screen. checklist.c, checklist_run.c, checklist_summary.c. */
#ifndef TILLIT_CHECKLIST_UI_H
#define TILLIT_CHECKLIST_UI_H

#include "checklist_run.h"
#include "screen.h"
#include "summary.h"

/* `tillit check [CHECKLIST]` and the menu item: arg names a checklist id, or
 * NULL to choose one. NULL (with a status message) when cancelled. */
tl_screen *check_open(tl_app *app, const char *arg);

/* A summary text already cut into lines (summary_text): one view line each,
 * from column x, cols wide; with bold_title its first paragraph in bold. */
void check_view_lines(ui_view *v, int x, int cols, const char *text, bool bold_title);

/* Asks for a free text (case reference, note) with the personal-number
 * check: a refused text is explained and asked again. false when cancelled. */
bool check_prompt_text(tl_app *app, const char *label, const char *what, char *buf, size_t size);

/* The run screen takes ownership of r. */
tl_screen *check_run_screen_new(tl_app *app, tl_checklist_run *r);
/* The summary of r (owned by the screen below it). */
tl_screen *check_summary_screen_new(tl_app *app, tl_checklist_run *r);

#endif
