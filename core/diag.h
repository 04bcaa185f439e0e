/* Diagnostics: the list of `file:line:col: message` problems that content
 * validation collects. Validation goes on after a problem so that an author
 * sees every problem of a file at once. */
#ifndef TILLIT_DIAG_H
#define TILLIT_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *file;
    int line, col; /* 1-based; 0 when the problem concerns the whole file */
    char *msg;
} tl_diag;

typedef struct {
    tl_diag *items;
    size_t n, cap;
} tl_diags;

void diags_add(tl_diags *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Writes one diagnostic as `file:line:col: message` (or `file: message`). */
void diag_print(FILE *out, const tl_diag *g);
/* Orders items[from..] by line and column (stable), so that a file's
 * problems read from top to bottom whatever order they were found in. */
void diags_sort(tl_diags *d, size_t from);
void diags_free(tl_diags *d);

#endif
