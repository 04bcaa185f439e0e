#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        abort();
    return p;
}

static void diags_addv(tl_diags *d, tl_diag_severity severity, const char *file, int line, int col,
                       const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
static void diags_addv(tl_diags *d, tl_diag_severity severity, const char *file, int line, int col,
                       const char *fmt, va_list ap)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = realloc(d->items, d->cap * sizeof *d->items);
        if (!d->items)
            abort();
    }
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    tl_diag *g = &d->items[d->n++];
    g->severity = severity;
    g->file = xstrdup(file);
    g->line = line;
    g->col = col;
    g->msg = xstrdup(buf);
}

void diags_add(tl_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_addv(d, TL_DIAG_ERROR, file, line, col, fmt, ap);
    va_end(ap);
}

void diags_warn(tl_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_addv(d, TL_DIAG_WARNING, file, line, col, fmt, ap);
    va_end(ap);
}

size_t diags_errors(const tl_diags *d, size_t from)
{
    size_t n = 0;
    for (size_t i = from; i < d->n; i++)
        n += d->items[i].severity == TL_DIAG_ERROR;
    return n;
}

void diag_print(FILE *out, const tl_diag *g)
{
    const char *kind = g->severity == TL_DIAG_WARNING ? "warning: " : "";
    if (g->line > 0)
        fprintf(out, "%s:%d:%d: %s%s\n", g->file, g->line, g->col, kind, g->msg);
    else
        fprintf(out, "%s: %s%s\n", g->file, kind, g->msg);
}

void diags_free(tl_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].msg);
    }
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}

typedef struct {
    tl_diag g;
    size_t seq;
} seq_diag;

static int cmp_position(const void *pa, const void *pb)
{
    const seq_diag *a = pa, *b = pb;
    if (a->g.line != b->g.line)
        return a->g.line < b->g.line ? -1 : 1;
    if (a->g.col != b->g.col)
        return a->g.col < b->g.col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(tl_diags *d, size_t from)
{
    size_t n = d->n - from;
    if (from >= d->n || n < 2)
        return;
    seq_diag *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        abort();
    for (size_t i = 0; i < n; i++)
        tmp[i] = (seq_diag){d->items[from + i], i};
    qsort(tmp, n, sizeof *tmp, cmp_position);
    for (size_t i = 0; i < n; i++)
        d->items[from + i] = tmp[i].g;
    free(tmp);
}
