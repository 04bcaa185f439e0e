#include "plaintext.h"

#include "markdown.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The columns of the UTF-8 character at p (its length in *len). */
static int char_cols(const char *p, size_t *len)
{
    mbstate_t ps = {0};
    wchar_t wc;
    size_t r = mbrtowc(&wc, p, MB_CUR_MAX, &ps);
    if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
        *len = 1;
        return 1;
    }
    *len = r;
    int cols = wcwidth(wc);
    return cols < 0 ? 1 : cols;
}

int pt_cols(const char *p, size_t n)
{
    int cols = 0;
    for (size_t i = 0, len; i < n; i += len)
        cols += char_cols(p + i, &len);
    return cols;
}

void pt_spaces(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', f);
}

/* A word longer than the whole line is cut at the width (never a line
 * wider than the terminal), in pieces of whole characters. */
static void put_long_word(const pt_out *o, const char *word, int *col, int hang)
{
    for (size_t i = 0, len; word[i]; i += len) {
        int c = char_cols(word + i, &len);
        if (*col + c > o->width && *col > hang) {
            fputc('\n', o->f);
            pt_spaces(o->f, hang);
            *col = hang;
        }
        fwrite(word + i, 1, len, o->f);
        *col += c;
    }
}

void pt_wrap(const pt_out *o, int first, int hang, const char *text)
{
    int col = first;
    bool line_empty = true;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " \n\t");
        char *word = strndup(p, n);
        if (!word)
            abort();
        for (char *m; (m = strstr(word, "**"));)
            memmove(m, m + 2, strlen(m + 2) + 1);
        int cols = pt_cols(word, strlen(word));
        if (!line_empty && col + 1 + cols > o->width) {
            fputc('\n', o->f);
            pt_spaces(o->f, hang);
            col = hang;
            line_empty = true;
        }
        if (!line_empty) {
            fputc(' ', o->f);
            col++;
        }
        if (col + cols > o->width)
            put_long_word(o, word, &col, hang);
        else {
            fputs(word, o->f);
            col += cols;
        }
        line_empty = false;
        free(word);
        p += n;
    }
    fputc('\n', o->f);
}

void pt_para(const pt_out *o, int indent, const char *text)
{
    pt_spaces(o->f, indent);
    pt_wrap(o, indent, indent, text);
}

void pt_body(const pt_out *o, int indent, const char *markdown)
{
    const char *p = markdown;
    md_block b = {0};
    while (md_next_block(&p, &b)) {
        char *block = strndup(b.text, b.len);
        if (!block)
            abort();
        if (!b.first && !b.bullet)
            fputc('\n', o->f);
        pt_spaces(o->f, indent);
        if (b.bullet)
            fputs("- ", o->f);
        int at = indent + (b.bullet ? 2 : 0);
        pt_wrap(o, at, at, block);
        free(block);
    }
}

void pt_heading(const pt_out *o, const char *title)
{
    fprintf(o->f, "\n%s\n", title);
    int cols = pt_cols(title, strlen(title));
    for (int i = 0; i < cols && i < o->width; i++)
        fputc('=', o->f);
    fputc('\n', o->f);
}
