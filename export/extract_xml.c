#include "extract_xml.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct extract_xml_doc {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    bool in_attempt;
    bool failed;
} xml_sink;

static void check(xml_sink *x, int rc)
{
    x->failed |= rc < 0;
}

static void start(xml_sink *x, const char *name)
{
    check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static void end(xml_sink *x)
{
    check(x, xmlTextWriterEndElement(x->w));
}

/* An attribute only when there is a value: an empty text is not stored. */
static void attr(xml_sink *x, const char *name, const char *value)
{
    if (value && *value)
        check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

static void attr_int(xml_sink *x, const char *name, long long v)
{
    check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "%lld", v));
}

static void on_person(void *ctx, const tl_x_person *p)
{
    xml_sink *x = ctx;
    start(x, "participant");
    attr(x, "id", p->uuid);
    attr(x, "name", p->name);
    attr(x, "organisation", p->organisation);
    attr(x, "organisationType", p->organisation_type);
    attr(x, "level", p->level);
    attr(x, "registered", p->created_at);
    end(x);
}

static void on_part(void *ctx, tl_x_part part)
{
    xml_sink *x = ctx;
    const char *names[] = {"sessions", "progress", "checks"};
    if (x->in_attempt) {
        end(x);
        x->in_attempt = false;
    }
    if (part != TL_X_SESSIONS)
        end(x); /* the part before */
    if (part < TL_X_END)
        start(x, names[part]);
}

static void on_session(void *ctx, const tl_x_session *s)
{
    xml_sink *x = ctx;
    start(x, "session");
    attr(x, "id", s->uuid);
    attr(x, "kind", s->kind);
    attr(x, "curriculum", s->curriculum);
    attr(x, "curriculumVersion", s->curriculum_version);
    attr(x, "date", s->date);
    attr(x, "start", s->start_time);
    attr(x, "end", s->end_time);
    attr(x, "location", s->location);
    attr(x, "trainer", s->trainer);
    attr(x, "description", s->description);
    attr(x, "attendance", s->status);
    attr(x, "remark", s->remark);
    end(x);
}

static void on_progress(void *ctx, const tl_x_progress *p)
{
    xml_sink *x = ctx;
    start(x, "module");
    attr(x, "session", p->session_uuid);
    attr(x, "id", p->module_id);
    attr_int(x, "page", p->page + 1);
    attr_int(x, "pages", p->pages_total);
    attr_int(x, "seconds", p->seconds);
    attr(x, "started", p->started_at);
    attr(x, "updated", p->updated_at);
    attr(x, "completed", p->completed_at);
    end(x);
}

static void on_attempt(void *ctx, const tl_x_attempt *a)
{
    xml_sink *x = ctx;
    if (x->in_attempt)
        end(x);
    start(x, "attempt");
    x->in_attempt = true;
    attr(x, "id", a->uuid);
    attr(x, "session", a->session_uuid);
    attr(x, "check", a->check_id);
    attr(x, "phase", a->phase);
    attr_int(x, "number", a->attempt_no);
    attr(x, "started", a->started_at);
    attr(x, "finished", a->finished_at);
    if (a->scored) {
        attr_int(x, "score", a->score);
        attr_int(x, "maxScore", a->max_score);
        attr(x, "passed", a->passed ? "true" : "false");
    }
}

static void on_answer(void *ctx, const tl_x_answer *a)
{
    xml_sink *x = ctx;
    start(x, "answer");
    attr(x, "question", a->question_id);
    attr_int(x, "chosen", a->chosen);
    attr(x, "correct", a->correct ? "true" : "false");
    attr(x, "answered", a->answered_at);
    end(x);
}

static void document_start(xml_sink *x)
{
    char made[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(made, sizeof made, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    check(x, xmlTextWriterSetIndent(x->w, 1));
    check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
    check(x, xmlTextWriterWriteFormatComment(x->w, " %s ", privacy_copy_notice()));
    check(x, xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST "extract", BAD_CAST TL_EXTRACT_NS));
    attr(x, "made", made);
}

extract_xml_doc *extract_xml_new(void)
{
    xml_sink *x = calloc(1, sizeof *x);
    if (!x || !(x->buf = xmlBufferCreate()) || !(x->w = xmlNewTextWriterMemory(x->buf, 0)))
        abort();
    document_start(x);
    return x;
}

tl_extract_sink extract_xml_sink(extract_xml_doc *doc)
{
    return (tl_extract_sink){on_person, on_part, on_session, on_progress, on_attempt, on_answer, doc};
}

tl_status extract_xml_finish(extract_xml_doc *x, char **xml, size_t *len, tl_error *err)
{
    *xml = NULL;
    *len = 0;
    check(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w); /* flushes into buf */
    tl_status st = TL_OK;
    if (x->failed) {
        st = tl_fail(err, TL_IOERR, "cannot make the extract's XML");
    } else {
        *len = (size_t)xmlBufferLength(x->buf);
        *xml = malloc(*len + 1);
        if (!*xml)
            abort();
        memcpy(*xml, xmlBufferContent(x->buf), *len);
        (*xml)[*len] = '\0';
    }
    xmlBufferFree(x->buf);
    free(x);
    return st;
}
