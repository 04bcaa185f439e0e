/* A screen's keys from its one table (keymap.h). */
#include "keymap.h"

#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool key_help(tl_key k)
{
    return key_char(k, '?') || key_fn(k, KEY_F(1));
}

/* True when the entry's key works in the language in use. */
static bool in_language(const ui_keymap_entry *e)
{
    bool sv = strcmp(i18n_lang(), "sv") == 0;
    return !(e->ch & (sv ? KEYMAP_EN : KEYMAP_SV));
}

/* Whether entry e works now on screen s (every one without s or its test),
 * in the language in use. */
static bool works_now(const ui_keymap_entry *e, const tl_screen *s)
{
    return in_language(e) && (!s || !s->key_works || e->action == UI_ACTION_HELP || s->key_works(s, e->action));
}

int keymap_action_now(const ui_keymap *m, const tl_screen *s, tl_key k)
{
    for (size_t i = 0; i < m->n; i++) {
        const ui_keymap_entry *e = &m->entries[i];
        if (!works_now(e, s))
            continue;
        if (e->ch ? key_char(k, e->ch & (KEYMAP_SV - 1)) : e->match && e->match(k))
            return e->action;
    }
    return UI_ACTION_NONE;
}

int keymap_action(const ui_keymap *m, tl_key k)
{
    return keymap_action_now(m, NULL, k);
}

wint_t keymap_key(const ui_keymap *m, int action)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->entries[i].ch && m->entries[i].action == action && in_language(&m->entries[i]))
            return m->entries[i].ch & (KEYMAP_SV - 1);
    return 0;
}

enum { MAX_HINTS = 24 };

const char *keymap_footer_now(const ui_keymap *m, const tl_screen *s, char *out, size_t size, int cols)
{
    ui_key_hint hints[MAX_HINTS];
    size_t n = 0;
    for (size_t i = 0; i < m->n && n < MAX_HINTS; i++)
        if (m->entries[i].footer && works_now(&m->entries[i], s))
            hints[n++] = (ui_key_hint){m->entries[i].footer, NULL, m->entries[i].keep};
    return ui_footer(out, size, cols, hints, n);
}

const char *keymap_footer(const ui_keymap *m, char *out, size_t size, int cols)
{
    return keymap_footer_now(m, NULL, out, size, cols);
}

/* The keys that work the same on every screen, after a screen's own. */
static const char *const common_keys[] = {
    N_("**F2**: the other language (svenska / English)"),
    N_("**Ctrl-X**: hide everything at once behind a neutral screen; **Ctrl-X** again brings it back"),
};

static void append(char **text, size_t *len, const char *line)
{
    size_t add = strlen(line) + 3;
    char *grown = realloc(*text, *len + add + 1);
    if (!grown)
        abort();
    *len += (size_t)snprintf(grown + *len, add + 1, "- %s\n", line);
    *text = grown;
}

void keymap_help(tl_app *app, const ui_keymap *m)
{
    char *text = NULL;
    size_t len = 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->entries[i].help && in_language(&m->entries[i]))
            append(&text, &len, _(m->entries[i].help));
    for (size_t i = 0; i < sizeof common_keys / sizeof common_keys[0]; i++)
        append(&text, &len, _(common_keys[i]));
    text[len - 1] = '\0'; /* no empty line at the end */
    ui_help(app, _(m->title), text);
    free(text);
}
