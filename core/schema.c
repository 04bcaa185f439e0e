#include "schema.h"

#include "content.h"
#include "dates.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ld_error(ld_ctx *c, const yt_node *n, const char *fmt, ...)
{
    char buf[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diags_add(c->d, c->file, n ? n->line : 0, n ? n->col : 0, "%s", buf);
}

static const char *kind_name(const yt_node *n)
{
    switch (n->kind) {
    case YT_SCALAR: return "a string";
    case YT_SEQ: return "a list";
    default: return "a mapping";
    }
}

static void list_keys(char *buf, size_t size, const ld_field *fields, size_t n_fields)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n_fields && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "", fields[i].key);
}

bool ld_fields(ld_ctx *c, const yt_node *n, const char *what, const ld_field *fields,
               size_t n_fields, void *obj)
{
    if (n->kind != YT_MAP) {
        ld_error(c, n, "expected %s (a mapping), found %s", what, kind_name(n));
        return false;
    }
    for (size_t i = 0; i < n->n; i++) {
        const yt_node *k = yt_key(n, i);
        if (k->kind != YT_SCALAR)
            continue; /* reported by the tree builder */
        size_t f = 0;
        while (f < n_fields && strcmp(fields[f].key, k->str) != 0)
            f++;
        if (f == n_fields) {
            char known[400];
            list_keys(known, sizeof known, fields, n_fields);
            ld_error(c, k, "unknown key '%s' in %s (known keys: %s)", k->str, what, known);
        }
    }
    for (size_t f = 0; f < n_fields; f++) {
        const yt_node *v = yt_get(n, fields[f].key);
        if (!v) {
            if (fields[f].required)
                ld_error(c, n, "%s is missing the required key '%s'", what, fields[f].key);
            continue;
        }
        if (!v->refused)
            fields[f].parse(c, v, (char *)obj + fields[f].offset);
    }
    return true;
}

void *ld_list(ld_ctx *c, const yt_node *n, const char *what, size_t elem_size, ld_parse_fn elem,
              size_t min, size_t *count)
{
    *count = 0;
    if (n->refused)
        return NULL;
    if (n->kind != YT_SEQ) {
        ld_error(c, n, "expected a list of %s, found %s", what, kind_name(n));
        return NULL;
    }
    if (n->n < min) {
        ld_error(c, n, "needs at least %zu %s, found %zu", min, what, n->n);
        if (n->n == 0)
            return NULL;
    }
    char *items = arena_alloc(c->a, n->n * elem_size);
    for (size_t i = 0; i < n->n; i++)
        if (!n->items[i]->refused)
            elem(c, n->items[i], items + i * elem_size);
    *count = n->n;
    return items;
}

static bool scalar(ld_ctx *c, const yt_node *n, const char *what)
{
    if (n->kind == YT_SCALAR)
        return true;
    ld_error(c, n, "expected %s, found %s", what, kind_name(n));
    return false;
}

bool ld_id(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "an id"))
        return false;
    if (!content_id_valid(n->str)) {
        ld_error(c, n, "invalid id '%s' (use 1-64 characters a-z, 0-9, '-' and '_')", n->str);
        return false;
    }
    *(const char **)dst = n->str;
    return true;
}

bool ld_string(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "a string"))
        return false;
    if (n->str[0] == '\0') {
        ld_error(c, n, "empty string");
        return false;
    }
    *(const char **)dst = n->str;
    return true;
}

static bool valid_lang(const char *s)
{
    size_t len = strlen(s);
    if (len < 2 || len > 3)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!islower((unsigned char)s[i]))
            return false;
    return true;
}

static bool blank(const char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

/* The interface can be English (--lang en); a text without English is then
 * shown in Swedish. Not an error: the file is usable, the author is told. */
static void warn_no_english(ld_ctx *c, const yt_node *n, const tl_text *t)
{
    if (!text_has(t, TL_SECOND_LANG))
        diags_warn(c->d, c->file, n->line, n->col,
                   "text has no English (en) version; the English interface will show the Swedish");
}

bool ld_text(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_text *t = dst;
    if (n->kind == YT_SCALAR) {
        if (blank(n->str)) {
            ld_error(c, n, "empty text");
            return false;
        }
        t->n = 1;
        t->e = arena_alloc(c->a, sizeof *t->e);
        t->e[0] = (tl_text_entry){TL_REFERENCE_LANG, n->str};
        warn_no_english(c, n, t);
        return true;
    }
    if (n->kind != YT_MAP) {
        ld_error(c, n, "expected text (a string, or a mapping of language to string), found %s",
                 kind_name(n));
        return false;
    }
    t->e = arena_alloc(c->a, (n->n ? n->n : 1) * sizeof *t->e);
    t->n = 0;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        const yt_node *k = yt_key(n, i), *v = yt_val(n, i);
        if (k->kind != YT_SCALAR || v->refused)
            continue;
        if (!valid_lang(k->str)) {
            ld_error(c, k, "'%s' is not a language code (use e.g. sv, en)", k->str);
            ok = false;
        } else if (!scalar(c, v, "a string")) {
            ok = false;
        } else if (blank(v->str)) {
            ld_error(c, v, "empty text for language '%s'", k->str);
            ok = false;
        } else {
            t->e[t->n++] = (tl_text_entry){k->str, v->str};
        }
    }
    if (!text_has(t, TL_REFERENCE_LANG) && !yt_get(n, TL_REFERENCE_LANG)) {
        ld_error(c, n, "text has no Swedish (sv) version; Swedish is the reference language");
        ok = false;
    }
    if (ok)
        warn_no_english(c, n, t);
    return ok;
}

