/* `tillit merge`: every report is read twice with libxml2's streaming
 * reader and the schema attached: first to validate it (and note its id,
 * period, scope, sources and how many checklist runs it counts), then to
 * write its sessions and checklist counts into a temporary store
 * (core/store_import.h). The merged report is that store's export, so it
 * is counted exactly like a site's own report and memory does not grow
 * with the size of the reports. */
#include "merge.h"

#include "cleanup.h"
#include "datafiles.h"
#include "report_xml.h"
#include "store_import.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef char report_id[37];

/* The checklist runs one merge takes in, from one input and from all of
 * them together. A report carries runs as counts, but the merge stores one
 * row per run so that the merged report is counted by a site's own
 * queries: the limit bounds that work. And as no cell of the merged report
 * can hold more runs than the whole, it keeps every cell within the
 * schema's maximum for one (RunCount, the same 1 000 000), which adding up
 * the inputs' cells (or one input's cell listed twice) could pass. */
enum { MAX_CHECKLIST_RUNS = 1000000 };

/* What a report says about itself. */
typedef struct {
    report_id id;
    char from[11], to[11];           /* "" when open; see plain_date */
    char bad_bound[48];              /* a period bound that is not plain */
    char *curriculum, *organisation; /* its scope; NULL: every one */
    int64_t runs;                    /* in its checklist counts; at most MAX + 1 */
    bool has_indicators;             /* an <indicators> section (format 3 on) */
    report_id *sources;              /* a merged report's inputs */
    size_t n_sources;
} report_head;

/* Where the second pass is in the report, and what it imports into. */
typedef struct {
    tl_store *s;
    const char *const *inputs; /* every input's path, to name another one */
    int input;                 /* this one's number in inputs */
    bool claims;               /* it has checklist counts: see claim_session */
    tl_id session, participant, attempt;
    char checklist[65], month[8];
} importer;

typedef struct {
    const char *path;
    int fd;
    xmlTextReaderPtr r;
    char section[32]; /* the current child of <report> */
    char first_error[1024];
    report_head *head; /* first pass */
    importer *im;      /* second pass */
    xmlDocPtr numbers; /* report_load_numbers: the document being built */
    xmlNodePtr open[8]; /* its element at each depth of the one being read */
} scan;

const char *report_schema_path(void)
{
    static char path[PATH_MAX];
    tl_data_find("TILLIT_SCHEMA", "tillit/tillit-report.xsd", NULL, path, sizeof path);
    return path;
}

/* ---- errors ---- */

static void on_error(void *arg, xmlErrorPtr e)
{
    scan *sc = arg;
    if (sc->first_error[0] || !e)
        return;
    char msg[768];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "not a valid report");
    msg[strcspn(msg, "\n")] = '\0';
    snprintf(sc->first_error, sizeof sc->first_error, "%s:%d: %s", sc->path, e->line, msg);
}

static tl_status refuse_at(scan *sc, int line, const char *what)
{
    if (!sc->first_error[0])
        snprintf(sc->first_error, sizeof sc->first_error, "%s:%d: %s", sc->path, line, what);
    return TL_DATAERR;
}

static tl_status refuse(scan *sc, const char *what)
{
    return refuse_at(sc, xmlTextReaderGetParserLineNumber(sc->r), what);
}

/* The line of "<!DOCTYPE" in the prolog: the reader has parsed ahead by
 * the time it shows the DOCTYPE, so its own line number is further on. */
static int doctype_line(scan *sc)
{
    char buf[16384];
    ssize_t n = pread(sc->fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return xmlTextReaderGetParserLineNumber(sc->r);
    buf[n] = '\0';
    const char *at = strstr(buf, "<!DOCTYPE");
    if (!at)
        return xmlTextReaderGetParserLineNumber(sc->r);
    int line = 1;
    for (const char *p = buf; p < at; p++)
        line += *p == '\n';
    return line;
}

/* Entities are never loaded: a report needs none (see merge.h). */
static xmlParserInputPtr no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url, (void)id, (void)ctxt;
    return NULL;
}

static void quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

/* ---- attributes ---- */

typedef struct {
    xmlTextReaderPtr r;
    xmlChar *v[16];
    int n;
} attrs;

static const char *at(attrs *a, const char *name)
{
    if (a->n == (int)(sizeof a->v / sizeof a->v[0]))
        return NULL;
    a->v[a->n] = xmlTextReaderGetAttribute(a->r, BAD_CAST name);
    return (const char *)a->v[a->n++];
}

static void attrs_free(attrs *a)
{
    for (int i = 0; i < a->n; i++)
        xmlFree(a->v[i]);
}

static int64_t number(const char *s)
{
    return s ? strtoll(s, NULL, 10) : 0;
}

