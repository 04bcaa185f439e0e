/* Choosing and switching the interface language (see i18n.h).
 *
 * gettext takes the language from $LANGUAGE, but ignores it while the
 * LC_MESSAGES locale is C or POSIX, which is what a machine without the
 * user's locale (often: no sv_SE at all) falls back to. So the language is
 * set through $LANGUAGE, and LC_MESSAGES is moved to C.UTF-8 when it is C;
 * the program then speaks Swedish without any Swedish locale installed. */
#include "i18n.h"

#include "cli.h"
#include "datafiles.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *current = "en";

static bool is_c_locale(const char *name)
{
    return !name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

const char *i18n_localedir(void)
{
    static char path[PATH_MAX];
    tl_data_find("TILLIT_LOCALEDIR", "locale", "sv/LC_MESSAGES/" TL_TEXT_DOMAIN ".mo", path, sizeof path);
    return path;
}

const char *i18n_set(const char *lang)
{
    current = lang && strcmp(lang, "sv") == 0 ? "sv" : "en";
    setenv("LANGUAGE", current, 1);
    /* glibc keeps the translations it has looked up; naming the domain
     * again makes it look them up anew, in the new language. */
    textdomain(TL_TEXT_DOMAIN);
    return current;
}

const char *i18n_init(const char *requested)
{
    const char *lang = cli_language(requested);
    if (is_c_locale(setlocale(LC_MESSAGES, NULL)))
        setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain(TL_TEXT_DOMAIN, i18n_localedir());
    /* The catalogue is UTF-8 and so is all output, even under LC_CTYPE=C. */
    bind_textdomain_codeset(TL_TEXT_DOMAIN, "UTF-8");
    return i18n_set(lang);
}

const char *i18n_lang(void)
{
    return current;
}

const char *i18n_other(void)
{
    return strcmp(current, "sv") == 0 ? "en" : "sv";
}

void i18n_table(const char *const *msgids, const char **out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = _(msgids[i]);
}
