/* The report's XML writer (export/report_xml.c) writes the bytes libxml2's
 * xmlTextWriter wrote before it replaced it: the same declaration, the
 * namespace after the root's attributes, two spaces per level, empty
 * elements closed with "/>", and attribute values escaped alike (tabs, line
 * breaks, quotes, markup, UTF-8). Where libxml2 copied bytes that XML does
 * not allow (control characters, bytes that are not UTF-8) and so wrote a
 * report no parser reads, the writer puts U+FFFD instead, and it cuts free
 * text at the schema's 1,000 characters: every report is valid for the
 * schema, whatever the database holds. tests/fixtures/report/site-golden.xml
 * was written by the libxml2 writer from the store filled below, with those
 * bytes replaced; only the time it was generated differs. */
#include "report_fixture.h"

#include "merge.h"
#include "report_xml.h"

#include <libxml/xmlwriter.h>

#define GOLDEN "tests/fixtures/report/site-golden.xml"
#define REPORT_ID "00000000-0000-4000-8000-000000000000"

typedef struct {
    char *dir;
    tl_store *s;
    char out[1024];
} fixture;

/* Every byte but NUL, in an organisation's name. */
static void all_bytes(char out[256])
{
    for (int i = 1; i < 256; i++)
        out[i - 1] = (char)i;
    out[255] = '\0';
}

/* The fixture site, and one session whose names hold every awkward byte. */
static void fill_awkward(tl_store *s)
{
    fx_fill_site(s, 1);
    fx_site f = {s, 1, 50};
    tl_error err = {0};
    char name[256];
    all_bytes(name);
    tl_id org, p;
    fx_ok(store_organisation(s, name, TL_ORG_NGO, &org, &err), &err);
    fx_ok(store_participant_add(s, "\xc3\x85sa\t\"Q\"\n<x>&amp; 'y'\r", org, TL_LEVEL_STRATEGIC, &p, &err), &err);
    fx_set_uuid(s, "participant", p, 1, 9);
    tl_session_info info = {TL_SESSION_GROUP, "course-a", "1", FX_HASH, "2025-06-01", "09:00",
                            "Malm\xc3\xb6 \"C\"\r\n", "T\x01\x7f\xff\xfe", "a<b>&c\td"};
    tl_id ses;
    char uuid[37];
    fx_ok(store_session_create(s, &info, &ses, uuid, &err), &err);
    fx_ok(store_session_close(s, ses, "10:00", &err), &err);
    fx_set_uuid(s, "session", ses, 1, 60);
    fx_attend(&f, ses, p, TL_ATT_PRESENT);
    fx_fix_times(s);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->s = fx_store(f->dir, "site.db");
    fill_awkward(f->s);
    snprintf(f->out, sizeof f->out, "%s/report.xml", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->s);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* The report's text with its generation time blanked out. */
static char *report_text(fixture *f, const tl_report_filter *flt)
{
    tl_report_meta meta = {.id = REPORT_ID};
    tl_error err = {0};
    if (report_xml_write(f->s, flt, NULL, &meta, f->out, &err) != TL_OK)
        fail_msg("export: %s", err.msg);
    char *text = test_read(f->out, NULL);
    char *at = strstr(text, " generated=\"");
    assert_non_null(at);
    at += strlen(" generated=\"");
    for (; *at && *at != '"'; at++)
        *at = 'T';
    return text;
}

static void golden_report_byte_for_byte(void **state)
{
    char *text = report_text(*state, &(tl_report_filter){.with_names = true});
    size_t len;
    char *want = test_read(GOLDEN, &len);
    assert_non_null(want);
    assert_int_equal(strlen(text), len);
    assert_memory_equal(text, want, len);
    free(want);
    free(text);
}

/* How libxml2's writer writes attribute a="value" (the report's writer
 * must write the same between the quotes). */
static char *libxml2_escaped(const char *value)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    assert_non_null(w);
    assert_true(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) >= 0);
    assert_true(xmlTextWriterStartElement(w, BAD_CAST "e") >= 0);
    assert_true(xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST value) >= 0);
    assert_true(xmlTextWriterEndDocument(w) >= 0);
    xmlFreeTextWriter(w);
    const char *all = (const char *)xmlBufferContent(buf);
    const char *start = strstr(all, "<e a=\"");
    assert_non_null(start);
    start += strlen("<e a=\"");
    const char *end = strstr(start, "\"/>");
    assert_non_null(end);
    char *escaped = strndup(start, (size_t)(end - start));
    xmlBufferFree(buf);
    return escaped;
}