static bool boolean(const char *s)
{
    return s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

/* PT<h>H<m>M<s>S, the one form the schema allows, as seconds in *out;
 * false when the hours are out of range. The schema puts no bound on the
 * hours; a million (over a century on one module) is far above any real
 * time and keeps every sum of them in 64 bits (fuzzing found h * 3600
 * overflowing). */
enum { MAX_HOURS = 1000000 };

static bool seconds_of(const char *d, int64_t *out)
{
    long long h = 0, m = 0, s = 0;
    *out = 0;
    if (!d || sscanf(d, "PT%lldH%lldM%lldS", &h, &m, &s) != 3)
        return true;
    if (h < 0 || h > MAX_HOURS)
        return false;
    *out = h * 3600 + m * 60 + s;
    return true;
}

/* A date the report's months can be taken from: a four-digit year. The
 * schema's xs:date also allows other years, which made a merged report
 * with months like "12026-1" (found by fuzzing). */
static bool four_digit_year(const char *date)
{
    for (int i = 0; i < 4; i++)
        if (date[i] < '0' || date[i] > '9')
            return false;
    return date[4] == '-';
}

/* YYYY-MM-DD and nothing else, or no date (an open bound). xs:date also
 * allows other years and a time zone: the merged period, which is one of
 * the inputs' bounds, would be cut to a date the schema refuses or lose
 * its time zone. */
static bool plain_date(const char *date)
{
    return !date || (strlen(date) == 10 && four_digit_year(date));
}

/* "0 2" -> bits 0 and 2. */
static unsigned choices_of(const char *list)
{
    unsigned mask = 0;
    for (const char *p = list; p && *p;) {
        char *end;
        long i = strtol(p, &end, 10);
        if (end == p)
            break;
        if (i >= 0 && i < 32)
            mask |= 1u << i;
        p = end;
    }
    return mask;
}

/* One cell of the checklist counts: the runs of a checklist in a month with
 * one outcome (or none yet). */
static bool count_cell(const scan *sc, int depth, const char *name)
{
    return depth == 4 && strcmp(sc->section, "checklistUse") == 0 &&
           (strcmp(name, "outcome") == 0 || strcmp(name, "notAssessed") == 0);
}

/* ---- the first pass: the report's own id, period, scope, sources and
 * how many checklist runs it counts ---- */

static void note_bound(report_head *h, const char *bound, char out[11])
{
    snprintf(out, 11, "%s", bound ? bound : "");
    if (!plain_date(bound) && !h->bad_bound[0])
        snprintf(h->bad_bound, sizeof h->bad_bound, "%s", bound);
}

static char *copy_of(const char *s)
{
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        abort();
    return c;
}

/* Adds a cell's runs, each taken as at most the limit + 1 (this pass comes
 * before the schema's), so that the sum cannot overflow. */
static void note_runs(report_head *h, const char *runs)
{
    int64_t n = number(runs);
    n = n < 0 ? 0 : n > MAX_CHECKLIST_RUNS ? MAX_CHECKLIST_RUNS + 1 : n;
    h->runs = h->runs + n > MAX_CHECKLIST_RUNS ? MAX_CHECKLIST_RUNS + 1 : h->runs + n;
}

static void note_head(scan *sc, int depth, const char *name)
{
    report_head *h = sc->head;
    attrs a = {.r = sc->r};
    if (depth == 0 && strcmp(name, "report") == 0) {
        const char *id = at(&a, "id");
        snprintf(h->id, sizeof h->id, "%s", id ? id : "");
    } else if (depth == 1 && strcmp(name, "indicators") == 0) {
        h->has_indicators = true;
    } else if (depth == 1 && strcmp(name, "period") == 0) {
        note_bound(h, at(&a, "from"), h->from);
        note_bound(h, at(&a, "to"), h->to);
    } else if (depth == 1 && strcmp(name, "scope") == 0) {
        free(h->curriculum); /* this pass is before the schema's: a second <scope> */
        free(h->organisation);
        h->curriculum = copy_of(at(&a, "curriculum"));
        h->organisation = copy_of(at(&a, "organisation"));
    } else if (count_cell(sc, depth, name)) {
        note_runs(h, at(&a, "runs"));
    } else if (depth == 2 && strcmp(sc->section, "sources") == 0 && strcmp(name, "source") == 0) {
        const char *id = at(&a, "id");
        if (!(h->sources = realloc(h->sources, (h->n_sources + 1) * sizeof *h->sources)))
            abort();
        snprintf(h->sources[h->n_sources++], sizeof(report_id), "%s", id ? id : "");
    }
    attrs_free(&a);
}

static void head_free(report_head *h)
{
    free(h->sources);
    free(h->curriculum);
    free(h->organisation);
}

/* ---- the second pass: records into the store ---- */

/* Checklist counts carry no ids, so two inputs that both have counts may
 * count the same runs twice. They do when they come from the same site and
 * overlap, and a session in both shows that (a report names no site). */
static tl_status claim_session(scan *sc, const char *uuid, tl_error *err)
{
    importer *im = sc->im;
    int first;
    tl_status st = import_claim_session(im->s, im->session, im->input, &first, err);
    if (st == TL_OK && first != im->input)
        st = tl_fail(err, TL_DATAERR,
                     "%s and %s: both hold session %s and checklist counts: they are reports of the "
                     "same site that overlap, and its checklist runs would count twice; merge reports "
                     "of separate periods, or the original reports",
                     im->inputs[first], sc->path, uuid);
    return st;
}

static tl_status import_session_el(scan *sc, attrs *a, tl_error *err)
{
    tl_report_session row = {at(a, "id"), at(a, "kind"), at(a, "curriculum"),
                             at(a, "curriculumVersion"), at(a, "contentHash"), at(a, "date"),
                             at(a, "start"), at(a, "end"), at(a, "trainer"), at(a, "location"),
                             at(a, "description")};
    if (!row.uuid || !row.kind || !row.curriculum_id || !row.curriculum_version || !row.content_hash ||
        !row.date || !row.start_time)
        return refuse(sc, "a session without its required attributes");
    /* Stored as it is and compared as text with the period's bounds: a
     * time zone or a fifth digit of the year would sort it wrongly. */
    if (!plain_date(row.date))
        return refuse(sc, "a session date that is not a plain YYYY-MM-DD");
    tl_status st = import_session(sc->im->s, &row, &sc->im->session, err);
    return st == TL_OK && sc->im->claims ? claim_session(sc, row.uuid, err) : st;
}

static tl_status import_attendee_el(scan *sc, attrs *a, tl_error *err)
{
    const char *minutes = at(a, "minutes");
    tl_report_attendee row = {at(a, "participant"), at(a, "name"), at(a, "level"),
                              at(a, "organisation"), at(a, "organisationType"), at(a, "status"),
                              minutes ? number(minutes) : -1};
    if (!sc->im->session || !row.participant || !row.level || !row.organisation || !row.org_type)
        return refuse(sc, "an attendee without its required attributes");
    return import_attendee(sc->im->s, sc->im->session, &row, &sc->im->participant, err);
}

static tl_status import_progress_el(scan *sc, attrs *a, tl_error *err)
{
    tl_report_progress row = {at(a, "module"), number(at(a, "page")), number(at(a, "pages")), 0,
                              at(a, "started"), at(a, "completed")};
    if (!sc->im->participant || !row.module_id || !row.started_at)
        return refuse(sc, "progress without its required attributes");
    if (!seconds_of(at(a, "timeSpent"), &row.seconds))
        return refuse(sc, "a time spent out of range (more than a million hours)");
    return import_progress(sc->im->s, sc->im->session, sc->im->participant, &row, err);
}

static tl_status import_attempt_el(scan *sc, attrs *a, tl_error *err)
{
    const char *score = at(a, "score"), *max = at(a, "maxScore"), *passed = at(a, "passed");
    tl_report_attempt row = {.uuid = at(a, "id"),
                             .check_id = at(a, "check"),
                             .phase = at(a, "phase"),
                             .number = number(at(a, "number")),
                             .started_at = at(a, "started"),
                             .finished_at = at(a, "finished"),
                             .scored = score && max && passed,
                             .score = number(score),
                             .max_score = number(max),
                             .passed = boolean(passed)};
    if (!sc->im->participant || !row.uuid || !row.check_id || !row.phase || !row.started_at)
        return refuse(sc, "an attempt without its required attributes");
    /* The schema cannot say it: a score above its maximum would make a
     * percentage above 100 in the merged report (found by fuzzing). */
    if (row.scored && row.score > row.max_score)
        return refuse(sc, "an attempt scored above its maximum score");
    return import_attempt(sc->im->s, sc->im->session, sc->im->participant, &row, &sc->im->attempt, err);
}

static tl_status import_answer_el(scan *sc, attrs *a, tl_error *err)
{
    tl_report_answer row = {at(a, "question"), choices_of(at(a, "chosen")), boolean(at(a, "correct"))};
    if (!sc->im->attempt || !row.question_id)
        return refuse(sc, "an answer without its required attributes");
    return import_answer(sc->im->s, sc->im->attempt, &row, err);
}

static tl_status import_counts_el(scan *sc, int depth, const char *name, attrs *a, tl_error *err)
{
    importer *im = sc->im;
    if (depth == 2 && strcmp(name, "checklist") == 0) {
        const char *id = at(a, "id");
        snprintf(im->checklist, sizeof im->checklist, "%s", id ? id : "");
    } else if (depth == 3 && strcmp(name, "month") == 0) {
        const char *month = at(a, "month");
        snprintf(im->month, sizeof im->month, "%s", month ? month : "");
    } else if (count_cell(sc, depth, name)) {
        const char *outcome = strcmp(name, "outcome") == 0 ? at(a, "id") : NULL;
        int64_t runs = number(at(a, "runs"));
        if (!im->checklist[0] || !im->month[0] || runs < 1 || runs > MAX_CHECKLIST_RUNS)
            return refuse(sc, "checklist counts out of place or out of range");
        return import_checklist_runs(im->s, im->checklist, im->month, outcome, runs, err);
    }
    return TL_OK;
}

/* An indicator's cell as the report gives it, small-cell rule and all: a
 * suppressed count stays suppressed (docs/report-format.md, Merging). */
static tl_status import_indicator_el(scan *sc, int depth, const char *name, attrs *a, tl_error *err)
{
    importer *im = sc->im;
    if (depth == 2 && strcmp(name, "checklist") == 0) {
        const char *id = at(a, "id");
        snprintf(im->checklist, sizeof im->checklist, "%s", id ? id : "");
        return TL_OK;
    }
    if (depth != 3 || strcmp(name, "indicator") != 0)
        return TL_OK;
    const char *id = at(a, "id");
    tl_protected_count yes = {number(at(a, "yes")), number(at(a, "smallCells"))};
    /* No count can pass the runs a merge takes (and so none overflows). */
    if (!im->checklist[0] || !id || yes.shown < 0 || yes.small < 0 || yes.shown > MAX_CHECKLIST_RUNS ||
        yes.small > MAX_CHECKLIST_RUNS)
        return refuse(sc, "indicator counts out of place or out of range");
    return import_indicator_cell(im->s, im->checklist, id, yes, err);
}

static tl_status import_element(scan *sc, int depth, const char *name, tl_error *err)
{
    attrs a = {.r = sc->r};
    tl_status st = TL_OK;
    if (strcmp(sc->section, "sessions") == 0) {
        if (depth == 2 && strcmp(name, "session") == 0)
            st = import_session_el(sc, &a, err);
        else if (depth == 3 && strcmp(name, "attendee") == 0)
            st = import_attendee_el(sc, &a, err);
        else if (depth == 4 && strcmp(name, "progress") == 0)
            st = import_progress_el(sc, &a, err);
        else if (depth == 4 && strcmp(name, "attempt") == 0)
            st = import_attempt_el(sc, &a, err);
        else if (depth == 5 && strcmp(name, "answer") == 0)
            st = import_answer_el(sc, &a, err);
    } else if (strcmp(sc->section, "checklistUse") == 0) {
        st = import_counts_el(sc, depth, name, &a, err);
    } else if (strcmp(sc->section, "indicators") == 0) {
        st = import_indicator_el(sc, depth, name, &a, err);
    }
    attrs_free(&a);
    return st;
}

/* ---- the numbers of a report as a document ---- */

/* Copies the element the reader is on, with its attributes, into
 * sc->numbers: everything but what is inside <sessions>, whose detail
 * nothing made from the numbers reads. */
static void copy_element(scan *sc, int depth, const char *name)
{
    if (depth >= (int)(sizeof sc->open / sizeof sc->open[0]) || (depth > 1 && strcmp(sc->section, "sessions") == 0))
        return;
    xmlNodePtr parent = depth > 0 ? sc->open[depth - 1] : NULL;
    if (depth > 0 && !parent)
        return;
    xmlNodePtr el = xmlNewDocNode(sc->numbers, NULL, BAD_CAST name, NULL);
    if (!el)
        abort();
    if (parent) {
        xmlSetNs(el, parent->ns);
        xmlAddChild(parent, el);
    } else {
        xmlSetNs(el, xmlNewNs(el, xmlTextReaderConstNamespaceUri(sc->r), NULL));
        xmlDocSetRootElement(sc->numbers, el);
    }
    for (int more = xmlTextReaderMoveToFirstAttribute(sc->r); more == 1;
         more = xmlTextReaderMoveToNextAttribute(sc->r))
        if (!xmlTextReaderIsNamespaceDecl(sc->r))
            xmlNewProp(el, xmlTextReaderConstLocalName(sc->r), xmlTextReaderConstValue(sc->r));
    xmlTextReaderMoveToElement(sc->r);
    sc->open[depth] = el;
}

/* ---- reading one report ---- */

static tl_status on_node(scan *sc, tl_error *err)
{
    int type = xmlTextReaderNodeType(sc->r);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        return refuse_at(sc, doctype_line(sc), "a DOCTYPE is not allowed in a report (no DTDs, no entities)");
    if (type == XML_READER_TYPE_ENTITY_REFERENCE)
        return refuse(sc, "entities are not allowed in a report");
    if (type != XML_READER_TYPE_ELEMENT)
        return TL_OK;
    int depth = xmlTextReaderDepth(sc->r);
    const char *name = (const char *)xmlTextReaderConstLocalName(sc->r);
    if (!name)
        return TL_OK;
    if (depth == 1)
        snprintf(sc->section, sizeof sc->section, "%s", name);
    if (sc->head)
        note_head(sc, depth, name);
    if (sc->numbers)
        copy_element(sc, depth, name);
    return sc->im ? import_element(sc, depth, name, err) : TL_OK;
}

/* One pass over the report in fd. Without a schema: well-formed XML, no
 * DOCTYPE (libxml2 2.9 can crash when an entity error meets a reader with a
 * schema, so no document with a DTD ever gets that far). With a schema:
 * valid. head and im (may be NULL) say what else the pass does. */
static tl_status read_report(const char *path, int fd, xmlSchemaPtr schema, report_head *head,
                             importer *im, xmlDocPtr numbers, tl_error *err)
{
    if (lseek(fd, 0, SEEK_SET) != 0)
        return tl_fail(err, TL_IOERR, "%s: cannot read: %s", path, strerror(errno));
    scan sc = {.path = path, .fd = fd, .head = head, .im = im, .numbers = numbers};
    /* No network, no entity substitution, no DTD loading. */
    sc.r = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET);
    if (!sc.r)
        return tl_fail(err, TL_NOINPUT, "%s: cannot read the report", path);
    tl_status st = TL_OK;
    if (schema && xmlTextReaderSetSchema(sc.r, schema) != 0)
        st = tl_fail(err, TL_IOERR, "%s: cannot set up the schema validation", path);
    xmlTextReaderSetStructuredErrorHandler(sc.r, on_error, &sc);
    int rc = 1;
    while (st == TL_OK && !sc.first_error[0] && (rc = xmlTextReaderRead(sc.r)) == 1)
        st = on_node(&sc, err);
    /* libxml2's schema validator frees its state only at the end of the
     * document: after an error, read on (and do nothing). */
    while (schema && rc == 1 && (sc.first_error[0] || st != TL_OK) && (rc = xmlTextReaderRead(sc.r)) == 1)
        ;
    if (sc.first_error[0])
        st = tl_fail(err, TL_DATAERR, "%s", sc.first_error);
    else if (st == TL_OK && (rc < 0 || (schema && xmlTextReaderIsValid(sc.r) != 1)))
        st = tl_fail(err, TL_DATAERR, "%s: not a valid report", path);
    xmlFreeTextReader(sc.r);
    return st;
}

