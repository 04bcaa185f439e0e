/* The interface language: chosen from --lang or the locale, Swedish found in
 * the build tree's catalogue even when the machine has no Swedish locale
 * (and under LC_ALL=C), switched back and forth while running (glibc caches
 * translations, so the switch must make it look them up again), plurals,
 * and the catalogue folder taken from $TILLIT_LOCALEDIR. */
#include "testutil.h"

#include "cli.h"
#include "i18n.h"

#include <limits.h>
#include <locale.h>

static void clear_language_env(void)
{
    const char *vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "TILLIT_LOCALEDIR"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        unsetenv(vars[i]);
}

static int setup(void **state)
{
    (void)state;
    clear_language_env();
    return 0;
}

static void language_from_option_and_locale(void **state)
{
    (void)state;
    assert_string_equal(cli_language(NULL), "en");
    setenv("LANG", "sv_SE.UTF-8", 1);
    assert_string_equal(cli_language(NULL), "sv");
    assert_string_equal(cli_language("en"), "en"); /* --lang wins */
    setenv("LC_ALL", "C", 1);
    assert_string_equal(cli_language(NULL), "en"); /* LC_ALL before LANG */
    setenv("LANGUAGE", "sv:en", 1);
    assert_string_equal(cli_language(NULL), "sv"); /* LANGUAGE first */
}

/* No sv_SE locale on the machine, and LC_ALL=C on top: still Swedish. */
static void swedish_without_a_swedish_locale(void **state)
{
    (void)state;
    setenv("LC_ALL", "C", 1);
    setlocale(LC_ALL, "");
    assert_string_equal(i18n_init("sv"), "sv");
    assert_string_equal(i18n_lang(), "sv");
    assert_string_equal(i18n_other(), "en");
    assert_string_equal(_("Quit"), "Avsluta");
    assert_string_equal(_("Not answered"), "Inte besvarad"); /* core's texts too */
    assert_string_equal(_("no such text in the catalogue"), "no such text in the catalogue");
}

static void switching_back_and_forth(void **state)
{
    (void)state;
    setlocale(LC_ALL, "");
    i18n_init("sv");
    for (int round = 0; round < 3; round++) {
        assert_string_equal(_("Quit"), "Avsluta");
        assert_string_equal(_("Self-study"), "Självstudier");
        assert_string_equal(i18n_set(i18n_other()), "en");
        assert_string_equal(_("Quit"), "Quit");
        assert_string_equal(_("Self-study"), "Self-study");
        assert_string_equal(getenv("LANGUAGE"), "en");
        assert_string_equal(i18n_set(i18n_other()), "sv");
    }
    assert_string_equal(_("Quit"), "Avsluta");
}

static void plurals(void **state)
{
    (void)state;
    setlocale(LC_ALL, "");
    i18n_init("sv");
    char buf[64];
    snprintf(buf, sizeof buf, _n("%zu file", "%zu files", 1), (size_t)1);
    assert_string_equal(buf, "1 fil");
    snprintf(buf, sizeof buf, _n("%zu file", "%zu files", 2), (size_t)2);
    assert_string_equal(buf, "2 filer");
    i18n_set("en");
    snprintf(buf, sizeof buf, _n("%zu file", "%zu files", 1), (size_t)1);
    assert_string_equal(buf, "1 file");
}

/* A static table marked with N_ is translated where it is shown. */
static void tables(void **state)
{
    (void)state;
    setlocale(LC_ALL, "");
    i18n_init("sv");
    static const char *const labels[] = {N_("present"), N_("late"), N_("absent")};
    const char *out[3];
    i18n_table(labels, out, 3);
    assert_string_equal(out[0], "närvarande");
    assert_string_equal(out[1], "sen");
    assert_string_equal(out[2], "frånvarande");
}

static void catalogue_folder_from_environment(void **state)
{
    (void)state;
    /* This test runs from BUILD/tests/: the catalogues are BUILD/locale. */
    char self[PATH_MAX], built[PATH_MAX + 16];
    assert_non_null(realpath("/proc/self/exe", self));
    *strrchr(self, '/') = '\0';
    *strrchr(self, '/') = '\0';
    snprintf(built, sizeof built, "%s/locale", self);
    assert_string_equal(i18n_localedir(), built);
    setenv("TILLIT_LOCALEDIR", "/nonexistent/tillit-locale", 1);
    assert_string_equal(i18n_localedir(), "/nonexistent/tillit-locale");
    setlocale(LC_ALL, "");
    i18n_init("sv");
    assert_string_equal(_("Quit"), "Quit"); /* no catalogue there: English */
    unsetenv("TILLIT_LOCALEDIR");
    i18n_init("sv");
    assert_string_equal(_("Quit"), "Avsluta");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(language_from_option_and_locale, setup),
        cmocka_unit_test_setup(swedish_without_a_swedish_locale, setup),
        cmocka_unit_test_setup(switching_back_and_forth, setup),
        cmocka_unit_test_setup(plurals, setup),
        cmocka_unit_test_setup(tables, setup),
        cmocka_unit_test_setup(catalogue_folder_from_environment, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
