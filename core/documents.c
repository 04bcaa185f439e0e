#include "documents.h"
#include "extract.h"

#include "intl.h"
#include "numbers.h"
#include "store_internal.h"
#include "training_session.h"

#include <stdlib.h>
#include <string.h>

/* The attendance statuses in words, in tl_attendance's order. */
static const char *const status_words[TL_ATT_COUNT] = {N_("present"), N_("late"), N_("left early"),
                                                      N_("took part remotely"), N_("excused"), N_("absent")};

/* ---- finding and loading the session ---- */

tl_status doc_session_find(tl_store *s, const char *key, tl_id *id, tl_error *err)
{
    size_t len = strlen(key);
    bool date = len == 10 && key[4] == '-' && key[7] == '-';
    if (!date && (len < 8 || len > 36 || strspn(key, "0123456789abcdef-") != len))
        return tl_fail(err, TL_USAGE, "'%s' names no session: give its date (YYYY-MM-DD) or its id "
                                      "(at least the first 8 characters)", key);
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err,
                             date ? "SELECT id, uuid, start_time FROM training_session WHERE date = ? AND "
                                    "kind = 'group' ORDER BY start_time, uuid"
                                  : "SELECT id, uuid, start_time FROM training_session WHERE "
                                    "substr(uuid, 1, length(?1)) = ?1 ORDER BY uuid",
                             "t", key);
    if (st != TL_OK)
        return st;
    char candidates[600] = "";
    int n = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        *id = sqlite3_column_int64(q, 0);
        size_t used = strlen(candidates);
        snprintf(candidates + used, sizeof candidates - used, "%s%.8s (%s)", n ? ", " : "",
                 (const char *)sqlite3_column_text(q, 1), (const char *)sqlite3_column_text(q, 2));
        n++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return sql_fail(s, err, rc, "cannot look for the session");
    if (n == 0)
        return tl_fail(err, TL_NOINPUT, "no %s session %s", date ? "group" : "", key);
    if (n > 1)
        return tl_fail(err, TL_USAGE, "%d sessions match %s: %s; give the one meant by its id", n, key, candidates);
    return TL_OK;
}

static char *text_or_null(sqlite3_stmt *q, int col)
{
    const char *t = (const char *)sqlite3_column_text(q, col);
    char *copy = t && *t ? strdup(t) : NULL;
    if (t && *t && !copy)
        abort();
    return copy;
}

tl_status doc_session_load(tl_store *s, tl_id id, const tl_library *lib, tl_doc_session *out, tl_error *err)
{
    *out = (tl_doc_session){.id = id};
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err,
                             "SELECT date, start_time, coalesce(end_time, ''), location, trainer, curriculum_id, "
                             "cancelled_at IS NOT NULL FROM training_session WHERE id = ?",
                             "i", (int64_t)id);
    if (st != TL_OK)
        return st;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        sql_text(q, 0, out->date, sizeof out->date);
        sql_text(q, 1, out->start_time, sizeof out->start_time);
        sql_text(q, 2, out->end_time, sizeof out->end_time);
        out->location = text_or_null(q, 3);
        out->trainer = text_or_null(q, 4);
        sql_text(q, 5, out->curriculum_id, sizeof out->curriculum_id);
        out->cancelled = sqlite3_column_int(q, 6) != 0;
        out->curriculum = lib ? library_curriculum(lib, out->curriculum_id) : NULL;
    }
    sqlite3_finalize(q);
    if (rc == SQLITE_DONE)
        return tl_fail(err, TL_NOINPUT, "no session %lld", (long long)id);
    return rc == SQLITE_ROW ? TL_OK : sql_fail(s, err, rc, "cannot read the session");
}

void doc_session_free(tl_doc_session *d)
{
    free(d->location);
    free(d->trainer);
    *d = (tl_doc_session){0};
}

bool doc_took_part(const tl_result_row *row)
{
    return !row->has_status || attendance_takes_part(row->status);
}

/* The module's place in the curriculum, or after all of them. */
static size_t module_order(const tl_doc_session *d, const char *id)
{
    for (size_t i = 0; d->curriculum && i < d->curriculum->n_modules; i++)
        if (strcmp(d->curriculum->modules[i].id, id) == 0)
            return i;
    return (size_t)-1;
}

