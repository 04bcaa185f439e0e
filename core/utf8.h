/* Decoding UTF-8 without the C library's locale (which may be C, and then
 * knows no å, ä, ö). No curses. */
#ifndef TILLIT_UTF8_H
#define TILLIT_UTF8_H

#include <stdint.h>

/* What utf8_next returns for a byte that does not start a valid sequence:
 * UTF8_INVALID + the byte, above every real character. */
#define UTF8_INVALID 0x110000u

/* The code point at *p (p < end), moving *p past it; an invalid byte is
 * consumed alone. */
uint32_t utf8_next(const unsigned char **p, const unsigned char *end);

/* The number of characters of s when it is valid UTF-8 without control
 * characters (text a person could have typed), else -1. */
long utf8_text_chars(const char *s);

#endif
