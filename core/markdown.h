/* Markdown light, the body format of content (docs/content-format.md):
 * paragraphs separated by blank lines, "- " bullets one per line, **bold**.
 * This splits a text into its blocks; the screen (tui/draw.c) and the plain
 * text summary (core/summary.c) each lay the blocks out their own way. */
#ifndef TILLIT_MARKDOWN_H
#define TILLIT_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *text; /* the block's text, without the "- " of a bullet */
    size_t len;
    bool bullet;
    bool first; /* the first block of the text (no blank line before it) */
} md_block;

/* Reads the next block from *pos and advances *pos; false at the end. The
 * lines of a paragraph are joined by the caller (they keep their '\n'). */
bool md_next_block(const char **pos, md_block *b);

#endif
