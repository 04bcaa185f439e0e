/* Keys: one key press, and the habits every screen shares (Up or k, Esc or
 * q, ...), so that every screen answers the same keys the same way. */
#ifndef TILLIT_KEYS_H
#define TILLIT_KEYS_H

#include <stdbool.h>
#include <wchar.h>

/* One key press: a character (fn false) or a curses KEY_* code (fn true). */
typedef struct {
    wint_t ch;
    bool fn;
} tl_key;

bool key_char(tl_key k, wint_t c);   /* exactly this character */
bool key_enter(tl_key k);            /* Enter / Return */
bool key_up(tl_key k);               /* Up or k */
bool key_down(tl_key k);             /* Down or j */
bool key_escape(tl_key k);           /* Esc */
bool key_back(tl_key k);             /* Esc or q */
bool key_left(tl_key k);             /* Left arrow */
bool key_fn(tl_key k, int code);     /* a curses KEY_* code */

/* The quick hide key (Ctrl-X): every key loop checks for it. */
bool key_quick_hide(tl_key k);
/* Ctrl-C: asks whether to quit, on every screen, prompt and list (the
 * terminal is in raw mode, so it is a key here, not SIGINT). */
bool key_interrupt(tl_key k);

#endif
