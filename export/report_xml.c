/* The XML report: one pass over the report's cursors straight into a
 * small streaming writer that escapes the values and writes the file in
 * large blocks through write(2) (so a full disk is seen with its errno).
 *
 * Why not libxml2's xmlTextWriter: it was a third of the time of a large
 * export (a list node, a malloc and a free per element, a formatted string
 * per number, a conversion pass and a write per 4 KB). The report is a
 * fixed shape - elements with attributes, never text - so the writer below
 * is short; it writes exactly the bytes xmlTextWriter wrote with indenting
 * on (two spaces), and tests/unit/test_xml_writer.c holds it to that. The
 * first write failure sticks in xml_out.failed and stops the sections.
 *
 * A report file is written with direct I/O where the file system takes it
 * (O_DIRECT, whole aligned blocks, the last piece as usual): a large report
 * is written once and not read back, and copying gigabytes through the page
 * cache cost more than writing them (docs/performance.md). */
#define _GNU_SOURCE /* O_DIRECT */
#include "report_xml.h"

#include "access_log.h"
#include "atomic_file.h"
#include "extract.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Direct writes wait for the disk: one per megabyte keeps that small. */
enum { OUT_BLOCK = 1024 * 1024, OUT_ALIGN = 4096, MAX_DEPTH = 8 };

typedef struct {
    int fd;
    bool direct;     /* fd is in O_DIRECT mode: whole aligned blocks only */
    int write_errno; /* set when write(2) fails */
    bool failed;     /* a write failed: the report is lost */
    bool with_names;
    bool without_sessions; /* tl_report_meta */
    bool without_indicators; /* tl_report_meta */
    bool tag_open;         /* the last start tag still takes attributes */
    const char *namespace; /* the root's xmlns, written when its tag closes */
    const char *open[MAX_DEPTH]; /* the names of the open elements */
    int depth;
    size_t len;
    char *buf; /* OUT_BLOCK bytes, aligned for direct I/O */
} xml_out;

/* ---- output ---- */

/* Asks for direct I/O on a report file; false: it is written as usual. */
static bool try_direct(int fd)
{
#ifdef O_DIRECT
    int flags = fcntl(fd, F_GETFL);
    return flags >= 0 && fcntl(fd, F_SETFL, flags | O_DIRECT) == 0;
#else
    (void)fd;
    return false;
#endif
}

static void leave_direct(xml_out *x)
{
#ifdef O_DIRECT
    int flags = fcntl(x->fd, F_GETFL);
    if (flags >= 0)
        fcntl(x->fd, F_SETFL, flags & ~O_DIRECT);
#endif
    x->direct = false;
}

static void write_all(xml_out *x, const char *p, size_t n)
{
    while (!x->failed && n > 0) {
        ssize_t k = write(x->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && errno == EINVAL && x->direct) {
            leave_direct(x); /* the file system refuses it after all */
            continue;
        }
        if (k <= 0) {
            x->write_errno = k < 0 ? errno : EIO;
            x->failed = true;
            return;
        }
        if ((size_t)k < n && x->direct)
            leave_direct(x); /* what follows is no longer aligned */
        p += k;
        n -= (size_t)k;
    }
}

/* Writes the buffer out: the whole blocks, and with last the rest too
 * (without direct I/O, which takes only whole blocks). */
static void flush_out(xml_out *x, bool last)
{
    size_t whole = x->direct ? x->len / OUT_ALIGN * OUT_ALIGN : x->len;
    write_all(x, x->buf, whole);
    if (last && whole < x->len) {
        if (x->direct)
            leave_direct(x);
        write_all(x, x->buf + whole, x->len - whole);
    }
    x->len = 0;
}

static void put_slow(xml_out *x, const char *s, size_t n)
{
    while (n > 0 && !x->failed) {
        if (x->len == OUT_BLOCK)
            flush_out(x, false);
        size_t room = OUT_BLOCK - x->len, k = n < room ? n : room;
        memcpy(x->buf + x->len, s, k);
        x->len += k;
        s += k;
        n -= k;
    }
}

