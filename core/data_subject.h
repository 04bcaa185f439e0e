/* One person's data (the data subject of GDPR art. 15 and 17): finding a
 * participant by name and organisation, what forgetting them changes, and
 * forgetting them: anonymised (the name and every free text that can point
 * to them removed; their attendance, progress and answers kept without a
 * name, so the statistics stay the same) or deleted entirely.
 * Forgetting is one transaction, logged, and scrubbed from the WAL
 * afterwards (retention.h). No curses. */
#ifndef TILLIT_DATA_SUBJECT_H
#define TILLIT_DATA_SUBJECT_H

#include "status.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    tl_id id;
    char uuid[37];
    char *name;         /* NULL: no name (pseudonymous or forgotten) */
    char *organisation;
    char level[16];
    int64_t sessions;   /* sessions they have a record in */
} tl_person;

/* The participants whose name contains who (or whose UUID is who), ignoring
 * ASCII case, of an organisation whose name contains organisation (NULL:
 * any), by name; *out is malloc'ed (person_list_free). TL_NOINPUT when
 * there is none. */
tl_status person_find(tl_store *s, const char *who, const char *organisation, tl_person **out, size_t *n,
                      tl_error *err);
void person_list_free(tl_person *list, size_t n);

/* What forgetting one participant touches. */
typedef struct {
    bool has_name;
    int64_t attendances, remarks, progress, attempts, answers;
} tl_forget_plan;

tl_status forget_plan(tl_store *s, tl_id participant, tl_forget_plan *plan, tl_error *err);
/* delete_all false: anonymise; true: delete the participant with every
 * record of theirs (the statistics then no longer count them). */
tl_status forget_person(tl_store *s, tl_id participant, bool delete_all, tl_error *err);

#endif
