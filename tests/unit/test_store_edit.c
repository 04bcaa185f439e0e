/* Nothing entered is final: an attendee corrected or taken off a roll call,
 * a session's details corrected, a session cancelled (out of the
 * statistics, restorable) or reopened, a session with nobody on it never
 * counted, participant time as the attendance status says, and a checklist
 * run deleted so that its case reference is in neither the database nor
 * its write-ahead log. */
#include "store_fixture.h"

#include "merge.h"
#include "report.h"
#include "store_edit.h"

typedef struct {
    store_fixture base; /* first: the fixture is a store_fixture too */
    tl_store *s;
    test_folder folder;
    tl_id org, session, anna, bo;
} fixture;

static int64_t count(fixture *f, const char *sql)
{
    int64_t n;
    tl_error err = {0};
    assert_int_equal(store_count(f->s, sql, &n, &err), TL_OK);
    return n;
}

static tl_id new_session(fixture *f, const char *date, const char *end_time)
{
    tl_id id = store_fixture_session(&f->base, date);
    tl_error err = {0};
    if (end_time)
        assert_int_equal(store_session_close(f->s, id, end_time, &err), TL_OK);
    return id;
}

static tl_id attendee(fixture *f, tl_id session, const char *name, tl_attendance status)
{
    tl_id id;
    tl_error err = {0};
    assert_int_equal(store_participant_add(f->s, name, f->org, TL_LEVEL_OPERATIONAL, &id, &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, session, id, status, NULL, &err), TL_OK);
    return id;
}

/* One closed session, 09:00-11:00, with Anna and Bo present. */
static int setup(void **state)
{
    fixture *f = (fixture *)store_fixture_setup(state, sizeof(fixture));
    f->s = f->base.s;
    f->folder = f->base.folder;
    tl_error err = {0};
    assert_int_equal(store_organisation(f->s, "Lunds kommun", TL_ORG_SOCIAL_SERVICES, &f->org, &err), TL_OK);
    f->session = new_session(f, "2025-05-06", "11:00");
    f->anna = attendee(f, f->session, "Anna", TL_ATT_PRESENT);
    f->bo = attendee(f, f->session, "Bo", TL_ATT_PRESENT);
    return 0;
}

static int teardown(void **state)
{
    return store_fixture_teardown(state);
}

static tl_report_totals totals(fixture *f)
{
    tl_report_filter all = {0};
    tl_report *r;
    tl_report_totals t;
    tl_error err = {0};
    assert_int_equal(report_open(f->s, &all, NULL, &r, &err), TL_OK);
    assert_int_equal(report_totals(r, &t, &err), TL_OK);
    report_close(r);
    return t;
}

static void an_attendee_is_corrected(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    tl_attendee_edit e = {"Anna Berg", "Malmö stad", TL_ORG_POLICE, TL_LEVEL_STRATEGIC, TL_ATT_LATE,
                          "came from court", 45};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->anna, &e, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM participant p JOIN organisation o ON o.id = p.organisation_id "
                              "WHERE p.name = 'Anna Berg' AND p.level = 'strategic' AND o.name = 'Malmö stad' "
                              "AND o.type = 'police'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE status = 'late' AND minutes = 45 "
                              "AND remark = 'came from court'"),
                     1);
    /* Lunds kommun still has Bo; once he moves too it is gone. */
    assert_int_equal(count(f, "SELECT count(*) FROM organisation"), 2);
    tl_attendee_edit pseudonymous = {"", "Malmö stad", TL_ORG_POLICE, TL_LEVEL_OPERATIONAL, TL_ATT_REMOTE, NULL, -1};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->bo, &pseudonymous, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM organisation"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM participant WHERE name IS NULL"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE status = 'remote' AND minutes IS NULL "
                              "AND remark IS NULL"),
                     1);
}

