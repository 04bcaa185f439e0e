#include "model.h"

#include "intl.h"

#include <string.h>

/* The names as content files and the store write them; the weights and
 * severities are shown on screen too, translated there with _(). */
const char *const tl_weight_names[TL_W_COUNT] = {N_("strong"), N_("medium"), N_("weak")};
const char *const tl_answer_names[TL_A_COUNT] = {"none", "yes", "no", "unknown", "not_asked"};
const char *const tl_severity_names[4] = {N_("none"), N_("low"), N_("medium"), N_("high")};

static const char *lookup(const tl_text *t, const char *lang)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->e[i].lang, lang) == 0)
            return t->e[i].str;
    return NULL;
}

bool text_has(const tl_text *t, const char *lang)
{
    return lookup(t, lang) != NULL;
}

const char *text_get(const tl_text *t, const char *lang)
{
    const char *s = lang ? lookup(t, lang) : NULL;
    if (!s)
        s = lookup(t, TL_REFERENCE_LANG);
    return s ? s : "";
}
