/* Where tillit finds its files (core/datafiles.h): the environment variable
 * first, then the source tree through the build folder's link, then
 * PREFIX/share next to the program, then $XDG_DATA_DIRS; a folder that exists
 * without the probed file inside does not count. Each test builds the trees it
 * needs in a fresh folder and names a program path inside it. */
#include "testutil.h"

#include "datafiles.h"

#include <limits.h>

/* t->path receives what is found. */
typedef test_folder tree;

static int setup(void **state)
{
    unsetenv("TILLIT_TEST_DATA");
    unsetenv("XDG_DATA_DIRS");
    return test_folder_setup(state, "");
}

/* Creates t->dir/rel, with its folders; a trailing '/' makes a folder. */
static void make(const tree *t, const char *rel)
{
    char cmd[2048];
    size_t len = strlen(rel);
    if (rel[len - 1] == '/')
        snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s'", t->dir, rel);
    else
        snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s/%s')\" && touch '%s/%s'", t->dir, rel, t->dir, rel);
    assert_int_equal(system(cmd), 0);
}

static const char *at(const tree *t, const char *rel)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", t->dir, rel);
    return path;
}

static bool find(tree *t, const char *program, const char *name, const char *probe)
{
    char prog[PATH_MAX];
    snprintf(prog, sizeof prog, "%s/%s", t->dir, program);
    return tl_data_find_for(prog, "TILLIT_TEST_DATA", name, probe, t->path, sizeof t->path);
}

static void installed_next_to_the_program(void **state)
{
    tree *t = *state;
    make(t, "opt/share/tillit/tillit-report.xsd");
    make(t, "opt/share/tillit/curricula/");
    make(t, "opt/share/locale/sv/LC_MESSAGES/tillit.mo");
    assert_true(find(t, "opt/bin/tillit", "tillit/tillit-report.xsd", NULL));
    assert_string_equal(t->path, at(t, "opt/share/tillit/tillit-report.xsd"));
    assert_true(find(t, "opt/bin/tillit", "tillit", "curricula"));
    assert_string_equal(t->path, at(t, "opt/share/tillit"));
    assert_true(find(t, "opt/bin/tillit", "locale", "sv/LC_MESSAGES/tillit.mo"));
    assert_string_equal(t->path, at(t, "opt/share/locale"));
}

static void environment_variable_first_even_when_missing(void **state)
{
    tree *t = *state;
    make(t, "opt/share/tillit/tillit-report.xsd");
    setenv("TILLIT_TEST_DATA", "/nonexistent/my.xsd", 1);
    assert_true(find(t, "opt/bin/tillit", "tillit/tillit-report.xsd", NULL));
    assert_string_equal(t->path, "/nonexistent/my.xsd");
    setenv("TILLIT_TEST_DATA", "", 1); /* empty: as if unset */
    assert_true(find(t, "opt/bin/tillit", "tillit/tillit-report.xsd", NULL));
    assert_string_equal(t->path, at(t, "opt/share/tillit/tillit-report.xsd"));
}

/* src/ is a source tree, src/build its build folder with the link; the
 * program is in the build folder or one below it (unit tests). */
static void build_tree_through_its_link(void **state)
{
    tree *t = *state;
    make(t, "src/curricula/");
    make(t, "src/export/tillit-report.xsd");
    make(t, "src/build/locale/sv/LC_MESSAGES/tillit.mo");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ln -s .. '%s/src/build/" TL_SOURCE_LINK "'", t->dir);
    assert_int_equal(system(cmd), 0);
    char src[PATH_MAX];
    assert_non_null(realpath(at(t, "src"), src));
    const char *programs[] = {"src/build/tillit", "src/build/tests/test_x"};
    for (size_t i = 0; i < 2; i++) {
        assert_true(find(t, programs[i], "tillit", "curricula"));
        assert_string_equal(t->path, src);
        assert_true(find(t, programs[i], "tillit/tillit-report.xsd", NULL));
        assert_string_equal(strstr(t->path, "/src/"), "/src/export/tillit-report.xsd");
        assert_true(find(t, programs[i], "locale", "sv/LC_MESSAGES/tillit.mo"));
        assert_string_equal(strstr(t->path, "/src/"), "/src/build/locale");
    }
}

static void xdg_data_dirs_in_order(void **state)
{
    tree *t = *state;
    make(t, "a/share/locale/");                       /* no catalogue: does not count */
    make(t, "b/share/locale/sv/LC_MESSAGES/tillit.mo");
    make(t, "c/share/locale/sv/LC_MESSAGES/tillit.mo");
    char dirs[3 * PATH_MAX];
    snprintf(dirs, sizeof dirs, "relative/share:%s/a/share::%s/b/share:%s/c/share", t->dir, t->dir, t->dir);
    setenv("XDG_DATA_DIRS", dirs, 1);
    assert_true(find(t, "elsewhere/bin/tillit", "locale", "sv/LC_MESSAGES/tillit.mo"));
    assert_string_equal(t->path, at(t, "b/share/locale"));
    /* PREFIX/share next to the program comes before them. */
    make(t, "elsewhere/share/locale/sv/LC_MESSAGES/tillit.mo");
    assert_true(find(t, "elsewhere/bin/tillit", "locale", "sv/LC_MESSAGES/tillit.mo"));
    assert_string_equal(t->path, at(t, "elsewhere/share/locale"));
}

static void nothing_found_names_the_installed_place(void **state)
{
    tree *t = *state;
    char dirs[PATH_MAX];
    snprintf(dirs, sizeof dirs, "%s/none", t->dir);
    setenv("XDG_DATA_DIRS", dirs, 1);
    assert_false(find(t, "opt/bin/tillit", "tillit/tillit-report.xsd", NULL));
    assert_string_equal(t->path, at(t, "opt/share/tillit/tillit-report.xsd"));
}

/* The program that runs this test is in BUILD/tests/: the real lookup
 * finds the source tree's schema through BUILD's link. */
static void this_program_finds_the_source_tree(void **state)
{
    (void)state;
    char out[PATH_MAX], expected[PATH_MAX];
    assert_true(tl_data_find(NULL, "tillit/tillit-report.xsd", NULL, out, sizeof out));
    assert_non_null(realpath("export/tillit-report.xsd", expected)); /* run from the top of the tree */
    assert_string_equal(out, expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(installed_next_to_the_program, setup, test_folder_teardown),
        cmocka_unit_test_setup_teardown(environment_variable_first_even_when_missing, setup, test_folder_teardown),
        cmocka_unit_test_setup_teardown(build_tree_through_its_link, setup, test_folder_teardown),
        cmocka_unit_test_setup_teardown(xdg_data_dirs_in_order, setup, test_folder_teardown),
        cmocka_unit_test_setup_teardown(nothing_found_names_the_installed_place, setup, test_folder_teardown),
        cmocka_unit_test_setup_teardown(this_program_finds_the_source_tree, setup, test_folder_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