static void a_wrong_correction_changes_nothing(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    tl_attendee_edit minutes_when_present = {"Anna", "Lunds kommun", TL_ORG_SOCIAL_SERVICES, TL_LEVEL_OPERATIONAL,
                                             TL_ATT_PRESENT, NULL, 30};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->anna, &minutes_when_present, &err), TL_DATAERR);
    tl_attendee_edit too_long = {"Anna", "Lunds kommun", TL_ORG_SOCIAL_SERVICES, TL_LEVEL_OPERATIONAL,
                                 TL_ATT_LEFT_EARLY, NULL, 1441};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->anna, &too_long, &err), TL_DATAERR);
    tl_attendee_edit no_org = {"Anna", "", TL_ORG_SOCIAL_SERVICES, TL_LEVEL_OPERATIONAL, TL_ATT_PRESENT, NULL, -1};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->anna, &no_org, &err), TL_DATAERR);
    tl_attendee_edit fine = {"Anna", "Lunds kommun", TL_ORG_SOCIAL_SERVICES, TL_LEVEL_OPERATIONAL, TL_ATT_ABSENT,
                             NULL, -1};
    assert_int_equal(store_attendee_edit(f->s, f->session, 999, &fine, &err), TL_NOINPUT);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE status = 'present'"), 2);
    assert_int_equal(store_attendance_minutes(f->s, f->session, f->anna, 20, &err), TL_DATAERR);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE minutes IS NOT NULL"), 0);
}

