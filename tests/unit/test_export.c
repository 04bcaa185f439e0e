/* The XML report: every section as written for the fixture site, every
 * report validated against export/tillit-report.xsd with libxml2 and with
 * xmllint, privacy (no case references, answers, notes or remarks; names
 * only when asked), and the file handling: temporary file and rename, 73 for
 * an unwritable folder, 74 for a full disk, never a partial file. */
#include "report_fixture.h"

#include "report_xml.h"
#include "store_internal.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <signal.h>
#include <sys/resource.h>

#define XSD "export/tillit-report.xsd"

typedef struct {
    char *dir;
    tl_store *s;
    char out[1024];
    xmlDocPtr doc;
} fixture;

static const tl_report_filter year_2025 = {.from = "2025-01-01", .to = "2025-12-31"};

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->s = fx_store(f->dir, "site.db");
    fx_fill_site(f->s, 1);
    snprintf(f->out, sizeof f->out, "%s/report.xml", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    xmlFreeDoc(f->doc);
    store_close(f->s);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* Valid for libxml2's validator and for xmllint (exit 0). */
static void assert_valid(const char *path)
{
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(XSD);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    assert_int_equal(xmlSchemaValidateFile(vc, path, 0), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "xmllint --noout --schema " XSD " '%s' 2>/dev/null", path);
    assert_int_equal(system(cmd), 0);
}

/* Exports with flt to f->out, validates it and parses it into f->doc. */
static void export_valid(fixture *f, const tl_report_filter *flt)
{
    tl_error err = {0};
    if (report_xml_write(f->s, flt, NULL, NULL, f->out, &err) != TL_OK)
        fail_msg("export: %s", err.msg);
    assert_valid(f->out);
    xmlFreeDoc(f->doc);
    f->doc = xmlReadFile(f->out, NULL, XML_PARSE_NONET);
    assert_non_null(f->doc);
}

/* The string value of an XPath expression (prefix r: the report's namespace). */
static char *xp(fixture *f, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(f->doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST TL_REPORT_NS);
    char full[1024];
    snprintf(full, sizeof full, "string(%s)", expr);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, ctx);
    assert_non_null(o);
    char *v = strdup((const char *)o->stringval);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    return v;
}

static void has(fixture *f, const char *expr, const char *want)
{
    char *got = xp(f, expr);
    if (strcmp(got, want) != 0)
        fail_msg("%s is '%s', expected '%s'", expr, got, want);
    free(got);
}

static void header_and_totals(void **state)
{
    fixture *f = *state;
    export_valid(f, &year_2025);
    has(f, "/r:report/@formatVersion", "3");
    has(f, "string-length(/r:report/@id)", "36");
    has(f, "/r:report/r:generator/@name", "tillit");
    has(f, "/r:report/r:generator/@version", TILLIT_VERSION);
    has(f, "/r:report/r:period/@from", "2025-01-01");
    has(f, "/r:report/r:period/@to", "2025-12-31");
    has(f, "/r:report/r:scope/@names", "false");
    has(f, "count(/r:report/r:sources)", "0");
    const char *totals[][2] = {{"sessions", "4"}, {"groupSessions", "3"}, {"selfStudySessions", "1"},
                               {"attendances", "6"}, {"participants", "3"}, {"organisations", "2"},
                               {"trainingTime", "PT7H30M00S"}, {"participantTime", "PT13H00M00S"},
                               {"studyTime", "PT0H27M00S"}, {"checklistRuns", "5"}};
    for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        char expr[128];
        snprintf(expr, sizeof expr, "/r:report/r:totals/@%s", totals[i][0]);
        has(f, expr, totals[i][1]);
    }
}

static void months_groups_and_organisations(void **state)
{
    fixture *f = *state;
    export_valid(f, &year_2025);
    has(f, "count(//r:months/r:month)", "3");
    has(f, "//r:months/r:month[2]/@month", "2025-04");
    has(f, "//r:months/r:month[2]/@sessions", "2");
    has(f, "//r:months/r:month[2]/@attendances", "3");
    has(f, "count(//r:groups/r:group)", "3");
    has(f, "//r:group[@organisationType='social_services' and @level='strategic']/@attendances", "2");
    has(f, "//r:group[@organisationType='social_services' and @level='strategic']/r:knowledge/@preMean", "25.0");
    has(f, "//r:group[@organisationType='social_services' and @level='strategic']/r:knowledge/@meanGain", "25.0");
    has(f, "//r:group[@organisationType='police']/r:knowledge/@pairs", "1");
    has(f, "//r:group[@organisationType='police']/r:knowledge/@meanGain", "0.0");
    has(f, "//r:organisations/r:organisation[1]/@name", "Malmö stad");
    has(f, "//r:organisations/r:organisation[1]/@attendances", "4");
    has(f, "//r:organisations/r:organisation[2]/@type", "police");
}