static inline void put_n(xml_out *x, const char *s, size_t n)
{
    if (n <= OUT_BLOCK - x->len) { /* the usual case: it fits */
        memcpy(x->buf + x->len, s, n);
        x->len += n;
    } else {
        put_slow(x, s, n);
    }
}

static void put(xml_out *x, const char *s)
{
    put_n(x, s, strlen(s));
}

/* A string literal, without measuring it at run time. */
#define PUT_LIT(x, lit) put_n((x), "" lit, sizeof(lit) - 1)

/* What stands in for a byte that is not UTF-8 or a character XML forbids. */
#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* The escape of an ASCII byte in an attribute value: <, >, & and the double
 * quote as entities, the three white-space characters an attribute would
 * otherwise lose as character references, U+FFFD for the other control
 * characters (XML 1.0 has no way to write them); NULL: the byte as it is. */
static const char *ascii_escape(unsigned char c)
{
    switch (c) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '&': return "&amp;";
    case '"': return "&quot;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default: return c < 0x20 ? REPLACEMENT : NULL;
    }
}

/* An attribute value of at most max_chars characters, as XML 1.0 allows
 * it: the store keeps whatever bytes it was given (a name typed on the
 * command line, a database edited by hand), and one stray byte must not
 * make the whole report unreadable. Valid UTF-8 is copied in runs. */
static void put_escaped_max(xml_out *x, const char *s, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s, *run = p, *end = p + strlen(s);
    for (size_t chars = 0; p < end && chars < max_chars; chars++) {
        const unsigned char *at = p;
        const char *escape;
        if (*p < 0x80) {
            escape = ascii_escape(*p++);
        } else {
            uint32_t cp = utf8_next(&p, end);
            escape = cp >= UTF8_INVALID || cp == 0xFFFE || cp == 0xFFFF ? REPLACEMENT : NULL;
        }
        if (!escape)
            continue;
        put_n(x, (const char *)run, (size_t)(at - run));
        put(x, escape);
        run = p;
    }
    put_n(x, (const char *)run, (size_t)(p - run));
}

static void put_escaped(xml_out *x, const char *s)
{
    put_escaped_max(x, s, SIZE_MAX);
}

static void indent(xml_out *x, int depth)
{
    static const char spaces[] = "                "; /* 2 * MAX_DEPTH */
    put_n(x, spaces, 2 * (size_t)depth);
}

/* ---- elements and attributes ---- */

/* Ends the open start tag (">" when children follow, "/>" when none). */
static void close_tag(xml_out *x, bool empty)
{
    if (x->namespace) {
        PUT_LIT(x, " xmlns=\"");
        put_escaped(x, x->namespace);
        PUT_LIT(x, "\"");
        x->namespace = NULL;
    }
    if (empty)
        PUT_LIT(x, "/>\n");
    else
        PUT_LIT(x, ">\n");
    x->tag_open = false;
}

static void el_start(xml_out *x, const char *name)
{
    if (x->failed)
        return;
    if (x->depth == MAX_DEPTH) {
        x->failed = true; /* a report deeper than its schema: a bug */
        return;
    }
    if (x->tag_open)
        close_tag(x, false);
    indent(x, x->depth);
    PUT_LIT(x, "<");
    put(x, name);
    x->open[x->depth++] = name;
    x->tag_open = true;
}

static void el_end(xml_out *x)
{
    if (x->failed || x->depth == 0)
        return;
    const char *name = x->open[--x->depth];
    if (x->tag_open) {
        close_tag(x, true);
        return;
    }
    indent(x, x->depth);
    PUT_LIT(x, "</");
    put(x, name);
    PUT_LIT(x, ">\n");
}

/* An attribute; a NULL value writes nothing (the attribute is optional). */
static void at_str(xml_out *x, const char *name, const char *value)
{
    if (x->failed || !value || !x->tag_open)
        return;
    PUT_LIT(x, " ");
    put(x, name);
    PUT_LIT(x, "=\"");
    put_escaped(x, value);
    PUT_LIT(x, "\"");
}

