#include "yamltree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* A node being built: its children are collected in a growable array and
 * copied into the arena when the collection ends. */
typedef struct {
    yt_node *node;
    yt_node **kids;
    size_t n, cap;
} frame;

typedef struct {
    arena *a;
    const char *file;
    tl_diags *d;
    frame stack[YT_MAX_DEPTH + 1];
    int depth;
    yt_node *root;
    bool fatal;
} builder;

static yt_node *new_node(builder *b, yt_kind kind, yaml_mark_t m)
{
    yt_node *n = arena_alloc(b->a, sizeof *n);
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->col = (int)m.column + 1;
    return n;
}

static void push_child(builder *b, yt_node *n)
{
    if (b->depth == 0) {
        b->root = n;
        return;
    }
    frame *f = &b->stack[b->depth - 1];
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->kids = realloc(f->kids, f->cap * sizeof *f->kids);
        if (!f->kids)
            abort();
    }
    f->kids[f->n++] = n;
}

static int cmp_key(const void *pa, const void *pb)
{
    const yt_node *a = *(yt_node *const *)pa, *b = *(yt_node *const *)pb;
    int c = strcmp(a->str, b->str);
    if (c)
        return c;
    /* Same text: earlier position first, so the later one is the duplicate. */
    return a->line != b->line ? a->line - b->line : a->col - b->col;
}

/* Sorting instead of comparing every pair keeps a huge mapping O(n log n). */
static void check_keys(builder *b, yt_node *map)
{
    size_t n = 0;
    yt_node **keys = malloc((map->n ? map->n : 1) * sizeof *keys);
    if (!keys)
        abort();
    for (size_t i = 0; i < map->n; i++) {
        yt_node *k = yt_key(map, i);
        if (k->kind != YT_SCALAR)
            diags_add(b->d, b->file, k->line, k->col, "a mapping key must be a plain string");
        else
            keys[n++] = k;
    }
    qsort(keys, n, sizeof *keys, cmp_key);
    size_t first = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(keys[i]->str, keys[first]->str) != 0) {
            first = i;
            continue;
        }
        diags_add(b->d, b->file, keys[i]->line, keys[i]->col, "duplicate key '%s' (first at line %d:%d)",
                  keys[i]->str, keys[first]->line, keys[first]->col);
    }
    free(keys);
}

static void open_collection(builder *b, yt_kind kind, yaml_mark_t m, const yaml_char_t *anchor)
{
    yt_node *n = new_node(b, kind, m);
    if (anchor)
        diags_add(b->d, b->file, n->line, n->col, "anchors (&%s) are not allowed in content files",
                  (const char *)anchor);
    if (b->depth == YT_MAX_DEPTH) {
        diags_add(b->d, b->file, n->line, n->col, "nesting deeper than %d levels", YT_MAX_DEPTH);
        b->fatal = true;
        return;
    }
    push_child(b, n);
    b->stack[b->depth++] = (frame){.node = n};
}

static void close_collection(builder *b)
{
    frame *f = &b->stack[--b->depth];
    yt_node *n = f->node;
    if (n->kind == YT_MAP && f->n % 2) /* cannot happen with libyaml, but stay safe */
        f->n--;
    n->n = n->kind == YT_MAP ? f->n / 2 : f->n;
    n->items = arena_alloc(b->a, (f->n ? f->n : 1) * sizeof *n->items);
    if (f->n)
        memcpy(n->items, f->kids, f->n * sizeof *n->items);
    free(f->kids);
    if (n->kind == YT_MAP)
        check_keys(b, n);
}

static void add_scalar(builder *b, const yaml_event_t *ev)
{
    yt_node *n = new_node(b, YT_SCALAR, ev->start_mark);
    n->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, ev->data.scalar.length);
    n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    if (strlen(n->str) != ev->data.scalar.length)
        diags_add(b->d, b->file, n->line, n->col, "text contains a NUL character");
    if (ev->data.scalar.anchor)
        diags_add(b->d, b->file, n->line, n->col, "anchors (&%s) are not allowed in content files",
                  (const char *)ev->data.scalar.anchor);
    push_child(b, n);
}

