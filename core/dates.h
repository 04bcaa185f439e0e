/* Dates and times as the program stores them: YYYY-MM-DD and HH:MM, local. */
#ifndef TILLIT_DATES_H
#define TILLIT_DATES_H

#include <stdbool.h>

bool iso_date_valid(const char *s); /* a real calendar date, YYYY-MM-DD */
bool hhmm_valid(const char *s);     /* 00:00 - 23:59 */
/* A time as people type it: 9:00, 09:00, 9.00, 0900, 900 (spaces around
 * aside) into out as HH:MM; false, out unchanged, for anything else. */
bool hhmm_parse(const char *in, char out[6]);
/* The minutes someone took part, as typed: a whole number 1 to 1440 (a
 * day), spaces around aside, into *minutes; empty (or spaces) is not
 * known, -1. False, *minutes unchanged, for anything else. */
bool minutes_parse(const char *in, int *minutes);
/* A calendar month YYYY-MM or a date YYYY-MM-DD: how content gives when it
 * was reviewed and by when it must be reviewed again. */
bool month_or_date_valid(const char *s);
/* True when the month or date due lies wholly before today (YYYY-MM-DD): a
 * month is due until its last day, a date until the day itself ends. */
bool due_date_passed(const char *due, const char *today);
void today_iso(char out[11]);
void now_hhmm(char out[6]);
/* The month after month (YYYY-MM) into out: "2025-12" gives "2026-01".
 * False when month is not one. */
bool month_after(const char *month, char out[8]);

#endif