/* Free text typed by people (names, places): the schema's Text, at most
 * MAX_TEXT_CHARS characters; NULL or empty writes nothing. A longer text
 * (only possible from outside tillit, which keeps its fields short) is cut. */
enum { MAX_TEXT_CHARS = 1000 };
static void at_text(xml_out *x, const char *name, const char *value)
{
    if (x->failed || !value || !value[0] || !x->tag_open)
        return;
    PUT_LIT(x, " ");
    put(x, name);
    PUT_LIT(x, "=\"");
    put_escaped_max(x, value, MAX_TEXT_CHARS);
    PUT_LIT(x, "\"");
}

/* A name the schema requires: an empty one, which only an edited database
 * can hold, is written as "?" rather than make the report invalid. */
static void at_required_name(xml_out *x, const char *name, const char *value)
{
    at_text(x, name, value && value[0] ? value : "?");
}

/* Decimal digits by hand: a printf per number was a tenth of the writer. */
static void at_int(xml_out *x, const char *name, int64_t v)
{
    char t[24], *p = t + sizeof t;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        *--p = '-';
    at_str(x, name, p);
}

/* decimals decimals, with a point whatever LC_NUMERIC says (xs:decimal). */
static void at_fixed(xml_out *x, const char *name, double v, int decimals)
{
    char t[64];
    snprintf(t, sizeof t, "%.*f", decimals, v);
    for (char *c = t; *c; c++)
        if (*c == ',')
            *c = '.';
    at_str(x, name, t);
}

/* Percentages: one decimal. */
static void at_dec(xml_out *x, const char *name, double v)
{
    at_fixed(x, name, v, 1);
}

static void at_bool(xml_out *x, const char *name, bool v)
{
    at_str(x, name, v ? "true" : "false");
}

/* xs:duration in the one form the schema allows: PT<h>H<m>M<s>S. */
static void at_duration(xml_out *x, const char *name, int64_t seconds)
{
    char t[64];
    snprintf(t, sizeof t, "PT%lldH%02lldM%02lldS", (long long)(seconds / 3600),
             (long long)(seconds / 60 % 60), (long long)(seconds % 60));
    at_str(x, name, t);
}

/* The store keeps HH:MM; xs:time wants HH:MM:SS. */
static void at_time(xml_out *x, const char *name, const char *hhmm)
{
    if (!hhmm)
        return;
    char t[16];
    snprintf(t, sizeof t, "%s%s", hhmm, strlen(hhmm) == 5 ? ":00" : "");
    at_str(x, name, t);
}

static tl_status write_failed(const xml_out *x, const char *target, tl_error *err)
{
    if (x->write_errno)
        return tl_fail(err, TL_IOERR, "%s: cannot write the report: %s", target, strerror(x->write_errno));
    return tl_fail(err, TL_IOERR, "%s: cannot write the report (nested too deep)", target);
}

/* ---- sections ---- */

static void knowledge(xml_out *x, const tl_report_knowledge *k)
{
    el_start(x, "knowledge");
    at_int(x, "preChecks", k->pre_n);
    if (k->pre_n > 0)
        at_dec(x, "preMean", k->pre_mean);
    at_int(x, "postChecks", k->post_n);
    if (k->post_n > 0)
        at_dec(x, "postMean", k->post_mean);
    at_int(x, "pairs", k->both_n);
    if (k->both_n > 0)
        at_dec(x, "meanGain", k->gain_mean);
    at_int(x, "improved", k->improved);
    for (int b = 0; b < REPORT_BANDS && (k->pre_n > 0 || k->post_n > 0); b++) {
        el_start(x, "band");
        at_int(x, "from", 20 * b);
        at_int(x, "pre", k->pre_bands[b]);
        at_int(x, "post", k->post_bands[b]);
        el_end(x);
    }
    el_end(x);
}