/* Runs read_report with entity loading and libxml2's own printing off. */
static tl_status read_report_safely(const char *path, int fd, xmlSchemaPtr schema, report_head *head,
                                    importer *im, xmlDocPtr numbers, tl_error *err)
{
    xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
    xmlGenericErrorFunc old_handler = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetExternalEntityLoader(no_entities);
    xmlSetGenericErrorFunc(NULL, quiet);
    tl_status st = read_report(path, fd, schema, head, im, numbers, err);
    xmlSetGenericErrorFunc(old_ctx, old_handler);
    xmlSetExternalEntityLoader(old_loader);
    return st;
}

/* Both checks, in that order: plain XML without a DTD, then the schema. */
static tl_status check_report(const char *path, int fd, xmlSchemaPtr schema, report_head *head,
                              tl_error *err)
{
    tl_status st = read_report_safely(path, fd, NULL, head, NULL, NULL, err);
    return st == TL_OK ? read_report_safely(path, fd, schema, NULL, NULL, NULL, err) : st;
}

static tl_status open_input(const char *path, int *fd, tl_error *err)
{
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0)
        return tl_fail(err, TL_NOINPUT, "%s: cannot read: %s", path, strerror(errno));
    return TL_OK;
}

static void on_schema_error(void *arg, xmlErrorPtr e)
{
    char *first = arg;
    if (!first[0] && e && e->message)
        snprintf(first, 512, "%s", e->message);
}

