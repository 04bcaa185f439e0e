/* After a session: an attendance list and a certificate of participation
 * (intyg) for each attendee, as plain text or HTML a trainer can print (one
 * A4 page each), in the interface language. No scores unless asked. The
 * texts are made here; writing them to files is the caller's (the report's
 * atomic file writer). No curses. */
#ifndef TILLIT_DOCUMENTS_H
#define TILLIT_DOCUMENTS_H

#include "content.h"
#include "session_results.h"

#include <stdio.h>

typedef enum { DOC_TEXT, DOC_HTML } tl_doc_format;

/* What the documents say about the session. */
typedef struct {
    tl_id id;
    char date[11], start_time[9], end_time[9]; /* end_time "" while open */
    char *location, *trainer;                  /* NULL when not given */
    char curriculum_id[65];
    const tl_curriculum *curriculum; /* as loaded, for titles; may be NULL */
    bool cancelled;
} tl_doc_session;

/* The session named by key: its UUID or the start of it (at least 8
 * characters), or its date YYYY-MM-DD when one group session has that date.
 * TL_NOINPUT when none matches; TL_USAGE naming the candidates when several
 * do. */
tl_status doc_session_find(tl_store *s, const char *key, tl_id *id, tl_error *err);
tl_status doc_session_load(tl_store *s, tl_id id, const tl_library *lib, tl_doc_session *out, tl_error *err);
void doc_session_free(tl_doc_session *d);

/* Whether the row took part (present, late, left early, remote, or
 * recorded without a roll call): who gets a certificate. */
bool doc_took_part(const tl_result_row *row);

void doc_attendance_list(FILE *out, tl_doc_format format, const tl_doc_session *d, const tl_session_results *r,
                         const char *lang);
/* modules: the ids of the modules the attendee completed, n of them. */
void doc_certificate(FILE *out, tl_doc_format format, const tl_doc_session *d, const tl_result_row *row,
                     const char *const *modules, size_t n, bool with_scores, const char *lang);
/* The ids of the modules participant completed in the session, in the
 * curriculum's order where it is loaded (malloc'ed; free with paths_free). */
tl_status doc_completed_modules(tl_store *s, const tl_doc_session *d, tl_id participant, char ***ids, size_t *n,
                                tl_error *err);

#endif
