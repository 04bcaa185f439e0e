/* Marking text for translation (gettext). The English text is the msgid;
 * po/sv.po holds the Swedish. core/ marks only the words it writes for
 * people to read on screen (the case summary, the assessment's reasons, the
 * personal-number refusal); its error messages and validator diagnostics
 * stay English. tui/i18n.h chooses the language and finds the catalogue.
 *
 *   _("text")              the text in the interface language
 *   N_("text")             marks a text in a static table; translate with _()
 *                          where it is shown
 *   _n("%d file", "%d files", n)   the singular or plural, in the language
 *
 * dgettext names the domain itself, so these work in every program that
 * links the library, whatever textdomain() it set (the unit tests set none
 * and run untranslated). */
#ifndef TILLIT_INTL_H
#define TILLIT_INTL_H

#include <libintl.h>

#define TL_TEXT_DOMAIN "tillit"

#define _(text) dgettext(TL_TEXT_DOMAIN, text)
#define N_(text) text
#define _n(singular, plural, n) dngettext(TL_TEXT_DOMAIN, singular, plural, (unsigned long)(n))

#endif
