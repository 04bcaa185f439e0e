/* The case summary: it names the checklist (id, version, hash), the case,
 * the dates, the outcome with its reasons, each section, the advice, the
 * contacts, the disclaimer and every answer; notes only when asked; lines fit
 * the width; the file is written 0600 (also over an existing file) and an
 * unwritable place is refused without leftovers; a stored run (listed for
 * resuming, outcome and finish recorded) gives the same summary. */
#include "testutil.h"

#include "cleanup.h"
#include "content.h"
#include "summary.h"

#include <locale.h>
#include <time.h>

typedef struct {
    tl_content *content;
    tl_answer answers[32];
    char *notes[32];
    tl_section_result sections[8];
    tl_assessment a;
    tl_run_info run;
    tl_summary s;
} fixture;

static size_t indicator(const tl_checklist *cl, const char *id)
{
    size_t i = checklist_indicator_index(cl, id);
    if (i == cl->n_indicators)
        fail_msg("no indicator %s", id);
    return i;
}

/* The ILO test checklist with the full combination answered yes, one
 * unknown, one not asked and one note. */
static fixture *fixture_new(void)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(content_load_file("tests/fixtures/good/ilo-checklist.yaml", &f->content, &d, &err),
                     TL_OK);
    const tl_checklist *cl = f->content->u.checklist;
    assert_true(cl->n_indicators <= 32 && cl->n_sections <= 8);
    const char *yes[] = {"dr-s1", "dr-m1", "ex-s1", "ex-s2", "cd-s1", "cd-w1"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        f->answers[indicator(cl, yes[i])] = TL_A_YES;
    f->answers[indicator(cl, "dr-s2")] = TL_A_UNKNOWN;
    f->answers[indicator(cl, "cr-s1")] = TL_A_NOT_ASKED;
    f->answers[indicator(cl, "vr-m1")] = TL_A_NO;
    f->notes[indicator(cl, "ex-s1")] = "seen at the evening visit";
    assess(cl, f->answers, f->sections, &f->a);
    f->run.case_ref = (char *)"Ärende 17";
    snprintf(f->run.created_at, sizeof f->run.created_at, "2026-11-27T09:45:00Z");
    snprintf(f->run.updated_at, sizeof f->run.updated_at, "2026-11-27T10:05:00Z");
    f->s = (tl_summary){.content = f->content, .assessment = &f->a, .run = &f->run,
                        .notes = f->notes, .made = "2026-11-27 11:00", .lang = "en"};
    return f;
}

static void fixture_free(fixture *f)
{
    content_free(f->content);
    free(f);
}

static void assert_has(const char *text, const char *part)
{
    if (!strstr(text, part)) {
        fprintf(stderr, "%s", text); /* cmocka cuts long messages */
        fail_msg("missing \"%s\"", part);
    }
}

