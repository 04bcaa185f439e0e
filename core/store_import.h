/* Writing the records of a report back into a store, for `tillit merge`:
 * the reports of several sites are read into one new store, and the merged
 * report is that store's export, so every number is counted by the same
 * queries as in a site's own report. Records keep their UUIDs; one that is
 * already there (the same session in two reports) is kept once. The rows
 * are report.h's own row types. No XML. */
#ifndef TILLIT_STORE_IMPORT_H
#define TILLIT_STORE_IMPORT_H

#include "report.h"

/* One transaction around the records of one report. */
tl_status import_begin(tl_store *s, tl_error *err);
tl_status import_commit(tl_store *s, tl_error *err);
void import_rollback(tl_store *s);

/* times HH:MM (or HH:MM:SS); *id: the session's row, new or existing. */
tl_status import_session(tl_store *s, const tl_report_session *row, tl_id *id, tl_error *err);
/* The participant (found by UUID, else created with its organisation, found
 * by name and type), and the attendance when row->status is set. */
tl_status import_attendee(tl_store *s, tl_id session, const tl_report_attendee *row, tl_id *participant,
                          tl_error *err);
tl_status import_progress(tl_store *s, tl_id session, tl_id participant, const tl_report_progress *row,
                          tl_error *err);
tl_status import_attempt(tl_store *s, tl_id session, tl_id participant, const tl_report_attempt *row,
                         tl_id *attempt, tl_error *err);
tl_status import_answer(tl_store *s, tl_id attempt, const tl_report_answer *row, tl_error *err);
/* Notes that input (a merge's number for one report) holds session; *first
 * gets the number of the input that noted it first, input itself when none
 * did. */
tl_status import_claim_session(tl_store *s, tl_id session, int input, int *first, tl_error *err);
/* runs (at least 1) anonymous checklist runs started in month (YYYY-MM)
 * with outcome (NULL: not assessed): no case reference, no answers. */
tl_status import_checklist_runs(tl_store *s, const char *checklist_id, const char *month,
                                const char *outcome_id, int64_t runs, tl_error *err);

/* One indicator's yes count as a report gave it (small cells kept as
 * such, report_stats.h); the merged report adds up the cells. */
tl_status import_indicator_cell(tl_store *s, const char *checklist_id, const char *indicator_id,
                                tl_protected_count yes, tl_error *err);

#endif
