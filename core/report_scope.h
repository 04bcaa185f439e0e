/* Whether a report's scope names something that exists: a curriculum or an
 * organisation typed on the command line that matches nothing is a typo,
 * and a typo must not give an empty report that looks like a true one.
 * Matching is the collation's first level (core/collate.h): case and
 * accents aside. No curses, no XML. */
#ifndef TILLIT_REPORT_SCOPE_H
#define TILLIT_REPORT_SCOPE_H

#include "content.h"
#include "store.h"

#include <stdbool.h>

enum { SCOPE_SUGGESTIONS = 3 };

typedef struct {
    bool found;
    char *spelling;                       /* found: as the store has it (malloc'ed) */
    char *closest[SCOPE_SUGGESTIONS];     /* not found: the nearest names, nearest first */
    size_t n_closest;
    size_t n_known;                       /* how many names there were to match */
} tl_scope_match;

/* The organisation of the store called typed, case and accents aside. Of
 * several spellings (an organisation typed in twice, once in capitals) the
 * first in Swedish order is the one given back. */
tl_status scope_match_organisation(tl_store *s, const char *typed, tl_scope_match *m, tl_error *err);
/* The curriculum with id typed among those recorded in the store and those
 * of lib (may be NULL). */
tl_status scope_match_curriculum(tl_store *s, const tl_library *lib, const char *typed, tl_scope_match *m,
                                 tl_error *err);
void scope_match_free(tl_scope_match *m);

/* The pure part, for any list of names: fills m for typed. Near enough to
 * suggest: at most a third of the letters differ (and at least two may), or
 * one name contains the other. */
void scope_match_names(const char *const *names, size_t n, const char *typed, tl_scope_match *m);

#endif