tl_status doc_completed_modules(tl_store *s, const tl_doc_session *d, tl_id participant, char ***ids, size_t *n,
                                tl_error *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *q;
    tl_status st = sql_query(s, &q, err,
                             "SELECT module_id FROM module_progress WHERE session_id = ? AND participant_id = ? "
                             "AND completed_at IS NOT NULL ORDER BY module_id",
                             "ii", (int64_t)d->id, (int64_t)participant);
    if (st != TL_OK)
        return st;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        char *id = strdup((const char *)sqlite3_column_text(q, 0));
        *ids = realloc(*ids, (*n + 1) * sizeof **ids);
        if (!id || !*ids)
            abort();
        size_t at = *n; /* insertion in the curriculum's order */
        while (at > 0 && module_order(d, (*ids)[at - 1]) > module_order(d, id))
            at--;
        memmove(&(*ids)[at + 1], &(*ids)[at], (*n - at) * sizeof **ids);
        (*ids)[at] = id;
        (*n)++;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read the modules completed");
}

/* ---- writing ---- */

/* text as HTML character data (or as it is in plain text). */
static void put(FILE *out, tl_doc_format format, const char *text)
{
    for (const char *p = text; format == DOC_HTML && *p; p++) {
        const char *entity = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : NULL;
        if (entity)
            fputs(entity, out);
        else
            fputc(*p, out);
    }
    if (format == DOC_TEXT)
        fputs(text, out);
}

/* One paragraph: in HTML an element (tag, with class or not), in text a
 * line. */
static void line(FILE *out, tl_doc_format format, const char *tag, const char *text)
{
    if (format == DOC_HTML)
        fprintf(out, "<%s>", tag);
    put(out, format, text);
    if (format == DOC_HTML) {
        const char *space = strchr(tag, ' ');
        fprintf(out, "</%.*s>", space ? (int)(space - tag) : (int)strlen(tag), tag);
    }
    fputc('\n', out);
}

static void page_start(FILE *out, tl_doc_format format, const char *title, const char *lang)
{
    if (format == DOC_TEXT) {
        fprintf(out, "%s\n\n", title);
        return;
    }
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", lang);
    put(out, format, title);
    fputs("</title>\n<style>\n@page { size: A4; margin: 25mm; }\n"
          "body { font-family: serif; max-width: 160mm; margin: auto; }\n"
          "table { border-collapse: collapse; width: 100%; }\n"
          "th, td { border-bottom: 1px solid #888; padding: 2mm; text-align: left; }\n"
          ".signature { margin-top: 30mm; border-top: 1px solid #000; width: 70mm; }\n"
          ".notice { font-size: smaller; color: #444; }\n</style>\n</head>\n<body>\n",
          out);
    line(out, format, "h1", title);
}

static void page_end(FILE *out, tl_doc_format format)
{
    if (format == DOC_HTML)
        fputs("</body>\n</html>\n", out);
}

static const char *curriculum_title(const tl_doc_session *d, const char *lang)
{
    return d->curriculum ? text_get(&d->curriculum->h.title, lang) : d->curriculum_id;
}

/* "2025-05-06, 09:00-11:00" (or "from 09:00" while the session is open). */
static void when(char *buf, size_t size, const tl_doc_session *d)
{
    if (d->end_time[0])
        snprintf(buf, size, "%s, %s\u2013%s", d->date, d->start_time, d->end_time);
    else
        snprintf(buf, size, _("%s, from %s"), d->date, d->start_time);
}

static void session_facts(FILE *out, tl_doc_format format, const tl_doc_session *d, const char *lang)
{
    char buf[2200], time[64];
    when(time, sizeof time, d);
    const char *labels[] = {_("Training:"), _("Date:"), _("Place:"), _("Trainer:")};
    const char *values[] = {curriculum_title(d, lang), time, d->location, d->trainer};
    for (int i = 0; i < 4; i++) {
        if (!values[i])
            continue;
        snprintf(buf, sizeof buf, "%s %s", labels[i], values[i]);
        line(out, format, "p", buf);
    }
    if (d->cancelled)
        line(out, format, "p", _("This session is cancelled."));
}

/* The attendee's name, or their place on the roll call. */
static const char *who(const tl_result_row *row, char *buf, size_t size)
{
    attendee_label(row->name, (size_t)row->place, buf, size);
    return buf;
}

static const char *status_text(const tl_result_row *row, char *buf, size_t size)
{
    if (!row->has_status)
        return _("took part (no roll call)");
    const char *word = _(status_words[row->status]);
    if (row->minutes > 0)
        snprintf(buf, size, _("%s (%d min)"), word, row->minutes);
    else
        snprintf(buf, size, "%s", word);
    return buf;
}

