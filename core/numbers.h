/* Numbers as each language writes them: Swedish with a decimal comma and a
 * space before the percent sign ("12,5 %"), English with a point and none
 * ("12.5%"). lang: "sv" or anything else for English. No curses. */
#ifndef TILLIT_NUMBERS_H
#define TILLIT_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

/* v with decimals places; sign: a + before a positive number. */
const char *number_text(char *buf, size_t size, double v, int decimals, bool sign, const char *lang);
const char *percent_text(char *buf, size_t size, double v, int decimals, const char *lang);

#endif
