/* A learner's own record in self-study, found without listing anyone else:
 * by the personal code shown when they start, or by their exact name and
 * organisation. Typing part of a name lists nobody, so a learner at a
 * shared terminal never sees who else studies, where, or when. No curses. */
#ifndef TILLIT_LEARNER_H
#define TILLIT_LEARNER_H

#include "store_training.h"

#include <stdbool.h>
#include <stddef.h>

/* Six characters of Crockford's base 32 (digits and letters without I, L,
 * O and U): about a billion codes, none to be misread. */
enum { TL_STUDY_CODE_LEN = 6 };
typedef char tl_study_code[TL_STUDY_CODE_LEN + 2]; /* the code, its NUL, and store_participant_code's room */

/* The code as typed, made canonical into out: case aside, spaces and
 * dashes left out, O read as 0 and I or L as 1. False when it is not a
 * code (wrong length or a character outside the alphabet). */
bool study_code_read(const char *typed, tl_study_code out);
/* A new random code. */
tl_status study_code_new(tl_study_code out, tl_error *err);

typedef enum { TL_LEARNER_NONE, TL_LEARNER_ONE, TL_LEARNER_SEVERAL } tl_learner_match;

/* The learner with the typed code (*match NONE or ONE; *person, and code
 * made canonical). A text that cannot be a code: TL_DATAERR saying why. */
tl_status learner_by_code(tl_store *s, const char *typed, tl_id *person, tl_study_code code,
                          tl_learner_match *match, tl_error *err);
/* The learner named exactly name in the organisation named organisation
 * (case aside): ONE gives *person and their code (a code is given to them
 * now when they had none, as to someone from a group session); SEVERAL
 * means the pair does not tell them apart and only the code does. */
tl_status learner_by_name(tl_store *s, const char *name, const char *organisation, tl_id *person,
                          tl_study_code code, tl_learner_match *match, tl_error *err);
/* The learner's code, given to them now (in the caller's transaction, if
 * any) when they had none. */
tl_status learner_code(tl_store *s, tl_id person, tl_study_code code, tl_error *err);

/* The learner's name as registered (malloc'ed; "" when they gave none). */
tl_status learner_name(tl_store *s, tl_id person, char **name, tl_error *err);
/* The learner's own self-studies, most recently used first, at most max
 * (tl_session_rows_free). */
tl_status learner_studies(tl_store *s, tl_id person, size_t max, tl_session_row **rows, size_t *n,
                          tl_error *err);
/* The one to offer first: the most recently used that is not completed;
 * n when every one is completed (or there are none). */
size_t learner_resume_default(const tl_session_row *rows, size_t n);

#endif
