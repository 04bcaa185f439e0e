/* The checklist run workflow: a social worker's run of a checklist (not a
 * knowledge check, see knowledge_check.h) from its start to its case
 * summary. Every action is one call that writes what it changes before it
 * returns, and the run in memory changes only when the write succeeded:
 * an answer and the outcome it leads to are stored in one transaction, so
 * the database never holds an answer without its outcome. No curses. */
#ifndef TILLIT_CHECKLIST_RUN_H
#define TILLIT_CHECKLIST_RUN_H

#include "assess.h"
#include "status.h"
#include "store.h"
#include "summary.h"

/* One run in memory: what the store holds, and its assessment. */
typedef struct {
    const tl_content *content;   /* the checklist file the run is shown with */
    const tl_checklist *cl;
    tl_run_info info;            /* updated_at: the latest write ("last change") */
    tl_answer *answers;          /* indexed like cl->indicators */
    char **notes;                /* malloc'ed or NULL, likewise */
    tl_section_result *sections; /* for the assessment */
    tl_assessment assessment;
} tl_checklist_run;

/* A new run of checklist with a case reference, read back as *out. A
 * case reference or note that looks like a personal number is refused
 * (TL_DATAERR, the reason in err) and nothing is stored. */
tl_status checklist_run_start(tl_store *s, const tl_content *checklist, const char *case_ref,
                              tl_checklist_run **out, tl_error *err);
/* Reads run id with its answers and notes and assesses it. The outcome is
 * stored again: the checklist's rules may have changed since the run was
 * last assessed. */
tl_status checklist_run_open(tl_store *s, const tl_content *checklist, tl_id id, tl_checklist_run **out,
                             tl_error *err);
void checklist_run_free(tl_checklist_run *r);

/* Answers an indicator (keeping its note) and stores the outcome the new
 * answers lead to, in one transaction. */
tl_status checklist_run_answer(tl_store *s, tl_checklist_run *r, size_t indicator, tl_answer answer,
                               tl_error *err);
/* Sets (note "" or NULL: removes) the note of an indicator, answered or
 * not yet: a note can come before the answer. */
tl_status checklist_run_note(tl_store *s, tl_checklist_run *r, size_t indicator, const char *note,
                             tl_error *err);
/* Sets (note "" or NULL: removes) the note on the whole case
 * (r->info.case_note), shown in the case summary with the notes. */
tl_status checklist_run_case_note(tl_store *s, tl_checklist_run *r, const char *note, tl_error *err);
/* Deletes run for good (store_run_delete: secure delete, the WAL emptied;
 * logged by the run's UUID, never its reference) when typed_ref is its
 * case reference exactly, the confirmation; else TL_DATAERR and nothing
 * is deleted. */
tl_status checklist_run_delete(tl_store *s, tl_id run, const char *typed_ref, tl_error *err);
/* Marks the run finished; its answers can still change afterwards. */
tl_status checklist_run_finish(tl_store *s, tl_checklist_run *r, tl_error *err);

/* How many indicators have an answer. */
size_t checklist_run_answered(const tl_checklist_run *r);
/* The first indicator without an answer (0 when all are answered): where
 * a resumed run goes on. */
size_t checklist_run_resume_at(const tl_checklist_run *r);
/* True when the run was started with another version of the checklist. */
bool checklist_run_other_version(const tl_checklist_run *r);
/* The summary of the run as it is now (made: NULL, or when it is made). */
tl_summary checklist_run_summary(const tl_checklist_run *r, bool include_notes, const char *lang, int width);

/* The runs of a checklist, most recently changed first, at most max
 * (tl_run_entries_free). */
tl_status checklist_run_list(tl_store *s, const tl_content *checklist, size_t max, tl_run_entry **runs,
                             size_t *n, tl_error *err);
/* The outcome a listed run was last assessed with, or NULL: also for a run
 * with no answer yet, whose fallback outcome would read as a finding. */
const tl_outcome *checklist_run_entry_outcome(const tl_checklist *cl, const tl_run_entry *e);

#endif
