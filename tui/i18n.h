/* The interface language: Swedish or English, through gettext. The English
 * text is the msgid and po/sv.po holds the Swedish; the Makefile builds it
 * into BUILD/locale, where the program finds it without installation, and
 * installs it into PREFIX/share/locale ($TILLIT_LOCALEDIR names another
 * folder). Content text follows the same
 * choice (tl_app.lang). The marking macros _(), N_() and _n() are in
 * core/intl.h; docs/i18n.md tells how to add or change a translation. */
#ifndef TILLIT_I18N_H
#define TILLIT_I18N_H

#include "intl.h"

#include <stddef.h>

/* Chooses the language: requested (--lang) or else the locale, as
 * cli_language() does; sets it up for gettext and returns "sv" or "en".
 * Call once, after setlocale(LC_ALL, ""). */
const char *i18n_init(const char *requested);
/* Switches to lang ("sv" or "en") at once: the next _() is in it. */
const char *i18n_set(const char *lang);
/* The language in use, and the other one (what the language key switches to). */
const char *i18n_lang(void);
const char *i18n_other(void);
/* Where the catalogues are: $TILLIT_LOCALEDIR, else the build tree's locale/
 * or the installed share/locale (core/datafiles.h). */
const char *i18n_localedir(void);
/* Translates the n texts of a static table (marked with N_) into out. */
void i18n_table(const char *const *msgids, const char **out, size_t n);

#endif
