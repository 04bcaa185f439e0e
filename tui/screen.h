/* Screens, tig-style: each screen is a table of operations plus the state
 * it owns: load() from core, draw() from the state, key() that handles one
 * key and says what happens next. app.c owns the loop, the stack of screens
 * and the footer. The keys, the drawing helpers and the widgets have
 * headers of their own (keys.h, draw.h, widgets.h), included here. */
#ifndef TILLIT_SCREEN_H
#define TILLIT_SCREEN_H

#include "content.h"
#include "draw.h"
#include "keys.h"
#include "store.h"
#include "widgets.h"

#include <stdbool.h>

typedef struct tl_screen tl_screen;

typedef struct tl_app {
    tl_library lib;
    tl_store *store;
    const char *db_path;
    const char *lang;
    char status[256];   /* one-line message shown above the footer */
    tl_screen **stack;  /* owned by app.c: the screens, bottom first */
    int depth;
    char save_folder[1024]; /* where a file was last saved: proposed for the next */
    /* The presenter view (v in a group's course): the screens show only
     * what a group may see on a projector: no trainer's notes, no names
     * next to answers or scores, a group's results as counts. */
    bool presenting;
} tl_app;

/* What a key did to the screen stack: nothing, close this screen, end the
 * program, or open *next on top. */
typedef enum { SCREEN_STAY, SCREEN_BACK, SCREEN_QUIT, SCREEN_PUSH } tl_screen_step;

struct ui_keymap; /* keymap.h */

struct tl_screen {
    /* The screen's keys (keymap.h): the footer and the help (? and F1) are
     * made from it. Screens without one give their footer: */
    const struct ui_keymap *keys;
    /* With keys: whether an action works now (NULL: every one always), so
     * that the footer names only those and a key of one that does not
     * work does nothing (keymap_action_now). */
    bool (*key_works)(const tl_screen *s, int action);
    const char *footer; /* the main keys of this screen */
    /* Loads the screen's state from core when it is marked stale: when a
     * screen opened over it closes (what it shows may have changed) and
     * after the language key. NULL: nothing to load. draw() does no I/O. */
    void (*load)(tl_screen *s, tl_app *app);
    bool stale;
    /* Paints the screen into rows x cols (the footer rows are not included). */
    void (*draw)(tl_screen *s, tl_app *app, int rows, int cols);
    /* Handles one key; may set *next (with SCREEN_PUSH) to a screen to show on top. */
    tl_screen_step (*key)(tl_screen *s, tl_app *app, tl_key key, tl_screen **next);
    void (*destroy)(tl_screen *s);
    void *state;
    /* An overlay (a prompt, a question, a picker, the help) is drawn over
     * the screen below it, which stays as it was: that screen is neither
     * reloaded while the overlay is open nor marked stale when it closes.
     * The overlay gets every key as it is (no F1 as ?, no status cleared).
     * draw() gets the whole terminal. */
    bool overlay;
    /* Draws the whole terminal at any size, nothing below it (the quick
     * hide). */
    bool covers;
};

/* What woke the program: a key (filled in), a new window size, or the end
 * (a stop signal or a closed terminal). */
typedef enum { APP_EVENT_KEY, APP_EVENT_RESIZE, APP_EVENT_STOP } app_event;
/* The one wait for input of the whole program: sleeps until a key, a resize
 * or a signal, never waking otherwise. Once it has said APP_EVENT_STOP it
 * says so at once every time: each open widget gives up as if cancelled and
 * the main loop ends. */
app_event app_wait(tl_key *k);
/* True once app_wait has said APP_EVENT_STOP: a "no" from ui_confirm may
 * then be no answer at all, and must not lead to an action. */
bool app_ending(void);

/* Where the terminal's cursor goes in this frame: on the selected item of
 * a list, menu or choice (its first column), or at the end of the text in
 * a prompt, so that a screen reader or braille display follows it. Each
 * frame starts with none (the cursor hidden); the last call wins. */
void app_cursor(int y, int x);
/* refresh() with the cursor where app_cursor put it. */
void app_refresh(void);

/* A new screen of this shape (allocated; its destroy frees it with
 * screen_free). */
tl_screen *screen_new(tl_screen shape);
/* Frees the screen and its state (the destroy of a screen whose state
 * owns nothing more). */
void screen_free(tl_screen *s);

/* The program's frame: app_start catches the stop signals and starts
 * curses; app_push puts a screen on the stack (NULL: none); app_run runs
 * the loop until the last screen closes, a screen quits or a stop; app_end
 * closes every screen and ends curses. */
void app_start(tl_app *app);
void app_push(tl_app *app, tl_screen *s);
void app_run(tl_app *app);
void app_end(tl_app *app);

/* Opens overlay s (screen_new with .overlay) and runs the one loop until it
 * closes (its key returns SCREEN_BACK) or the program is ending; then
 * returns, with s destroyed. The widgets answer this way: the caller waits
 * for its answer, while every key, resize and signal goes through the same
 * loop as every screen's. */
void app_modal(tl_app *app, tl_screen *s);
/* The row an overlay puts its keys on in place of the screen's footer. */
void app_overlay_footer(const char *keys);
/* Shows a store error on the status line; returns false when st is not TL_OK. */
bool ui_ok(tl_app *app, tl_status st, const tl_error *err);
/* A path for a new file called name: in the folder a file was last saved
 * in this session, else in fallback_folder (the program's folder when
 * NULL), written out in full so that the user sees where it goes. */
void app_proposed_path(const tl_app *app, const char *fallback_folder, const char *name, char *out, size_t size);
/* Remembers the folder of a file just saved, for app_proposed_path. */
void app_remember_folder(tl_app *app, const char *path);
/* Sets the status line (printf-style). */
void app_status(tl_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draws the status word-wrapped to at most three rows ending at row last;
 * returns the rows it takes (1 when there is no status: the line stays). */
int app_draw_status(const tl_app *app, int last, int cols);


tl_screen *menu_screen_new(tl_app *app);
/* Group training sessions (train.c) and self-study (study.c); arg: a
 * curriculum id or NULL. */
tl_screen *train_open(tl_app *app, const char *arg);
tl_screen *study_open(tl_app *app, const char *arg);
/* The screen that a command (train, study, check) opens over the menu, with
 * its optional argument; NULL (and a status message) when there is none. */
tl_screen *menu_open_command(tl_app *app, const char *command, const char *arg);
tl_screen *validate_screen_new(tl_app *app);

#endif
