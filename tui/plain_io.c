/* The plain interface's dialogue of lines: saying texts (wrapped, paged on
 * a terminal), prompts and the commands every prompt takes, and the end of
 * the input or a stop signal as a clean end. */
#include "i18n.h"
#include "plain.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- saying ---- */

/* A terminal's page is full: offer to go on or skip the rest. Only when a
 * person reads at a terminal; a script or a file gets the whole text. */
static void page_break(plain *p)
{
    if (!p->rows || p->skip || p->said < p->rows - 1)
        return;
    fputs(_("more: Enter, skip: s"), p->out);
    fputc(' ', p->out);
    fflush(p->out);
    p->said = 0;
    ssize_t n = getline(&p->line, &p->cap, p->in);
    if (n < 0) {
        p->ended = true;
        p->skip = true;
        return;
    }
    if (p->line[0] == 's' || p->line[0] == 'S')
        p->skip = true;
}

/* Writes text made by a layout function, line by line, with paging. */
static void emit(plain *p, const char *text)
{
    for (const char *s = text; *s && !p->skip;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        fwrite(s, 1, n, p->out);
        if (!nl)
            fputc('\n', p->out);
        p->said++;
        s += n;
        page_break(p);
    }
}

/* Runs a layout into memory, then says it. */
#define SAY_WITH(p, call)                                                   \
    do {                                                                    \
        char *buf_ = NULL;                                                  \
        size_t len_ = 0;                                                    \
        FILE *f_ = open_memstream(&buf_, &len_);                            \
        if (!f_)                                                            \
            abort();                                                        \
        pt_out o_ = {f_, (p)->cols};                                        \
        call;                                                               \
        fclose(f_);                                                         \
        emit((p), buf_);                                                    \
        free(buf_);                                                         \
    } while (0)

void plain_say_lines(plain *p, const char *text)
{
    emit(p, text);
}

void plain_say(plain *p, const char *markdown)
{
    SAY_WITH(p, pt_body(&o_, 0, markdown));
}

void plain_sayf(plain *p, const char *fmt, ...)
{
    char text[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    SAY_WITH(p, pt_para(&o_, 0, text));
}

void plain_heading(plain *p, const char *title)
{
    SAY_WITH(p, pt_heading(&o_, title));
}

void plain_list(plain *p, const char *const *labels, int n)
{
    int digits = n >= 100 ? 3 : n >= 10 ? 2 : 1;
    for (int i = 0; i < n; i++)
        SAY_WITH(p, {
            fprintf(f_, "%*d ", digits, i + 1);
            pt_wrap(&o_, digits + 1, digits + 1, labels[i]);
        });
}

/* ---- reading ---- */

/* One line into p->line without its line end; false when the input ended
 * or a stop signal interrupted the read. */
static bool read_line(plain *p)
{
    fflush(p->out);
    errno = 0;
    ssize_t n = getline(&p->line, &p->cap, p->in);
    if (n < 0) {
        p->ended = true;
        fputc('\n', p->out); /* the prompt's line ends, also on Ctrl-D */
        return false;
    }
    while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
        p->line[--n] = '\0';
    if (p->echo) /* on a line of its own when it would not fit after the prompt */
        fprintf(p->out, "%s%s\n", p->prompt_cols + pt_cols(p->line, strlen(p->line)) > p->cols ? "\n" : "",
                p->line);
    p->said = 0;
    p->skip = false;
    return true;
}

/* The prompt, wrapped like any text; the answer is typed after its last
 * line, behind a space. */
static void prompt_out(plain *p, const char *prompt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        abort();
    pt_out o = {f, p->cols - 1};
    pt_wrap(&o, 0, 0, prompt);
    fclose(f);
    if (len > 0 && buf[len - 1] == '\n')
        buf[--len] = '\0';
    fprintf(p->out, "%s ", buf);
    const char *last = strrchr(buf, '\n');
    last = last ? last + 1 : buf;
    p->prompt_cols = pt_cols(last, strlen(last)) + 1;
    free(buf);
}

/* Clears the screen (when it is one) and shows a neutral line until a line
 * is given: someone came into the room. */
static void quick_hide(plain *p)
{
    if (p->rows) /* a terminal: reset it, which also clears its scrollback */
        fputs("\033c", p->out);
    fprintf(p->out, "%s\n", _("Ready."));
    fflush(p->out);
    read_line(p);
}

static bool is_word(const char *line, const char *word)
{
    return strcasecmp(line, word) == 0;
}

plain_answer plain_ask(plain *p, const char *prompt)
{
    for (;;) {
        if (p->ended || p->quit)
            return P_QUIT;
        prompt_out(p, prompt);
        if (!read_line(p))
            return P_QUIT;
        const char *l = p->line;
        while (isspace((unsigned char)*l))
            l++;
        if (!*l)
            return P_EMPTY;
        if (is_word(l, "q")) {
            p->quit = true;
            return P_QUIT;
        }
        if (is_word(l, "b"))
            return P_BACK;
        if (is_word(l, "?") || is_word(l, "help") || is_word(l, "hjälp"))
            return P_HELP;
        if (is_word(l, "lang") || is_word(l, "språk")) {
            p->lang = i18n_set(i18n_other());
            plain_sayf(p, "%s", _("Language: English."));
            return P_EMPTY;
        }
        if (is_word(l, "hide") || is_word(l, "dölj")) {
            quick_hide(p);
            continue;
        }
        memmove(p->line, l, strlen(l) + 1);
        return P_CHOICE;
    }
}

plain_answer plain_choose(plain *p, const char *prompt, int n, const char *keys, int *choice)
{
    for (;;) {
        plain_answer a = plain_ask(p, prompt);
        if (a != P_CHOICE)
            return a;
        char *end;
        long v = strtol(p->line, &end, 10);
        if (end != p->line && *end == '\0' && v >= 1 && v <= n) {
            *choice = (int)v;
            return P_CHOICE;
        }
        const char *k = keys && p->line[0] && !p->line[1] ? strchr(keys, tolower((unsigned char)p->line[0])) : NULL;
        if (k) {
            *choice = n + 1 + (int)(k - keys);
            return P_CHOICE;
        }
        plain_sayf(p, _("'%s' is not one of the choices."), p->line);
    }
}

plain_answer plain_text(plain *p, const char *prompt)
{
    if (p->ended || p->quit)
        return P_QUIT;
    prompt_out(p, prompt);
    if (!read_line(p))
        return P_QUIT;
    if (is_word(p->line, "b"))
        return P_BACK;
    if (is_word(p->line, "q")) {
        p->quit = true;
        return P_QUIT;
    }
    return P_CHOICE;
}

bool plain_confirm(plain *p, const char *question)
{
    char prompt[512];
    snprintf(prompt, sizeof prompt, _("%s 1 Yes, 2 No:"), question);
    int c = 0;
    plain_answer a = plain_choose(p, prompt, 2, "yjn", &c);
    return a == P_CHOICE && (c == 1 || c == 3 || c == 4);
}
