/* Keys declared once, after tig's keymaps: a screen lists its keys in one
 * table; its key handler asks the table which action a key is, and the
 * footer and the help screen (? or F1) are made from the same table. */
#ifndef TILLIT_KEYMAP_H
#define TILLIT_KEYMAP_H

#include "screen.h"

/* One key of a screen. */
typedef struct {
    wint_t ch;               /* this character (KEY_SV/KEY_EN: in one language only), or 0 and then match: */
    bool (*match)(tl_key k); /* a test such as key_enter; neither: a line of help only */
    int action;              /* what it does: the screen's own enum, or UI_ACTION_HELP */
    const char *footer;      /* N_: its word in the footer ("a add"), or NULL */
    int keep;                /* when the footer does not fit: the lowest goes first */
    const char *help;        /* N_: its line in the help ("**a**: add ..."), or NULL */
} ui_keymap_entry;

typedef struct ui_keymap {
    const char *title; /* N_: the help screen's title */
    const ui_keymap_entry *entries;
    size_t n;
} ui_keymap;

/* A key that works only while the interface speaks Swedish (KEY_SV) or
 * English (KEY_EN): in Swedish `j` answers "ja" and cannot also move. The
 * language is a bit above every Unicode character, so that a screen's keys
 * stay one table; the footer and the help show the keys of the language in
 * use. The first entry that matches wins. */
enum { KEYMAP_SV = 0x1000000, KEYMAP_EN = 0x2000000 };
#define KEY_SV(c) ((wint_t)(c) | KEYMAP_SV)
#define KEY_EN(c) ((wint_t)(c) | KEYMAP_EN)

/* The help key, answered by the app for every screen with a keymap. */
enum { UI_ACTION_NONE = -1, UI_ACTION_HELP = -2 };
bool key_help(tl_key k); /* ? or F1 */
#define UI_KEYMAP_HELP \
    {0, key_help, UI_ACTION_HELP, N_("? help"), 9, N_("**?** or **F1**: this help")}

/* The action of key k in the map (in the language in use), or
 * UI_ACTION_NONE. */
int keymap_action(const ui_keymap *m, tl_key k);
/* The first character key of action in the language in use, or 0: for a
 * screen that names its keys in its own text. */
wint_t keymap_key(const ui_keymap *m, int action);
/* The footer (translated) fitted into cols columns (ui_footer); returns out. */
const char *keymap_footer(const ui_keymap *m, char *out, size_t size, int cols);

/* For a screen whose keys change with its state (s->key_works): the action
 * of the first entry for k that works now; two entries may share a key
 * with different words ("Right next" / "Right end"), the state choosing. */
int keymap_action_now(const ui_keymap *m, const tl_screen *s, tl_key k);
/* The footer of the entries that work now. */
const char *keymap_footer_now(const ui_keymap *m, const tl_screen *s, char *out, size_t size, int cols);
/* The help screen: the map's help lines, then the keys of every screen. */
void keymap_help(tl_app *app, const ui_keymap *m);

#endif
