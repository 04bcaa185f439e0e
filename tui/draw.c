/* Width-correct text output: every string is converted to wide characters
 * and measured with wcwidth, so Swedish letters, Thai combining marks and
 * wide characters take the columns they really take. */
#include "draw.h"

#include "intl.h"
#include "markdown.h"
#include "utf8.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Decodes utf8 into a new wide string (invalid bytes become U+FFFD). */
static wchar_t *widen(const char *utf8, size_t *len)
{
    size_t n = strlen(utf8);
    wchar_t *w = malloc((n + 1) * sizeof *w);
    if (!w)
        abort();
    mbstate_t ps = {0};
    size_t k = 0;
    const char *p = utf8, *end = utf8 + n;
    while (p < end) {
        size_t r = mbrtowc(&w[k], p, (size_t)(end - p), &ps);
        if (r == (size_t)-1 || r == (size_t)-2) {
            w[k] = 0xFFFD;
            memset(&ps, 0, sizeof ps);
            r = 1;
        } else if (r == 0) {
            r = 1;
        }
        p += r;
        k++;
    }
    w[k] = 0;
    *len = k;
    return w;
}

static int wc_cols(wchar_t c)
{
    int w = wcwidth(c);
    return w < 0 ? 1 : w;
}

int ui_width(const char *utf8)
{
    size_t n;
    wchar_t *w = widen(utf8, &n);
    int cols = 0;
    for (size_t i = 0; i < n; i++)
        cols += wc_cols(w[i]);
    free(w);
    return cols;
}

static int put_wide(int y, int x, int maxw, const wchar_t *w, size_t n, int attr)
{
    int used = 0;
    size_t k = 0;
    while (k < n && w[k] != L'\n') {
        int cw = wc_cols(w[k]);
        if (used + cw > maxw)
            break;
        used += cw;
        k++;
    }
    /* A text cut at the edge ends in "…", so that it is not taken for the
     * whole of it (a name, a title); the characters it takes the place of
     * go. */
    bool cut = k < n && w[k] != L'\n' && maxw > 1;
    while (cut && k > 0 && used + 1 > maxw)
        used -= wc_cols(w[--k]);
    if ((k == 0 && !cut) || maxw <= 0)
        return 0;
    attron(attr);
    mvaddnwstr(y, x, w, (int)k);
    if (cut) {
        mvaddnwstr(y, x + used, L"\u2026", 1);
        used++;
    }
    attroff(attr);
    return used;
}

int ui_put(int y, int x, int maxw, const char *utf8, int attr)
{
    size_t n;
    wchar_t *w = widen(utf8, &n);
    int used = put_wide(y, x, maxw, w, n, attr);
    free(w);
    return used;
}

char *ui_fit(char *out, size_t size, const char *utf8, int cols)
{
    /* Decoded here rather than with mbrtowc, so that it also lines up the
     * tables of the command line (`tillit stats`) under LC_CTYPE=C. */
    const unsigned char *p = (const unsigned char *)utf8, *end = p + strlen(utf8);
    size_t used = 0, last_used = 0;
    int width = 0, last_width = 0;
    bool cut = false;
    while (p < end && *p != '\n') {
        const unsigned char *from = p;
        uint32_t cp = utf8_next(&p, end);
        int cw = cp < UTF8_INVALID ? wc_cols((wchar_t)cp) : 1;
        size_t len = (size_t)(p - from);
        if (width + cw > cols || used + len >= size) {
            cut = true;
            break;
        }
        last_used = used;
        last_width = width;
        memcpy(out + used, from, len);
        used += len;
        width += cw;
    }
    /* A cut text ends in "…" (as ui_put's): the last character gives way
     * when the column is full. */
    static const char ellipsis[] = "\u2026";
    if (cut && cols > 1 && width + 1 > cols) {
        used = last_used;
        width = last_width;
    }
    if (cut && cols > 1 && used + sizeof ellipsis <= size) {
        memcpy(out + used, ellipsis, sizeof ellipsis - 1);
        used += sizeof ellipsis - 1;
        width++;
    }
    while (width++ < cols && used + 1 < size)
        out[used++] = ' ';
    if (size > 0)
        out[used] = '\0';
    return out;
}

char *ui_fit_right(char *out, size_t size, const char *utf8, int cols)
{
    ui_fit(out, size, utf8, cols);
    size_t len = strlen(out), text = len;
    while (text > 0 && out[text - 1] == ' ')
        text--;
    memmove(out + (len - text), out, text);
    memset(out, ' ', len - text);
    return out;
}

/* Length (in characters) of the next line of at most cols columns,
 * breaking at the last space when the text is longer. */
static size_t line_len(const wchar_t *w, size_t n, int cols, size_t *skip)
{
    int used = 0;
    size_t k = 0, last_space = 0;
    while (k < n && w[k] != L'\n') {
        int cw = wc_cols(w[k]);
        if (used + cw > cols)
            break;
        if (w[k] == L' ')
            last_space = k;
        used += cw;
        k++;
    }
    *skip = 0;
    if (k < n && w[k] == L'\n') {
        *skip = 1;
        return k;
    }
    if (k < n && last_space > 0) {
        *skip = 1;
        return last_space;
    }
    return k ? k : 1;
}