static void header(xml_out *x, const tl_report_filter *f, const tl_report_meta *m, const char *id)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    el_start(x, "report");
    x->namespace = TL_REPORT_NS;
    at_str(x, "formatVersion", TL_REPORT_FORMAT);
    at_str(x, "id", id);
    at_str(x, "generated", now);
    el_start(x, "generator");
    at_str(x, "name", "tillit");
    at_str(x, "version", TILLIT_VERSION);
    el_end(x);
    el_start(x, "period");
    at_str(x, "from", m->from ? m->from : f->from);
    at_str(x, "to", m->to ? m->to : f->to);
    el_end(x);
    el_start(x, "scope");
    at_str(x, "curriculum", f->curriculum);
    at_text(x, "organisation", f->organisation);
    at_bool(x, "names", f->with_names);
    el_end(x);
    if (m->n_sources > 0) {
        el_start(x, "sources");
        for (size_t i = 0; i < m->n_sources; i++) {
            el_start(x, "source");
            at_str(x, "id", m->sources[i]);
            el_end(x);
        }
        el_end(x);
    }
}

static tl_status totals(xml_out *x, tl_report *r, tl_error *err)
{
    tl_report_totals t;
    tl_status st = report_totals(r, &t, err);
    if (st != TL_OK)
        return st;
    el_start(x, "totals");
    at_int(x, "sessions", t.sessions);
    at_int(x, "groupSessions", t.group_sessions);
    at_int(x, "selfStudySessions", t.self_sessions);
    at_int(x, "attendances", t.attendances);
    at_int(x, "participants", t.participants);
    at_int(x, "organisations", t.organisations);
    at_duration(x, "trainingTime", t.training_seconds);
    at_duration(x, "participantTime", t.participant_seconds);
    at_duration(x, "studyTime", t.study_seconds);
    at_int(x, "checklistRuns", t.checklist_runs);
    el_end(x);
    return TL_OK;
}

static tl_status months(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "months");
    tl_report_month m;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_month(r, &m, &has, err)) == TL_OK && has) {
        el_start(x, "month");
        at_str(x, "month", m.month);
        at_int(x, "sessions", m.sessions);
        at_int(x, "attendances", m.attendances);
        at_int(x, "participants", m.participants);
        el_end(x);
    }
    el_end(x);
    return st;
}

static tl_status groups(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "groups");
    tl_report_group g;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_group(r, &g, &has, err)) == TL_OK && has) {
        el_start(x, "group");
        at_str(x, "organisationType", g.org_type);
        at_str(x, "level", g.level);
        at_int(x, "organisations", g.organisations);
        at_int(x, "participants", g.participants);
        at_int(x, "attendances", g.attendances);
        knowledge(x, &g.knowledge);
        el_end(x);
    }
    el_end(x);
    return st;
}

static tl_status organisations(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "organisations");
    tl_report_org o;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_organisation(r, &o, &has, err)) == TL_OK && has) {
        el_start(x, "organisation");
        at_required_name(x, "name", o.name);
        at_str(x, "type", o.org_type);
        at_int(x, "participants", o.participants);
        at_int(x, "attendances", o.attendances);
        el_end(x);
    }
    el_end(x);
    return st;
}

static void module_stats(xml_out *x, const tl_report_module *m)
{
    el_start(x, "module");
    at_str(x, "id", m->id);
    at_int(x, "participants", m->participants);
    at_int(x, "completions", m->completions);
    at_bool(x, "hasCheck", m->has_check);
    at_int(x, "checkTakers", m->check_takers);
    at_int(x, "checkPassed", m->check_passed);
    if (m->check_takers > 0)
        at_dec(x, "passRate", 100.0 * (double)m->check_passed / (double)m->check_takers);
    at_int(x, "attempts", m->attempts);
    if (m->attempts > 0)
        at_dec(x, "meanScore", m->mean_score);
    el_end(x);
}

