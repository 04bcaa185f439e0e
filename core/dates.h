/* Dates and times as the program stores them: YYYY-MM-DD and HH:MM, local. */
#ifndef TILLIT_DATES_H
#define TILLIT_DATES_H

#include <stdbool.h>

bool iso_date_valid(const char *s); /* a real calendar date, YYYY-MM-DD */
bool hhmm_valid(const char *s);     /* 00:00 - 23:59 */
void today_iso(char out[11]);
void now_hhmm(char out[6]);

#endif