/* Word-wraps utf8 and draws the lines when draw is set; returns how many. */
static int wrap(int y, int x, int cols, int max_rows, const char *utf8, int attr, bool draw)
{
    size_t n;
    wchar_t *w = widen(utf8, &n);
    int rows = 0;
    size_t pos = 0;
    while (pos < n && rows < max_rows) {
        size_t skip, len = line_len(w + pos, n - pos, cols, &skip);
        if (draw)
            put_wide(y + rows, x, cols, w + pos, len, attr);
        pos += len + skip;
        rows++;
    }
    free(w);
    return rows;
}

int ui_wrap(int y, int x, int cols, int max_rows, const char *utf8, int attr)
{
    return wrap(y, x, cols, max_rows, utf8, attr, true);
}

int ui_wrap_rows(int cols, int max_rows, const char *utf8)
{
    return wrap(0, 0, cols, max_rows, utf8, 0, false);
}

/* ---- markdown light ---- */

/* One logical block of text with a bold flag per character. */
typedef struct {
    wchar_t *w;
    bool *bold;
    size_t n;
    bool bullet;
} styled_block;

/* Strips the ** markers of [p, p+len) into b, remembering which characters
 * they made bold. */
static void styled_fill(styled_block *b, const char *p, size_t len)
{
    char *tmp = strndup(p, len);
    if (!tmp)
        abort();
    size_t n;
    wchar_t *w = widen(tmp, &n);
    free(tmp);
    b->w = malloc((n + 1) * sizeof *b->w);
    b->bold = malloc((n + 1) * sizeof *b->bold);
    if (!b->w || !b->bold)
        abort();
    bool bold = false;
    b->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == L'*' && i + 1 < n && w[i + 1] == L'*') {
            bold = !bold;
            i++;
            continue;
        }
        b->w[b->n] = w[i] == L'\n' ? L' ' : w[i];
        b->bold[b->n++] = bold;
    }
    free(w);
}

/* Draws (when on screen) the wrapped lines of one block; returns the lines. */
static int styled_draw(const styled_block *b, int y, int x, int cols, int line0, int skip, int rows)
{
    int indent = b->bullet ? 2 : 0, width = cols - indent, lines = 0;
    if (width < 1)
        width = 1;
    size_t pos = 0;
    while (pos < b->n || (lines == 0 && b->n == 0)) {
        size_t adv, len = b->n ? line_len(b->w + pos, b->n - pos, width, &adv) : 0;
        int row = line0 + lines - skip;
        if (row >= 0 && row < rows) {
            if (b->bullet && lines == 0)
                mvaddnwstr(y + row, x, L"\u2022", 1);
            int cx = x + indent;
            for (size_t i = 0; i < len; i++) {
                if (b->bold[pos + i])
                    attron(A_BOLD);
                mvaddnwstr(y + row, cx, &b->w[pos + i], 1);
                attroff(A_BOLD);
                cx += wc_cols(b->w[pos + i]);
            }
        }
        lines++;
        if (!b->n)
            break;
        pos += len + adv;
    }
    return lines;
}

int ui_markdown(int y, int x, int cols, int rows, int skip, const char *text)
{
    int line = 0;
    const char *p = text;
    md_block src = {0};
    while (md_next_block(&p, &src)) {
        if (!src.first && !src.bullet)
            line++; /* an empty line before each paragraph */
        styled_block b = {.bullet = src.bullet};
        styled_fill(&b, src.text, src.len);
        line += styled_draw(&b, y, x, cols, line, skip, rows);
        free(b.w);
        free(b.bold);
    }
    return line;
}

/* ---- scrolled views and footers ---- */

int ui_wrap_skip(int y, int x, int cols, int rows, int skip, const char *utf8, int attr)
{
    size_t n;
    wchar_t *w = widen(utf8, &n);
    int line = 0;
    for (size_t pos = 0; pos < n; line++) {
        size_t adv, len = line_len(w + pos, n - pos, cols, &adv);
        if (line >= skip && line - skip < rows)
            put_wide(y + line - skip, x, cols, w + pos, len, attr);
        pos += len + adv;
    }
    free(w);
    return line;
}

int view_row(const ui_view *v, int line)
{
    int row = line - v->skip;
    return row >= 0 && row < v->rows ? v->top + row : -1;
}

/* Where a part starting at v->line goes: its first screen row, the lines of
 * it above the view, and the rows left for it (0: nothing to draw). */
static int view_part(const ui_view *v, int *y, int *skip)
{
    *skip = v->skip > v->line ? v->skip - v->line : 0;
    *y = v->top + (v->line > v->skip ? v->line - v->skip : 0);
    int rows = v->top + v->rows - *y;
    return rows > 0 ? rows : 0;
}

