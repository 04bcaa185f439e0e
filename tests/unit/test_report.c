/* The statistics source, section by section, against the site in
 * report_fixture.h: every number is worked out by hand in the fixture's
 * comment and docs/report-format.md. Also: filters, the empty store, and one
 * consistent snapshot while another connection writes. */
#include "report_fixture.h"

#include "report.h"

typedef struct {
    char *dir;
    tl_store *s;
    tl_report *r;
} fixture;

static const tl_report_filter year_2025 = {.from = "2025-01-01", .to = "2025-12-31"};

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->s = fx_store(f->dir, "site.db");
    fx_fill_site(f->s, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    report_close(f->r);
    store_close(f->s);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static tl_report *open_report(fixture *f, const tl_report_filter *flt)
{
    tl_error err = {0};
    report_close(f->r);
    f->r = NULL;
    if (report_open(f->s, flt, NULL, &f->r, &err) != TL_OK)
        fail_msg("report_open: %s", err.msg);
    return f->r;
}

static void ok(tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        fail_msg("%s", err->msg);
}

static void knowledge_is(const tl_report_knowledge *k, int pre_n, double pre, int post_n, double post,
                         int both, double gain)
{
    assert_int_equal(k->pre_n, pre_n);
    assert_int_equal(k->post_n, post_n);
    assert_int_equal(k->both_n, both);
    if (pre_n)
        assert_float_equal(k->pre_mean, pre, 0.01);
    if (post_n)
        assert_float_equal(k->post_mean, post, 0.01);
    if (both)
        assert_float_equal(k->gain_mean, gain, 0.01);
}

static void totals_of_the_year(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    tl_report_totals t;
    tl_error err = {0};
    ok(report_totals(r, &t, &err), &err);
    assert_int_equal(t.sessions, 4);
    assert_int_equal(t.group_sessions, 3);
    assert_int_equal(t.self_sessions, 1);
    assert_int_equal(t.attendances, 6);
    assert_int_equal(t.participants, 3);
    assert_int_equal(t.organisations, 2);
    assert_int_equal(t.training_seconds, 12600 + 7200 + 7200); /* S3 is open */
    assert_int_equal(t.participant_seconds, 2 * 12600 + 2 * 7200 + 7200);
    assert_int_equal(t.study_seconds, 200 + 300 + 120 + 400 + 600);
    assert_int_equal(t.checklist_runs, 5);
}

static void totals_without_a_period(void **state)
{
    tl_report *r = open_report(*state, &(tl_report_filter){0});
    tl_report_totals t;
    tl_error err = {0};
    ok(report_totals(r, &t, &err), &err);
    assert_int_equal(t.sessions, 5);
    assert_int_equal(t.attendances, 7);
    assert_int_equal(t.participants, 3);
    assert_int_equal(t.training_seconds, 27000 + 3600);
    assert_int_equal(t.study_seconds, 1620 + 100);
    assert_int_equal(t.checklist_runs, 6);
}

static void months_of_the_year(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    const struct {
        const char *month;
        int sessions, attendances, participants;
    } want[] = {{"2025-03", 1, 2, 2}, {"2025-04", 2, 3, 3}, {"2025-05", 1, 1, 1}};
    tl_report_month m;
    bool has;
    tl_error err = {0};
    for (size_t i = 0; i < 3; i++) {
        ok(report_next_month(r, &m, &has, &err), &err);
        assert_true(has);
        assert_string_equal(m.month, want[i].month);
        assert_int_equal(m.sessions, want[i].sessions);
        assert_int_equal(m.attendances, want[i].attendances);
        assert_int_equal(m.participants, want[i].participants);
    }
    ok(report_next_month(r, &m, &has, &err), &err);
    assert_false(has);
    ok(report_next_month(r, &m, &has, &err), &err); /* stays at the end */
    assert_false(has);
}

static void groups_by_type_and_level(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    tl_report_group g;
    bool has;
    tl_error err = {0};
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_true(has);
    assert_string_equal(g.org_type, "police");
    assert_string_equal(g.level, "operational");
    assert_int_equal(g.organisations, 1);
    assert_int_equal(g.participants, 1);
    assert_int_equal(g.attendances, 2);
    knowledge_is(&g.knowledge, 1, 75, 1, 75, 1, 0);
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_string_equal(g.org_type, "social_services");
    assert_string_equal(g.level, "operational");
    assert_int_equal(g.attendances, 2);
    knowledge_is(&g.knowledge, 1, 50, 1, 100, 1, 50);
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_string_equal(g.org_type, "social_services");
    assert_string_equal(g.level, "strategic");
    assert_int_equal(g.participants, 1);
    assert_int_equal(g.attendances, 2);
    knowledge_is(&g.knowledge, 1, 25, 1, 50, 1, 25); /* pre in S1, post in S3 */
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_false(has);
}

static void organisations_reached(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    tl_report_org o;
    bool has;
    tl_error err = {0};
    ok(report_next_organisation(r, &o, &has, &err), &err);
    assert_string_equal(o.name, "Malmö stad");
    assert_string_equal(o.org_type, "social_services");
    assert_int_equal(o.participants, 2);
    assert_int_equal(o.attendances, 4);
    ok(report_next_organisation(r, &o, &has, &err), &err);
    assert_string_equal(o.name, "Polisen Syd");
    assert_int_equal(o.participants, 1);
    assert_int_equal(o.attendances, 2);
    ok(report_next_organisation(r, &o, &has, &err), &err);
    assert_false(has);
}

static void curricula_and_modules(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    tl_report_curriculum c;
    tl_report_module m;
    bool has;
    tl_error err = {0};
    ok(report_next_curriculum(r, &c, &has, &err), &err);
    assert_string_equal(c.id, "course-a");
    assert_string_equal(c.version, "1");
    assert_int_equal(c.sessions, 3);
    assert_int_equal(c.participants, 3);
    assert_int_equal(c.attendances, 5);
    knowledge_is(&c.knowledge, 3, 50, 3, 75, 3, 25);
    ok(report_next_module(r, &m, &has, &err), &err);
    assert_string_equal(m.id, "intro");
    assert_int_equal(m.participants, 1);
    assert_false(m.has_check);
    assert_int_equal(m.completions, 1); /* no check: marked complete is enough */
    assert_int_equal(m.attempts, 0);
    ok(report_next_module(r, &m, &has, &err), &err);
    assert_string_equal(m.id, "law");
    assert_int_equal(m.participants, 3);
    assert_true(m.has_check);
    assert_int_equal(m.completions, 2); /* P2 marked complete but passed no check */
    assert_int_equal(m.check_takers, 2);
    assert_int_equal(m.check_passed, 2);
    assert_int_equal(m.attempts, 3);
    assert_float_equal(m.mean_score, (50.0 + 100 + 100) / 3, 0.01);
    ok(report_next_module(r, &m, &has, &err), &err);
    assert_false(has);

    ok(report_next_curriculum(r, &c, &has, &err), &err);
    assert_string_equal(c.id, "course-b");
    assert_int_equal(c.sessions, 1);
    assert_int_equal(c.participants, 1);
    knowledge_is(&c.knowledge, 0, 0, 0, 0, 0, 0);
    ok(report_next_module(r, &m, &has, &err), &err);
    assert_false(has);
    ok(report_next_curriculum(r, &c, &has, &err), &err);
    assert_false(has);
}

/* The loaded curriculum, not the data, says whether a module has a check. */
static void modules_with_the_library(void **state)
{
    fixture *f = *state;
    static const char yaml[] =
        "kind: curriculum\nid: course-a\nversion: 1\nreviewed: 2025-01-01\n"
        "sources: [{id: s, title: S}]\ntitle: A\n"
        "modules:\n"
        "  - id: intro\n    title: I\n    minutes: 5\n    pages: [{id: p, title: P, body: B}]\n"
        "    check:\n      pass_mark: 50\n      questions:\n"
        "        - {id: q1, type: single, text: Q, explanation: E, choices: [{text: a, correct: true}, {text: b}]}\n"
        "  - id: law\n    title: L\n    minutes: 5\n    pages: [{id: p, title: P, body: B}]\n";
    tl_content *cu = NULL;
    tl_diags d = {0};
    assert_int_equal(content_load_buffer("course-a.yaml", yaml, sizeof yaml - 1, &cu, &d), TL_OK);
    diags_free(&d); /* warnings: the texts have no English */
    tl_content *list[] = {cu};
    tl_library lib = {.n_curricula = 1, .curricula = list};
    tl_error err = {0};
    ok(report_open(f->s, &year_2025, &lib, &f->r, &err), &err);
    tl_report_curriculum c;
    tl_report_module m;
    bool has;
    ok(report_next_curriculum(f->r, &c, &has, &err), &err);
    ok(report_next_module(f->r, &m, &has, &err), &err);
    assert_string_equal(m.id, "intro");
    assert_true(m.has_check);
    assert_int_equal(m.completions, 0); /* complete, but its check was never passed */
    ok(report_next_module(f->r, &m, &has, &err), &err);
    assert_string_equal(m.id, "law");
    assert_false(m.has_check);
    assert_int_equal(m.completions, 3);
    report_close(f->r);
    f->r = NULL;
    content_free(cu);
}

static void sessions_attendees_and_results(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    tl_report_session s;
    tl_report_attendee a;
    tl_report_progress p;
    tl_report_attempt t;
    tl_report_answer q;
    bool has;
    tl_error err = {0};
    ok(report_next_session(r, &s, &has, &err), &err);
    assert_string_equal(s.uuid, "00000001-0000-4000-8000-00000000000b");
    assert_string_equal(s.kind, "group");
    assert_string_equal(s.curriculum_id, "course-a");
    assert_string_equal(s.curriculum_version, "1");
    assert_string_equal(s.content_hash, FX_HASH);
    assert_string_equal(s.date, "2025-03-10");
    assert_string_equal(s.start_time, "09:00");
    assert_string_equal(s.end_time, "12:30");
    assert_string_equal(s.trainer, "Tränare \"Ett\"");
    assert_string_equal(s.location, "Malmö");
    assert_null(s.description);

    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.participant, "00000001-0000-4000-8000-000000000001");
    assert_null(a.name); /* pseudonymous without with_names */
    assert_string_equal(a.level, "operational");
    assert_string_equal(a.organisation, "Malmö stad");
    assert_string_equal(a.org_type, "social_services");
    assert_string_equal(a.status, "present");
    ok(report_next_progress(r, &p, &has, &err), &err);
    assert_string_equal(p.module_id, "intro");
    assert_int_equal(p.seconds, 200);
    assert_int_equal(p.pages_total, 3);
    assert_string_equal(p.started_at, "2025-03-10T10:00:00Z");
    assert_string_equal(p.completed_at, "2025-03-10T10:10:00Z");
    ok(report_next_progress(r, &p, &has, &err), &err);
    assert_string_equal(p.module_id, "law");
    ok(report_next_progress(r, &p, &has, &err), &err);
    assert_false(has);

    ok(report_next_attempt(r, &t, &has, &err), &err);
    assert_string_equal(t.check_id, "pre_post");
    assert_string_equal(t.phase, "pre");
    assert_int_equal(t.number, 1);
    assert_true(t.scored);
    assert_int_equal(t.score, 2);
    assert_int_equal(t.max_score, 4);
    assert_false(t.passed);
    assert_string_equal(t.finished_at, "2025-03-10T10:10:00Z");
    ok(report_next_answer(r, &q, &has, &err), &err);
    assert_string_equal(q.question_id, "q1");
    assert_int_equal(q.chosen, 2);
    assert_true(q.correct);
    for (int i = 0; i < 3; i++)
        ok(report_next_answer(r, &q, &has, &err), &err);
    assert_string_equal(q.question_id, "q4");
    assert_int_equal(q.chosen, 5);
    assert_false(q.correct);
    ok(report_next_answer(r, &q, &has, &err), &err);
    assert_false(has);
    int attempts = 1;
    while (report_next_attempt(r, &t, &has, &err) == TL_OK && has)
        attempts++;
    assert_int_equal(attempts, 4); /* pre, law twice, post */

    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.participant, "00000001-0000-4000-8000-000000000002");
    assert_string_equal(a.status, "late");
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.status, "absent");
    ok(report_next_progress(r, &p, &has, &err), &err);
    assert_false(has);
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_false(has);

    const char *rest[] = {"2025-04-02", "2025-04-20", "2025-05-05"};
    for (int i = 0; i < 3; i++) {
        ok(report_next_session(r, &s, &has, &err), &err);
        assert_true(has);
        assert_string_equal(s.date, rest[i]);
    }
    assert_null(s.description);
    ok(report_next_session(r, &s, &has, &err), &err);
    assert_false(has);
}