bool ld_bool(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "true or false"))
        return false;
    if (strcmp(n->str, "true") == 0 && !n->quoted)
        *(bool *)dst = true;
    else if (strcmp(n->str, "false") == 0 && !n->quoted)
        *(bool *)dst = false;
    else {
        ld_error(c, n, "expected true or false, found '%s'", n->str);
        return false;
    }
    return true;
}

bool ld_date(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "a date (YYYY-MM-DD)"))
        return false;
    if (!iso_date_valid(n->str)) {
        ld_error(c, n, "invalid date '%s' (expected YYYY-MM-DD)", n->str);
        return false;
    }
    *(const char **)dst = n->str;
    return true;
}

bool ld_month(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "a month or date (YYYY-MM or YYYY-MM-DD)"))
        return false;
    if (!month_or_date_valid(n->str)) {
        ld_error(c, n, "invalid month or date '%s' (expected YYYY-MM or YYYY-MM-DD)", n->str);
        return false;
    }
    *(const char **)dst = n->str;
    return true;
}

bool ld_due(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_due *due = dst;
    if (!ld_month(c, n, &due->date))
        return false;
    due->line = n->line;
    due->col = n->col;
    return true;
}

bool ld_version(ld_ctx *c, const yt_node *n, void *dst)
{
    if (!scalar(c, n, "a version"))
        return false;
    size_t len = strlen(n->str);
    bool ok = len > 0 && len <= 32;
    for (size_t i = 0; ok && i < len; i++) {
        unsigned char ch = (unsigned char)n->str[i];
        ok = isalnum(ch) || ch == '.' || ch == '-';
    }
    if (!ok) {
        ld_error(c, n, "invalid version '%s' (use e.g. 1 or 1.2)", n->str);
        return false;
    }
    *(const char **)dst = n->str;
    return true;
}

bool ld_int_range(ld_ctx *c, const yt_node *n, int lo, int hi, int *out)
{
    if (!scalar(c, n, "a number"))
        return false;
    const char *s = n->str;
    long v = 0;
    bool ok = *s && !n->quoted && strlen(s) <= 9;
    for (; ok && *s; s++) {
        ok = isdigit((unsigned char)*s);
        v = v * 10 + (*s - '0');
    }
    if (!ok && n->quoted) {
        ld_error(c, n, "expected a whole number without quotes, found \"%s\"", n->str);
        return false;
    }
    if (!ok) {
        ld_error(c, n, "expected a whole number, found '%s'", n->str);
        return false;
    }
    if (v < lo || v > hi) {
        ld_error(c, n, "%ld is out of range (%d-%d)", v, lo, hi);
        return false;
    }
    *out = (int)v;
    return true;
}

bool ld_year(ld_ctx *c, const yt_node *n, void *dst)
{
    return ld_int_range(c, n, 1800, 2100, dst);
}

int ld_enum(ld_ctx *c, const yt_node *n, const char *const *names, size_t count, const char *what)
{
    if (!scalar(c, n, what))
        return -1;
    for (size_t i = 0; i < count; i++)
        if (strcmp(n->str, names[i]) == 0)
            return (int)i;
    char known[200];
    size_t len = 0;
    known[0] = '\0';
    for (size_t i = 0; i < count; i++)
        len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "", names[i]);
    ld_error(c, n, "unknown %s '%s' (expected one of: %s)", what, n->str, known);
    return -1;
}

static bool parse_ref(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_ref *r = dst;
    r->line = n->line;
    r->col = n->col;
    return ld_id(c, n, &r->id);
}

bool ld_refs(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_refs *refs = dst;
    return LD_LIST(c, n, "ids", refs->r, refs->n, parse_ref, 0);
}

bool ld_skip(ld_ctx *c, const yt_node *n, void *dst)
{
    (void)c, (void)n, (void)dst;
    return true;
}