int view_wrap(ui_view *v, int x, int cols, const char *utf8, int attr)
{
    int y, skip, rows = view_part(v, &y, &skip), first = v->line;
    v->line += ui_wrap_skip(y, x, cols, rows, skip, utf8, attr);
    return first;
}

int view_markdown(ui_view *v, int x, int cols, const char *text)
{
    int y, skip, rows = view_part(v, &y, &skip), first = v->line;
    v->line += ui_markdown(y, x, cols, rows, skip, text);
    return first;
}

int view_put(ui_view *v, int x, int cols, const char *utf8, int attr)
{
    int y = view_row(v, v->line);
    if (y >= 0)
        ui_put(y, x, cols, utf8, attr);
    return v->line++;
}

int view_room(int total, int rows)
{
    return total > rows && rows > 1 ? rows - 1 : rows;
}

static void scroll_clamp(ui_scroll *sc)
{
    int last = sc->total - sc->page;
    if (sc->skip > last)
        sc->skip = last;
    if (sc->skip < 0)
        sc->skip = 0;
}

void view_measure(ui_scroll *sc, int rows, ui_layout_fn layout, void *ctx)
{
    ui_view v = {0};
    layout(&v, ctx);
    sc->total = v.line;
    sc->page = view_room(sc->total, rows);
    scroll_clamp(sc);
}

void view_draw(const ui_scroll *sc, int top, int rows, int x, int cols, ui_layout_fn layout, void *ctx)
{
    ui_view v = {.top = top, .rows = sc->page, .skip = sc->skip};
    layout(&v, ctx);
    if (sc->page < rows)
        view_more(top + sc->page, x, cols, sc->skip + sc->page < sc->total);
}

enum { ALERT_PAIR = 1 };
static bool colour;

void ui_colour_start(void)
{
    const char *no_colour = getenv("NO_COLOR");
    if ((no_colour && *no_colour) || !has_colors() || start_color() == ERR)
        return;
    use_default_colors(); /* the terminal's own background, not black */
    colour = init_pair(ALERT_PAIR, COLOR_RED, -1) == OK;
}

int ui_alert_attr(void)
{
    return A_BOLD | (colour ? COLOR_PAIR(ALERT_PAIR) : 0);
}

void view_more(int y, int x, int cols, bool below)
{
    ui_put(y, x + 2, cols - 4, below ? _("... more below: PgDn") : _("... more above: PgUp"), A_REVERSE);
}

void view_show(ui_scroll *sc, int top, int rows, int x, int cols, ui_layout_fn layout, void *ctx)
{
    view_measure(sc, rows, layout, ctx);
    view_draw(sc, top, rows, x, cols, layout, ctx);
}

bool view_page_key(ui_scroll *sc, tl_key k)
{
    int step = sc->page > 2 ? sc->page - 1 : 1; /* a line of the last page stays */
    if (key_fn(k, KEY_NPAGE))
        sc->skip += step;
    else if (key_fn(k, KEY_PPAGE))
        sc->skip -= step;
    else if (key_fn(k, KEY_HOME))
        sc->skip = 0;
    else if (key_fn(k, KEY_END))
        sc->skip = sc->total; /* clamped to the last page */
    else
        return false;
    scroll_clamp(sc);
    return true;
}

bool view_scroll_key(ui_scroll *sc, tl_key k)
{
    if (key_down(k))
        sc->skip++;
    else if (key_up(k))
        sc->skip--;
    else
        return view_page_key(sc, k);
    scroll_clamp(sc);
    return true;
}

bool view_scrolls(const ui_scroll *sc)
{
    return sc->total > sc->page;
}

/* Joins the hints kept at least min_keep; returns the columns it takes. */
static int join_hints(char *out, size_t size, const ui_key_hint *hints, size_t n, bool brief, int min_keep)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (hints[i].keep < min_keep)
            continue;
        const char *text = _(brief && hints[i].brief ? hints[i].brief : hints[i].text);
        int len = snprintf(out + used, size - used, "%s%s", used ? "  " : "", text);
        if (len < 0 || (size_t)len >= size - used)
            break;
        used += (size_t)len;
    }
    return ui_width(out);
}

const char *ui_footer(char *out, size_t size, int cols, const ui_key_hint *hints, size_t n)
{
    if (size == 0 || join_hints(out, size, hints, n, false, INT_MIN) <= cols)
        return out;
    int min_keep = INT_MIN;
    while (join_hints(out, size, hints, n, true, min_keep) > cols) {
        int lowest = INT_MAX, above = 0;
        for (size_t i = 0; i < n; i++)
            if (hints[i].keep >= min_keep && hints[i].keep < lowest)
                lowest = hints[i].keep;
        for (size_t i = 0; i < n; i++)
            above += hints[i].keep > lowest;
        if (above == 0)
            break; /* only the most important are left: they are cut */
        min_keep = lowest + 1;
    }
    return out;
}
