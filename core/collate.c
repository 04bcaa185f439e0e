#include "collate.h"

#include "utf8.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The base letter of U+00C0..U+017F, Swedish style: a-z, '{' for å, '|' for
 * ä, '}' for ö (the three characters after z, so that they sort after it),
 * '.' for a character that is not a Latin letter. */
static const char latin1_bases[] = /* U+00C0..U+00FF */
    "aaaa|{|ceeeeiiiidnoooo}.}uuuyy.saaaa|{|ceeeeiiiidnoooo}.}uuuyy.y";
static const char latin_ext_a_bases[] = /* U+0100..U+017F */
    "aaaaaaccccccccddddeeeeee||eegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooo}}}}rrrrrrssssssssttttttuuuuuuuuyyuuwwyyyzzzzzzs";

enum { PRIMARY_LETTER = 0x1000, PRIMARY_OTHER = 0x2000 };

typedef struct {
    uint32_t primary; /* the letter (or character) */
    uint32_t accent;  /* 0 for a plain letter, else the character itself */
    bool upper;
} sv_weight;

/* Upper case in Latin Extended-A: pairs of upper then lower, shifted by
 * one in U+0139..U+0148 and U+0179..U+017E. */
static bool ext_a_upper(uint32_t cp)
{
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
        return false;
    if (cp == 0x178)
        return true;
    bool odd_is_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == 1) == odd_is_upper;
}

static sv_weight weigh(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return (sv_weight){PRIMARY_LETTER + (cp - 'A'), 0, true};
    if (cp >= 'a' && cp <= 'z')
        return (sv_weight){PRIMARY_LETTER + (cp - 'a'), 0, false};
    if (cp < 0x80)
        return (sv_weight){cp, 0, false}; /* space, punctuation, digits: before letters */
    if (cp >= UTF8_INVALID)
        return (sv_weight){PRIMARY_OTHER + cp, 0, false}; /* broken text sorts last */
    if (cp >= 0x300 && cp <= 0x36F)
        return (sv_weight){0, cp, false}; /* a combining accent: e + U+0301 sorts as é */
    char base = '.';
    bool upper = false;
    if (cp >= 0xC0 && cp <= 0xFF) {
        base = latin1_bases[cp - 0xC0];
        upper = cp <= 0xDE;
    } else if (cp >= 0x100 && cp <= 0x17F) {
        base = latin_ext_a_bases[cp - 0x100];
        upper = ext_a_upper(cp);
    }
    if (base == '.')
        return (sv_weight){PRIMARY_OTHER + cp, 0, false};
    /* å, ä and ö are letters of their own, not accented a and o. */
    static const uint32_t own_letters[] = {0xC4, 0xC5, 0xD6, 0xE4, 0xE5, 0xF6};
    bool own = false;
    for (size_t i = 0; i < sizeof own_letters / sizeof own_letters[0]; i++)
        own = own || cp == own_letters[i];
    return (sv_weight){PRIMARY_LETTER + (uint32_t)(base - 'a'), own ? 0 : cp, upper};
}

enum { LEVEL_PRIMARY, LEVEL_ACCENT, LEVEL_CASE };

static uint32_t weight_at(sv_weight w, int level)
{
    return level == LEVEL_PRIMARY ? w.primary : level == LEVEL_ACCENT ? w.accent : (uint32_t)w.upper;
}

enum { NO_MORE = 0 };

/* The next weight of *p on this level, NO_MORE at the end; combining accents
 * have no primary weight and are passed over on that level. */
static uint32_t next_weight(const unsigned char **p, const unsigned char *end, int level)
{
    while (*p < end) {
        uint32_t w = weight_at(weigh(utf8_next(p, end)), level);
        if (w != 0 || level != LEVEL_PRIMARY)
            return level == LEVEL_PRIMARY ? w : w + 1; /* + 1: keep 0 for the end */
    }
    return NO_MORE;
}

/* Compares a and b on one level only. */
static int compare_level(const char *a, size_t alen, const char *b, size_t blen, int level)
{
    const unsigned char *pa = (const unsigned char *)a, *ea = pa + alen;
    const unsigned char *pb = (const unsigned char *)b, *eb = pb + blen;
    for (;;) {
        uint32_t wa = next_weight(&pa, ea, level), wb = next_weight(&pb, eb, level);
        if (wa != wb)
            return wa < wb ? -1 : 1; /* NO_MORE (0) also puts the shorter first */
        if (wa == NO_MORE)
            return 0;
    }
}

