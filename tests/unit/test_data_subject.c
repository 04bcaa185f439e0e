/* One person's data (core/data_subject.h, core/extract.h,
 * export/extract_xml.h): finding a participant, forgetting them
 * (anonymised or deleted), and the register extract as text and as XML
 * valid against export/tillit-extract.xsd. */
#include "privacy_fixture.h"

#include "data_subject.h"
#include "extract.h"
#include "extract_xml.h"
#include "learner.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

static void found_by_part_of_the_name_and_organisation(void **state)
{
    pfix *f = *state;
    tl_person *p;
    size_t n;
    tl_error err = {0};
    assert_int_equal(person_find(f->s, "anna", NULL, &p, &n, &err), TL_OK);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].name, "Anna Andersson");
    assert_string_equal(p[0].organisation, "Malmö stad");
    assert_int_equal(p[0].sessions, 1);
    char uuid[37];
    snprintf(uuid, sizeof uuid, "%s", p[0].uuid);
    person_list_free(p, n);
    assert_int_equal(person_find(f->s, uuid, NULL, &p, &n, &err), TL_OK); /* by id */
    assert_int_equal(n, 1);
    person_list_free(p, n);
    assert_int_equal(person_find(f->s, "B", "malmö", &p, &n, &err), TL_OK); /* only Bo Berg has a b */
    assert_int_equal(n, 1);
    assert_string_equal(p[0].name, "Bo Berg");
    assert_int_equal(p[0].sessions, 2);
    person_list_free(p, n);
    assert_int_equal(person_find(f->s, "n", NULL, &p, &n, &err), TL_OK); /* AnNa, none in Bo Berg */
    assert_int_equal(n, 1);
    person_list_free(p, n);
    assert_int_equal(person_find(f->s, "a", NULL, &p, &n, &err), TL_OK);
    assert_int_equal(n, 1);
    person_list_free(p, n);
    assert_int_equal(person_find(f->s, "nobody", NULL, &p, &n, &err), TL_NOINPUT);
    assert_int_equal(person_find(f->s, "anna", "Lund", &p, &n, &err), TL_NOINPUT);
    assert_int_equal(person_find(f->s, "", NULL, &p, &n, &err), TL_USAGE);
}

static void the_plan_says_what_changes(void **state)
{
    pfix *f = *state;
    tl_forget_plan plan;
    tl_error err = {0};
    assert_int_equal(forget_plan(f->s, f->anna, &plan, &err), TL_OK);
    assert_true(plan.has_name);
    assert_int_equal(plan.attendances, 1);
    assert_int_equal(plan.remarks, 1);
    assert_int_equal(plan.progress, 1);
    assert_int_equal(plan.attempts, 1);
    assert_int_equal(plan.answers, 1);
    assert_int_equal(forget_plan(f->s, 999, &plan, &err), TL_NOINPUT);
}

/* The counts the statistics are made of, as one text. */
static void counts(pfix *f, char *buf, size_t size)
{
    snprintf(buf, size, "%lld %lld %lld %lld %lld",
             (long long)pfix_count(f, "SELECT count(*) FROM attendance"),
             (long long)pfix_count(f, "SELECT count(*) FROM participant"),
             (long long)pfix_count(f, "SELECT count(*) FROM module_progress"),
             (long long)pfix_count(f, "SELECT count(*) FROM check_attempt"),
             (long long)pfix_count(f, "SELECT sum(score) FROM check_attempt"));
}

static void anonymised_keeps_the_counts_and_leaves_no_name(void **state)
{
    pfix *f = *state;
    char before[128], after[128], wal[1100];
    counts(f, before, sizeof before);
    tl_error err = {0};
    tl_study_code code;
    assert_int_equal(learner_code(f->s, f->anna, code, &err), TL_OK); /* Anna studied alone too */
    assert_int_equal(forget_person(f->s, f->anna, false, &err), TL_OK);
    counts(f, after, sizeof after);
    assert_string_equal(before, after);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM participant WHERE name IS NULL"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM participant WHERE study_code IS NOT NULL"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM attendance WHERE remark IS NOT NULL"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'forget' AND "
                                   "detail LIKE 'participant %-%-% anonymised'"), 1);
    snprintf(wal, sizeof wal, "%s-wal", f->folder.path);
    assert_false(pfix_file_has(f->folder.path, "Anna Andersson"));
    assert_false(pfix_file_has(f->folder.path, "Anna came late"));
    assert_false(pfix_file_has(wal, "Anna Andersson"));
    assert_true(pfix_file_has(f->folder.path, "Bo Berg"));
}

