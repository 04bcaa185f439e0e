/* A YAML document as a small tree of scalars, sequences and mappings, each
 * node with its 1-based line:col. Built from libyaml's event API so that the
 * limits that protect us (size, depth, no aliases) are checked while parsing,
 * and duplicate keys (which libyaml accepts) are reported. */
#ifndef TILLIT_YAMLTREE_H
#define TILLIT_YAMLTREE_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

enum { YT_MAX_BYTES = 4 * 1024 * 1024, YT_MAX_DEPTH = 32 };

typedef enum { YT_SCALAR, YT_SEQ, YT_MAP } yt_kind;

typedef struct yt_node yt_node;
struct yt_node {
    yt_kind kind;
    int line, col;
    const char *str; /* YT_SCALAR: the value, NUL-terminated */
    bool quoted;     /* scalar written in quotes or block style */
    bool refused;    /* stands for a refused alias: already reported, not checked again */
    size_t n;        /* YT_SEQ: items; YT_MAP: key/value pairs */
    yt_node **items; /* YT_MAP: keys at 2*i, values at 2*i+1 */
};

/* Parses one YAML document from buf. Returns the root (NULL when the document
 * is unusable) and adds every problem to d; the nodes live in a. */
yt_node *yt_parse(arena *a, const char *file, const char *buf, size_t len, tl_diags *d);

/* Reports a file over YT_MAX_BYTES (shared by the parser and by the file
 * reader, which refuses a big file before reading it). */
void yt_report_too_large(tl_diags *d, const char *file, long long size);

/* Map helpers. */
static inline yt_node *yt_key(const yt_node *map, size_t i) { return map->items[2 * i]; }
static inline yt_node *yt_val(const yt_node *map, size_t i) { return map->items[2 * i + 1]; }
yt_node *yt_get(const yt_node *map, const char *key);

#endif
