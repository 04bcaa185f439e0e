/* Notices that content in use is past its review date. */
#ifndef TILLIT_REVIEW_NOTICE_H
#define TILLIT_REVIEW_NOTICE_H

#include "screen.h"

/* The notice for c into buf; false (buf untouched) when c is current. */
bool review_notice_text(const tl_content *c, const char *lang, char *buf, size_t size);
/* Sets the status line when c (just chosen for a session, a self-study or
 * a checklist run) is past its review date. */
void review_notice_at_start(tl_app *app, const tl_content *c);
/* Draws the menu's notice at row y when any content in use is past its
 * review date; returns the rows used (0 or 1). */
int review_notice_draw(const tl_app *app, int y, int cols);

#endif