static tl_status load_schema(xmlSchemaPtr *schema, tl_error *err)
{
    const char *path = report_schema_path();
    if (access(path, R_OK) != 0)
        return tl_fail(err, TL_NOINPUT, "%s: cannot read the report schema: %s", path, strerror(errno));
    char first[512] = "";
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (pc)
        xmlSchemaSetParserStructuredErrors(pc, on_schema_error, first);
    *schema = pc ? xmlSchemaParse(pc) : NULL;
    xmlSchemaFreeParserCtxt(pc);
    if (!*schema)
        return tl_fail(err, TL_DATAERR, "%s: not a usable schema: %.400s", path, first);
    return TL_OK;
}

tl_status report_validate(const char *path, tl_error *err)
{
    xmlSchemaPtr schema;
    tl_status st = load_schema(&schema, err);
    if (st != TL_OK)
        return st;
    report_head head = {0};
    int fd;
    st = open_input(path, &fd, err);
    if (st == TL_OK) {
        st = check_report(path, fd, schema, &head, err);
        close(fd);
    }
    head_free(&head);
    xmlSchemaFree(schema);
    return st;
}

tl_status report_load_numbers(const char *path, xmlDocPtr *numbers, tl_error *err)
{
    *numbers = NULL;
    xmlSchemaPtr schema;
    tl_status st = load_schema(&schema, err);
    if (st != TL_OK)
        return st;
    report_head head = {0};
    int fd = -1;
    st = open_input(path, &fd, err);
    xmlDocPtr doc = st == TL_OK ? xmlNewDoc(BAD_CAST "1.0") : NULL;
    if (st == TL_OK && !doc)
        abort();
    /* As check_report, with the document built in the schema's pass. */
    if (st == TL_OK)
        st = read_report_safely(path, fd, NULL, &head, NULL, NULL, err);
    if (st == TL_OK)
        st = read_report_safely(path, fd, schema, NULL, NULL, doc, err);
    if (fd >= 0)
        close(fd);
    head_free(&head);
    xmlSchemaFree(schema);
    if (st == TL_OK)
        *numbers = doc;
    else
        xmlFreeDoc(doc);
    return st;
}

