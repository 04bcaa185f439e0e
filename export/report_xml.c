/* The XML report: one pass over the report's cursors straight into
 * libxml2's writer, which escapes the text and streams it to a file
 * descriptor through a small write callback (so a full disk is seen with its
 * errno). Every writer call is checked: the first failure sticks in
 * xml_out.failed and stops the sections. */
#include "report_xml.h"

#include <libxml/xmlwriter.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    xmlTextWriterPtr w;
    int fd;
    int write_errno; /* set by sink_write */
    bool failed;     /* a writer call returned an error */
    bool with_names;
} xml_out;

/* ---- output ---- */

static int sink_write(void *ctx, const char *buf, int len)
{
    xml_out *x = ctx;
    int done = 0;
    while (done < len) {
        ssize_t n = write(x->fd, buf + done, (size_t)(len - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            x->write_errno = n < 0 ? errno : EIO;
            return -1;
        }
        done += (int)n;
    }
    return len;
}

static int sink_close(void *ctx)
{
    (void)ctx; /* the descriptor is closed (and checked) by its owner */
    return 0;
}

/* ---- checked writer calls ---- */

static void check(xml_out *x, int rc)
{
    if (rc < 0)
        x->failed = true;
}

static void el_start(xml_out *x, const char *name)
{
    if (!x->failed)
        check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static void el_end(xml_out *x)
{
    if (!x->failed)
        check(x, xmlTextWriterEndElement(x->w));
}

/* An attribute; a NULL value writes nothing (the attribute is optional). */
static void at_str(xml_out *x, const char *name, const char *value)
{
    if (!x->failed && value)
        check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

static void at_int(xml_out *x, const char *name, int64_t v)
{
    if (!x->failed)
        check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "%lld", (long long)v));
}

static void at_dec(xml_out *x, const char *name, double v)
{
    if (!x->failed)
        check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "%.1f", v));
}

static void at_bool(xml_out *x, const char *name, bool v)
{
    at_str(x, name, v ? "true" : "false");
}

/* xs:duration in the one form the schema allows: PT<h>H<m>M<s>S. */
static void at_duration(xml_out *x, const char *name, int64_t seconds)
{
    if (!x->failed)
        check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "PT%lldH%02lldM%02lldS",
                                                   (long long)(seconds / 3600),
                                                   (long long)(seconds / 60 % 60),
                                                   (long long)(seconds % 60)));
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
    return tl_fail(err, TL_IOERR, "%s: cannot write the report (XML writer error)", target);
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
    el_end(x);
}

static void header(xml_out *x, const tl_report_filter *f, const tl_report_meta *m, const char *id)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!x->failed)
        check(x, xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST "report", BAD_CAST TL_REPORT_NS));
    at_str(x, "formatVersion", "1");
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
    at_str(x, "organisation", f->organisation);
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
        at_str(x, "name", o.name);
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
        at_str(x, "name", x->with_names ? a.name : NULL);
        at_str(x, "level", a.level);
        at_str(x, "organisation", a.organisation);
        at_str(x, "organisationType", a.org_type);
        at_str(x, "status", a.status);
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
    bool has = true;
    tl_status st = TL_OK;
    while (!x->failed && (st = report_next_session(r, &s, &has, err)) == TL_OK && has) {
        el_start(x, "session");
        at_str(x, "id", s.uuid);
        at_str(x, "kind", s.kind);
        at_str(x, "curriculum", s.curriculum_id);
        at_str(x, "curriculumVersion", s.curriculum_version);
        at_str(x, "contentHash", s.content_hash);
        at_str(x, "date", s.date);
        at_time(x, "start", s.start_time);
        at_time(x, "end", s.end_time);
        at_str(x, "trainer", s.trainer);
        at_str(x, "location", s.location);
        at_str(x, "description", s.description);
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

/* ---- the whole document ---- */

static tl_status write_sections(xml_out *x, tl_report *r, tl_error *err)
{
    tl_status (*const sections[])(xml_out *, tl_report *, tl_error *) = {
        totals, months, groups, organisations, curricula, sessions, checklist_use};
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
    check(x, xmlTextWriterSetIndent(x->w, 1));
    if (!x->failed)
        check(x, xmlTextWriterSetIndentString(x->w, BAD_CAST "  "));
    if (!x->failed)
        check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL));
    header(x, f, m, id);
    tl_status st = x->failed ? TL_OK : write_sections(x, r, err);
    if (st != TL_OK)
        return st;
    if (!x->failed)
        check(x, xmlTextWriterEndDocument(x->w)); /* closes the open elements */
    if (!x->failed)
        check(x, xmlTextWriterFlush(x->w));
    return x->failed ? write_failed(x, target, err) : TL_OK;
}