static void curricula_and_modules(void **state)
{
    fixture *f = *state;
    export_valid(f, &year_2025);
    has(f, "count(//r:curricula/r:curriculum)", "2");
    has(f, "//r:curriculum[@id='course-a']/@sessions", "3");
    has(f, "//r:curriculum[@id='course-a']/@attendances", "5");
    has(f, "//r:curriculum[@id='course-a']/r:knowledge/@preMean", "50.0");
    has(f, "//r:curriculum[@id='course-a']/r:knowledge/@postMean", "75.0");
    has(f, "//r:curriculum[@id='course-a']/r:knowledge/@meanGain", "25.0");
    has(f, "//r:curriculum[@id='course-a']/r:module[@id='law']/@completions", "2");
    has(f, "//r:curriculum[@id='course-a']/r:module[@id='law']/@passRate", "100.0");
    has(f, "//r:curriculum[@id='course-a']/r:module[@id='law']/@meanScore", "83.3");
    has(f, "//r:curriculum[@id='course-a']/r:module[@id='intro']/@hasCheck", "false");
    has(f, "count(//r:curriculum[@id='course-a']/r:module[@id='intro']/@passRate)", "0");
    has(f, "//r:curriculum[@id='course-b']/@version", "2");
    has(f, "count(//r:curriculum[@id='course-b']/r:knowledge/@preMean)", "0");
}

static void sessions_in_detail(void **state)
{
    fixture *f = *state;
    export_valid(f, &year_2025);
    has(f, "count(//r:sessions/r:session)", "4");
    const char *s1 = "//r:session[@id='00000001-0000-4000-8000-00000000000b']";
    char e[512];
#define AT(path, want) (snprintf(e, sizeof e, "%s%s", s1, path), has(f, e, want))
    AT("/@kind", "group");
    AT("/@curriculum", "course-a");
    AT("/@curriculumVersion", "1");
    AT("/@contentHash", FX_HASH);
    AT("/@date", "2025-03-10");
    AT("/@start", "09:00:00");
    AT("/@end", "12:30:00");
    AT("/@trainer", "Tränare \"Ett\"");
    AT("/@location", "Malmö");
    AT("/r:attendee[1]/@participant", "00000001-0000-4000-8000-000000000001");
    AT("/r:attendee[1]/@status", "present");
    AT("/r:attendee[1]/@organisation", "Malmö stad");
    AT("/r:attendee[1]/@organisationType", "social_services");
    AT("/r:attendee[3]/@status", "absent");
    AT("/r:attendee[1]/r:progress[@module='intro']/@timeSpent", "PT0H03M20S");
    AT("/r:attendee[1]/r:progress[@module='intro']/@completed", "2025-03-10T10:10:00Z");
    AT("/r:attendee[2]/r:progress[@module='law']/@pages", "3");
    AT("/r:attendee[2]/r:progress[@module='law']/@page", "0");
    has(f, "count(//r:session[@date='2025-03-10']/r:attendee[2]/r:progress[@module='law']/@completed)", "0");
    has(f, "count(//r:session[@date='2025-03-10']/r:attendee[1]/r:attempt)", "4");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/@score", "2");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/@maxScore", "4");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/@passed", "false");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/r:answer[1]/@chosen", "1");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/r:answer[4]/@chosen", "0 2");
    AT("/r:attendee[1]/r:attempt[@phase='pre']/r:answer[4]/@correct", "false");
    AT("/r:attendee[1]/r:attempt[@check='law' and @number='2']/@passed", "true");
#undef AT
    has(f, "count(//r:session[@kind='self']/@end)", "0");
    has(f, "count(//r:session[@kind='self']/r:attendee/@status)", "0");
    has(f, "//r:session[@date='2025-05-05']/@end", "01:00:00");
}

static void checklist_use_as_counts(void **state)
{
    fixture *f = *state;
    export_valid(f, &year_2025);
    has(f, "count(//r:checklistUse/r:checklist)", "2");
    has(f, "//r:checklist[@id='ilo']/@runs", "4");
    has(f, "//r:checklist[@id='ilo']/r:month[@month='2025-03']/@runs", "3");
    has(f, "//r:checklist[@id='ilo']/r:month[@month='2025-03']/r:notAssessed/@runs", "1");
    has(f, "//r:checklist[@id='ilo']/r:month[@month='2025-03']/r:outcome[@id='signs']/@runs", "2");
    has(f, "//r:checklist[@id='ilo']/r:month[@month='2025-04']/r:outcome/@id", "none-noted");
    has(f, "//r:checklist[@id='inspect']/r:month/r:outcome[@id='signs']/@runs", "1");
}

