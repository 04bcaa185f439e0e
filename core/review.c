#include "review.h"

#include "dates.h"

#include <string.h>

static bool passed(const tl_due *due, const char *today)
{
    return due->date && due_date_passed(due->date, today);
}

size_t content_review_warnings(const tl_content *c, const char *today, tl_diags *d)
{
    const tl_header *h = c->u.h;
    size_t n = 0;
    if (passed(&h->review_by, today)) {
        diags_warn(d, c->path, h->review_by.line, h->review_by.col,
                   "past its review date (review_by %s): check its facts against current law and "
                   "sources, then set reviewed and a new review_by",
                   h->review_by.date);
        n++;
    }
    for (size_t i = 0; i < h->n_sources; i++) {
        const tl_source *s = &h->sources[i];
        if (!passed(&s->review_by, today))
            continue;
        diags_warn(d, c->path, s->review_by.line, s->review_by.col,
                   "source '%s' is past its review date (review_by %s): check what the file takes from it",
                   s->id, s->review_by.date);
        n++;
    }
    return n;
}

const char *content_review_due(const tl_content *c, const char *today)
{
    const tl_header *h = c->u.h;
    if (passed(&h->review_by, today))
        return h->review_by.date;
    const char *earliest = NULL;
    for (size_t i = 0; i < h->n_sources; i++) {
        const tl_due *due = &h->sources[i].review_by;
        if (passed(due, today) && (!earliest || strcmp(due->date, earliest) < 0))
            earliest = due->date;
    }
    return earliest;
}

const tl_content *library_first_overdue(const tl_library *lib, const char *today, size_t *count)
{
    const tl_content *first = NULL;
    size_t n = 0;
    tl_content *const *lists[] = {lib->curricula, lib->checklists};
    size_t sizes[] = {lib->n_curricula, lib->n_checklists};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < sizes[l]; i++) {
            if (!content_review_due(lists[l][i], today))
                continue;
            if (!first)
                first = lists[l][i];
            n++;
        }
    if (count)
        *count = n;
    return first;
}
