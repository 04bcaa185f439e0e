#include "extract.h"

#include "access_log.h"
#include "atomic_file.h"
#include "intl.h"
#include "store_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *privacy_copy_notice(void)
{
    return _("A copy of personal data made by tillit: tillit's retention rules and erasure do not reach it; "
             "delete it when it has served its purpose.");
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    return v ? (const char *)v : "";
}

/* One extract being read: where the rows go, and the attempt the last row
 * belonged to (an attempt's rows come with its answers joined). */
typedef struct {
    const tl_extract_sink *sinks;
    size_t n;
    char last_attempt[37];
} reader;

/* Hands one row to every sink. */
#define EACH_SINK(r, fn, arg)                                                                      \
    for (size_t i_ = 0; i_ < (r)->n; i_++)                                                          \
    (r)->sinks[i_].fn((r)->sinks[i_].ctx, arg)

typedef void (*row_fn)(sqlite3_stmt *st, reader *r);

static tl_status each_row(tl_store *s, const char *sql, int64_t p, row_fn row, reader *r, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err, sql, "i", p);
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row(st, r);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read");
}

static void person_row(sqlite3_stmt *st, reader *r)
{
    tl_x_person p = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5)};
    EACH_SINK(r, person, &p);
}

static void session_row(sqlite3_stmt *st, reader *r)
{
    tl_x_session x = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),  col(st, 5),
                      col(st, 6), col(st, 7), col(st, 8), col(st, 9), col(st, 10), col(st, 11)};
    EACH_SINK(r, session, &x);
}

static void progress_row(sqlite3_stmt *st, reader *r)
{
    tl_x_progress x = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                       sqlite3_column_int(st, 5), sqlite3_column_int(st, 6), sqlite3_column_int(st, 7)};
    EACH_SINK(r, progress, &x);
}

/* A new attempt uuid starts an attempt; a row with a question is one of
 * its answers. */
static void attempt_row(sqlite3_stmt *st, reader *r)
{
    if (strcmp(r->last_attempt, col(st, 0)) != 0) {
        snprintf(r->last_attempt, sizeof r->last_attempt, "%s", col(st, 0));
        tl_x_attempt x = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5),
                          sqlite3_column_int(st, 6), sqlite3_column_type(st, 7) != SQLITE_NULL,
                          sqlite3_column_int(st, 7), sqlite3_column_int(st, 8), sqlite3_column_int(st, 9) == 1};
        EACH_SINK(r, attempt, &x);
    }
    if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
        tl_x_answer y = {col(st, 10), col(st, 13), (unsigned)sqlite3_column_int64(st, 11),
                         sqlite3_column_int(st, 12) == 1};
        EACH_SINK(r, answer, &y);
    }
}

#define SESSIONS_OF_P                                                                              \
    "SELECT session_id FROM attendance WHERE participant_id = ?1 UNION "                           \
    "SELECT session_id FROM module_progress WHERE participant_id = ?1 UNION "                      \
    "SELECT session_id FROM check_attempt WHERE participant_id = ?1"

/* The parts of an extract in their order: the part a sink is told of
 * before the rows (none before the person), the rows' query and the
 * function that hands each row on. */
static const struct {
    int part; /* a tl_x_part, or -1 */
    const char *sql;
    row_fn row;
} parts[] = {
    {-1,
     "SELECT p.uuid, p.name, o.name, o.type, p.level, p.created_at FROM participant p "
     "JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?",
     person_row},
    {TL_X_SESSIONS,
     "SELECT t.uuid, t.kind, t.curriculum_id, t.curriculum_version, t.date, t.start_time, t.end_time, "
     "t.location, t.trainer, t.description, a.status, a.remark FROM training_session t "
     "LEFT JOIN attendance a ON a.session_id = t.id AND a.participant_id = ?1 "
     "WHERE t.id IN (" SESSIONS_OF_P ") ORDER BY t.date, t.start_time, t.uuid",
     session_row},
    {TL_X_PROGRESS,
     "SELECT t.uuid, m.module_id, m.started_at, m.updated_at, m.completed_at, m.page, m.pages_total, "
     "m.seconds_spent FROM module_progress m JOIN training_session t ON t.id = m.session_id "
     "WHERE m.participant_id = ? ORDER BY t.date, t.start_time, t.uuid, m.started_at, m.module_id",
     progress_row},
    {TL_X_CHECKS,
     "SELECT c.uuid, t.uuid, c.check_id, c.phase, c.started_at, c.finished_at, c.attempt_no, c.score, "
     "c.max_score, c.passed, q.question_id, q.chosen, q.correct, q.answered_at FROM check_attempt c "
     "JOIN training_session t ON t.id = c.session_id LEFT JOIN check_answer q ON q.attempt_id = c.id "
     "WHERE c.participant_id = ? ORDER BY c.started_at, c.attempt_no, c.uuid, q.question_id",
     attempt_row},
};

static tl_status read_all(tl_store *s, int64_t p, reader *r, tl_error *err)
{
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < sizeof parts / sizeof parts[0]; i++) {
        if (parts[i].part >= 0)
            EACH_SINK(r, part, (tl_x_part)parts[i].part);
        st = each_row(s, parts[i].sql, p, parts[i].row, r, err);
    }
    if (st == TL_OK)
        EACH_SINK(r, part, TL_X_END);
    return st;
}