static bool parse_source(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_source, id)},
        {"title", true, ld_string, offsetof(tl_source, title)},
        {"publisher", false, ld_string, offsetof(tl_source, publisher)},
        {"year", false, ld_year, offsetof(tl_source, year)},
        {"url", false, ld_string, offsetof(tl_source, url)},
        {"note", false, ld_string, offsetof(tl_source, note)},
        {"review_by", false, ld_due, offsetof(tl_source, review_by)},
    };
    return ld_fields(c, n, "source", LD_FIELDS(fields), dst);
}

bool ld_sources(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_header *h = dst;
    LD_LIST(c, n, "sources", h->sources, h->n_sources, parse_source, 1);
    ld_unique_ids(c, n, "source");
    return true;
}

void ld_check_review_order(ld_ctx *c, const tl_header *h)
{
    const tl_due *due = &h->review_by;
    if (!due->date || !h->reviewed)
        return;
    /* 2026-12 against 2026-12-05 compares the month only. */
    size_t len = strlen(due->date) < strlen(h->reviewed) ? strlen(due->date) : strlen(h->reviewed);
    if (strncmp(due->date, h->reviewed, len) <= 0)
        diags_add(c->d, c->file, due->line, due->col, "review_by %s must come after reviewed %s", due->date,
                  h->reviewed);
}

/* ---- duplicate ids ---- */

void ld_idset_add_list(ld_idset *s, const yt_node *seq)
{
    if (!seq || seq->kind != YT_SEQ)
        return;
    for (size_t i = 0; i < seq->n; i++) {
        const yt_node *id = yt_get(seq->items[i], "id");
        if (!id || id->kind != YT_SCALAR)
            continue;
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 32;
            s->v = realloc(s->v, s->cap * sizeof *s->v);
            if (!s->v)
                abort();
        }
        s->v[s->n++] = id;
    }
}

static int cmp_id_node(const void *pa, const void *pb)
{
    const yt_node *a = *(const yt_node *const *)pa, *b = *(const yt_node *const *)pb;
    int c = strcmp(a->str, b->str);
    if (c)
        return c;
    return a->line != b->line ? a->line - b->line : a->col - b->col;
}

void ld_idset_check(ld_ctx *c, ld_idset *s, const char *what)
{
    if (s->n)
        qsort(s->v, s->n, sizeof *s->v, cmp_id_node);
    size_t first = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (strcmp(s->v[i]->str, s->v[first]->str) != 0) {
            first = i;
            continue;
        }
        ld_error(c, s->v[i], "duplicate %s id '%s' (first at line %d:%d)", what, s->v[i]->str,
                 s->v[first]->line, s->v[first]->col);
    }
    free(s->v);
    *s = (ld_idset){0};
}

void ld_unique_ids(ld_ctx *c, const yt_node *seq, const char *what)
{
    ld_idset s = {0};
    ld_idset_add_list(&s, seq);
    ld_idset_check(c, &s, what);
}

/* ---- reference index ---- */

typedef struct {
    const char *id;
    size_t pos;
} ix_entry;

static int cmp_ix(const void *pa, const void *pb)
{
    return strcmp(((const ix_entry *)pa)->id, ((const ix_entry *)pb)->id);
}

void ld_index_build(ld_index *ix, const void *base, size_t count, size_t stride, size_t id_offset)
{
    ix_entry *e = malloc((count ? count : 1) * sizeof *e);
    if (!e)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *id = *(const char *const *)((const char *)base + i * stride + id_offset);
        if (id) /* an element whose id was invalid has none */
            e[n++] = (ix_entry){id, i};
    }
    qsort(e, n, sizeof *e, cmp_ix);
    ix->n = n;
    ix->ids = malloc((n ? n : 1) * sizeof *ix->ids);
    ix->pos = malloc((n ? n : 1) * sizeof *ix->pos);
    if (!ix->ids || !ix->pos)
        abort();
    for (size_t i = 0; i < n; i++) {
        ix->ids[i] = e[i].id;
        ix->pos[i] = e[i].pos;
    }
    free(e);
}

bool ld_index_find(const ld_index *ix, const char *id, size_t *pos)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id, ix->ids[mid]);
        if (c == 0) {
            *pos = ix->pos[mid];
            return true;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

void ld_index_free(ld_index *ix)
{
    free(ix->ids);
    free(ix->pos);
    *ix = (ld_index){0};
}

void ld_resolve(ld_ctx *c, tl_refs *refs, const ld_index *ix, const char *what)
{
    for (size_t i = 0; i < refs->n; i++) {
        tl_ref *r = &refs->r[i];
        if (r->id && !ld_index_find(ix, r->id, &r->index))
            diags_add(c->d, c->file, r->line, r->col, "unknown %s '%s'", what, r->id);
    }
}