static void self_study_without_roll_call(void **state)
{
    tl_report *r = open_report(*state, &(tl_report_filter){.from = "2025-04-20", .to = "2025-04-20"});
    tl_report_session s;
    tl_report_attendee a;
    bool has;
    tl_error err = {0};
    ok(report_next_session(r, &s, &has, &err), &err);
    assert_string_equal(s.kind, "self");
    assert_null(s.end_time);
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_true(has);
    assert_null(a.status);
    assert_string_equal(a.level, "strategic");
}

static void names_only_when_asked(void **state)
{
    tl_report *r = open_report(*state, &(tl_report_filter){.from = "2025-03-10", .to = "2025-03-10",
                                                          .with_names = true});
    tl_report_session s;
    tl_report_attendee a;
    bool has;
    tl_error err = {0};
    ok(report_next_session(r, &s, &has, &err), &err);
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.name, "Anna Andersson");
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_null(a.name); /* P2 has no name */
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.name, "Björn <&> Berg");
}

static void checklist_use_counts(void **state)
{
    tl_report *r = open_report(*state, &year_2025);
    const struct {
        const char *checklist, *month, *outcome;
        int runs, checklist_runs, month_runs;
    } want[] = {{"ilo", "2025-03", NULL, 1, 4, 3},
                {"ilo", "2025-03", "signs", 2, 4, 3},
                {"ilo", "2025-04", "none-noted", 1, 4, 1},
                {"inspect", "2025-04", "signs", 1, 1, 1}};
    tl_report_checklist_use u;
    bool has;
    tl_error err = {0};
    for (size_t i = 0; i < 4; i++) {
        ok(report_next_checklist_use(r, &u, &has, &err), &err);
        assert_true(has);
        assert_string_equal(u.checklist_id, want[i].checklist);
        assert_string_equal(u.month, want[i].month);
        if (want[i].outcome)
            assert_string_equal(u.outcome_id, want[i].outcome);
        else
            assert_null(u.outcome_id);
        assert_int_equal(u.runs, want[i].runs);
        assert_int_equal(u.checklist_runs, want[i].checklist_runs);
        assert_int_equal(u.month_runs, want[i].month_runs);
    }
    ok(report_next_checklist_use(r, &u, &has, &err), &err);
    assert_false(has);
}