/* ---- merging ---- */

typedef struct {
    report_id *ids;
    size_t n;
} id_set;

static bool id_known(const id_set *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->ids[i], id) == 0)
            return true;
    return false;
}

static void id_add(id_set *s, const char *id)
{
    if (!(s->ids = realloc(s->ids, (s->n + 1) * sizeof *s->ids)))
        abort();
    snprintf(s->ids[s->n++], sizeof(report_id), "%s", id);
}

/* The reports an input stands for: its sources when merged, else itself. */
static const char *head_id(const report_head *h, size_t i)
{
    return h->n_sources ? h->sources[i] : h->id;
}

static size_t head_count(const report_head *h)
{
    return h->n_sources ? h->n_sources : 1;
}

/* true: merge it; false: it adds nothing. Refuses a partial overlap: its
 * checklist counts cannot be split between the reports it was made of. */
static tl_status decide(const report_head *h, const char *path, id_set *seen, bool *merge, tl_error *err)
{
    size_t known = 0, n = head_count(h);
    for (size_t i = 0; i < n; i++)
        known += id_known(seen, head_id(h, i));
    *merge = known == 0;
    if (known > 0 && known < n)
        return tl_fail(err, TL_DATAERR, "%s: made partly of reports that are already merged; "
                       "merge the original reports instead", path);
    for (size_t i = 0; *merge && i < n; i++)
        id_add(seen, head_id(h, i));
    return TL_OK;
}

