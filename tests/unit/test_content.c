/* The content loader: valid files load into the right model; every file of
 * the malformed catalogue (tests/fixtures/bad) gives exactly the diagnostics
 * its `# expect:` lines name; hostile input never crashes. */
#include "testutil.h"

#include "content.h"
#include "yamltree.h"

#define GOOD "tests/fixtures/good/"
#define BAD_DIR "tests/fixtures/bad"

static tl_content *load_ok(const char *path)
{
    tl_diags d = {0};
    tl_error err = {0};
    tl_content *c = NULL;
    tl_status st = content_load_file(path, &c, &d, &err);
    for (size_t i = 0; i < d.n; i++)
        diag_print(stderr, &d.items[i]);
    assert_int_equal(st, TL_OK);
    assert_int_equal(d.n, 0);
    diags_free(&d);
    return c;
}

static void curriculum_loads(void **state)
{
    (void)state;
    tl_content *c = load_ok(GOOD "curriculum.yaml");
    assert_int_equal(c->kind, TL_CURRICULUM);
    assert_int_equal(strlen(c->hash), 16);
    const tl_curriculum *cu = c->u.curriculum;
    assert_string_equal(cu->h.id, "example-course");
    assert_string_equal(cu->h.version, "1");
    assert_string_equal(cu->h.reviewed, "2026-11-20");
    assert_string_equal(text_get(&cu->h.title, "en"), "Example course");
    assert_string_equal(text_get(&cu->h.title, "sv"), "Exempelkurs");
    assert_string_equal(text_get(&cu->h.title, "de"), "Exempelkurs"); /* falls back to Swedish */
    assert_int_equal(cu->h.n_sources, 1);
    assert_int_equal(cu->h.sources[0].year, 2024);
    assert_int_equal(cu->n_modules, 2);
    const tl_module *m = &cu->modules[0];
    assert_string_equal(m->id, "law");
    assert_int_equal(m->minutes, 20);
    assert_int_equal(m->n_pages, 1);
    assert_string_equal(m->pages[0].sources.r[0].id, "brb");
    assert_true(strstr(text_get(&m->pages[0].body, "sv"), "**brottsligt**") != NULL);
    assert_true(m->check.present);
    assert_int_equal(m->check.pass_mark, 50);
    assert_int_equal(m->check.questions[0].type, TL_Q_SINGLE);
    assert_false(m->check.questions[0].choices[0].correct);
    assert_true(m->check.questions[0].choices[1].correct);
    assert_false(cu->modules[1].check.present);
    assert_string_equal(text_get(&cu->modules[1].pages[0].trainer_notes, "en"), "Ask the group.");
    assert_true(cu->pre_post.present);
    assert_int_equal(cu->pre_post.questions[0].type, TL_Q_MULTI);
    assert_int_equal(cu->pre_post.questions[0].n_choices, 3);
    content_free(c);
}

static void checklist_loads(void **state)
{
    (void)state;
    tl_content *c = load_ok(GOOD "ilo-checklist.yaml");
    assert_int_equal(c->kind, TL_CHECKLIST);
    const tl_checklist *cl = c->u.checklist;
    assert_int_equal(cl->n_sections, 6);
    assert_int_equal(cl->n_indicators, 20);
    assert_int_equal(cl->sections[3].first, 11);
    assert_string_equal(cl->sections[3].indicators[0].id, "ex-s1");
    assert_int_equal(cl->indicators[11].section, 3);
    assert_int_equal(cl->indicators[11].weight, TL_W_STRONG);
    /* every section got the checklist's default rule */
    assert_int_equal(cl->sections[5].rule.n_clauses, 5);
    assert_int_equal(cl->sections[5].rule.clauses[4].min[TL_W_MEDIUM], 2);
    assert_int_equal(cl->sections[5].rule.clauses[4].min[TL_W_WEAK], 1);
    assert_string_equal(text_get(&cl->answer_labels[TL_A_UNKNOWN], "en"), "Don't know");
    assert_int_equal(cl->n_outcomes, 4);
    const tl_cond *w = cl->outcomes[0].when;
    assert_int_equal(w->kind, TL_C_ALL);
    assert_int_equal(w->n_sub, 3);
    assert_int_equal(w->sub[1].kind, TL_C_SECTION);
    assert_int_equal(w->sub[1].ref.index, 3);
    assert_int_equal(cl->outcomes[0].contacts.r[0].index, 0);
    const tl_cond *s = cl->outcomes[2].when;
    assert_int_equal(s->sub[0].kind, TL_C_COUNT_YES);
    assert_int_equal(s->sub[0].weight, TL_W_STRONG);
    assert_int_equal(s->sub[0].ref.index, 3);
    assert_int_equal(s->sub[1].kind, TL_C_NOT);
    assert_int_equal(s->sub[1].sub[0].ref.index, 13);
    assert_null(cl->outcomes[3].when);
    content_free(c);
}

