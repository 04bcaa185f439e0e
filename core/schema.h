/* The building blocks of content validation: a table of fields per kind of
 * object (key, required?, parser, where to store it), list and reference
 * helpers. The loaders for curricula and checklists are tables of these. */
#ifndef TILLIT_SCHEMA_H
#define TILLIT_SCHEMA_H

#include "diag.h"
#include "model.h"
#include "yamltree.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    arena *a;
    const char *file;
    tl_diags *d;
} ld_ctx;

/* A field parser reads node n into dst; it reports its own problems and
 * returns false when the value is unusable. */
typedef bool (*ld_parse_fn)(ld_ctx *c, const yt_node *n, void *dst);

typedef struct {
    const char *key;
    bool required;
    ld_parse_fn parse;
    size_t offset; /* of the destination within the object */
} ld_field;

#define LD_FIELDS(table) (table), sizeof(table) / sizeof((table)[0])

void ld_error(ld_ctx *c, const yt_node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Checks n is a mapping, reports unknown and missing keys, parses each field
 * into obj. Returns false only when n is not a mapping at all. */
bool ld_fields(ld_ctx *c, const yt_node *n, const char *what, const ld_field *fields,
               size_t n_fields, void *obj);

/* Parses a sequence with elem (one element of elem_size bytes each) into a new
 * array; reports a non-list and fewer than min elements. */
void *ld_list(ld_ctx *c, const yt_node *n, const char *what, size_t elem_size, ld_parse_fn elem,
              size_t min, size_t *count);
static inline bool ld_done(const void *list) { (void)list; return true; }
#define LD_LIST(c, n, what, items, count, elem, min) \
    ld_done((items) = ld_list((c), (n), (what), sizeof *(items), (elem), (min), &(count)))

/* Scalar parsers, usable directly in field tables. */
bool ld_id(ld_ctx *c, const yt_node *n, void *dst);      /* const char * */
bool ld_string(ld_ctx *c, const yt_node *n, void *dst);  /* const char * */
bool ld_text(ld_ctx *c, const yt_node *n, void *dst);    /* tl_text */
bool ld_bool(ld_ctx *c, const yt_node *n, void *dst);    /* bool */
bool ld_date(ld_ctx *c, const yt_node *n, void *dst);    /* const char *, YYYY-MM-DD */
bool ld_month(ld_ctx *c, const yt_node *n, void *dst);   /* const char *, YYYY-MM or YYYY-MM-DD */
bool ld_due(ld_ctx *c, const yt_node *n, void *dst);     /* tl_due */
bool ld_version(ld_ctx *c, const yt_node *n, void *dst); /* const char * */
bool ld_year(ld_ctx *c, const yt_node *n, void *dst);    /* int */
bool ld_refs(ld_ctx *c, const yt_node *n, void *dst);    /* tl_refs */
bool ld_skip(ld_ctx *c, const yt_node *n, void *dst);    /* already handled elsewhere */
bool ld_int_range(ld_ctx *c, const yt_node *n, int lo, int hi, int *out);
/* Index of n's scalar in names[0..count), or -1 after reporting it. */
int ld_enum(ld_ctx *c, const yt_node *n, const char *const *names, size_t count, const char *what);

/* The keys shared by every content file; tl_header is the first member of
 * both tl_curriculum and tl_checklist, so these offsets fit both. */
bool ld_sources(ld_ctx *c, const yt_node *n, void *dst);
#define LD_HEADER_FIELDS                                                   \
    {"kind", true, ld_skip, 0},                                            \
    {"id", true, ld_id, offsetof(tl_header, id)},                          \
    {"version", true, ld_version, offsetof(tl_header, version)},           \
    {"reviewed", true, ld_month, offsetof(tl_header, reviewed)},           \
    {"review_by", false, ld_due, offsetof(tl_header, review_by)},          \
    {"sources", true, ld_sources, 0},                                      \
    {"title", true, ld_text, offsetof(tl_header, title)},                  \
    {"summary", false, ld_text, offsetof(tl_header, summary)}

/* A file's review_by must come after its reviewed date. */
void ld_check_review_order(ld_ctx *c, const tl_header *h);

/* Duplicate ids: collect the `id` nodes of the maps in one or more lists,
 * then report each id seen before. */
typedef struct {
    const yt_node **v;
    size_t n, cap;
} ld_idset;
void ld_idset_add_list(ld_idset *s, const yt_node *seq);
void ld_idset_check(ld_ctx *c, ld_idset *s, const char *what); /* also frees */
void ld_unique_ids(ld_ctx *c, const yt_node *seq, const char *what);

/* A sorted index of ids for resolving references in O(log n). */
typedef struct {
    const char **ids;
    size_t *pos;
    size_t n;
} ld_index;
void ld_index_build(ld_index *ix, const void *base, size_t count, size_t stride, size_t id_offset);
bool ld_index_find(const ld_index *ix, const char *id, size_t *pos);
void ld_index_free(ld_index *ix);
/* Resolves every ref against ix, reporting "unknown WHAT 'id'". */
void ld_resolve(ld_ctx *c, tl_refs *refs, const ld_index *ix, const char *what);

#endif