static void filter_by_curriculum(void **state)
{
    tl_report *r = open_report(*state, &(tl_report_filter){.curriculum = "course-b"});
    tl_report_totals t;
    tl_error err = {0};
    ok(report_totals(r, &t, &err), &err);
    assert_int_equal(t.sessions, 1);
    assert_int_equal(t.attendances, 1);
    assert_int_equal(t.training_seconds, 7200); /* 23:00 to 01:00 */
    assert_int_equal(t.checklist_runs, 0);      /* runs belong to no curriculum */
    tl_report_curriculum c;
    bool has;
    ok(report_next_curriculum(r, &c, &has, &err), &err);
    assert_string_equal(c.id, "course-b");
    ok(report_next_curriculum(r, &c, &has, &err), &err);
    assert_false(has);
    tl_report_checklist_use u;
    ok(report_next_checklist_use(r, &u, &has, &err), &err);
    assert_false(has);
}

static void filter_by_organisation(void **state)
{
    tl_report *r = open_report(*state, &(tl_report_filter){.from = "2025-01-01", .to = "2025-12-31",
                                                          .organisation = "Polisen Syd"});
    tl_report_totals t;
    tl_error err = {0};
    ok(report_totals(r, &t, &err), &err);
    assert_int_equal(t.sessions, 2); /* S2 and S5; absent from S1 */
    assert_int_equal(t.attendances, 2);
    assert_int_equal(t.participants, 1);
    assert_int_equal(t.organisations, 1);
    assert_int_equal(t.checklist_runs, 0);
    tl_report_session s;
    tl_report_attendee a;
    bool has;
    ok(report_next_session(r, &s, &has, &err), &err);
    assert_string_equal(s.date, "2025-04-02");
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_string_equal(a.organisation, "Polisen Syd"); /* P1 of Malmö is not listed */
    ok(report_next_attendee(r, &a, &has, &err), &err);
    assert_false(has);
    tl_report_group g;
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_string_equal(g.org_type, "police");
    ok(report_next_group(r, &g, &has, &err), &err);
    assert_false(has);
}