static void an_attendee_is_removed_with_their_work(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    tl_id other = new_session(f, "2025-06-01", NULL);
    assert_int_equal(store_attendance_set(f->s, other, f->bo, TL_ATT_PRESENT, NULL, &err), TL_OK);
    tl_id attempt;
    for (int i = 0; i < 2; i++) {
        tl_id who = i ? f->bo : f->anna;
        assert_int_equal(store_progress_set(f->s, f->session, who, "m1", 1, 3, 60, false, &err), TL_OK);
        assert_int_equal(store_attempt_start(f->s, f->session, who, "m1", TL_PHASE_MODULE, &attempt, &err), TL_OK);
        assert_int_equal(store_answer_record(f->s, attempt, "q1", 1, true, &err), TL_OK);
    }
    assert_int_equal(store_attendee_remove(f->s, f->session, f->anna, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE participant_id = 1"), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM module_progress"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM check_attempt"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM check_answer"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM participant WHERE name = 'Anna'"), 0); /* no record left */
    /* Bo is in another session: off this roll call, still a participant. */
    assert_int_equal(store_attendee_remove(f->s, f->session, f->bo, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM participant WHERE name = 'Bo'"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM attendance"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM check_answer"), 0);
}

static void a_session_is_corrected(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    tl_session_edit e = {"2025-05-07", "13:00", "16:30", "Lund", "Eva", "Second group"};
    assert_int_equal(store_session_edit(f->s, f->session, &e, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE date = '2025-05-07' AND start_time = "
                              "'13:00' AND end_time = '16:30' AND location = 'Lund' AND trainer = 'Eva' "
                              "AND description = 'Second group'"),
                     1);
    assert_int_equal(totals(f).training_seconds, 3 * 3600 + 1800);
    tl_session_edit bad_date = {"2025-02-30", "13:00", NULL, NULL, NULL, NULL};
    assert_int_equal(store_session_edit(f->s, f->session, &bad_date, &err), TL_DATAERR);
    tl_session_edit bad_time = {"2025-05-07", "25:00", NULL, NULL, NULL, NULL};
    assert_int_equal(store_session_edit(f->s, f->session, &bad_time, &err), TL_DATAERR);
    assert_int_equal(store_session_edit(f->s, 999, &e, &err), TL_NOINPUT);
    assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE date = '2025-05-07'"), 1);
}

static void a_cancelled_session_counts_nowhere_until_restored(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    tl_report_totals before = totals(f);
    assert_int_equal(before.sessions, 1);
    assert_int_equal(before.attendances, 2);
    assert_int_equal(store_session_cancel(f->s, f->session, true, &err), TL_OK);
    bool cancelled;
    assert_int_equal(store_session_is_cancelled(f->s, f->session, &cancelled, &err), TL_OK);
    assert_true(cancelled);
    tl_report_totals during = totals(f);
    assert_int_equal(during.sessions, 0);
    assert_int_equal(during.attendances, 0);
    assert_int_equal(during.participants, 0);
    assert_int_equal(during.training_seconds, 0);
    assert_int_equal(store_session_cancel(f->s, f->session, false, &err), TL_OK);
    assert_int_equal(store_session_is_cancelled(f->s, f->session, &cancelled, &err), TL_OK);
    assert_false(cancelled);
    tl_report_totals after = totals(f);
    assert_int_equal(after.sessions, 1);
    assert_int_equal(after.attendances, 2);
    assert_int_equal(store_session_cancel(f->s, 999, true, &err), TL_NOINPUT);
}

static void an_empty_session_counts_nowhere(void **state)
{
    fixture *f = *state;
    new_session(f, "2025-05-08", "10:00"); /* opened by mistake, nobody on it */
    tl_report_totals t = totals(f);
    assert_int_equal(t.sessions, 1);
    assert_int_equal(t.training_seconds, 2 * 3600);
}

static void a_closed_session_is_reopened(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    assert_int_equal(store_session_reopen(f->s, f->session, &err), TL_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM training_session WHERE closed_at IS NULL AND end_time IS NULL"), 1);
    assert_int_equal(totals(f).training_seconds, 0); /* open: no length yet */
    assert_int_equal(store_session_close(f->s, f->session, "10:30", &err), TL_OK);
    assert_int_equal(totals(f).training_seconds, 3600 + 1800);
}

static void participant_time_follows_the_status(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    /* 2 h session: Anna 45 min late-comer, Bo 90 min then left, Cia remote,
     * Dan late without minutes (the whole session), Eva excused. */
    tl_attendee_edit late = {"Anna", "Lunds kommun", TL_ORG_SOCIAL_SERVICES, TL_LEVEL_OPERATIONAL, TL_ATT_LATE,
                             NULL, 45};
    assert_int_equal(store_attendee_edit(f->s, f->session, f->anna, &late, &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, f->session, f->bo, TL_ATT_LEFT_EARLY, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_minutes(f->s, f->session, f->bo, 90, &err), TL_OK);
    attendee(f, f->session, "Cia", TL_ATT_REMOTE);
    attendee(f, f->session, "Dan", TL_ATT_LATE);
    attendee(f, f->session, "Eva", TL_ATT_EXCUSED);
    tl_report_totals t = totals(f);
    assert_int_equal(t.attendances, 4);
    assert_int_equal(t.participant_seconds, (45 + 90 + 120 + 120) * 60);
    /* More minutes than the session had count as the session. */
    assert_int_equal(store_attendance_minutes(f->s, f->session, f->anna, 600, &err), TL_OK);
    assert_int_equal(totals(f).participant_seconds, (120 + 90 + 120 + 120) * 60);
}

static tl_status read_totals(tl_store *s, const tl_report_filter *scope, const tl_report_meta *meta, void *ctx,
                             tl_error *err)
{
    (void)meta;
    tl_report *r;
    tl_status st = report_open(s, scope, NULL, &r, err);
    if (st == TL_OK)
        st = report_totals(r, ctx, err);
    report_close(r);
    return st;
}

/* The report carries the new statuses and the minutes: it validates, and
 * read back (as merge and `stats FILE.xml` read it) it counts the same. */
static void statuses_and_minutes_go_through_a_report(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    assert_int_equal(store_attendance_set(f->s, f->session, f->anna, TL_ATT_LEFT_EARLY, NULL, &err), TL_OK);
    assert_int_equal(store_attendance_minutes(f->s, f->session, f->anna, 50, &err), TL_OK);
    assert_int_equal(store_attendance_set(f->s, f->session, f->bo, TL_ATT_REMOTE, NULL, &err), TL_OK);
    char xml[1100];
    snprintf(xml, sizeof xml, "%s/r.xml", f->folder.dir);
    tl_report_filter all = {0};
    assert_int_equal(report_xml_write(f->s, &all, NULL, NULL, xml, &err), TL_OK);
    assert_int_equal(report_validate(xml, &err), TL_OK);
    char *text = test_read(xml, NULL);
    assert_non_null(strstr(text, "formatVersion=\"3\""));
    assert_non_null(strstr(text, "status=\"left_early\" minutes=\"50\""));
    assert_non_null(strstr(text, "status=\"remote\""));
    free(text);
    tl_report_totals direct = totals(f), read_back = {0};
    assert_int_equal(direct.participant_seconds, (50 + 120) * 60);
    const char *inputs[] = {xml};
    assert_int_equal(report_merge_into(inputs, 1, false, NULL, read_totals, &read_back, &err), TL_OK);
    assert_int_equal(read_back.participant_seconds, direct.participant_seconds);
    assert_int_equal(read_back.attendances, 2);
}

/* A run of a checklist with one answer and a note ("seen at" the case
 * reference without its CASE-). */
static tl_id new_run(fixture *f, const char *case_ref)
{
    tl_header h = {.kind = TL_CHECKLIST, .id = "indicators", .version = "1"};
    tl_content c = {.hash = "0123456789abcdef", .kind = TL_CHECKLIST, .u.h = &h};
    tl_id run;
    tl_error err = {0};
    assert_int_equal(store_run_create(f->s, &c, case_ref, &run, &err), TL_OK);
    char note[128];
    snprintf(note, sizeof note, "seen at %s", case_ref + 5);
    assert_int_equal(store_run_answer(f->s, run, "i1", TL_A_YES, note, &err), TL_OK);
    return run;
}

/* Whether the bytes of the file at path contain text. */
static bool file_has(const char *path, const char *text)
{
    size_t len;
    char *buf = test_read(path, &len);
    if (!buf)
        return false;
    bool found = false;
    for (size_t i = 0; !found && i + strlen(text) <= len; i++)
        found = memcmp(buf + i, text, strlen(text)) == 0;
    free(buf);
    return found;
}

static void a_deleted_run_leaves_no_trace(void **state)
{
    fixture *f = *state;
    tl_error err = {0};
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", f->folder.path);
    new_run(f, "CASE-KEEP-0001");
    tl_id gone = new_run(f, "CASE-GONE-4711");
    assert_true(file_has(f->folder.path, "CASE-GONE-4711") || file_has(wal, "CASE-GONE-4711"));
    assert_int_equal(store_run_delete(f->s, gone, &err), TL_OK);
    assert_false(file_has(f->folder.path, "CASE-GONE-4711"));
    assert_false(file_has(wal, "CASE-GONE-4711"));
    assert_false(file_has(f->folder.path, "seen at GONE-4711"));
    assert_int_equal(count(f, "SELECT count(*) FROM checklist_run"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM checklist_answer"), 1);
    assert_int_equal(store_run_delete(f->s, gone, &err), TL_NOINPUT);
    store_close(f->s);
    assert_true(file_has(f->folder.path, "CASE-KEEP-0001"));
    assert_int_equal(store_open(f->folder.path, false, &f->base.s, &err), TL_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(an_attendee_is_corrected, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wrong_correction_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(an_attendee_is_removed_with_their_work, setup, teardown),
        cmocka_unit_test_setup_teardown(a_session_is_corrected, setup, teardown),
        cmocka_unit_test_setup_teardown(a_cancelled_session_counts_nowhere_until_restored, setup, teardown),
        cmocka_unit_test_setup_teardown(an_empty_session_counts_nowhere, setup, teardown),
        cmocka_unit_test_setup_teardown(a_closed_session_is_reopened, setup, teardown),
        cmocka_unit_test_setup_teardown(participant_time_follows_the_status, setup, teardown),
        cmocka_unit_test_setup_teardown(statuses_and_minutes_go_through_a_report, setup, teardown),
        cmocka_unit_test_setup_teardown(a_deleted_run_leaves_no_trace, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
