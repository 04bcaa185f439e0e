/* Merging reports: the merge of two sites' reports equals the report of
 * their combined data, a report merged twice counts once, and reports that
 * are not valid (an external entity, a wrong structure, broken XML) are
 * refused with file:line and the parser's or the schema's message. */
#include "report_fixture.h"

#include "merge.h"
#include "report_xml.h"

#include <libxml/parser.h>

typedef struct {
    char *dir;
    tl_store *a, *b, *both;
} fixture;

static const tl_report_filter year_2025 = {.from = "2025-01-01", .to = "2025-12-31"};

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->a = fx_store(f->dir, "a.db");
    f->b = fx_store(f->dir, "b.db");
    f->both = fx_store(f->dir, "both.db");
    fx_fill_site(f->a, 1);
    fx_fill_site(f->b, 2);
    fx_fill_site(f->both, 1);
    fx_fill_site(f->both, 2);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->a);
    store_close(f->b);
    store_close(f->both);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static const char *in_dir(fixture *f, const char *name)
{
    static char paths[8][1024];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 1024, "%s/%s", f->dir, name);
    return p;
}

static void export(tl_store *s, const tl_report_filter *flt, const char *path)
{
    tl_error err = {0};
    if (report_xml_write(s, flt, NULL, NULL, path, &err) != TL_OK)
        fail_msg("export: %s", err.msg);
}

static tl_status merge(const char *const *inputs, size_t n, const char *out, tl_error *err)
{
    return report_merge(inputs, n, out, false, NULL, NULL, err);
}

static void merge_ok(const char *const *inputs, size_t n, const char *out)
{
    tl_error err = {0};
    if (merge(inputs, n, out, &err) != TL_OK)
        fail_msg("merge: %s", err.msg);
}

static void assert_valid(const char *path)
{
    tl_error err = {0};
    if (report_validate(path, &err) != TL_OK)
        fail_msg("%s", err.msg);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "xmllint --noout --schema export/tillit-report.xsd '%s' 2>/dev/null", path);
    assert_int_equal(system(cmd), 0);
}

/* The report without what names the report itself: the root element (id,
 * time written) and the list of merged sources; and without the indicator
 * counts, which a merge adds up cell by cell with their small cells kept
 * small, so that they equal the combined data's only when no input had a
 * small cell (asserted apart). */
static char *body_of(const char *path)
{
    char *text = test_read(path, NULL);
    assert_non_null(text);
    char *out = calloc(strlen(text) + 1, 1), *o = out;
    bool in_sources = false;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strstr(line, "<sources>") || strstr(line, "<indicators>"))
            in_sources = true;
        bool skip = in_sources || strncmp(line, "<report ", 8) == 0;
        if (strstr(line, "</sources>") || strstr(line, "</indicators>"))
            in_sources = false;
        if (!skip)
            o += sprintf(o, "%s\n", line);
    }
    free(text);
    return out;
}

static void assert_same_body(const char *a, const char *b)
{
    char *x = body_of(a), *y = body_of(b);
    if (strcmp(x, y) != 0) {
        char cmd[2200];
        snprintf(cmd, sizeof cmd, "diff '%s' '%s' | head -20", a, b);
        if (system(cmd) != 0)
            fail_msg("diff failed");
        fail_msg("%s and %s differ", a, b);
    }
    free(x);
    free(y);
}

static int count_of(const char *path, const char *needle)
{
    char *text = test_read(path, NULL);
    int n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p++)
        n++;
    free(text);
    return n;
}