static void contents(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    f->s.width = 400; /* no wrapping: whole lines to compare */
    char *t = summary_text(&f->s, false);
    assert_has(t, "Checklist:    ILO test\n");
    assert_has(t, "ilo-test, version 1, reviewed 2026-11-26\nContent hash: ");
    assert_has(t, f->content->hash);
    assert_has(t, "Case:         Ärende 17\n");
    assert_has(t, "Started:      2026-11-27 ");
    assert_has(t, "Made:         2026-11-27 11:00\n");
    assert_has(t, "Answered:     9 of 20 (11 not answered)\n"
                  "              6 Yes, 1 No, 1 Don't know, 1 Not asked\n");
    assert_has(t, "Notes:        left out\n");
    /* the outcome, with why */
    assert_has(t, "The answers suggest: Strong signs (severity: high)\n");
    assert_has(t, "  1. Strong signs: its condition holds:\n");
    assert_has(t, "     [x] all of these hold:\n");
    assert_has(t, "         [x] 'Deceptive recruitment' counts as present\n");
    assert_has(t, "         [ ] 'Coercive recruitment' does not count as present\n");
    /* each section: why present or not, the yes answers, the gaps */
    assert_has(t, "Sections: 3 of 6 count as present\n");
    assert_has(t, "  [x] Deceptive recruitment: present, because at least 1 strong + 1 medium "
                  "answered yes (yes: 1 strong, 1 medium, 0 weak)\n");
    assert_has(t, "      yes (strong): DR S1\n");
    assert_has(t, "      gaps, never counted as yes: 4 Not answered, 1 Don't know\n");
    assert_has(t, "  [ ] Coercive recruitment: not present; no rule holds (yes: 0 strong, 0 medium, "
                  "0 weak; needs 2 strong, or 1 strong + 1 medium, or 1 strong + 1 weak, or 3 medium, "
                  "or 2 medium + 1 weak)\n");
    assert_has(t, "  [x] Coercion at destination: present, because at least 1 strong + 1 weak");
    /* advice, contacts, disclaimer, answers */
    assert_has(t, "\nAdvice\n======\nA\n");
    assert_has(t, "\nNational support line\n  Phone: 020-39 00 00\n  Advice.\n");
    assert_has(t, "\nWhat this assessment can and cannot tell\n");
    assert_has(t, "Indicators prove nothing.\n");
    assert_has(t, "  [Yes] EX S1 (strong)\n");
    assert_has(t, "  [Don't know] DR S2 (strong)\n");
    assert_has(t, "  [Not asked] CR S1 (strong)\n");
    assert_has(t, "  [Not answered] CR M1 (medium)\n");
    assert_null(strstr(t, "seen at the evening visit"));
    free(t);

    f->s.include_notes = true;
    t = summary_text(&f->s, false);
    assert_has(t, "Notes:        included\n");
    assert_has(t, "  [Yes] EX S1 (strong)\n    Note: seen at the evening visit\n");
    free(t);

    f->s.lang = "sv";
    t = summary_text(&f->s, true); /* the assessment part only */
    assert_has(t, "The answers suggest: Starka tecken (severity: high)\n");
    assert_has(t, "[x] 'Exploatering' counts as present");
    assert_has(t, "Nationella stödtelefonen\n");
    assert_has(t, "Indikatorer bevisar ingenting.\n");
    assert_null(strstr(t, "CASE SUMMARY"));
    assert_null(strstr(t, "EX S1 (strong)\n    Note"));
    free(t);
    fixture_free(f);
}

static void why_for_later_and_fallback_outcomes(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    memset(f->answers, 0, sizeof f->answers);
    assess(f->content->u.checklist, f->answers, f->sections, &f->a);
    char *t = summary_text(&f->s, true);
    assert_has(t, "The answers suggest: Nothing noted (severity: none)\n");
    assert_has(t, "  1. Strong signs: its condition does not hold\n");
    assert_has(t, "  2. Some signs: its condition does not hold\n");
    assert_has(t, "  3. One strong: its condition does not hold\n");
    assert_has(t, "  4. Nothing noted: the fallback, as no earlier condition holds\n");
    assert_null(strstr(t, "\nContacts\n")); /* the fallback names none */
    free(t);
    fixture_free(f);
}

static void lines_fit_the_width(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    f->s.width = 40;
    f->s.include_notes = true;
    char *t = summary_text(&f->s, false);
    size_t lines = 0;
    for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        /* every line is ASCII here except the case reference's Ä (2 bytes) */
        size_t cols = strlen(line) - (strstr(line, "Ärende") ? 1 : 0);
        if (cols > 40)
            fail_msg("line wider than 40: \"%s\"", line);
    }
    assert_true(lines > 60);
    free(t);
    fixture_free(f);
}

