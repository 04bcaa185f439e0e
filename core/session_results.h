/* The results of a whole group in one session, open or closed: per person
 * on it, their attendance, the pre- and post-check and the gain, the module
 * checks and the modules completed. Read once into memory (a roll call is
 * small). The pre- and post-check are chosen as the report chooses them
 * (docs/report-format.md): the first finished pre-check, the last finished
 * post-check. No curses. */
#ifndef TILLIT_SESSION_RESULTS_H
#define TILLIT_SESSION_RESULTS_H

#include "store.h"

typedef struct {
    tl_id participant;
    int place;          /* 1-based place on the roll call: "Attendee 3" */
    char *name;         /* NULL: pseudonymous */
    char *organisation;
    bool has_status;    /* false: recorded without a roll call (self-study) */
    tl_attendance status;
    int minutes;        /* late or left early: minutes taken part; -1: none entered */
    double pre, post;   /* percent of the maximum; < 0: not taken */
    int module_checks_taken, module_checks_passed;
    int modules_completed;
} tl_result_row;

typedef struct {
    size_t n;
    tl_result_row *rows;
} tl_session_results;

tl_status session_results(tl_store *s, tl_id session, tl_session_results *out, tl_error *err);
void session_results_free(tl_session_results *r);

/* The gain in percentage points; false when either check is missing. */
bool result_gain(const tl_result_row *row, double *gain);

#endif
