/* The access log (core/access_log.h): the core operations that open a
 * run, write a summary or export names log it once, by the operating-system
 * user, with ids and never the case reference, a note or a name; the
 * filters of `tillit log`. */
#include "privacy_fixture.h"

#include "content.h"
#include "report_xml.h"

#include <pwd.h>

typedef struct {
    int n;
    char last[512];
} seen;

static void collect(void *ctx, const tl_log_entry *e)
{
    seen *s = ctx;
    s->n++;
    snprintf(s->last, sizeof s->last, "%s|%s|%s", e->user, e->kind, e->detail);
}

static int listed(pfix *f, tl_log_filter flt, seen *s)
{
    *s = (seen){0};
    tl_error err = {0};
    assert_int_equal(access_log_list(f->s, &flt, collect, s, &err), TL_OK);
    return s->n;
}

static void entries_are_filtered(void **state)
{
    pfix *f = *state;
    seen s;
    assert_int_equal(listed(f, (tl_log_filter){.kind = -1}, &s), 2);
    assert_int_equal(listed(f, (tl_log_filter){.kind = -1, .to = "2019-05-01"}, &s), 1);
    assert_string_equal(s.last, "someone|run-opened|run run-old (cl)");
    assert_int_equal(listed(f, (tl_log_filter){.kind = -1, .from = "2019-05-02"}, &s), 1);
    assert_int_equal(listed(f, (tl_log_filter){.kind = -1, .user = "someone"}, &s), 1);
    assert_int_equal(listed(f, (tl_log_filter){.kind = TL_LOG_PURGE}, &s), 0);
    assert_int_equal(access_log_kind("export-with-names"), TL_LOG_EXPORT_NAMES);
    assert_int_equal(access_log_kind("nonsense"), -1);
}

static void the_user_is_the_operating_system_user(void **state)
{
    (void)state;
    char user[256];
    setenv("USER", "somebody-else", 1); /* not what the log believes */
    access_log_user(user, sizeof user);
    struct passwd *pw = getpwuid(geteuid());
    assert_non_null(pw);
    assert_string_equal(user, pw->pw_name);
}

/* An attendance list or certificates (tillit attendance / certificate)
 * are logged by the session's UUID, never by who is on it. */
static void documents_with_names_are_logged_by_session(void **state)
{
    pfix *f = *state;
    tl_error err = {0};
    assert_int_equal(access_log_add_session(f->s, TL_LOG_DOCUMENT_NAMES, f->old_session, "2 certificate(s)", &err),
                     TL_OK);
    seen s;
    assert_int_equal(listed(f, (tl_log_filter){.kind = TL_LOG_DOCUMENT_NAMES}, &s), 1);
    assert_non_null(strstr(s.last, "|document-with-names|2 certificate(s) of session "));
    assert_null(strstr(s.last, "Anna"));
    assert_int_equal(access_log_kind("document-with-names"), TL_LOG_DOCUMENT_NAMES);
}

static void runs_summaries_and_named_exports_are_logged(void **state)
{
    pfix *f = *state;
    tl_diags d = {0};
    tl_error err = {0};
    tl_content *c;
    assert_int_equal(content_load_file("tests/fixtures/good/ilo-checklist.yaml", &c, &d, &err), TL_OK);
    tl_id run;
    assert_int_equal(store_run_create(f->s, c, "case 12/2026", &run, &err), TL_OK);
    const tl_checklist *cl = c->u.checklist;
    tl_answer *answers = calloc(cl->n_indicators, sizeof *answers);
    char **notes = calloc(cl->n_indicators, sizeof *notes);
    assert_int_equal(store_run_answer(f->s, run, cl->indicators[0].id, TL_A_YES, "a secret note", &err), TL_OK);
    assert_int_equal(store_run_answers(f->s, run, cl, answers, notes, &err), TL_OK);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'run-opened'"), 2 + 1);
    tl_run_info info = {0};
    assert_int_equal(store_run_get(f->s, run, &info, &err), TL_OK);
    tl_summary sum = {.content = c, .run = &info, .lang = "en"};
    tl_assessment a = {0};
    sum.assessment = &a;
    char path[1100];
    snprintf(path, sizeof path, "%s/no/such/folder/summary.txt", f->folder.dir);
    assert_int_not_equal(summary_save_logged(f->s, path, &sum, &err), TL_OK);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'summary-written'"), 0);
    snprintf(path, sizeof path, "%s/report.xml", f->folder.dir);
    tl_report_filter named = {.with_names = true, .from = "2026-01-01"}, anonymous = {0};
    assert_int_equal(report_xml_write(f->s, &anonymous, NULL, NULL, path, &err), TL_OK);
    assert_int_equal(report_xml_write(f->s, &named, NULL, NULL, path, &err), TL_OK);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE kind = 'export-with-names' "
                                   "AND detail = 'report 2026-01-01 to (end)'"), 1);
    assert_int_equal(pfix_count(f, "SELECT count(*) FROM access_log WHERE detail LIKE '%case 12%' "
                                   "OR detail LIKE '%secret%' OR detail LIKE '%Anna%'"), 0);
    for (size_t i = 0; i < cl->n_indicators; i++)
        free(notes[i]);
    free(notes);
    free(answers);
    tl_run_info_clear(&info);
    content_free(c);
    diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(entries_are_filtered, pfix_setup, pfix_teardown),
        cmocka_unit_test(the_user_is_the_operating_system_user),
        cmocka_unit_test_setup_teardown(runs_summaries_and_named_exports_are_logged, pfix_setup, pfix_teardown),
        cmocka_unit_test_setup_teardown(documents_with_names_are_logged_by_session, pfix_setup, pfix_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