/* ---- the malformed catalogue ---- */

/* The `# expect: L:C: message` lines at the top of a fixture, joined by \n. */
static char *expected_lines(const char *text)
{
    size_t cap = strlen(text) + 1, len = 0;
    char *out = calloc(1, cap);
    assert_non_null(out);
    const char *p = text;
    while (strncmp(p, "#", 1) == 0) {
        const char *end = strchr(p, '\n');
        if (!end)
            break;
        if (strncmp(p, "# expect: ", 10) == 0) {
            memcpy(out + len, p + 10, (size_t)(end - p - 10));
            len += (size_t)(end - p - 10);
            out[len++] = '\n';
        }
        p = end + 1;
    }
    return out;
}

/* The errors only: the catalogue is about what makes a file unusable, and a
 * fixture may lack English (a warning) on the way. */
static char *actual_lines(const tl_diags *d)
{
    size_t cap = 1;
    for (size_t i = 0; i < d->n; i++)
        cap += strlen(d->items[i].msg) + 32;
    char *out = calloc(1, cap);
    assert_non_null(out);
    size_t len = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].severity == TL_DIAG_ERROR)
            len += (size_t)snprintf(out + len, cap - len, "%d:%d: %s\n", d->items[i].line,
                                    d->items[i].col, d->items[i].msg);
    return out;
}

static void malformed_catalogue(void **state)
{
    (void)state;
    char **files;
    size_t n;
    tl_error err = {0};
    assert_int_equal(content_find_files(BAD_DIR, &files, &n, &err), TL_OK);
    assert_true(n >= 30);
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        char *text = test_read(files[i], NULL);
        assert_non_null(text);
        char *want = expected_lines(text);
        assert_true(want[0] != '\0'); /* every fixture names what it expects */
        tl_diags d = {0};
        tl_content *c = NULL;
        tl_status st = content_load_file(files[i], &c, &d, &err);
        char *got = actual_lines(&d);
        if (st != TL_DATAERR || c || strcmp(want, got) != 0) {
            fprintf(stderr, "%s:\n  expected:\n%s  got (status %d):\n%s", files[i], want, st, got);
            failures++;
        }
        for (size_t k = 0; k < d.n; k++)
            assert_string_equal(d.items[k].file, files[i]);
        free(text);
        free(want);
        free(got);
        diags_free(&d);
        content_free(c);
    }
    paths_free(files, n);
    assert_int_equal(failures, 0);
}

/* ---- hostile input made in the test ---- */

/* Loading buf fails, and one of the problems starts with msg_start at line:col. */
static void expect_one(const char *buf, size_t len, int line, int col, const char *msg_start)
{
    tl_diags d = {0};
    tl_content *c = NULL;
    assert_int_equal(content_load_buffer("mem.yaml", buf, len, &c, &d), TL_DATAERR);
    assert_null(c);
    size_t i = 0;
    while (i < d.n && strncmp(d.items[i].msg, msg_start, strlen(msg_start)) != 0)
        i++;
    if (i == d.n)
        fail_msg("no problem starting with '%s' (first: '%s')", msg_start, d.n ? d.items[0].msg : "");
    assert_int_equal(d.items[i].line, line);
    assert_int_equal(d.items[i].col, col);
    diags_free(&d);
}

