/* Keeping personal data out of the store: does a free text (a case
 * reference, a note) contain something that looks like a Swedish personal
 * identity number (personnummer) or coordination number (samordningsnummer)?
 *
 * What counts (docs/checklist.md has the reasons):
 * - 10 digits YYMMDDNNNN or 12 digits YYYYMMDDNNNN (century 18, 19 or 20),
 *   written together or with separators (space, '-', '+', '.', '/', at most
 *   three in a row) where a personal number has them: between year, month,
 *   day and the last four digits: 850317-1234, 850317+1234, 19850317-1234,
 *   198503171234, 85 03 17 1234, 1985-03-17 1234;
 * - the digits are whole runs: a 14-digit account number is not a personal
 *   number, but "850317-1234-5" contains one;
 * - the date must be a real date; a coordination number's day is the day of
 *   birth + 60 (61-91);
 * - the check digit is NOT tested: a mistyped number still points to a person.
 * No curses. */
#ifndef TILLIT_PRIVACY_H
#define TILLIT_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t start, end;  /* byte offsets of the match in the text */
    bool coordination;  /* day + 60: a coordination number */
} tl_pnr_match;

/* True when text contains something that looks like a personal identity or
 * coordination number; m (may be NULL) gets the first such match. */
bool privacy_find_pnr(const char *text, tl_pnr_match *m);

/* The explanation shown when a text is refused; what names the field, e.g.
 * "The case reference". It does not repeat the number. */
void privacy_refusal(const char *what, const tl_pnr_match *m, char *buf, size_t size);

#endif
