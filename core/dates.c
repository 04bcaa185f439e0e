#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Every character of s is a digit where pattern has '9' and equal elsewhere. */
static bool shaped(const char *s, const char *pattern)
{
    if (strlen(s) != strlen(pattern))
        return false;
    for (; *pattern; s++, pattern++)
        if (*pattern == '9' ? !isdigit((unsigned char)*s) : *s != *pattern)
            return false;
    return true;
}

bool iso_date_valid(const char *s)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!shaped(s, "9999-99-99"))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

bool month_or_date_valid(const char *s)
{
    if (shaped(s, "9999-99"))
        return atoi(s + 5) >= 1 && atoi(s + 5) <= 12;
    return iso_date_valid(s);
}

bool due_date_passed(const char *due, const char *today)
{
    /* ISO dates order as text; a month compares with today's month. */
    size_t len = strlen(due) == 7 ? 7 : 10;
    return strncmp(today, due, len) > 0;
}

bool hhmm_valid(const char *s)
{
    return shaped(s, "99:99") && atoi(s) < 24 && atoi(s + 3) < 60;
}

bool hhmm_parse(const char *in, char out[6])
{
    /* hours: one or two digits; then ':' or '.' and two digits, or (with
     * neither) the last two of three or four digits: 9:00, 09.30, 0900, 930 */
    const char *p = in;
    while (*p == ' ')
        p++;
    char digits[5];
    size_t n = 0, hour_digits = 0;
    for (; *p && *p != ' '; p++) {
        if ((*p == ':' || *p == '.') && hour_digits == 0 && n > 0)
            hour_digits = n;
        else if (*p >= '0' && *p <= '9' && n < 4)
            digits[n++] = *p;
        else
            return false;
    }
    while (*p == ' ')
        p++;
    size_t h = hour_digits ? hour_digits : n - 2; /* n < 3 makes it huge */
    if (*p || n < 3 || h > 2 || n - h != 2)
        return false;
    char text[6];
    snprintf(text, sizeof text, "%s%.*s:%.2s", h == 1 ? "0" : "", (int)h, digits, digits + h);
    if (!hhmm_valid(text))
        return false;
    memcpy(out, text, 6);
    return true;
}

bool minutes_parse(const char *in, int *minutes)
{
    while (*in == ' ')
        in++;
    if (!*in) {
        *minutes = -1;
        return true;
    }
    if (*in < '0' || *in > '9')
        return false;
    char *end;
    long n = strtol(in, &end, 10);
    while (*end == ' ')
        end++;
    if (*end || n < 1 || n > 24 * 60)
        return false;
    *minutes = (int)n;
    return true;
}

static void now_format(char *out, size_t size, const char *fmt)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, size, fmt, &tm);
}

void today_iso(char out[11])
{
    now_format(out, 11, "%Y-%m-%d");
}

void now_hhmm(char out[6])
{
    now_format(out, 6, "%H:%M");
}

bool month_after(const char *month, char out[8])
{
    int year, mon;
    char rest;
    if (strlen(month) != 7 || sscanf(month, "%4d-%2d%c", &year, &mon, &rest) != 2 || mon < 1 || mon > 12)
        return false;
    if (++mon > 12) {
        mon = 1;
        year = (year + 1) % 10000;
    }
    snprintf(out, 8, "%04d-%02d", (unsigned)year % 10000u, (unsigned)mon % 100u);
    return true;
}