static void two_sites_equal_their_combined_data(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *b = in_dir(f, "b.xml"), *m = in_dir(f, "merged.xml"),
               *both = in_dir(f, "both.xml");
    export(f->a, &year_2025, a);
    export(f->b, &year_2025, b);
    export(f->both, &year_2025, both);
    const char *inputs[] = {a, b};
    merge_ok(inputs, 2, m);
    assert_valid(m);
    assert_same_body(m, both);
    /* The sums, with the organisations (same name and type) counted once. */
    assert_int_equal(count_of(m, "<totals sessions=\"8\" groupSessions=\"6\" selfStudySessions=\"2\" "
                                 "attendances=\"12\" participants=\"6\" organisations=\"2\" "
                                 "trainingTime=\"PT15H00M00S\""), 1);
    assert_int_equal(count_of(m, "checklistRuns=\"10\""), 1);
    assert_int_equal(count_of(m, "<source id="), 2);
    assert_int_equal(count_of(m, "<period from=\"2025-01-01\" to=\"2025-12-31\"/>"), 1);
    /* Each site had 4 yes (ilo) and 1 (inspect): small cells, never sent as
     * numbers, so the merge knows two small cells each, not 8 and 2. */
    assert_int_equal(count_of(m, "<indicator id=\"debt-bondage\" yes=\"0\" smallCells=\"2\"/>"), 2);
    assert_int_equal(count_of(both, "<indicator id=\"debt-bondage\" yes=\"8\"/>"), 1);
    assert_int_equal(count_of(both, "<indicator id=\"debt-bondage\" yes=\"0\" smallCells=\"1\"/>"), 1);
}

/* Two halves of a year: participants who came in both count once, and a
 * pre-check in March pairs with a post-check in April. */
static void two_halves_equal_the_whole(void **state)
{
    fixture *f = *state;
    const char *h1 = in_dir(f, "h1.xml"), *h2 = in_dir(f, "h2.xml"), *m = in_dir(f, "m.xml"),
               *all = in_dir(f, "all.xml");
    export(f->a, &(tl_report_filter){.to = "2025-03-31"}, h1);
    export(f->a, &(tl_report_filter){.from = "2025-04-01"}, h2);
    export(f->a, &(tl_report_filter){0}, all);
    const char *inputs[] = {h2, h1};
    merge_ok(inputs, 2, m);
    assert_valid(m);
    assert_same_body(m, all);
    assert_int_equal(count_of(m, "participants=\"3\" organisations=\"2\""), 1);
    assert_int_equal(count_of(all, "<period/>"), 1);
    /* ilo: 4 yes in the first half, 1 in the second, 5 in all. */
    assert_int_equal(count_of(m, "<indicator id=\"debt-bondage\" yes=\"0\" smallCells=\"2\"/>"), 1);
    assert_int_equal(count_of(all, "<indicator id=\"debt-bondage\" yes=\"5\"/>"), 1);
}

static void merged_twice_counts_once(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *b = in_dir(f, "b.xml"), *once = in_dir(f, "once.xml"),
               *twice = in_dir(f, "twice.xml"), *ab = in_dir(f, "ab.xml"), *again = in_dir(f, "again.xml");
    export(f->a, &year_2025, a);
    export(f->b, &year_2025, b);
    const char *one[] = {a};
    merge_ok(one, 1, once);
    const char *same[] = {a, a};
    merge_ok(same, 2, twice);
    assert_same_body(once, twice);
    assert_int_equal(count_of(twice, "<source id="), 1);
    assert_same_body(once, a); /* a report merged alone is itself */

    const char *pair[] = {a, b};
    merge_ok(pair, 2, ab);
    const char *with_its_part[] = {ab, a, b, ab};
    merge_ok(with_its_part, 4, again);
    assert_same_body(ab, again);
    assert_valid(again);
}

/* A merged report and one of its own parts, the other way round: the
 * checklist counts could not be split, so it is refused. */
static void partial_overlap_is_refused(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *b = in_dir(f, "b.xml"), *ab = in_dir(f, "ab.xml"),
               *out = in_dir(f, "out.xml");
    export(f->a, &year_2025, a);
    export(f->b, &year_2025, b);
    const char *pair[] = {a, b};
    merge_ok(pair, 2, ab);
    const char *overlap[] = {a, ab};
    tl_error err = {0};
    assert_int_equal(merge(overlap, 2, out, &err), TL_DATAERR);
    assert_non_null(strstr(err.msg, "ab.xml: made partly of reports that are already merged"));
    assert_int_equal(access(out, F_OK), -1);
}

/* A copy of the report of store s for 2025 with `from` replaced by `to`
 * (once). */
