/* Text laid out for a plain stream (a file, a pipe, a screen reader's
 * terminal): paragraphs word-wrapped to a width by display columns,
 * markdown-light bodies, headings. The case summary and the plain-line
 * interface lay out their text with these, so a text reads the same in a
 * saved summary and on a braille display. No curses. */
#ifndef TILLIT_PLAINTEXT_H
#define TILLIT_PLAINTEXT_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *f;
    int width; /* columns a line may take */
} pt_out;

/* The display columns of n bytes of UTF-8 at p (wcwidth; one for what the
 * locale does not know). */
int pt_cols(const char *p, size_t n);
/* One paragraph (newlines count as spaces, ** marks are dropped),
 * word-wrapped: the first line after `first` columns already used, the
 * following lines indented by `hang`. Ends the line. */
void pt_wrap(const pt_out *o, int first, int hang, const char *text);
/* A paragraph indented by indent columns. */
void pt_para(const pt_out *o, int indent, const char *text);
/* Markdown-light body text: paragraphs (a blank line between) and "- "
 * bullets (one line each, continued under their text). */
void pt_body(const pt_out *o, int indent, const char *markdown);
/* A title underlined with '=', after a blank line. */
void pt_heading(const pt_out *o, const char *title);
void pt_spaces(FILE *f, int n);

#endif
