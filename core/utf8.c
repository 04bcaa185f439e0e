#include "utf8.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

long utf8_text_chars(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    long n = 0;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        if (cp >= UTF8_INVALID || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            return -1;
        n++;
    }
    return n;
}

uint32_t utf8_next(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p;
    unsigned char c = *s;
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
    bool ok = len > 0 && (size_t)(end - s) >= len;
    for (size_t i = 1; ok && i < len; i++) {
        ok = (s[i] & 0xC0) == 0x80;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    /* overlong forms and surrogates are as invalid as a stray byte */
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
        ok = false;
    if (!ok) {
        *p = s + 1;
        return UTF8_INVALID + c;
    }
    *p = s + len;
    return cp;
}