static void empty_and_blank_files(void **state)
{
    (void)state;
    expect_one("", 0, 0, 0, "the file is empty");
    expect_one("# only a comment\n", 17, 0, 0, "the file is empty");
    expect_one("---\n", 4, 2, 1, "expected a curriculum or checklist");
}

static void oversized_file(void **state)
{
    (void)state;
    size_t len = YT_MAX_BYTES + 1;
    char *buf = malloc(len);
    assert_non_null(buf);
    memset(buf, '#', len);
    expect_one(buf, len, 0, 0, "file too large");
    free(buf);
}

static void deep_nesting(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *buf = malloc(depth);
    assert_non_null(buf);
    memset(buf, '[', depth);
    expect_one(buf, depth, 1, 33, "nesting deeper than 32 levels");
    free(buf);
}

static void alias_bomb(void **state)
{
    (void)state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    expect_one(bomb, strlen(bomb), 1, 4, "anchors (&a) are not allowed");
}

static void invalid_utf8_and_nul(void **state)
{
    (void)state;
    const char bad[] = "kind: curriculum\nid: \xff\xfe\n";
    expect_one(bad, sizeof bad - 1, 2, 5, "not valid UTF-8 text");
    const char nul[] = "kind: curriculum\nid: a\0b\n";
    tl_diags d = {0};
    tl_content *c = NULL;
    assert_int_equal(content_load_buffer("nul.yaml", nul, sizeof nul - 1, &c, &d), TL_DATAERR);
    assert_true(d.n >= 1);
    diags_free(&d);
}

/* Thousands of random mutations of a valid file: each either loads or gives
 * problems with a position; none crashes (the ASan build checks memory). */
static void mutations_never_crash(void **state)
{
    (void)state;
    size_t len = 0;
    char *orig = test_read(GOOD "ilo-checklist.yaml", &len);
    assert_non_null(orig);
    char *buf = malloc(len);
    assert_non_null(buf);
    srand(12345);
    const char pool[] = "{}[]:,-&*!|>'\"#\n \t\xc3\xa5\xff" "0a";
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, orig, len);
        int edits = 1 + rand() % 4;
        for (int e = 0; e < edits; e++)
            buf[(size_t)rand() % len] = pool[(size_t)rand() % (sizeof pool - 1)];
        size_t cut = round % 7 == 0 ? (size_t)rand() % len : len;
        tl_diags d = {0};
        tl_content *c = NULL;
        tl_status st = content_load_buffer("mut.yaml", buf, cut, &c, &d);
        size_t errors = diags_errors(&d, 0);
        assert_true((st == TL_OK && errors == 0 && c) || (st == TL_DATAERR && errors > 0 && !c));
        content_free(c);
        diags_free(&d);
    }
    free(buf);
    free(orig);
}

/* A text without English is a warning with its position: the file still
 * loads (Swedish is shown instead), and diag_print says "warning:". */
static void text_without_english_warns(void **state)
{
    (void)state;
    size_t len = 0;
    char *orig = test_read(GOOD "curriculum.yaml", &len);
    assert_non_null(orig);
    const char *title = "title: {sv: Lagen, en: The law}"; /* the first module's */
    char *at = strstr(orig, title);
    assert_non_null(at); /* the fixture's title, which the replacement below takes apart */
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    size_t head = (size_t)(at - orig);
    const char *sv_only = "title: Lagen";
    int n = snprintf(buf, len + 1, "%.*s%s%s", (int)head, orig, sv_only, at + strlen(title));
    assert_true(n > 0 && (size_t)n < len);
    tl_diags d = {0};
    tl_content *c = NULL;
    assert_int_equal(content_load_buffer("w.yaml", buf, (size_t)n, &c, &d), TL_OK);
    assert_non_null(c);
    assert_int_equal(d.n, 1);
    assert_int_equal(diags_errors(&d, 0), 0);
    assert_int_equal(d.items[0].severity, TL_DIAG_WARNING);
    int line = 1, col = (int)strlen("title: ") + 1;
    for (const char *p = buf; p < buf + head; p++, col++)
        if (*p == '\n') {
            line++;
            col = (int)strlen("title: ");
        }
    assert_int_equal(d.items[0].line, line);
    assert_int_equal(d.items[0].col, col);
    assert_string_equal(text_get(&c->u.curriculum->modules[0].title, "en"), "Lagen");
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    diag_print(f, &d.items[0]);
    fclose(f);
    char want[128];
    snprintf(want, sizeof want, "w.yaml:%d:%d: warning: text has no English (en) version", line, col);
    assert_true(strncmp(text, want, strlen(want)) == 0);
    free(text);
    diags_free(&d);
    content_free(c);
    free(buf);
    free(orig);
}