int sv_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    for (int level = LEVEL_PRIMARY; level <= LEVEL_CASE; level++) {
        int r = compare_level(a, alen, b, blen, level);
        if (r)
            return r;
    }
    int r = memcmp(a, b, alen < blen ? alen : blen);
    return r ? (r < 0 ? -1 : 1) : (alen > blen) - (alen < blen);
}

/* True when text (from t) starts with part on the first level. */
static bool starts_with_primary(const unsigned char *t, const unsigned char *te, const unsigned char *p,
                                const unsigned char *pe)
{
    for (;;) {
        uint32_t want = next_weight(&p, pe, LEVEL_PRIMARY);
        if (want == NO_MORE)
            return true;
        if (next_weight(&t, te, LEVEL_PRIMARY) != want)
            return false;
    }
}

bool sv_contains(const char *text, const char *part)
{
    const unsigned char *t = (const unsigned char *)text, *te = t + strlen(text);
    const unsigned char *p = (const unsigned char *)part, *pe = p + strlen(part);
    for (;;) {
        if (starts_with_primary(t, te, p, pe))
            return true;
        if (t == te)
            return false;
        utf8_next(&t, te);
    }
}

int sv_compare_primary(const char *a, size_t alen, const char *b, size_t blen)
{
    return compare_level(a, alen, b, blen, LEVEL_PRIMARY);
}

int sv_collate_primary_sqlite(void *unused, int alen, const void *a, int blen, const void *b)
{
    (void)unused;
    return sv_compare_primary(a, alen > 0 ? (size_t)alen : 0, b, blen > 0 ? (size_t)blen : 0);
}

/* The primary weights of text, one per letter, into a malloc'ed array. */
static uint32_t *primary_weights(const char *text, size_t *n)
{
    size_t len = strlen(text);
    uint32_t *w = malloc((len + 1) * sizeof *w);
    if (!w)
        abort();
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    *n = 0;
    for (uint32_t x; (x = next_weight(&p, end, LEVEL_PRIMARY)) != NO_MORE;)
        w[(*n)++] = x;
    return w;
}

size_t sv_distance(const char *a, const char *b)
{
    size_t na, nb;
    uint32_t *wa = primary_weights(a, &na), *wb = primary_weights(b, &nb);
    /* Levenshtein with one row: row[j] is the distance of a's first i
     * letters to b's first j. */
    size_t *row = malloc((nb + 1) * sizeof *row);
    if (!row)
        abort();
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (wa[i - 1] != wb[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    size_t d = row[nb];
    free(row);
    free(wa);
    free(wb);
    return d;
}

int sv_collate_sqlite(void *unused, int alen, const void *a, int blen, const void *b)
{
    (void)unused;
    return sv_compare(a, alen > 0 ? (size_t)alen : 0, b, blen > 0 ? (size_t)blen : 0);
}

/* ---- case folding ---- */

/* The lower-case form of cp, cp itself when it has none: the counterpart
 * of the `upper` of weigh(). */
static uint32_t fold_cp(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    if (cp == 0x178)
        return 0xFF; /* Ÿ, the one upper case of Latin Extended-A whose lower case is in Latin-1 */
    if (cp >= 0x100 && cp <= 0x17F && ext_a_upper(cp))
        return cp + 1;
    return cp;
}

void sv_fold(char *utf8, size_t len)
{
    unsigned char *p = (unsigned char *)utf8, *end = p + len;
    while (p < end) {
        unsigned char *at = p;
        uint32_t cp = utf8_next((const unsigned char **)&p, end);
        uint32_t lower = fold_cp(cp);
        if (lower == cp)
            continue;
        if (lower < 0x80) { /* both one byte */
            *at = (unsigned char)lower;
        } else {            /* both two bytes */
            at[0] = (unsigned char)(0xC0 | (lower >> 6));
            at[1] = (unsigned char)(0x80 | (lower & 0x3F));
        }
    }
}

static char *folded_copy(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        abort();
    memcpy(copy, text, len);
    copy[len] = '\0';
    sv_fold(copy, len);
    return copy;
}

bool sv_same_but_case(const char *a, const char *b)
{
    size_t alen = strlen(a), blen = strlen(b);
    if (alen != blen)
        return false;
    char *fa = folded_copy(a, alen), *fb = folded_copy(b, blen);
    bool same = memcmp(fa, fb, alen) == 0;
    free(fa);
    free(fb);
    return same;
}

void sv_fold_sqlite(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3_value *v = argc == 1 ? argv[0] : NULL;
    if (!v || sqlite3_value_type(v) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *text = (const char *)sqlite3_value_text(v);
    int len = sqlite3_value_bytes(v);
    sqlite3_result_text(ctx, folded_copy(text ? text : "", text ? (size_t)len : 0), text ? len : 0, free);
}