static void attendee_line(FILE *out, tl_doc_format format, const tl_result_row *row)
{
    char name[64], status[128], text[2400];
    const char *cells[] = {who(row, name, sizeof name), row->organisation, status_text(row, status, sizeof status)};
    if (format == DOC_TEXT) {
        snprintf(text, sizeof text, "%3d. %s, %s: %s", row->place, cells[0], cells[1], cells[2]);
        line(out, format, "p", text);
        return;
    }
    fprintf(out, "<tr><td>%d</td>", row->place);
    for (int i = 0; i < 3; i++) {
        fputs("<td>", out);
        put(out, format, cells[i]);
        fputs("</td>", out);
    }
    fputs("</tr>\n", out);
}

void doc_attendance_list(FILE *out, tl_doc_format format, const tl_doc_session *d, const tl_session_results *r,
                         const char *lang)
{
    page_start(out, format, _("Attendance list"), lang);
    session_facts(out, format, d, lang);
    if (format == DOC_HTML) {
        fputs("<table>\n<tr><th>#</th><th>", out);
        put(out, format, _("Name"));
        fputs("</th><th>", out);
        put(out, format, _("Organisation"));
        fputs("</th><th>", out);
        put(out, format, _("Attendance"));
        fputs("</th></tr>\n", out);
    } else {
        fputc('\n', out);
    }
    for (size_t i = 0; i < r->n; i++)
        attendee_line(out, format, &r->rows[i]);
    if (format == DOC_HTML)
        fputs("</table>\n", out);
    if (r->n == 0)
        line(out, format, "p", _("Nobody is on the roll call."));
    char count[128];
    size_t took = 0;
    for (size_t i = 0; i < r->n; i++)
        took += doc_took_part(&r->rows[i]);
    snprintf(count, sizeof count, _n("%zu took part.", "%zu took part.", took), took);
    fputc('\n', out);
    line(out, format, "p", count);
    /* a list of names leaves the database: say that erasure cannot follow it */
    fputc('\n', out);
    line(out, format, "p class=\"notice\"", privacy_copy_notice());
    page_end(out, format);
}

static void scores(FILE *out, tl_doc_format format, const tl_result_row *row, const char *lang)
{
    char pre[32], post[32], text[200];
    if (row->pre < 0 && row->post < 0)
        return;
    snprintf(text, sizeof text, _("Knowledge check before the training: %s, after: %s."),
             row->pre < 0 ? "-" : percent_text(pre, sizeof pre, row->pre, 0, lang),
             row->post < 0 ? "-" : percent_text(post, sizeof post, row->post, 0, lang));
    line(out, format, "p", text);
}

void doc_certificate(FILE *out, tl_doc_format format, const tl_doc_session *d, const tl_result_row *row,
                     const char *const *modules, size_t n, bool with_scores, const char *lang)
{
    char name[64], text[2400], time[64];
    page_start(out, format, _("Certificate of participation"), lang);
    line(out, format, "p class=\"name\"", who(row, name, sizeof name));
    line(out, format, "p", row->organisation);
    fputc('\n', out);
    line(out, format, "p", _("took part in the training"));
    line(out, format, "p class=\"title\"", curriculum_title(d, lang));
    when(time, sizeof time, d);
    snprintf(text, sizeof text, _("on %s"), time);
    line(out, format, "p", text);
    if (d->location) {
        snprintf(text, sizeof text, _("in %s"), d->location);
        line(out, format, "p", text);
    }
    if (d->trainer) {
        snprintf(text, sizeof text, _("led by %s"), d->trainer);
        line(out, format, "p", text);
    }
    fputc('\n', out);
    line(out, format, "p", n ? _("Modules completed:") : _("No module was completed in this session."));
    for (size_t i = 0; i < n; i++) {
        size_t at = module_order(d, modules[i]);
        snprintf(text, sizeof text, format == DOC_TEXT ? "  - %s" : "%s",
                 at == (size_t)-1 ? modules[i] : text_get(&d->curriculum->modules[at].title, lang));
        line(out, format, "p", text);
    }
    if (with_scores)
        scores(out, format, row, lang);
    fputc('\n', out);
    line(out, format, "p", d->date);
    line(out, format, "p class=\"signature\"", d->trainer ? d->trainer : _("Trainer"));
    page_end(out, format);
}