/* The temporary store a merge fills: a private folder with the files SQLite
 * makes for it, each removed also when the merge is stopped by a signal. */
static const char *const temp_files[] = {"merge.db", "merge.db-wal", "merge.db-shm", "merge.db-journal"};
enum { N_TEMP_FILES = sizeof temp_files / sizeof temp_files[0] };

typedef struct {
    char dir[4096];
    int slots[N_TEMP_FILES + 1]; /* cleanup.h: the files, then the folder */
} temp_area;

static void temp_path(const temp_area *t, size_t i, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", t->dir, temp_files[i]);
}

static tl_status temp_store(temp_area *t, tl_store **s, tl_error *err)
{
    for (size_t i = 0; i <= N_TEMP_FILES; i++)
        t->slots[i] = -1;
    const char *base = getenv("TMPDIR");
    snprintf(t->dir, sizeof t->dir, "%s/tillit-merge-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(t->dir))
        return tl_fail(err, TL_CANTCREAT, "cannot create a temporary folder (%s): %s", t->dir,
                       strerror(errno));
    char path[4200];
    for (size_t i = 0; i < N_TEMP_FILES; i++) {
        temp_path(t, i, path, sizeof path);
        t->slots[i] = cleanup_remember(path);
    }
    t->slots[N_TEMP_FILES] = cleanup_remember(t->dir);
    temp_path(t, 0, path, sizeof path);
    return store_open(path, false, s, err);
}

static void temp_remove(const temp_area *t)
{
    char path[4200];
    for (size_t i = 0; i < N_TEMP_FILES; i++) {
        temp_path(t, i, path, sizeof path);
        unlink(path);
    }
    rmdir(t->dir);
    for (size_t i = 0; i <= N_TEMP_FILES; i++)
        cleanup_forget(t->slots[i]);
}

/* The merged period: from the earliest start to the latest end; open on a
 * side when any input is. */
static void merged_period(const report_head *heads, size_t n, char from[11], char to[11])
{
    snprintf(from, 11, "%s", n ? heads[0].from : "");
    snprintf(to, 11, "%s", n ? heads[0].to : "");
    for (size_t i = 1; i < n; i++) {
        if (!heads[i].from[0] || (from[0] && strcmp(heads[i].from, from) < 0))
            snprintf(from, 11, "%s", heads[i].from);
        if (!heads[i].to[0] || (to[0] && strcmp(heads[i].to, to) > 0))
            snprintf(to, 11, "%s", heads[i].to);
    }
}

/* What merging asks of one report beyond the schema. */
static tl_status check_mergeable(const report_head *h, const char *path, tl_error *err)
{
    if (h->bad_bound[0])
        return tl_fail(err, TL_DATAERR,
                       "%s: the period bound \"%s\" is not a plain date YYYY-MM-DD (a four-digit "
                       "year, no time zone)",
                       path, h->bad_bound);
    if (h->runs > MAX_CHECKLIST_RUNS)
        return tl_fail(err, TL_DATAERR, "%s: checklist counts of more than %d runs, the most a merge takes",
                       path, MAX_CHECKLIST_RUNS);
    /* The merged report would hold no checklist use (as a site's own report
     * with that scope does not): the counts would be lost without a word. */
    if (h->runs > 0 && (h->curriculum || h->organisation))
        return tl_fail(err, TL_DATAERR,
                       "%s: checklist counts in a report of one curriculum or organisation "
                       "(checklist runs belong to neither)",
                       path);
    return TL_OK;
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void scope_text(const report_head *h, char *buf, size_t size)
{
    snprintf(buf, size, "%s%.64s%s, %s%.200s%s", h->curriculum ? "curriculum \"" : "every curriculum",
             h->curriculum ? h->curriculum : "", h->curriculum ? "\"" : "",
             h->organisation ? "organisation \"" : "every organisation",
             h->organisation ? h->organisation : "", h->organisation ? "\"" : "");
}

/* The merged report states one scope (curriculum and organisation), so it
 * is the inputs' scope only when they all have the same. */
static tl_status check_scopes(const report_head *heads, const char *const *inputs, size_t n, tl_error *err)
{
    for (size_t i = 1; i < n; i++) {
        if (same_text(heads[i].curriculum, heads[0].curriculum) &&
            same_text(heads[i].organisation, heads[0].organisation))
            continue;
        char a[300], b[300];
        scope_text(&heads[0], a, sizeof a);
        scope_text(&heads[i], b, sizeof b);
        return tl_fail(err, TL_DATAERR,
                       "%s and %s: reports of different scopes (%s; %s): merge only reports of the "
                       "same curriculum and organisation",
                       inputs[0], inputs[i], a, b);
    }
    return TL_OK;
}

/* Which inputs to merge (take), before anything is imported: decide() for
 * each, a note for each that adds nothing, and the limit on the checklist
 * runs of those taken together. */
static tl_status plan(const report_head *heads, const char *const *inputs, size_t n, id_set *seen,
                      bool *take, FILE *notes, tl_error *err)
{
    int64_t runs = 0;
    for (size_t i = 0; i < n; i++) {
        tl_status st = decide(&heads[i], inputs[i], seen, &take[i], err);
        if (st != TL_OK)
            return st;
        if (!take[i] && notes)
            fprintf(notes, "tillit: note: %s adds nothing: its report%s merged already\n", inputs[i],
                    heads[i].n_sources > 1 ? "s are" : " is");
        runs += take[i] ? heads[i].runs : 0;
        if (runs > MAX_CHECKLIST_RUNS)
            return tl_fail(err, TL_DATAERR,
                           "%s: with it the checklist counts come to more than %d runs, the most a "
                           "merge takes",
                           inputs[i], MAX_CHECKLIST_RUNS);
    }
    return TL_OK;
}

static tl_status import_all(tl_store *s, const char *const *inputs, const int *fds, size_t n,
                            xmlSchemaPtr schema, const report_head *heads, const bool *take, tl_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!take[i])
            continue;
        importer im = {.s = s, .inputs = inputs, .input = (int)i, .claims = heads[i].runs > 0};
        tl_status st = import_begin(s, err);
        if (st == TL_OK)
            st = read_report_safely(inputs[i], fds[i], schema, NULL, &im, NULL, err);
        if (st == TL_OK)
            st = import_commit(s, err);
        if (st != TL_OK) {
            import_rollback(s);
            return st;
        }
    }
    return TL_OK;
}

