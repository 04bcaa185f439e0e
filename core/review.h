/* Content that knows when it is stale: each file (and any source) may say by
 * when it must be reviewed again (`review_by`). Laws and figures change every
 * year; these tell a trainer before last year's law is taught. */
#ifndef TILLIT_REVIEW_H
#define TILLIT_REVIEW_H

#include "content.h"
#include "diag.h"

#include <stdbool.h>

/* Adds a warning (file:line:col) to d for the file and for each of its
 * sources whose review_by has passed by today (YYYY-MM-DD); returns how many. */
size_t content_review_warnings(const tl_content *c, const char *today, tl_diags *d);
/* The first file of lib (curricula, then checklists) past its review date, or
 * NULL; *count: how many are. */
const tl_content *library_first_overdue(const tl_library *lib, const char *today, size_t *count);
/* The date the notice names for c: the file's own review_by when it has
 * passed, else the earliest passed one of its sources; NULL when none has. */
const char *content_review_due(const tl_content *c, const char *today);

#endif
