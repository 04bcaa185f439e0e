/* The register extract (GDPR art. 15): everything stored about one
 * participant - who they are, the sessions they have a record in (with
 * attendance), their progress through modules and each knowledge-check
 * attempt with every answer - read once in a fixed order and handed to a
 * sink: the plain text here, the XML in export/extract_xml.c. Reading it is
 * logged (access_log.h). No curses, no XML. */
#ifndef TILLIT_EXTRACT_H
#define TILLIT_EXTRACT_H

#include "status.h"
#include "store.h"

#include <stdbool.h>
#include <stdio.h>

/* Every text is "" when not stored. */
typedef struct {
    const char *uuid, *name, *organisation, *organisation_type, *level, *created_at;
} tl_x_person;

typedef struct {
    const char *uuid, *kind, *curriculum, *curriculum_version, *date, *start_time, *end_time;
    const char *location, *trainer, *description;
    const char *status, *remark; /* attendance; "" for a session with no roll call of them */
} tl_x_session;

typedef struct {
    const char *session_uuid, *module_id, *started_at, *updated_at, *completed_at;
    int page, pages_total, seconds;
} tl_x_progress;

typedef struct {
    const char *uuid, *session_uuid, *check_id, *phase, *started_at, *finished_at;
    int attempt_no;
    bool scored; /* score, max_score, passed are stored */
    int score, max_score;
    bool passed;
} tl_x_attempt;

typedef struct {
    const char *question_id, *answered_at;
    unsigned chosen; /* bit i: choice i chosen */
    bool correct;
} tl_x_answer;

typedef enum { TL_X_SESSIONS, TL_X_PROGRESS, TL_X_CHECKS, TL_X_END } tl_x_part;

/* Called in this order: person once; part(SESSIONS), session...;
 * part(PROGRESS), progress...; part(CHECKS), attempt, its answers, ...;
 * part(END). The strings live until the call returns. */
typedef struct {
    void (*person)(void *ctx, const tl_x_person *p);
    void (*part)(void *ctx, tl_x_part part);
    void (*session)(void *ctx, const tl_x_session *s);
    void (*progress)(void *ctx, const tl_x_progress *p);
    void (*attempt)(void *ctx, const tl_x_attempt *a);
    void (*answer)(void *ctx, const tl_x_answer *a);
    void *ctx;
} tl_extract_sink;

/* Reads everything about participant into each of the n sinks, in one
 * transaction (one consistent picture) that also logs the extract once.
 * TL_NOINPUT when there is no such participant. */
tl_status extract_read(tl_store *s, tl_id participant, const tl_extract_sink *sinks, size_t n,
                       tl_error *err);

/* The sink that writes the extract as plain text to f. */
tl_extract_sink extract_text_sink(FILE *f);

/* The one line every exported file with names carries: it is a copy that
 * tillit's retention and erasure do not reach. */
const char *privacy_copy_notice(void);

/* Writes len bytes of data to path, whole or not at all (a temporary file
 * beside it, renamed), with mode 0600. TL_CANTCREAT when the folder cannot
 * take it, TL_IOERR when writing fails. */
tl_status private_file_write(const char *path, const char *data, size_t len, tl_error *err);

#endif