static tl_status curricula(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "curricula");
    tl_report_curriculum c;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_curriculum(r, &c, &has, err)) == TL_OK && has) {
        el_start(x, "curriculum");
        at_str(x, "id", c.id);
        at_str(x, "version", c.version);
        at_int(x, "sessions", c.sessions);
        at_int(x, "participants", c.participants);
        at_int(x, "attendances", c.attendances);
        knowledge(x, &c.knowledge);
        tl_report_module m;
        bool more = true;
        while (!x->failed && (st = report_next_module(r, &m, &more, err)) == TL_OK && more)
            module_stats(x, &m);
        if (st != TL_OK)
            break;
        el_end(x);
    }
    el_end(x);
    return st;
}

static tl_status questions(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "questions");
    tl_report_question q;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_question(r, &q, &has, err)) == TL_OK && has) {
        el_start(x, "question");
        at_str(x, "curriculum", q.curriculum_id);
        at_str(x, "curriculumVersion", q.curriculum_version);
        at_str(x, "check", q.check_id);
        at_str(x, "id", q.question_id);
        at_int(x, "answers", q.answers);
        at_int(x, "right", q.right);
        at_dec(x, "difficulty", 100.0 * q.stats.difficulty);
        if (q.stats.has_discrimination)
            at_fixed(x, "discrimination", q.stats.discrimination, 2);
        at_bool(x, "review", q.stats.review);
        el_end(x);
    }
    el_end(x);
    return st;
}

static tl_status answers(xml_out *x, tl_report *r, tl_error *err)
{
    tl_report_answer a;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_answer(r, &a, &has, err)) == TL_OK && has) {
        char chosen[32 * 3 + 1] = "";
        size_t len = 0;
        for (unsigned i = 0; i < 32; i++)
            if (a.chosen & (1u << i))
                len += (size_t)snprintf(chosen + len, sizeof chosen - len, len ? " %u" : "%u", i);
        el_start(x, "answer");
        at_str(x, "question", a.question_id);
        at_str(x, "chosen", chosen);
        at_bool(x, "correct", a.correct);
        el_end(x);
    }
    return st;
}

static tl_status attempts(xml_out *x, tl_report *r, tl_error *err)
{
    tl_report_attempt a;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_attempt(r, &a, &has, err)) == TL_OK && has) {
        el_start(x, "attempt");
        at_str(x, "id", a.uuid);
        at_str(x, "check", a.check_id);
        at_str(x, "phase", a.phase);
        at_int(x, "number", a.number);
        at_str(x, "started", a.started_at);
        at_str(x, "finished", a.finished_at);
        if (a.scored) {
            at_int(x, "score", a.score);
            at_int(x, "maxScore", a.max_score);
            at_bool(x, "passed", a.passed);
        }
        if ((st = answers(x, r, err)) != TL_OK)
            break;
        el_end(x);
    }
    return st;
}

static tl_status progress(xml_out *x, tl_report *r, tl_error *err)
{
    tl_report_progress p;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_progress(r, &p, &has, err)) == TL_OK && has) {
        el_start(x, "progress");
        at_str(x, "module", p.module_id);
        at_int(x, "page", p.page);
        at_int(x, "pages", p.pages_total);
        at_duration(x, "timeSpent", p.seconds);
        at_str(x, "started", p.started_at);
        at_str(x, "completed", p.completed_at);
        el_end(x);
    }
    return st;
}

static tl_status attendees(xml_out *x, tl_report *r, tl_error *err)
{
    tl_report_attendee a;
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_attendee(r, &a, &has, err)) == TL_OK && has) {
        el_start(x, "attendee");
        at_str(x, "participant", a.participant);
        at_text(x, "name", x->with_names ? a.name : NULL);
        at_str(x, "level", a.level);
        at_required_name(x, "organisation", a.organisation);
        at_str(x, "organisationType", a.org_type);
        at_str(x, "status", a.status);
        if (a.minutes >= 0)
            at_int(x, "minutes", a.minutes);
        if ((st = progress(x, r, err)) != TL_OK || (st = attempts(x, r, err)) != TL_OK)
            break;
        el_end(x);
    }
    return st;
}