/* The log entry first, in the same transaction as the reading: an extract
 * that was read is always logged. */
static tl_status log_extract(tl_store *s, int64_t p, tl_error *err)
{
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err, "SELECT 'participant ' || uuid FROM participant WHERE id = ?", "i", p);
    if (st != TL_OK)
        return st;
    int rc = sqlite3_step(q);
    char detail[64] = "";
    if (rc == SQLITE_ROW)
        sql_text(q, 0, detail, sizeof detail);
    sqlite3_finalize(q);
    if (rc == SQLITE_DONE)
        return tl_fail(err, TL_NOINPUT, "no participant %lld", (long long)p);
    if (rc != SQLITE_ROW)
        return sql_fail(s, err, rc, "cannot read");
    return access_log_add(s, TL_LOG_EXTRACT, detail, err);
}

tl_status extract_read(tl_store *s, tl_id participant, const tl_extract_sink *sinks, size_t n,
                       tl_error *err)
{
    reader r = {.sinks = sinks, .n = n};
    tl_status st = sql_begin(s, err);
    if (st != TL_OK)
        return st;
    st = log_extract(s, participant, err);
    if (st == TL_OK)
        st = read_all(s, participant, &r, err);
    return sql_end(s, st, err);
}

/* ---- the plain text ---- */

static void text_field(FILE *f, const char *label, const char *value)
{
    if (value && *value)
        fprintf(f, "  %-22s %s\n", label, value);
}

static void text_person(void *ctx, const tl_x_person *p)
{
    FILE *f = ctx;
    fprintf(f, "%s\n\n%s\n", privacy_copy_notice(), _("Register extract (GDPR art. 15)"));
    fprintf(f, "\n%s\n", _("Participant"));
    text_field(f, _("Id:"), p->uuid);
    text_field(f, _("Name:"), *p->name ? p->name : _("(none stored)"));
    text_field(f, _("Organisation:"), p->organisation);
    text_field(f, _("Organisation type:"), p->organisation_type);
    text_field(f, _("Level:"), p->level);
    text_field(f, _("Registered:"), p->created_at);
}

static void text_part(void *ctx, tl_x_part part)
{
    FILE *f = ctx;
    const char *titles[] = {N_("Training sessions and attendance"), N_("Progress through modules"),
                            N_("Knowledge checks and answers")};
    if (part < TL_X_END)
        fprintf(f, "\n%s\n", _(titles[part]));
}

static void text_session(void *ctx, const tl_x_session *x)
{
    FILE *f = ctx;
    fprintf(f, "- %s %s-%s %s %s (%s)\n", x->date, x->start_time, x->end_time, x->curriculum,
             x->curriculum_version, x->kind);
    text_field(f, _("Session id:"), x->uuid);
    text_field(f, _("Place:"), x->location);
    text_field(f, _("Trainer:"), x->trainer);
    text_field(f, _("Description:"), x->description);
    text_field(f, _("Attendance:"), x->status);
    text_field(f, _("Remark:"), x->remark);
}

static void text_progress(void *ctx, const tl_x_progress *x)
{
    FILE *f = ctx;
    fprintf(f, _("- %s: page %d of %d, %d s, session %s\n"), x->module_id, x->page + 1, x->pages_total,
            x->seconds, x->session_uuid);
    text_field(f, _("Started:"), x->started_at);
    text_field(f, _("Last change:"), x->updated_at);
    text_field(f, _("Completed:"), x->completed_at);
}

static void text_attempt(void *ctx, const tl_x_attempt *x)
{
    FILE *f = ctx;
    fprintf(f, _("- %s (%s), attempt %d, session %s\n"), x->check_id, x->phase, x->attempt_no, x->session_uuid);
    text_field(f, _("Started:"), x->started_at);
    text_field(f, _("Finished:"), x->finished_at);
    if (x->scored)
        fprintf(f, "  %-22s %d / %d %s\n", _("Score:"), x->score, x->max_score,
                x->passed ? _("(passed)") : _("(not passed)"));
}

static void text_answer(void *ctx, const tl_x_answer *x)
{
    FILE *f = ctx;
    fprintf(f, "    %s:", x->question_id);
    for (unsigned i = 0; i < 32; i++)
        if (x->chosen & (1u << i))
            fprintf(f, " %u", i + 1);
    fprintf(f, " %s\n", x->correct ? _("(correct)") : _("(not correct)"));
}

tl_extract_sink extract_text_sink(FILE *f)
{
    return (tl_extract_sink){text_person, text_part, text_session, text_progress, text_attempt, text_answer, f};
}

/* ---- the file ---- */

/* Written whole or not at all, 0600, by the one atomic writer. */
tl_status private_file_write(const char *path, const char *data, size_t len, tl_error *err)
{
    tl_atomic_file out;
    tl_status st = atomic_file_open(&out, path, "the extract", err);
    if (st != TL_OK)
        return st;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(out.fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = n < 0 ? errno : EIO;
            atomic_file_abort(&out);
            return tl_fail(err, e == ENOSPC || e == EIO || e == EDQUOT ? TL_IOERR : TL_CANTCREAT,
                           "cannot write %s: %s", path, strerror(e));
        }
        done += (size_t)n;
    }
    return atomic_file_commit(&out, 0600, err);
}
