/* A bump allocator: everything loaded from one content file lives in one
 * arena and is freed at once, so the loader needs no per-node free code. */
#ifndef TILLIT_ARENA_H
#define TILLIT_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
} arena;

/* Zeroed memory; aborts on out-of-memory (nothing sensible to do then). */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

#endif