static tl_status sessions(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "sessions");
    tl_report_session s;
    bool has = !x->without_sessions;
    tl_status st = TL_OK;
    while (!x->failed && has && (st = report_next_session(r, &s, &has, err)) == TL_OK && has) {
        el_start(x, "session");
        at_str(x, "id", s.uuid);
        at_str(x, "kind", s.kind);
        at_str(x, "curriculum", s.curriculum_id);
        at_str(x, "curriculumVersion", s.curriculum_version);
        at_str(x, "contentHash", s.content_hash);
        at_str(x, "date", s.date);
        at_time(x, "start", s.start_time);
        at_time(x, "end", s.end_time);
        at_text(x, "trainer", s.trainer);
        at_text(x, "location", s.location);
        at_text(x, "description", s.description);
        if ((st = attendees(x, r, err)) != TL_OK)
            break;
        el_end(x);
    }
    el_end(x);
    return st;
}

/* Rows come ordered by checklist, month, outcome: a new checklist or month
 * closes the elements of the previous one. */
static tl_status checklist_use(xml_out *x, tl_report *r, tl_error *err)
{
    el_start(x, "checklistUse");
    tl_report_checklist_use u;
    bool has = true, open = false;
    char checklist[256] = "", month[16] = "";
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_checklist_use(r, &u, &has, err)) == TL_OK && has) {
        bool new_checklist = !open || strcmp(checklist, u.checklist_id) != 0;
        if (open && (new_checklist || strcmp(month, u.month) != 0))
            el_end(x); /* month */
        if (open && new_checklist)
            el_end(x); /* checklist */
        if (new_checklist) {
            el_start(x, "checklist");
            at_str(x, "id", u.checklist_id);
            at_int(x, "runs", u.checklist_runs);
            snprintf(checklist, sizeof checklist, "%s", u.checklist_id);
            month[0] = '\0';
        }
        if (strcmp(month, u.month) != 0) {
            el_start(x, "month");
            at_str(x, "month", u.month);
            at_int(x, "runs", u.month_runs);
            snprintf(month, sizeof month, "%s", u.month);
        }
        open = true;
        el_start(x, u.outcome_id ? "outcome" : "notAssessed");
        at_str(x, "id", u.outcome_id);
        at_int(x, "runs", u.runs);
        el_end(x);
    }
    if (open) {
        el_end(x);
        el_end(x);
    }
    el_end(x);
    return st;
}

/* Rows come ordered by checklist: a new one closes the previous. */
static tl_status indicators(xml_out *x, tl_report *r, tl_error *err)
{
    if (x->without_indicators)
        return TL_OK;
    el_start(x, "indicators");
    tl_report_indicator u;
    bool has = true, open = false;
    char checklist[256] = "";
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_indicator(r, &u, &has, err)) == TL_OK && has) {
        if (!open || strcmp(checklist, u.checklist_id) != 0) {
            if (open)
                el_end(x);
            el_start(x, "checklist");
            at_str(x, "id", u.checklist_id);
            snprintf(checklist, sizeof checklist, "%s", u.checklist_id);
            open = true;
        }
        el_start(x, "indicator");
        at_str(x, "id", u.indicator_id);
        at_int(x, "yes", u.yes.shown);
        if (u.yes.small > 0)
            at_int(x, "smallCells", u.yes.small);
        el_end(x);
    }
    if (open)
        el_end(x);
    el_end(x);
    return st;
}

/* ---- the whole document ---- */

static tl_status write_sections(xml_out *x, tl_report *r, tl_error *err)
{
    tl_status (*const sections[])(xml_out *, tl_report *, tl_error *) = {
        totals, months, groups, organisations, curricula, questions, sessions, checklist_use, indicators};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        tl_status st = sections[i](x, r, err);
        if (st != TL_OK || x->failed)
            return st;
    }
    return TL_OK;
}

