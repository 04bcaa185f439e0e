/* The key habits every screen shares (keys.h). */
#include "keys.h"

#include <curses.h>

bool key_char(tl_key k, wint_t c) { return !k.fn && k.ch == c; }
bool key_fn(tl_key k, int code) { return k.fn && k.ch == (wint_t)code; }
bool key_enter(tl_key k) { return key_char(k, '\n') || key_char(k, '\r') || key_fn(k, KEY_ENTER); }
bool key_up(tl_key k) { return key_fn(k, KEY_UP) || key_char(k, 'k'); }
bool key_down(tl_key k) { return key_fn(k, KEY_DOWN) || key_char(k, 'j'); }
bool key_escape(tl_key k) { return key_char(k, 27); }
bool key_back(tl_key k) { return key_escape(k) || key_char(k, 'q'); }
bool key_left(tl_key k) { return key_fn(k, KEY_LEFT); }

/* Ctrl-X: the quick hide (app.c). */
enum { QUICK_HIDE_KEY = 24 };

bool key_quick_hide(tl_key k)
{
    return key_char(k, QUICK_HIDE_KEY);
}

bool key_interrupt(tl_key k)
{
    return key_char(k, 3);
}
