/* Swedish alphabetical order for names (organisations, participants), the
 * same on every machine: the C library's collation needs an sv_SE locale,
 * which many machines lack (`locale -a` often lists only C and POSIX).
 *
 * The order, level by level:
 * 1. letters a-z, then å, ä, ö, case and accents aside; é, è, á, ... sort with
 *    their base letter; as in Swedish dictionaries ü (and ű) sorts as y,
 *    æ (and ę) as ä, ø (and ő, œ) as ö. Spaces and punctuation come before
 *    digits, digits before letters, letters of other scripts after ö;
 * 2. then a plain letter before an accented one (e before é);
 * 3. then lower case before upper case;
 * 4. then byte order, so that only equal strings compare equal.
 * No curses, no locale. */
#ifndef TILLIT_COLLATE_H
#define TILLIT_COLLATE_H

#include <stdbool.h>
#include <stddef.h>

/* The name of the SQLite collation the store registers on every connection:
 * `ORDER BY name COLLATE sv`. */
#define TL_COLLATE_SV "sv"

/* <0, 0 or >0 as a sorts before, with or after b (UTF-8, lengths in bytes;
 * invalid bytes sort as characters of their own). */
int sv_compare(const char *a, size_t alen, const char *b, size_t blen);

/* True when part occurs in text on the first level of this order: case
 * and accents aside ("elin" finds "Elín", "LUND" finds "Lunds"), å, ä and ö
 * letters of their own ("a" does not find "ä"). The search of a list. An
 * empty part occurs everywhere. */
bool sv_contains(const char *text, const char *part);

/* The first level of sv_compare only: equal when a and b have the same
 * letters, case and accents aside ("malmö stad" = "Malmö Stad", "Ubeda" =
 * "Úbeda"; å, ä, ö stay letters of their own: "Malmo" is not "Malmö"). */
int sv_compare_primary(const char *a, size_t alen, const char *b, size_t blen);
/* The SQLite collation of sv_compare_primary, registered on every
 * connection: `WHERE name = ? COLLATE sv_primary`. */
#define TL_COLLATE_SV_PRIMARY "sv_primary"
int sv_collate_primary_sqlite(void *unused, int alen, const void *a, int blen, const void *b);
/* How many letters must be put in, taken out or changed to make a into b,
 * on that first level: how near a typed name is to a known one. */
size_t sv_distance(const char *a, const char *b);

/* The one case-folding rule of searches: every letter that the order above
 * knows as upper case (A-Z, À-Þ, Latin Extended-A) becomes its lower-case
 * form, in place; the length in bytes stays the same. */
void sv_fold(char *utf8, size_t len);
/* Whether a and b are the same text, case aside (sv_fold). */
bool sv_same_but_case(const char *a, const char *b);
/* The SQLite function sv_fold(text), registered on every connection, so
 * that SQL searches fold case by the same rule. */
#define TL_FOLD_SQL "sv_fold"
struct sqlite3_context;
struct sqlite3_value;
void sv_fold_sqlite(struct sqlite3_context *ctx, int argc, struct sqlite3_value **argv);

/* sv_compare in the shape of an SQLite collation callback. */
int sv_collate_sqlite(void *unused, int alen, const void *a, int blen, const void *b);

#endif
