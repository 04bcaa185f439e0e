#include "numbers.h"

#include <stdio.h>
#include <string.h>

static bool swedish(const char *lang)
{
    return lang && strcmp(lang, "sv") == 0;
}

const char *number_text(char *buf, size_t size, double v, int decimals, bool sign, const char *lang)
{
    snprintf(buf, size, sign ? "%+.*f" : "%.*f", decimals, v);
    char *point = strchr(buf, '.');
    if (point && swedish(lang))
        *point = ',';
    return buf;
}

const char *percent_text(char *buf, size_t size, double v, int decimals, const char *lang)
{
    char number[64];
    number_text(number, sizeof number, v, decimals, false, lang);
    snprintf(buf, size, swedish(lang) ? "%s %%" : "%s%%", number);
    return buf;
}