/* Case references, indicator answers, notes and attendance remarks stay in
 * the database; names only with with_names, escaped by the writer. */
static void privacy_of_the_report(void **state)
{
    fixture *f = *state;
    export_valid(f, &(tl_report_filter){0});
    char *text = test_read(f->out, NULL);
    const char *never[] = {"CASE-REF", "secret", "remark", "Anna", "Björn"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
        if (strstr(text, never[i]))
            fail_msg("the report contains '%s'", never[i]);
    free(text);
    struct stat st;
    assert_int_equal(stat(f->out, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);

    export_valid(f, &(tl_report_filter){.with_names = true});
    text = test_read(f->out, NULL);
    assert_non_null(strstr(text, "name=\"Anna Andersson\""));
    assert_non_null(strstr(text, "name=\"Björn &lt;&amp;&gt; Berg\""));
    assert_null(strstr(text, "CASE-REF"));
    free(text);
    has(f, "/r:report/r:scope/@names", "true");
    assert_int_equal(stat(f->out, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600); /* names: private to its owner */
}

static void scope_is_recorded(void **state)
{
    fixture *f = *state;
    export_valid(f, &(tl_report_filter){.curriculum = "course-a", .organisation = "Polisen Syd"});
    has(f, "/r:report/r:scope/@curriculum", "course-a");
    has(f, "/r:report/r:scope/@organisation", "Polisen Syd");
    has(f, "count(/r:report/r:period/@from)", "0");
    has(f, "/r:report/r:totals/@sessions", "1");
    has(f, "count(//r:checklistUse/*)", "0");
}

static void empty_database_gives_zero_totals(void **state)
{
    fixture *f = *state;
    store_close(f->s);
    f->s = fx_store(f->dir, "empty.db");
    export_valid(f, &year_2025);
    const char *zero[] = {"sessions", "groupSessions", "selfStudySessions", "attendances",
                          "participants", "organisations", "checklistRuns"};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++) {
        char expr[128];
        snprintf(expr, sizeof expr, "/r:report/r:totals/@%s", zero[i]);
        has(f, expr, "0");
    }
    has(f, "/r:report/r:totals/@trainingTime", "PT0H00M00S");
    has(f, "count(//r:session | //r:month | //r:group | //r:curriculum | //r:checklist)", "0");
}

/* Nothing but the database and the report in the folder. */
static void no_leftovers(const char *dir, int want_files)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -v '^site.db' | wc -l) -eq %d", dir, want_files);
    assert_int_equal(system(cmd), 0);
}

static void unwritable_folder_is_73(void **state)
{
    fixture *f = *state;
    char path[1200];
    tl_error err = {0};
    snprintf(path, sizeof path, "%s/no/such/folder/r.xml", f->dir);
    assert_int_equal(report_xml_write(f->s, &year_2025, NULL, NULL, path, &err), TL_CANTCREAT);
    assert_non_null(strstr(err.msg, "no/such/folder/r.xml"));
    snprintf(path, sizeof path, "%s/site.db/r.xml", f->dir); /* a file as the folder */
    assert_int_equal(report_xml_write(f->s, &year_2025, NULL, NULL, path, &err), TL_CANTCREAT);
    snprintf(path, sizeof path, "%s/locked", f->dir);
    assert_int_equal(mkdir(path, 0500), 0);
    if (geteuid() != 0) { /* root writes anywhere; tests/term covers a real user */
        snprintf(path, sizeof path, "%s/locked/r.xml", f->dir);
        assert_int_equal(report_xml_write(f->s, &year_2025, NULL, NULL, path, &err), TL_CANTCREAT);
        assert_non_null(strstr(err.msg, "Permission denied"));
    }
    no_leftovers(f->dir, 1); /* only the locked folder */
}

/* A full disk (here: a file-size limit, which fails write() the same way)
 * is 74, leaves no temporary file and keeps an older report as it was. */
static void full_disk_is_74_and_keeps_the_old_report(void **state)
{
    fixture *f = *state;
    test_write(f->out, "old report\n", 11);
    struct rlimit old, small = {4096, 4096};
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small.rlim_max = old.rlim_max;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    tl_error err = {0};
    tl_status st = report_xml_write(f->s, &(tl_report_filter){0}, NULL, NULL, f->out, &err);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, prev);
    assert_int_equal(st, TL_IOERR);
    assert_non_null(strstr(err.msg, "cannot write the report"));
    assert_non_null(strstr(err.msg, "too large"));
    char *text = test_read(f->out, NULL);
    assert_string_equal(text, "old report\n");
    free(text);
    no_leftovers(f->dir, 1);
}

