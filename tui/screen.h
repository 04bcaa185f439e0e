/* Screens, tig-style: each screen is a small module with one shape: the state
 * it owns, draw() that paints it, key() that handles one key and says what
 * happens next. app.c owns the loop, the stack of screens and the footer. */
#ifndef TILLIT_SCREEN_H
#define TILLIT_SCREEN_H

#include "content.h"
#include "store.h"

#include <stdbool.h>
#include <wchar.h>

typedef struct {
    tl_library lib;
    tl_store *store;
    const char *db_path;
    const char *lang;
    char status[256]; /* one-line message shown above the footer */
} tl_app;

typedef struct tl_screen tl_screen;

typedef enum { KEY_STAY, KEY_BACK, KEY_QUIT, KEY_PUSH } tl_key_result;

struct tl_screen {
    const char *footer; /* the main keys of this screen */
    void (*draw)(tl_screen *s, tl_app *app, int rows, int cols);
    /* May set *next (with KEY_PUSH) to a new screen to show on top. */
    tl_key_result (*key)(tl_screen *s, tl_app *app, wint_t key, bool is_fkey, tl_screen **next);
    void (*destroy)(tl_screen *s);
    void *state;
};

/* Drawing helpers: one width source (wcwidth) for all text. */
int ui_width(const char *utf8);
/* Writes at most maxw columns of utf8 at (y, x); returns the columns used. */
int ui_put(int y, int x, int maxw, const char *utf8, int attr);
/* Word-wraps utf8 to width cols starting at row y, at most max_rows rows;
 * returns the rows used. */
int ui_wrap(int y, int x, int cols, int max_rows, const char *utf8, int attr);

tl_screen *menu_screen_new(tl_app *app);
tl_screen *validate_screen_new(tl_app *app);

#endif