/* Whether the merged indicator counts would be short: an input taken has
 * checklist runs but, written before format 3, no indicator counts. Its
 * runs' answers are unknown, so the merged report has no counts rather
 * than counts that leave them out. */
static bool indicators_unknown(const report_head *heads, const bool *take, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (take[i] && heads[i].runs > 0 && !heads[i].has_indicators)
            return true;
    return false;
}

/* What the merged store holds: the merged period, the inputs' scope (one
 * for all: check_scopes) and the sources, handed to use. The filter is the
 * scope, which selects all that the inputs hold: it is what they were
 * filtered by. */
static tl_status use_merged(tl_store *s, const report_head *heads, const bool *take, size_t n,
                            const id_set *seen, bool with_names, report_merged_fn use, void *ctx,
                            tl_error *err)
{
    char from[11], to[11];
    merged_period(heads, n, from, to);
    const char **sources = malloc(seen->n * sizeof *sources);
    if (!sources && seen->n)
        abort();
    for (size_t i = 0; i < seen->n; i++)
        sources[i] = seen->ids[i];
    tl_report_meta meta = {.from = from[0] ? from : NULL,
                           .to = to[0] ? to : NULL,
                           .sources = sources,
                           .n_sources = seen->n,
                           .without_indicators = indicators_unknown(heads, take, n)};
    tl_report_filter scope = {.curriculum = n ? heads[0].curriculum : NULL,
                              .organisation = n ? heads[0].organisation : NULL,
                              .with_names = with_names};
    tl_status st = use(s, &scope, &meta, ctx, err);
    free(sources);
    return st;
}