/* ---- folders and the library ---- */

static void make_root(const char *root, const char *cur, const char *chk)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/curricula", root);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/checklists", root);
    assert_int_equal(mkdir(path, 0700), 0);
    size_t len = 0;
    char *a = test_read(GOOD "curriculum.yaml", &len);
    snprintf(path, sizeof path, "%s/curricula/%s", root, cur);
    test_write(path, a, len);
    free(a);
    a = test_read(GOOD "ilo-checklist.yaml", &len);
    snprintf(path, sizeof path, "%s/checklists/%s", root, chk);
    test_write(path, a, len);
    free(a);
}

static void library_loads_both_folders(void **state)
{
    (void)state;
    char *root = test_tmpdir();
    make_root(root, "a.yaml", "b.yml");
    tl_library lib;
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(library_load(root, &lib, &d, &err), TL_OK);
    assert_int_equal(lib.n_curricula, 1);
    assert_int_equal(lib.n_checklists, 1);
    assert_non_null(library_curriculum(&lib, "example-course"));
    assert_non_null(library_checklist(&lib, "ilo-test"));
    assert_null(library_checklist(&lib, "example-course"));
    library_free(&lib);
    /* the same curriculum id twice: the second file is refused */
    char path[1024];
    size_t len = 0;
    char *a = test_read(GOOD "curriculum.yaml", &len);
    snprintf(path, sizeof path, "%s/curricula/z.yaml", root);
    test_write(path, a, len);
    free(a);
    assert_int_equal(library_load(root, &lib, &d, &err), TL_DATAERR);
    assert_int_equal(d.n, 1);
    assert_true(strstr(d.items[0].msg, "id 'example-course' is already used by") != NULL);
    assert_int_equal(lib.n_curricula, 1);
    library_free(&lib);
    diags_free(&d);
    assert_int_equal(library_load("/nonexistent/tillit", &lib, &d, &err), TL_NOINPUT);
    test_rmtree(root);
    free(root);
}

static void wrong_kind_in_folder(void **state)
{
    (void)state;
    char *root = test_tmpdir();
    make_root(root, "a.yaml", "b.yaml");
    char path[1024];
    size_t len = 0;
    char *a = test_read(GOOD "ilo-checklist.yaml", &len);
    snprintf(path, sizeof path, "%s/curricula/c.yaml", root);
    test_write(path, a, len);
    free(a);
    tl_library lib;
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(library_load(root, &lib, &d, &err), TL_DATAERR);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].msg, "a checklist in the curricula folder");
    library_free(&lib);
    diags_free(&d);
    test_rmtree(root);
    free(root);
}

/* One content-id rule, for the loader and the command line's --curriculum. */
static void content_ids(void **state)
{
    (void)state;
    const char *good[] = {"a", "thai-massage-parlours", "0-start", "pre_post", "x123"};
    const char *bad[] = {"", "-a", "_a", "Abc", "a b", "å", "a.b",
                         "a2345678901234567890123456789012345678901234567890123456789012345"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true(content_id_valid(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (content_id_valid(bad[i]))
            fail_msg("'%s' accepted", bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(content_ids),
        cmocka_unit_test(curriculum_loads),
        cmocka_unit_test(checklist_loads),
        cmocka_unit_test(malformed_catalogue),
        cmocka_unit_test(empty_and_blank_files),
        cmocka_unit_test(oversized_file),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(alias_bomb),
        cmocka_unit_test(invalid_utf8_and_nul),
        cmocka_unit_test(mutations_never_crash),
        cmocka_unit_test(text_without_english_warns),
        cmocka_unit_test(library_loads_both_folders),
        cmocka_unit_test(wrong_kind_in_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
