#include "privacy.h"

#include "dates.h"
#include "intl.h"

#include <stdio.h>
#include <string.h>

enum { MAX_SEPARATORS = 3, MAX_DIGITS = 12 };

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_separator(char c)
{
    return c == ' ' || c == '-' || c == '+' || c == '.' || c == '/';
}

static int two(const char *d)
{
    return (d[0] - '0') * 10 + (d[1] - '0');
}

/* A real date YYYY-MM-DD, where a day of 61-91 is a coordination number's
 * (day of birth + 60). */
static bool birth_date(int year, int month, int day, bool *coordination)
{
    *coordination = day > 60;
    char iso[48];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, *coordination ? day - 60 : day);
    return iso_date_valid(iso);
}

/* digits: 10 or 12 of them; separators_at: bit k set when a separator came
 * after the k-th digit. */
static bool looks_like_pnr(const char *digits, int n, unsigned separators_at, bool *coordination)
{
    if (n == 10) {
        /* separators only between YY, MM, DD and the last four */
        if (separators_at & ~((1u << 2) | (1u << 4) | (1u << 6)))
            return false;
        int yy = two(digits), mm = two(digits + 2), dd = two(digits + 4);
        /* the century is not written: either may be meant */
        return birth_date(1900 + yy, mm, dd, coordination) || birth_date(2000 + yy, mm, dd, coordination);
    }
    if (separators_at & ~((1u << 4) | (1u << 6) | (1u << 8)))
        return false;
    int century = two(digits);
    if (century < 18 || century > 20)
        return false;
    return birth_date(century * 100 + two(digits + 2), two(digits + 4), two(digits + 6), coordination);
}

/* The separators after p, when they join two runs of digits; 0 otherwise. */
static size_t joining_separators(const char *p)
{
    size_t k = 0;
    while (k < MAX_SEPARATORS && is_separator(p[k]))
        k++;
    return k > 0 && is_digit(p[k]) ? k : 0;
}

/* Tries the windows that start at the run of digits at text[start]: whole
 * runs joined by separators, 10 or 12 digits in all. */
static bool match_from(const char *text, size_t start, tl_pnr_match *m)
{
    char digits[MAX_DIGITS];
    int n = 0;
    unsigned separators_at = 0;
    size_t p = start;
    for (;;) {
        while (is_digit(text[p])) {
            if (n == MAX_DIGITS)
                return false; /* longer than any personal number */
            digits[n++] = text[p++];
        }
        bool coordination;
        if ((n == 10 || n == 12) && looks_like_pnr(digits, n, separators_at, &coordination)) {
            if (m)
                *m = (tl_pnr_match){.start = start, .end = p, .coordination = coordination};
            return true;
        }
        size_t gap = joining_separators(text + p);
        if (!gap)
            return false;
        separators_at |= 1u << n;
        p += gap;
    }
}

bool privacy_find_pnr(const char *text, tl_pnr_match *m)
{
    for (size_t i = 0; text[i]; i++) {
        bool run_start = is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]));
        if (run_start && match_from(text, i, m))
            return true;
    }
    return false;
}

void privacy_refusal(const char *what, const tl_pnr_match *m, char *buf, size_t size)
{
    const char *kind = m && m->coordination ? _("coordination number") : _("personal identity number");
    /* TRANSLATORS: the first %s names the field ("The case reference"), the
     * second is "personal identity number" or "coordination number". */
    snprintf(buf, size,
             _("%s looks like a Swedish %s (such as YYMMDD-NNNN) and was not saved. tillit stores "
               "no personal data about the person: leave the number out, and use only references "
               "that your own case files alone connect to her, such as \"Case 17\"."),
             what, kind);
}