/* What the export really allocates: the heap in use (glibc's arenas and
 * mmapped blocks; under AddressSanitizer its allocator's count), sampled
 * at every row any statement of the export produces (SQLite calls the
 * trace for each), so that memory which grows with the records (a leak
 * per row, rows gathered before writing) shows in the peak. */
#ifdef __SANITIZE_ADDRESS__
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t heap_in_use(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
#include <malloc.h>
static size_t heap_in_use(void)
{
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}
#endif

typedef struct {
    size_t base, peak, rows;
    bool plant_leak; /* hold 256 bytes per row, as a leak in the writer would */
    void **held;
} heap_meter;

static int sample_heap(unsigned type, void *ctx, void *p, void *x)
{
    (void)type, (void)p, (void)x;
    heap_meter *m = ctx;
    if (m->plant_leak) {
        m->held = realloc(m->held, (m->rows + 1) * sizeof *m->held);
        assert_non_null(m->held);
        m->held[m->rows] = malloc(256);
        memset(m->held[m->rows], 1, 256);
    }
    m->rows++;
    size_t now = heap_in_use();
    m->peak = now > m->peak ? now : m->peak;
    return 0;
}

/* The peak heap of one export above what was in use before it. */
static size_t heap_peak_of_export(fixture *f, bool plant_leak)
{
    heap_meter m = {.plant_leak = plant_leak};
    sqlite3 *db = f->s->db;
    tl_error err = {0};
    m.base = m.peak = heap_in_use();
    sqlite3_trace_v2(db, SQLITE_TRACE_ROW, sample_heap, &m);
    assert_int_equal(report_xml_write(f->s, &(tl_report_filter){0}, NULL, NULL, f->out, &err), TL_OK);
    sqlite3_trace_v2(db, 0, NULL, NULL);
    assert_true(m.rows > 100);
    for (size_t i = 0; m.held && i < m.rows; i++)
        free(m.held[i]);
    free(m.held);
    return m.peak - m.base;
}

/* Generous for the allocator's own bookkeeping, far below what a leak of a
 * few bytes per row adds over the rows of the large export. */
enum { HEAP_SLACK = 48 * 1024 };

/* Whether the large export's peak stays within HEAP_SLACK of the small one's. */
static bool heap_is_flat(fixture *f, bool plant_leak, size_t *small, size_t *large)
{
    size_t small_len, large_len;
    *small = heap_peak_of_export(f, plant_leak);
    free(test_read(f->out, &small_len));
    for (unsigned site = 11; site <= 40; site++)
        fx_fill_site(f->s, site);
    *large = heap_peak_of_export(f, plant_leak);
    free(test_read(f->out, &large_len));
    assert_true(large_len > 3 * small_len);
    return *large <= *small + HEAP_SLACK;
}

/* Memory does not grow with the records: the writer streams, so exporting
 * four times the data takes no more heap at peak. */
static void memory_does_not_grow_with_records(void **state)
{
    fixture *f = *state;
    for (unsigned site = 2; site <= 10; site++)
        fx_fill_site(f->s, site);
    size_t small, large;
    if (!heap_is_flat(f, false, &small, &large))
        fail_msg("heap peak %zu bytes for the small report, %zu for the large", small, large);
    assert_true(small > 0); /* it measures something: at least the writer's buffer */
    assert_valid(f->out);
}

/* The measure above can fail: 256 bytes held per row, as a leak in the
 * writer would, make the large export's peak grow past the slack. */
static void memory_check_sees_a_planted_leak(void **state)
{
    fixture *f = *state;
    for (unsigned site = 2; site <= 10; site++)
        fx_fill_site(f->s, site);
    size_t small, large;
    if (heap_is_flat(f, true, &small, &large))
        fail_msg("a leak of 256 bytes per row went unseen: peak %zu, then %zu", small, large);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(header_and_totals, setup, teardown),
        cmocka_unit_test_setup_teardown(months_groups_and_organisations, setup, teardown),
        cmocka_unit_test_setup_teardown(curricula_and_modules, setup, teardown),
        cmocka_unit_test_setup_teardown(sessions_in_detail, setup, teardown),
        cmocka_unit_test_setup_teardown(checklist_use_as_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(privacy_of_the_report, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_is_recorded, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_database_gives_zero_totals, setup, teardown),
        cmocka_unit_test_setup_teardown(unwritable_folder_is_73, setup, teardown),
        cmocka_unit_test_setup_teardown(full_disk_is_74_and_keeps_the_old_report, setup, teardown),
        cmocka_unit_test_setup_teardown(memory_does_not_grow_with_records, setup, teardown),
        cmocka_unit_test_setup_teardown(memory_check_sees_a_planted_leak, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