/* libyaml's reader errors carry a byte offset, not a mark: turn it into one. */
static void offset_to_mark(const char *buf, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (buf[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* The byte at line:col (both from 1, col in characters), or 0 past the end. */
static char byte_at(const char *buf, size_t len, int line, int col)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (buf[i] == '\n')
            l++;
    for (int c = 1; i < len && buf[i] != '\n'; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (c++ == col)
            return buf[i];
    }
    return 0;
}

/* libyaml's words for the two mistakes authors make most, said plainly. */
static const char *syntax_hint(const yaml_parser_t *p, const char *buf, size_t len)
{
    const char *problem = p->problem ? p->problem : "";
    if (strstr(problem, "cannot start any token") &&
        byte_at(buf, len, (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1) == '\t')
        return "; it is a tab: YAML indents with spaces only";
    if (strstr(problem, "end of stream") && p->context && strstr(p->context, "quoted scalar"))
        return "; the quote is never closed";
    return "";
}

static void report_parser_error(builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
    int line, col;
    if (p->error == YAML_READER_ERROR) {
        offset_to_mark(buf, len, p->problem_offset, &line, &col);
        diags_add(b->d, b->file, line, col, "not valid UTF-8 text: %s",
                  p->problem ? p->problem : "unreadable byte");
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    const char *hint = syntax_hint(p, buf, len);
    if (p->context)
        diags_add(b->d, b->file, line, col, "YAML syntax error: %s (%s, started at line %d:%d)%s",
                  p->problem ? p->problem : "unknown problem", p->context,
                  (int)p->context_mark.line + 1, (int)p->context_mark.column + 1, hint);
    else
        diags_add(b->d, b->file, line, col, "YAML syntax error: %s%s",
                  p->problem ? p->problem : "unknown problem", hint);
}

static void unwind(builder *b)
{
    while (b->depth > 0)
        free(b->stack[--b->depth].kids);
}

yt_node *yt_parse(arena *a, const char *file, const char *buf, size_t len, tl_diags *d)
{
    if (len > YT_MAX_BYTES) {
        yt_report_too_large(d, file, (long long)len);
        return NULL;
    }
    builder b = {.a = a, .file = file, .d = d};
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        abort();
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    int documents = 0;
    bool done = false;
    while (!done && !b.fatal) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            report_parser_error(&b, &p, buf, len);
            b.fatal = true;
            break;
        }
        switch (ev.type) {
        case YAML_STREAM_END_EVENT: done = true; break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents == 2) {
                diags_add(d, file, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                          "only one YAML document per file");
                b.fatal = true;
            }
            break;
        case YAML_MAPPING_START_EVENT:
            open_collection(&b, YT_MAP, ev.start_mark, ev.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_START_EVENT:
            open_collection(&b, YT_SEQ, ev.start_mark, ev.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT: close_collection(&b); break;
        case YAML_SCALAR_EVENT: add_scalar(&b, &ev); break;
        case YAML_ALIAS_EVENT: {
            yt_node *n = new_node(&b, YT_SCALAR, ev.start_mark);
            n->str = "";
            n->refused = true;
            diags_add(d, file, n->line, n->col, "aliases (*%s) are not allowed in content files",
                      (const char *)ev.data.alias.anchor);
            push_child(&b, n);
            break;
        }
        default: break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    unwind(&b);
    if (b.fatal)
        return NULL;
    if (!b.root)
        diags_add(d, file, 0, 0, "the file is empty");
    return b.root;
}

void yt_report_too_large(tl_diags *d, const char *file, long long size)
{
    diags_add(d, file, 0, 0, "file too large (%lld bytes; content files may be at most %d bytes)", size,
              YT_MAX_BYTES);
}

yt_node *yt_get(const yt_node *map, const char *key)
{
    if (!map || map->kind != YT_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++) {
        yt_node *k = yt_key(map, i);
        if (k->kind == YT_SCALAR && strcmp(k->str, key) == 0)
            return yt_val(map, i);
    }
    return NULL;
}
