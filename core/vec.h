/* Growing arrays: VEC_PUSH(arr, n) makes room for one more element of arr
 * (n elements so far), counts it and returns a pointer to it. Out of memory
 * aborts: there is nothing sensible to do then. */
#ifndef TILLIT_VEC_H
#define TILLIT_VEC_H

#include <stdio.h>
#include <stdlib.h>

static inline void *vec_grow(void *items, size_t count, size_t size)
{
    void *p = realloc(items, count * size);
    if (!p) {
        fputs("tillit: out of memory\n", stderr);
        abort();
    }
    return p;
}

#define VEC_PUSH(arr, n) ((arr) = vec_grow((arr), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

#endif