static void saved_0600(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    char *dir = test_tmpdir(), path[1024];
    snprintf(path, sizeof path, "%s/summary.txt", dir);
    tl_error err = {0};
    assert_int_equal(summary_save(path, &f->s, &err), TL_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char *saved = test_read(path, NULL), *text = summary_text(&f->s, false);
    assert_string_equal(saved, text);
    free(saved);
    free(text);

    /* an existing, more open file is replaced by a 0600 one */
    test_write(path, "old", 3);
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(summary_save(path, &f->s, &err), TL_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    /* a link to a file stays a link; the file it names gets the summary
     * (the same writer as the report's, core/atomic_file.c) */
    char link[1100];
    snprintf(link, sizeof link, "%s/link.txt", dir);
    assert_int_equal(symlink("summary.txt", link), 0);
    test_write(path, "old", 3);
    assert_int_equal(summary_save(link, &f->s, &err), TL_OK);
    struct stat lst;
    assert_int_equal(lstat(link, &lst), 0);
    assert_true(S_ISLNK(lst.st_mode));
    char *through = test_read(path, NULL);
    assert_true(strlen(through) > 100);
    free(through);
    assert_int_equal(unlink(link), 0);
    assert_int_equal(cleanup_pending(), 0); /* the temporary file's cleanup slot is given back */

    /* a folder that does not exist: refused, naming the file */
    char bad[1100];
    snprintf(bad, sizeof bad, "%s/missing/summary.txt", dir);
    assert_int_equal(summary_save(bad, &f->s, &err), TL_CANTCREAT);
    assert_non_null(strstr(err.msg, bad));
    /* the path is a folder: refused, and no temporary file is left */
    assert_int_equal(summary_save(dir, &f->s, &err), TL_CANTCREAT);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
    test_rmtree(dir);
    free(dir);
    fixture_free(f);
}

/* A run as the checklist screen keeps it: created, answered, listed for
 * resuming with its progress, outcome and finish recorded, read back into
 * the same summary. */
static void stored_run(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    const tl_checklist *cl = f->content->u.checklist;
    char *dir = test_tmpdir(), path[1024];
    snprintf(path, sizeof path, "%s/t.db", dir);
    tl_store *s;
    tl_error err = {0};
    tl_id first, second;
    assert_int_equal(store_open(path, false, &s, &err), TL_OK);
    assert_int_equal(store_run_create(s, f->content, "Case 1", &first, &err), TL_OK);
    assert_int_equal(store_run_create(s, f->content, "Ärende 17", &second, &err), TL_OK);
    for (size_t i = 0; i < cl->n_indicators; i++)
        if (f->answers[i] != TL_A_NONE)
            assert_int_equal(store_run_answer(s, second, cl->indicators[i].id, f->answers[i],
                                              f->notes[i], &err), TL_OK);
    assert_int_equal(store_run_set_outcome(s, second, "presumed", &err), TL_OK);
    assert_int_equal(store_run_finish(s, second, &err), TL_OK);

    tl_run_entry *runs, *fewer;
    size_t n;
    assert_int_equal(store_run_list(s, "ilo-test", 4, &runs, &n, &err), TL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(runs[0].info.id, second); /* most recently changed first */
    assert_string_equal(runs[0].info.case_ref, "Ärende 17");
    assert_int_equal(runs[0].info.answered, 9);
    assert_string_equal(runs[0].outcome_id, "presumed");
    assert_int_equal(strlen(runs[0].finished_at), 20);
    assert_int_equal(runs[1].info.id, first);
    assert_int_equal(runs[1].info.answered, 0);
    assert_string_equal(runs[1].outcome_id, "");
    assert_string_equal(runs[1].finished_at, "");
    assert_int_equal(store_run_list(s, "ilo-test", 1, &fewer, &n, &err), TL_OK);
    assert_int_equal(n, 1);
    tl_run_entries_free(fewer, n);
    assert_int_equal(store_run_list(s, "other", 4, &fewer, &n, &err), TL_OK);
    assert_int_equal(n, 0);
    tl_run_entries_free(fewer, n);

    /* read back: the same summary as from the answers in memory */
    tl_answer answers[32];
    char *notes[32];
    assert_int_equal(store_run_answers(s, second, cl, answers, notes, &err), TL_OK);
    tl_section_result sections[8];
    tl_assessment a;
    assess(cl, answers, sections, &a);
    tl_summary back = f->s;
    back.assessment = &a;
    back.notes = notes;
    back.run = &runs[0].info;
    f->s.run = &runs[0].info;
    back.include_notes = f->s.include_notes = true;
    char *t1 = summary_text(&f->s, false), *t2 = summary_text(&back, false);
    assert_string_equal(t1, t2);
    assert_has(t2, "Note: seen at the evening visit");
    free(t1);
    free(t2);
    for (size_t i = 0; i < cl->n_indicators; i++)
        free(notes[i]);
    tl_run_entries_free(runs, 2);
    store_close(s);
    test_rmtree(dir);
    free(dir);
    fixture_free(f);
}

/* The shipped checklist answered with one sign of acute danger: the head
 * (outcome marked "!!!" with its severity, then the first advice's lead,
 * "call 112") comes first in the summary; the screen, which draws the head
 * itself, gets the text without it. A medium outcome has neither marker
 * nor first action; a high one whose advice starts without bold gives its
 * first sentence. */
static void in_danger_the_action_comes_first(void **state)
{
    (void)state;
    tl_content *c;
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(content_load_file("checklists/trafficking-indicators.yaml", &c, &d, &err), TL_OK);
    diags_free(&d);
    const tl_checklist *cl = c->u.checklist;
    tl_answer *answers = calloc(cl->n_indicators, sizeof *answers);
    tl_section_result *sections = calloc(cl->n_sections, sizeof *sections);
    assert_true(answers && sections);
    tl_assessment a;
    answers[indicator(cl, "cd-violence")] = TL_A_YES;
    assess(cl, answers, sections, &a);
    tl_summary s = {.content = c, .assessment = &a, .lang = "en", .width = 400};
    tl_summary_head head;
    summary_head(&s, &head);
    assert_int_equal(head.severity, TL_SEV_HIGH);
    assert_string_equal(head.outcome, "!!! The answers suggest: Possible acute danger – act now (severity: high)");
    assert_string_equal(head.first_action, "Do this first: Acute danger to life or health: call 112.");
    char *t = summary_text(&s, true);
    assert_true(strncmp(t, "!!! The answers suggest: Possible acute danger – act now (severity: high)\n"
                           "Do this first: Acute danger to life or health: call 112.\n\n", 130) == 0);
    free(t);
    s.head_apart = true;
    t = summary_text(&s, true);
    assert_null(strstr(t, "The answers suggest"));
    assert_null(strstr(t, "Do this first"));
    assert_has(t, "- Acute danger to life or health: call 112. When her life or health is at stake");
    free(t);
    s.lang = "sv";
    summary_head(&s, &head);
    assert_string_equal(head.first_action, "Do this first: Akut fara för liv eller hälsa: ring 112.");

    /* documents and debt held: signs at the destination, high; its advice starts without bold */
    answers[indicator(cl, "cd-violence")] = TL_A_NONE;
    answers[indicator(cl, "cd-documents")] = TL_A_YES;
    answers[indicator(cl, "cd-debt")] = TL_A_YES;
    assess(cl, answers, sections, &a);
    s.lang = "en";
    summary_head(&s, &head);
    assert_string_equal(cl->outcomes[a.outcome].id, "destination-signs");
    assert_string_equal(head.first_action, "Do this first: Consult the national support line today (weekdays).");
    /* one sign alone: no marker, nothing to do first */
    answers[indicator(cl, "cd-debt")] = TL_A_NONE;
    assess(cl, answers, sections, &a);
    summary_head(&s, &head);
    assert_true(head.severity < TL_SEV_HIGH);
    assert_null(strstr(head.outcome, "!!!"));
    assert_string_equal(head.first_action, "");
    free(answers);
    free(sections);
    content_free(c);
}

static void local_time(void **state)
{
    (void)state;
    char buf[64];
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1); /* Sweden, without tzdata */
    tzset();
    summary_local_time("2026-11-27T09:45:00Z", buf, sizeof buf);
    assert_string_equal(buf, "2026-11-27 10:45");
    summary_local_time("2026-07-01T22:30:00Z", buf, sizeof buf);
    assert_string_equal(buf, "2026-07-02 00:30");
    summary_local_time("yesterday", buf, sizeof buf);
    assert_string_equal(buf, "yesterday");
    summary_local_time("", buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(contents),
        cmocka_unit_test(why_for_later_and_fallback_outcomes),
        cmocka_unit_test(lines_fit_the_width),
        cmocka_unit_test(saved_0600),
        cmocka_unit_test(stored_run),
        cmocka_unit_test(in_danger_the_action_comes_first),
        cmocka_unit_test(local_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