static const char *edited_from(fixture *f, tl_store *s, const char *name, const char *from, const char *to)
{
    const char *src = in_dir(f, "valid.xml"), *dst = in_dir(f, name);
    export(s, &year_2025, src);
    char *text = test_read(src, NULL);
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t len = strlen(text) - strlen(from) + strlen(to);
    char *out = malloc(len + 1);
    sprintf(out, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    test_write(dst, out, len);
    free(text);
    free(out);
    return dst;
}

/* The same of site a. */
static const char *edited(fixture *f, const char *name, const char *from, const char *to)
{
    return edited_from(f, f->a, name, from, to);
}

static void refused(fixture *f, const char *bad, const char *want_pos, const char *want_msg)
{
    const char *a = in_dir(f, "a.xml"), *out = in_dir(f, "out.xml");
    export(f->a, &year_2025, a);
    const char *inputs[] = {a, bad};
    tl_error err = {0};
    assert_int_equal(merge(inputs, 2, out, &err), TL_DATAERR);
    char pos[1200];
    snprintf(pos, sizeof pos, "%s:%s", bad, want_pos);
    if (!strstr(err.msg, pos) || !strstr(err.msg, want_msg))
        fail_msg("'%s' lacks '%s' or '%s'", err.msg, pos, want_msg);
    assert_int_equal(access(out, F_OK), -1);
    assert_int_equal(report_validate(bad, &err), TL_DATAERR);
}

/* A valid report with a DOCTYPE declaring an external entity in front. */
static const char *with_entity(fixture *f, const char *name, const char *from, const char *to)
{
    const char *secret = in_dir(f, "secret.txt");
    test_write(secret, "SECRET", 6);
    const char *bad = edited(f, name, from, to);
    char *text = test_read(bad, NULL);
    char *body = strchr(text, '\n') + 1; /* after the XML declaration */
    char *doc = malloc(strlen(secret) + strlen(body) + 200);
    sprintf(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<!DOCTYPE report [<!ENTITY x SYSTEM \"file://%s\">]>\n%s", secret, body);
    test_write(bad, doc, strlen(doc));
    free(doc);
    free(text);
    return bad;
}

static void external_entity_is_refused(void **state)
{
    fixture *f = *state;
    const char *bad = with_entity(f, "content.xml", "<months>", "<months>&x;");
    refused(f, bad, "2:", "a DOCTYPE is not allowed");
    bad = with_entity(f, "attribute.xml", "<generator name=\"tillit\"", "<generator name=\"&x;\"");
    refused(f, bad, "4:", "Attribute references external entity 'x'");
}

static void internal_entities_are_refused(void **state)
{
    fixture *f = *state;
    const char *bad = edited(f, "laughs.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<!DOCTYPE report [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n");
    refused(f, bad, "2:", "DOCTYPE is not allowed");
}

static void invalid_structure_is_refused(void **state)
{
    fixture *f = *state;
    const char *bad = edited(f, "structure.xml", "<totals ", "<total ");
    refused(f, bad, "6:", "This element is not expected");
    bad = edited(f, "value.xml", "sessions=\"4\"", "sessions=\"four\"");
    refused(f, bad, "6:", "is not a valid value");
    bad = edited(f, "duplicate.xml", "<sessions>\n    <session id=\"00000001-0000-4000-8000-00000000000b\"",
                 "<sessions>\n    <session id=\"00000001-0000-4000-8000-00000000000c\"");
    refused(f, bad, "", "Duplicate key-sequence");
    bad = edited(f, "namespace.xml", "xmlns=\"urn:tillit:report:1\"", "xmlns=\"urn:something:else\"");
    refused(f, bad, "2:", "No matching global declaration");
}

static void broken_xml_is_refused(void **state)
{
    fixture *f = *state;
    const char *bad = edited(f, "broken.xml", "</months>", "</month>");
    refused(f, bad, "11:", "Opening and ending tag mismatch: months line 7 and month");
}

/* A merge refused with a message holding want (and every want2, when set),
 * nothing written. */
static void merge_refused(fixture *f, const char *const *inputs, size_t n, const char *want,
                          const char *want2)
{
    const char *out = in_dir(f, "out.xml");
    tl_error err = {0};
    assert_int_equal(merge(inputs, n, out, &err), TL_DATAERR);
    if (!strstr(err.msg, want) || (want2 && !strstr(err.msg, want2)))
        fail_msg("'%s' lacks '%s' or '%s'", err.msg, want, want2 ? want2 : "");
    assert_int_equal(access(out, F_OK), -1);
}

/* Valid for the schema, refused by the merge: the message names it. */
static void refused_alone(fixture *f, const char *bad, const char *want)
{
    tl_error err = {0};
    if (report_validate(bad, &err) != TL_OK)
        fail_msg("%s", err.msg);
    char named[1200];
    snprintf(named, sizeof named, "%s: %s", bad, want);
    const char *inputs[] = {bad};
    merge_refused(f, inputs, 1, named, NULL);
}

/* The schema takes any xs:date (five-digit years, time zones); the merged
 * period is one of the inputs' bounds, so only YYYY-MM-DD merges. */
static void period_bounds_must_be_plain_dates(void **state)
{
    fixture *f = *state;
    const char *plain = "<period from=\"2025-01-01\" to=\"2025-12-31\"/>";
    refused_alone(f, edited(f, "year5.xml", plain, "<period from=\"12026-01-01\" to=\"2025-12-31\"/>"),
                  "the period bound \"12026-01-01\" is not a plain date YYYY-MM-DD");
    refused_alone(f, edited(f, "zone.xml", plain, "<period from=\"2025-01-01\" to=\"2025-12-31+01:00\"/>"),
                  "the period bound \"2025-12-31+01:00\" is not a plain date");
    refused_alone(f, edited(f, "utc.xml", plain, "<period to=\"2025-12-31Z\"/>"),
                  "the period bound \"2025-12-31Z\" is not a plain date");
    /* A session's date too: it is stored and compared with periods as text. */
    const char *zoned = edited(f, "session-zone.xml", "date=\"2025-03-10\"", "date=\"2025-03-10+01:00\"");
    tl_error err = {0};
    if (report_validate(zoned, &err) != TL_OK)
        fail_msg("%s", err.msg);
    const char *inputs[] = {zoned};
    merge_refused(f, inputs, 1, "a session date that is not a plain YYYY-MM-DD", zoned);
}

/* No input, and no merge, takes more than a million checklist runs: the
 * merge stores each run, and the merged report's cells must stay within
 * the schema's maximum (1 000 000) however the inputs add up. */
static void checklist_runs_are_limited(void **state)
{
    fixture *f = *state;
    const char *cell = "<outcome id=\"signs\" runs=\"2\"/>";
    /* 1 000 000 + the 3 other runs of 2025 */
    refused_alone(f, edited(f, "million.xml", cell, "<outcome id=\"signs\" runs=\"1000000\"/>"),
                  "checklist counts of more than 1000000 runs");

    const char *a = edited(f, "a600k.xml", cell, "<outcome id=\"signs\" runs=\"600000\"/>");
    const char *b = edited_from(f, f->b, "b600k.xml", cell, "<outcome id=\"signs\" runs=\"600000\"/>");
    const char *pair[] = {a, b};
    char named[1200];
    snprintf(named, sizeof named, "%s: with it the checklist counts come to more than 1000000 runs", b);
    merge_refused(f, pair, 2, named, NULL);
}

/* The schema lets a report list a checklist's month twice: its cells add
 * up, and the merged report is valid. */
static void a_cell_listed_twice_adds_up(void **state)
{
    fixture *f = *state;
    const char *month = "<checklist id=\"inspect\" runs=\"1\">\n";
    const char *twice = edited(f, "twice.xml", month,
                               "<checklist id=\"inspect\" runs=\"1\">\n<month month=\"2025-04\" runs=\"3\">"
                               "<outcome id=\"signs\" runs=\"3\"/></month>\n");
    const char *m = in_dir(f, "m.xml"), *inputs[] = {twice};
    merge_ok(inputs, 1, m);
    assert_valid(m);
    assert_int_equal(count_of(m, "checklistRuns=\"8\""), 1);
    assert_int_equal(count_of(m, "<outcome id=\"signs\" runs=\"4\"/>"), 1);
}

/* A full and a partial report of the same site share sessions, which count
 * once, but their anonymous checklist counts would count twice (6 + 5 runs
 * for 6): refused, naming both. */
static void overlapping_reports_with_counts_are_refused(void **state)
{
    fixture *f = *state;
    const char *all = in_dir(f, "all.xml"), *year = in_dir(f, "year.xml");
    export(f->a, &(tl_report_filter){0}, all);
    export(f->a, &year_2025, year);
    const char *inputs[] = {all, year};
    char both[2100];
    snprintf(both, sizeof both, "%s and %s: both hold session", all, year);
    merge_refused(f, inputs, 2, both, "merge reports of separate periods, or the original reports");
}

/* Shared sessions are fine when only one of the reports has checklist
 * counts: the sessions count once, and so do the runs. */
static void overlap_without_counts_on_one_side_merges(void **state)
{
    fixture *f = *state;
    const char *all = in_dir(f, "all.xml"), *may = in_dir(f, "may.xml"), *m = in_dir(f, "m.xml");
    export(f->a, &(tl_report_filter){0}, all);
    export(f->a, &(tl_report_filter){.from = "2025-05-01"}, may);
    assert_int_equal(count_of(may, "checklistRuns=\"0\""), 1);
    const char *inputs[] = {may, all};
    merge_ok(inputs, 2, m);
    assert_valid(m);
    assert_same_body(m, all);
}

/* The report of s as tillit wrote it before format 3: without the
 * indicator counts (the other additions of format 3 are worked out again
 * from the sessions by a merge). */
static const char *older_format(fixture *f, tl_store *s, const tl_report_filter *flt, const char *name)
{
    const char *path = in_dir(f, name);
    export(s, flt, path);
    char *text = test_read(path, NULL);
    char *version = strstr(text, "formatVersion=\"3\"");
    char *from = strstr(text, "  <indicators");
    assert_non_null(version);
    assert_non_null(from);
    version[strlen("formatVersion=\"")] = '2';
    char *to = strstr(from, "</indicators>\n");
    to = to ? to + strlen("</indicators>\n") : strstr(from, "/>\n") + strlen("/>\n");
    memmove(from, to, strlen(to) + 1);
    test_write(path, text, strlen(text));
    free(text);
    return path;
}

/* Merged with a report of format 2 that has checklist runs, the merged
 * report has no indicator counts rather than counts without that report's
 * runs, and so has any merge of it; one without checklist runs (a
 * curriculum's) lacks nothing. */
static void a_report_without_indicator_counts(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *m = in_dir(f, "m.xml");
    export(f->a, &year_2025, a);
    const char *old = older_format(f, f->b, &year_2025, "old.xml");
    assert_int_equal(count_of(old, "<indicators"), 0);
    assert_valid(old);
    const char *inputs[] = {a, old};
    merge_ok(inputs, 2, m);
    assert_valid(m);
    assert_int_equal(count_of(m, "<indicators"), 0);
    assert_int_equal(count_of(m, "formatVersion=\"3\""), 1);
    /* merged again, it still has none */
    const char *again = in_dir(f, "again.xml"), *merged[] = {m};
    merge_ok(merged, 1, again);
    assert_int_equal(count_of(again, "<indicators"), 0);

    const tl_report_filter course = {.from = "2025-01-01", .to = "2025-12-31", .curriculum = "course-a"};
    export(f->a, &course, a);
    const char *scoped[] = {a, older_format(f, f->b, &course, "old-course.xml")};
    merge_ok(scoped, 2, m);
    assert_valid(m);
    assert_int_equal(count_of(m, "<indicators/>"), 1);
}

/* Reports of one curriculum (or organisation) merge into a report of it,
 * the same as that export of both sites' data. */
static void same_scope_is_kept(fixture *f, const tl_report_filter *scope, const char *scope_el)
{
    const char *a = in_dir(f, "a.xml"), *b = in_dir(f, "b.xml"), *m = in_dir(f, "m.xml"),
               *both = in_dir(f, "both.xml");
    export(f->a, scope, a);
    export(f->b, scope, b);
    export(f->both, scope, both);
    const char *inputs[] = {a, b};
    merge_ok(inputs, 2, m);
    assert_valid(m);
    assert_int_equal(count_of(m, scope_el), 1);
    assert_same_body(m, both);
}

static void scope_is_kept(void **state)
{
    fixture *f = *state;
    same_scope_is_kept(f, &(tl_report_filter){.from = "2025-01-01", .curriculum = "course-a"},
                       "<scope curriculum=\"course-a\" names=\"false\"/>");
    same_scope_is_kept(f, &(tl_report_filter){.organisation = "Malmö stad"},
                       "<scope organisation=\"Malmö stad\" names=\"false\"/>");
    same_scope_is_kept(f, &(tl_report_filter){.curriculum = "course-a", .organisation = "Polisen Syd"},
                       "<scope curriculum=\"course-a\" organisation=\"Polisen Syd\" names=\"false\"/>");
}

/* Different scopes would make the merged report claim one that an input
 * does not have: refused, naming both. */
static void different_scopes_are_refused(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *b = in_dir(f, "b.xml"), *c = in_dir(f, "c.xml");
    export(f->a, &(tl_report_filter){.curriculum = "course-a"}, a);
    export(f->b, &(tl_report_filter){.curriculum = "course-b"}, b);
    export(f->b, &(tl_report_filter){0}, c);
    char both[2100];
    const char *ab[] = {a, b};
    snprintf(both, sizeof both, "%s and %s: reports of different scopes", a, b);
    merge_refused(f, ab, 2, both, "(curriculum \"course-a\", every organisation; curriculum \"course-b\", "
                                  "every organisation)");
    const char *ca[] = {c, a};
    snprintf(both, sizeof both, "%s and %s: reports of different scopes", c, a);
    merge_refused(f, ca, 2, both, NULL);
}

/* A site's report of one curriculum or organisation has no checklist use;
 * one that has would lose it in the merge. */
static void checklist_counts_in_a_scoped_report_are_refused(void **state)
{
    fixture *f = *state;
    refused_alone(f, edited(f, "scoped.xml", "<scope names", "<scope organisation=\"Malmö stad\" names"),
                  "checklist counts in a report of one curriculum or organisation");
}

static void missing_input_is_66(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml");
    export(f->a, &year_2025, a);
    const char *inputs[] = {a, in_dir(f, "no-such.xml")};
    tl_error err = {0};
    assert_int_equal(merge(inputs, 2, in_dir(f, "out.xml"), &err), TL_NOINPUT);
    assert_non_null(strstr(err.msg, "no-such.xml"));
}

static void names_only_when_asked(void **state)
{
    fixture *f = *state;
    const char *a = in_dir(f, "a.xml"), *m = in_dir(f, "m.xml");
    tl_error err = {0};
    assert_int_equal(report_xml_write(f->a, &(tl_report_filter){.with_names = true}, NULL, NULL, a, &err),
                     TL_OK);
    const char *inputs[] = {a};
    assert_int_equal(report_merge(inputs, 1, m, false, NULL, NULL, &err), TL_OK);
    assert_int_equal(count_of(m, "Anna Andersson"), 0);
    assert_int_equal(report_merge(inputs, 1, m, true, NULL, NULL, &err), TL_OK);
    assert_true(count_of(m, "name=\"Anna Andersson\"") > 0);
    assert_true(count_of(m, "name=\"Björn &lt;&amp;&gt; Berg\"") > 0);
    assert_valid(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(two_sites_equal_their_combined_data, setup, teardown),
        cmocka_unit_test_setup_teardown(two_halves_equal_the_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(merged_twice_counts_once, setup, teardown),
        cmocka_unit_test_setup_teardown(partial_overlap_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(external_entity_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(internal_entities_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(invalid_structure_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(broken_xml_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_input_is_66, setup, teardown),
        cmocka_unit_test_setup_teardown(names_only_when_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(period_bounds_must_be_plain_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(checklist_runs_are_limited, setup, teardown),
        cmocka_unit_test_setup_teardown(a_cell_listed_twice_adds_up, setup, teardown),
        cmocka_unit_test_setup_teardown(overlapping_reports_with_counts_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(overlap_without_counts_on_one_side_merges, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(a_report_without_indicator_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(different_scopes_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(checklist_counts_in_a_scoped_report_are_refused, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
