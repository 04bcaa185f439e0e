/* Diagnostics: the list of `file:line:col: message` problems that content
 * validation collects. Validation goes on after a problem so that an author
 * sees every problem of a file at once. An error makes the file unusable; a
 * warning (e.g. a text without English) is only for the author: the file
 * still loads, and `tillit validate` prints it but exits 0. */
#ifndef TILLIT_DIAG_H
#define TILLIT_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum { TL_DIAG_ERROR, TL_DIAG_WARNING } tl_diag_severity;

typedef struct {
    tl_diag_severity severity;
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
/* Adds a warning (diags_add adds errors). */
void diags_warn(tl_diags *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The number of errors (not warnings) among items[from..]. */
size_t diags_errors(const tl_diags *d, size_t from);
/* Writes one diagnostic as `file:line:col: message` (or `file: message`);
 * a warning as `file:line:col: warning: message`. */
void diag_print(FILE *out, const tl_diag *g);
/* Orders items[from..] by line and column (stable), so that a file's
 * problems read from top to bottom whatever order they were found in. */
void diags_sort(tl_diags *d, size_t from);
void diags_free(tl_diags *d);

#endif