static void expect_attribute(const char *text, const char *name, const char *value)
{
    char *escaped = libxml2_escaped(value);
    char *want = malloc(strlen(name) + strlen(escaped) + 8);
    sprintf(want, " %s=\"%s\"", name, escaped);
    if (!strstr(text, want))
        fail_msg("the report lacks %s as libxml2 writes it", name);
    free(want);
    free(escaped);
}

#define FFFD "\xef\xbf\xbd"

/* all_bytes() as XML can hold it: control characters but tab, line feed and
 * carriage return, and each byte from 0x80 (none of them starts a valid
 * sequence here), as U+FFFD. */
static void all_bytes_allowed(char out[256 * 3])
{
    char *o = out;
    for (int i = 1; i < 256; i++) {
        if ((i < 0x20 && i != '\t' && i != '\n' && i != '\r') || i >= 0x80)
            o += sprintf(o, "%s", FFFD);
        else
            *o++ = (char)i;
    }
    *o = '\0';
}

static void escaping_as_libxml2_for_every_byte(void **state)
{
    fixture *f = *state;
    char *text = report_text(f, &(tl_report_filter){.with_names = true});
    char allowed[256 * 3];
    all_bytes_allowed(allowed);
    expect_attribute(text, "organisation", allowed);
    expect_attribute(text, "name", allowed);
    expect_attribute(text, "name", "\xc3\x85sa\t\"Q\"\n<x>&amp; 'y'\r");
    expect_attribute(text, "location", "Malm\xc3\xb6 \"C\"\r\n");
    expect_attribute(text, "trainer", "T" FFFD "\x7f" FFFD FFFD);
    expect_attribute(text, "description", "a<b>&c\td");
    tl_error err = {0};
    if (report_validate(f->out, &err) != TL_OK)
        fail_msg("a report with awkward bytes is not valid: %s", err.msg);
    free(text);
}

/* A text longer than the schema's 1,000 characters (only an edited
 * database holds one) is cut there; an empty name is left out, an empty
 * organisation name written as "?": the report stays valid. */
static void long_and_empty_texts_keep_the_report_valid(void **state)
{
    fixture *f = *state;
    char long_text[1300];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    memcpy(long_text + 998, "\xc3\xa5\xc3\xa4\xc3\xb6", 6); /* characters 999-1001: å ä ö */
    tl_error err = {0};
    fx_ok(sql_run(f->s, &err, NULL, "UPDATE training_session SET location = ?", "t", long_text), &err);
    fx_ok(sql_run(f->s, &err, NULL, "UPDATE participant SET name = ''", ""), &err);
    fx_ok(sql_run(f->s, &err, NULL, "UPDATE organisation SET name = ''", ""), &err);
    char *text = report_text(f, &(tl_report_filter){.with_names = true});
    char want[1100] = " location=\"";
    memset(want + strlen(want), 'x', 998);
    strcpy(want + 11 + 998, "\xc3\xa5\xc3\xa4\"");
    assert_non_null(strstr(text, want));
    assert_null(strstr(text, " name=\"\""));
    assert_null(strstr(text, "organisation=\"\""));
    assert_non_null(strstr(text, "organisation=\"?\""));
    if (report_validate(f->out, &err) != TL_OK)
        fail_msg("not valid: %s", err.msg);
    free(text);
}

/* An empty report: every section an empty element, closed at once. */
static void empty_sections_close_at_once(void **state)
{
    char *text = report_text(*state, &(tl_report_filter){.from = "2030-01-01"});
    const char *want = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<report formatVersion=\"3\" id=\"" REPORT_ID "\" generated=\"TTTTTTTTTTTTTTTTTTTT\" "
                       "xmlns=\"urn:tillit:report:1\">\n"
                       "  <generator name=\"tillit\" version=\"" TILLIT_VERSION "\"/>\n"
                       "  <period from=\"2030-01-01\"/>\n"
                       "  <scope names=\"false\"/>\n"
                       "  <totals sessions=\"0\" groupSessions=\"0\" selfStudySessions=\"0\" attendances=\"0\" "
                       "participants=\"0\" organisations=\"0\" trainingTime=\"PT0H00M00S\" "
                       "participantTime=\"PT0H00M00S\" studyTime=\"PT0H00M00S\" checklistRuns=\"0\"/>\n"
                       "  <months/>\n  <groups/>\n  <organisations/>\n  <curricula/>\n  <questions/>\n"
                       "  <sessions/>\n  <checklistUse/>\n  <indicators/>\n"
                       "</report>\n";
    assert_string_equal(text, want);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(golden_report_byte_for_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(escaping_as_libxml2_for_every_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(long_and_empty_texts_keep_the_report_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_sections_close_at_once, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