/* libxml2 also prints its I/O errors; the report's own message (with the
 * file name and errno) is the one the user sees. */
static void quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

/* Writes the whole report to fd (not closed here). */
static tl_status write_to_fd(int fd, const char *target, tl_store *s, const tl_report_filter *f,
                             const tl_library *lib, const tl_report_meta *m, tl_error *err)
{
    tl_report *r;
    tl_status st = report_open(s, f, lib, &r, err);
    if (st != TL_OK)
        return st;
    xml_out x = {.fd = fd, .with_names = f->with_names};
    xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(sink_write, sink_close, &x, NULL);
    x.w = buf ? xmlNewTextWriter(buf) : NULL;
    if (!x.w) {
        if (buf)
            xmlOutputBufferClose(buf);
        report_close(r);
        return tl_fail(err, TL_IOERR, "%s: cannot start the XML writer", target);
    }
    xmlGenericErrorFunc old_handler = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    st = write_document(&x, r, f, m, target, err);
    xmlFreeTextWriter(x.w);
    xmlSetGenericErrorFunc(old_ctx, old_handler);
    report_close(r);
    return st;
}

/* ---- files: a temporary file beside the target, renamed when complete ---- */

static tl_status create_status(int e)
{
    return e == ENOSPC || e == EDQUOT || e == EIO ? TL_IOERR : TL_CANTCREAT;
}

static tl_status open_temp_beside(const char *path, char *tmp, size_t size, int *fd, tl_error *err)
{
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(tmp, size, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
                  : snprintf(tmp, size, ".%s.XXXXXX", path);
    if (n < 0 || (size_t)n >= size)
        return tl_fail(err, TL_CANTCREAT, "%s: the path is too long", path);
    *fd = mkstemp(tmp);
    if (*fd < 0)
        return tl_fail(err, create_status(errno), "%s: cannot create the report there: %s", path,
                       strerror(errno));
    return TL_OK;
}

/* A report with names is private to its owner; one without follows umask. */
static mode_t report_mode(bool with_names)
{
    mode_t mask = umask(0);
    umask(mask);
    return with_names ? 0600 : 0666 & ~mask;
}

static void sync_folder(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path + 1) : 1, slash ? path : ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd); /* best effort: the rename itself has happened */
        close(fd);
    }
}

static tl_status finish_file(int fd, const char *tmp, const char *path, bool with_names, tl_error *err)
{
    tl_status st = TL_OK;
    if (fchmod(fd, report_mode(with_names)) != 0 || fsync(fd) != 0)
        st = tl_fail(err, TL_IOERR, "%s: cannot write the report: %s", path, strerror(errno));
    if (close(fd) != 0 && st == TL_OK)
        st = tl_fail(err, TL_IOERR, "%s: cannot write the report: %s", path, strerror(errno));
    if (st == TL_OK && rename(tmp, path) != 0)
        st = tl_fail(err, TL_CANTCREAT, "%s: cannot create the report: %s", path, strerror(errno));
    if (st == TL_OK)
        sync_folder(path);
    return st;
}

tl_status report_xml_write(tl_store *s, const tl_report_filter *f, const tl_library *lib,
                           const tl_report_meta *meta, const char *path, tl_error *err)
{
    static const tl_report_meta none;
    const tl_report_meta *m = meta ? meta : &none;
    if (!path || strcmp(path, "-") == 0)
        return write_to_fd(STDOUT_FILENO, "standard output", s, f, lib, m, err);
    char tmp[4096];
    int fd = -1;
    tl_status st = open_temp_beside(path, tmp, sizeof tmp, &fd, err);
    if (st != TL_OK)
        return st;
    st = write_to_fd(fd, path, s, f, lib, m, err);
    if (st == TL_OK)
        st = finish_file(fd, tmp, path, f->with_names, err);
    else
        close(fd);
    if (st != TL_OK)
        unlink(tmp);
    return st;
}