static tl_status write_document(xml_out *x, tl_report *r, const tl_report_filter *f,
                                const tl_report_meta *m, const char *target, tl_error *err)
{
    char uuid[37];
    const char *id = m->id;
    if (!id) {
        tl_status st = make_uuid(uuid, err);
        if (st != TL_OK)
            return st;
        id = uuid;
    }
    put(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (f->with_names) {
        put(x, "<!-- ");
        put(x, privacy_copy_notice());
        put(x, " -->\n");
    }
    header(x, f, m, id);
    tl_status st = x->failed ? TL_OK : write_sections(x, r, err);
    if (st != TL_OK)
        return st;
    while (x->depth > 0)
        el_end(x); /* the report element */
    flush_out(x, true);
    return x->failed ? write_failed(x, target, err) : TL_OK;
}

/* What report_xml_write writes, for write_xml. */
typedef struct {
    tl_store *s;
    const tl_report_filter *f;
    const tl_library *lib;
    const tl_report_meta *m;
} xml_job;

/* Writes the whole report to fd (not closed here); direct: fd is in
 * O_DIRECT mode. */
static tl_status write_xml(int fd, bool direct, const char *target, void *ctx, tl_error *err)
{
    const xml_job *job = ctx;
    tl_report *r;
    tl_status st = report_open(job->s, job->f, job->lib, &r, err);
    if (st != TL_OK)
        return st;
    xml_out x = {.fd = fd, .direct = direct, .with_names = job->f->with_names,
                 .without_sessions = job->m->without_sessions,
                 .without_indicators = job->m->without_indicators};
    void *buf = NULL;
    if (posix_memalign(&buf, OUT_ALIGN, OUT_BLOCK) != 0)
        abort();
    x.buf = buf;
    st = write_document(&x, r, job->f, job->m, target, err);
    free(buf);
    report_close(r);
    return st;
}

/* ---- files: written whole or not at all (core/atomic_file.c) ---- */

/* A private file (names of people) is its owner's only; another follows
 * the umask. */
static mode_t file_mode(bool private_file)
{
    mode_t mask = umask(0);
    umask(mask);
    return private_file ? 0600 : 0666 & ~mask;
}

/* A report with names is logged (core/access_log.h) with its scope, not
 * with the names. */
static tl_status log_export(tl_store *s, const tl_report_filter *f, tl_error *err)
{
    char detail[1200];
    snprintf(detail, sizeof detail, "report %s to %s%s%s%s%s", f->from ? f->from : "(start)",
             f->to ? f->to : "(end)", f->curriculum ? ", curriculum " : "", f->curriculum ? f->curriculum : "",
             f->organisation ? ", organisation " : "", f->organisation ? f->organisation : "");
    return access_log_add(s, TL_LOG_EXPORT_NAMES, detail, err);
}

tl_status report_file_write(const char *path, bool private_file, bool direct_ok, report_fd_writer write, void *ctx,
                            tl_error *err)
{
    if (!path || strcmp(path, "-") == 0)
        return write(STDOUT_FILENO, false, "standard output", ctx, err);
    tl_atomic_file out;
    tl_status st = atomic_file_open(&out, path, "the file", err);
    if (st != TL_OK)
        return st;
    bool direct = direct_ok && !atomic_file_in_place(&out) && try_direct(out.fd);
    st = write(out.fd, direct, out.path, ctx, err);
    if (st != TL_OK) {
        atomic_file_abort(&out);
        return st;
    }
    return atomic_file_commit(&out, file_mode(private_file), err);
}

tl_status report_xml_write(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                           const tl_report_meta *meta, const char *path, tl_error *err)
{
    static const tl_report_meta none;
    xml_job job = {s, f, lib, meta ? meta : &none};
    tl_status logged = f->with_names ? log_export(s, f, err) : TL_OK;
    if (logged != TL_OK)
        return logged;
    return report_file_write(path, f->with_names, true, write_xml, &job, err);
}
