/* Widgets over the current screen: a line editor, a yes/no question, a
 * list picker and a help box. */
#ifndef TILLIT_WIDGETS_H
#define TILLIT_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tl_app tl_app;

/* Each is an overlay on the screen stack, run by app_modal in the program's
 * one loop; the call returns with the answer when it closes (also when the
 * program is ending: then as cancelled). ui_prompt edits buf (UTF-8, may hold a default) on the status row;
 * false when cancelled with Esc. */
bool ui_prompt(tl_app *app, const char *label, char *buf, size_t size);
/* y/j = yes, n/Esc = no. */
bool ui_confirm(tl_app *app, const char *question);
/* A centred list; returns the chosen index or -1 when cancelled. */
int ui_choose(tl_app *app, const char *title, const char *const *labels, int n, int initial);

/* A box with a title and markdown-light text; any key closes it. */
void ui_help(tl_app *app, const char *title, const char *text);

#endif