static tl_status merge_valid(const char *const *inputs, const int *fds, size_t n, xmlSchemaPtr schema,
                             report_head *heads, bool with_names, FILE *notes, report_merged_fn use,
                             void *ctx, tl_error *err)
{
    id_set seen = {0};
    bool *take = calloc(n ? n : 1, sizeof *take);
    if (!take)
        abort();
    tl_status st = plan(heads, inputs, n, &seen, take, notes, err);
    temp_area temp;
    tl_store *s = NULL;
    bool made = st == TL_OK;
    if (made)
        st = temp_store(&temp, &s, err);
    if (st == TL_OK)
        st = import_all(s, inputs, fds, n, schema, heads, take, err);
    if (st == TL_OK)
        st = use_merged(s, heads, take, n, &seen, with_names, use, ctx, err);
    free(take);
    free(seen.ids);
    store_close(s);
    if (made)
        temp_remove(&temp);
    return st;
}

tl_status report_merge_into(const char *const *inputs, size_t n, bool with_names, FILE *notes,
                            report_merged_fn use, void *ctx, tl_error *err)
{
    xmlSchemaPtr schema;
    tl_status st = load_schema(&schema, err);
    if (st != TL_OK)
        return st;
    report_head *heads = calloc(n ? n : 1, sizeof *heads);
    int *fds = malloc((n ? n : 1) * sizeof *fds);
    if (!heads || !fds)
        abort();
    /* Each input is opened once: all passes read the same file. */
    size_t opened = 0;
    for (; st == TL_OK && opened < n; opened++)
        st = open_input(inputs[opened], &fds[opened], err);
    if (st != TL_OK)
        opened--;
    for (size_t i = 0; st == TL_OK && i < n; i++) {
        st = check_report(inputs[i], fds[i], schema, &heads[i], err);
        if (st == TL_OK)
            st = check_mergeable(&heads[i], inputs[i], err);
    }
    if (st == TL_OK)
        st = check_scopes(heads, inputs, n, err);
    if (st == TL_OK)
        st = merge_valid(inputs, fds, n, schema, heads, with_names, notes, use, ctx, err);
    for (size_t i = 0; i < opened; i++)
        close(fds[i]);
    for (size_t i = 0; i < n; i++)
        head_free(&heads[i]);
    free(heads);
    free(fds);
    xmlSchemaFree(schema);
    return st;
}

typedef struct {
    const char *out;
    const tl_library *lib;
} merged_output;

static tl_status write_merged(tl_store *s, const tl_report_filter *scope, const tl_report_meta *meta,
                              void *ctx, tl_error *err)
{
    const merged_output *o = ctx;
    return report_xml_write(s, scope, o->lib, meta, o->out, err);
}

tl_status report_merge(const char *const *inputs, size_t n, const char *out, bool with_names,
                       const tl_library *lib, FILE *notes, tl_error *err)
{
    merged_output o = {out, lib};
    return report_merge_into(inputs, n, with_names, notes, write_merged, &o, err);
}