static void empty_store_gives_zeros(void **state)
{
    fixture *f = *state;
    tl_store *empty = fx_store(f->dir, "empty.db");
    tl_report *r;
    tl_error err = {0};
    ok(report_open(empty, &year_2025, NULL, &r, &err), &err);
    tl_report_totals t;
    ok(report_totals(r, &t, &err), &err);
    assert_int_equal(t.sessions + t.attendances + t.participants + t.organisations, 0);
    assert_int_equal(t.training_seconds + t.study_seconds + t.checklist_runs, 0);
    bool has;
    tl_report_month m;
    tl_report_session s;
    tl_report_attendee a;
    tl_report_module mo;
    ok(report_next_month(r, &m, &has, &err), &err);
    assert_false(has);
    ok(report_next_session(r, &s, &has, &err), &err);
    assert_false(has);
    ok(report_next_attendee(r, &a, &has, &err), &err); /* no parent: no rows, no error */
    assert_false(has);
    ok(report_next_module(r, &mo, &has, &err), &err);
    assert_false(has);
    report_close(r);
    store_close(empty);
}

/* A session recorded by another process while the report is read does not
 * appear half-way: the report is one snapshot. */
static void one_snapshot_while_another_writes(void **state)
{
    fixture *f = *state;
    tl_report *r = open_report(f, &year_2025);
    tl_report_totals before, after;
    tl_error err = {0};
    ok(report_totals(r, &before, &err), &err);

    char path[1024];
    snprintf(path, sizeof path, "%s/site.db", f->dir);
    tl_store *other;
    ok(store_open(path, false, &other, &err), &err);
    fx_site writer = {other, 1, 50};
    tl_id extra = fx_session(&writer, 99, TL_SESSION_GROUP, "course-a", "1", "2025-06-01", "09:00",
                             "10:00", NULL);
    tl_id p;
    tl_id org;
    ok(store_organisation(other, "Ny org", TL_ORG_NGO, &org, &err), &err);
    ok(store_participant_add(other, NULL, org, TL_LEVEL_STRATEGIC, &p, &err), &err);
    fx_attend(&writer, extra, p, TL_ATT_PRESENT);

    ok(report_totals(r, &after, &err), &err);
    assert_int_equal(after.sessions, before.sessions);
    assert_int_equal(after.attendances, before.attendances);
    int n = 0;
    tl_report_session s;
    bool has;
    while (report_next_session(r, &s, &has, &err) == TL_OK && has)
        n++;
    assert_int_equal(n, 4);
    report_close(r);
    f->r = NULL;

    r = open_report(f, &year_2025); /* a new report sees it */
    ok(report_totals(r, &after, &err), &err);
    assert_int_equal(after.sessions, before.sessions + 1);
    store_close(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(totals_of_the_year, setup, teardown),
        cmocka_unit_test_setup_teardown(totals_without_a_period, setup, teardown),
        cmocka_unit_test_setup_teardown(months_of_the_year, setup, teardown),
        cmocka_unit_test_setup_teardown(groups_by_type_and_level, setup, teardown),
        cmocka_unit_test_setup_teardown(organisations_reached, setup, teardown),
        cmocka_unit_test_setup_teardown(curricula_and_modules, setup, teardown),
        cmocka_unit_test_setup_teardown(modules_with_the_library, setup, teardown),
        cmocka_unit_test_setup_teardown(sessions_attendees_and_results, setup, teardown),
        cmocka_unit_test_setup_teardown(self_study_without_roll_call, setup, teardown),
        cmocka_unit_test_setup_teardown(names_only_when_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(checklist_use_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(filter_by_curriculum, setup, teardown),
        cmocka_unit_test_setup_teardown(filter_by_organisation, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_store_gives_zeros, setup, teardown),
        cmocka_unit_test_setup_teardown(one_snapshot_while_another_writes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