static void deleted_leaves_nothing_of_them(void **state)
{
    pfix *f = *state;
    tl_error err = {0};
    assert_int_equal(forget_person(f->s, f->anna, true, &err), TL_OK);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM participant"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM check_attempt"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM check_answer"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM module_progress"), 0);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM attendance"), 2); /* Bo's */
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'forget' AND detail LIKE '% deleted'"), 1);
    assert_false(pfix_file_has(f->folder.path, "Anna Andersson"));
    assert_int_equal(forget_person(f->s, f->anna, true, &err), TL_NOINPUT);
}

/* Forgetting killed at any point leaves her as she was or forgotten. */
static void delete_anna(pfix *f)
{
    tl_error err = {0};
    forget_person(f->s, f->anna, true, &err);
}

static void forget_killed_half_way_is_all_or_nothing(void **state)
{
    pfix *f = *state;
    int killed = 0;
    for (int steps = 20; steps < 100000; steps *= 3) {
        bool was_killed = pfix_killed_during(f, steps, delete_anna);
        int64_t people = pfix_count(f, "SELECT count(*) FROM participant");
        int64_t rows = pfix_count(f, "SELECT (SELECT count(*) FROM attendance) + (SELECT count(*) FROM "
                                     "module_progress) + (SELECT count(*) FROM check_attempt)");
        int64_t logged = pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'forget'");
        bool before = people == 2 && rows == 5 && logged == 0;
        bool after = people == 1 && rows == 2 && logged == 1;
        assert_true(before || after);
        if (after)
            break;
        assert_true(was_killed);
        killed++;
    }
    assert_true(killed > 0);
}

static char *text_extract(pfix *f, tl_id who)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    tl_extract_sink sink = extract_text_sink(mem);
    tl_error err = {0};
    tl_status st = extract_read(f->s, who, &sink, 1, &err);
    fclose(mem);
    assert_int_equal(st, TL_OK);
    return text;
}

static void the_text_extract_has_everything_about_them(void **state)
{
    pfix *f = *state;
    char *text = text_extract(f, f->anna);
    const char *expected[] = {privacy_copy_notice(), "Anna Andersson", "Malmö stad", "2019-03-01",
                              "Anna came late", "m1: page 3 of 5", "m1-check (module), attempt 1",
                              "q1: 2 (correct)", "1 / 1 (passed)"};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (!strstr(text, expected[i]))
            fail_msg("'%s' missing in:\n%s", expected[i], text);
    assert_null(strstr(text, "Bo Berg"));
    assert_null(strstr(text, "2026-03-01")); /* not her session */
    free(text);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'extract'"), 1);
    tl_extract_sink none = extract_text_sink(stderr);
    tl_error err = {0};
    assert_int_equal(extract_read(f->s, 999, &none, 1, &err), TL_NOINPUT);
}

static void the_xml_extract_is_valid(void **state)
{
    pfix *f = *state;
    extract_xml_doc *doc = extract_xml_new();
    tl_extract_sink sink = extract_xml_sink(doc);
    tl_error err = {0};
    assert_int_equal(extract_read(f->s, f->bo, &sink, 1, &err), TL_OK);
    char *xml;
    size_t len;
    assert_int_equal(extract_xml_finish(doc, &xml, &len, &err), TL_OK);
    assert_non_null(strstr(xml, "name=\"Bo Berg\""));
    assert_non_null(strstr(xml, "<!-- A copy of personal data"));
    xmlDocPtr d = xmlReadMemory(xml, (int)len, "extract.xml", NULL, XML_PARSE_NONET);
    assert_non_null(d);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt("export/tillit-extract.xsd");
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    assert_int_equal(xmlSchemaValidateDoc(vc, d), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    xmlFreeDoc(d);
    free(xml);
}

static void extract_files_are_private(void **state)
{
    pfix *f = *state;
    char path[1100];
    snprintf(path, sizeof path, "%s/extract.txt", f->folder.dir);
    tl_error err = {0};
    mode_t old = umask(0);
    assert_int_equal(private_file_write(path, "x\n", 2, &err), TL_OK);
    umask(old);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/no/such/folder/extract.txt", f->folder.dir);
    assert_int_equal(private_file_write(path, "x\n", 2, &err), TL_CANTCREAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(found_by_part_of_the_name_and_organisation, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(the_plan_says_what_changes, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(anonymised_keeps_the_counts_and_leaves_no_name, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(deleted_leaves_nothing_of_them, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(forget_killed_half_way_is_all_or_nothing, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(the_text_extract_has_everything_about_them, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(the_xml_extract_is_valid, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(extract_files_are_private, pfix_setup, pfix_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
