#include "summary.h"

#include "atomic_file.h"
#include "intl.h"
#include "markdown.h"
#include "plaintext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

enum { DEFAULT_WIDTH = 76, MIN_WIDTH = 20 };

typedef struct {
    FILE *f;
    int width;
    const tl_summary *s;
    const tl_checklist *cl;
    const tl_assessment *a;
    const char *lang;
} writer;

static writer writer_for(FILE *out, const tl_summary *s)
{
    int width = s->width > 0 ? s->width : DEFAULT_WIDTH;
    return (writer){.f = out, .width = width < MIN_WIDTH ? MIN_WIDTH : width, .s = s,
                    .cl = s->assessment->cl, .a = s->assessment, .lang = s->lang};
}

static const char *tr(const writer *w, const tl_text *t)
{
    return text_get(t, w->lang);
}

/* ---- wrapping (core/plaintext.c) ---- */

static pt_out out_of(const writer *w)
{
    return (pt_out){w->f, w->width};
}

static int text_cols(const char *p, size_t n)
{
    return pt_cols(p, n);
}

static void spaces(FILE *f, int n)
{
    pt_spaces(f, n);
}

static void wrap_from(const writer *w, int first, int hang, const char *text)
{
    pt_out o = out_of(w);
    pt_wrap(&o, first, hang, text);
}

static void wrap(const writer *w, int indent, const char *text)
{
    pt_out o = out_of(w);
    pt_para(&o, indent, text);
}

/* A label and its text: "Case:       Case 17", continued under the text.
 * Padded by columns, not bytes: a translated label may hold å, ä, ö. */
static void field(const writer *w, const char *label, const char *text)
{
    enum { LABEL_COLS = 14 };
    fputs(label, w->f);
    spaces(w->f, LABEL_COLS - text_cols(label, strlen(label)));
    wrap_from(w, LABEL_COLS, LABEL_COLS, text);
}

static void body(const writer *w, int indent, const char *text)
{
    pt_out o = out_of(w);
    pt_body(&o, indent, text);
}

static void heading(const writer *w, const char *title)
{
    pt_out o = out_of(w);
    pt_heading(&o, title);
}

/* ---- the assessment ---- */

typedef struct {
    const writer *w;
    int indent;
} explain_ctx;

static void explain_line(void *ctx, int depth, bool holds, const char *text)
{
    explain_ctx *e = ctx;
    int indent = e->indent + 2 * depth;
    spaces(e->w->f, indent);
    fputs(holds ? "[x] " : "[ ] ", e->w->f);
    wrap_from(e->w, indent + 4, indent + 4, text);
}

static void write_why(const writer *w)
{
    const tl_checklist *cl = w->cl;
    wrap(w, 0, _("Why: the checklist's outcomes are tried in its order; the first whose "
                 "condition holds is the assessment."));
    for (size_t o = 0; o <= w->a->outcome && o < cl->n_outcomes; o++) {
        const tl_outcome *out = &cl->outcomes[o];
        char line[1024];
        bool chosen = o == w->a->outcome;
        if (!out->when)
            snprintf(line, sizeof line, _("%zu. %s: the fallback, as no earlier condition holds"),
                     o + 1, tr(w, &out->title));
        else
            snprintf(line, sizeof line,
                     chosen ? _("%zu. %s: its condition holds:") : _("%zu. %s: its condition does not hold"),
                     o + 1, tr(w, &out->title));
        spaces(w->f, 2);
        wrap_from(w, 2, 5, line);
        if (chosen && out->when)
            assess_explain(w->a, out->when, w->lang, explain_line, &(explain_ctx){w, 5});
    }
}

static void yes_by_weight(const tl_section_result *r, char *buf, size_t size)
{
    snprintf(buf, size, _("%d strong, %d medium, %d weak"), r->yes[TL_W_STRONG], r->yes[TL_W_MEDIUM],
             r->yes[TL_W_WEAK]);
}

/* "2 strong, or 1 strong + 1 medium, or ..." */
static void rule_text(const tl_presence_rule *rule, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t c = 0; c < rule->n_clauses && used + 1 < size; c++) {
        char clause[128];
        assess_clause_text(&rule->clauses[c], clause, sizeof clause);
        int n = snprintf(buf + used, size - used, "%s%s", c ? _(", or ") : "", clause);
        used += n > 0 ? (size_t)n : 0;
    }
}

static void write_section_reason(const writer *w, const tl_section *sec, const tl_section_result *r)
{
    char yes[128], rule[1024], line[1400];
    yes_by_weight(r, yes, sizeof yes);
    if (sec->context) {
        snprintf(line, sizeof line,
                 _("[-] %s: context, never counted as a sign; it guides the conversation (yes: %d)"),
                 tr(w, &sec->title), r->answers.n[TL_A_YES]);
    } else if (r->present) {
        char clause[128];
        assess_clause_text(&sec->rule.clauses[r->clause], clause, sizeof clause);
        snprintf(line, sizeof line, _("[x] %s: present, because at least %s answered yes (yes: %s)"),
                 tr(w, &sec->title), clause, yes);
    } else {
        rule_text(&sec->rule, rule, sizeof rule);
        snprintf(line, sizeof line, _("[ ] %s: not present; no rule holds (yes: %s; needs %s)"),
                 tr(w, &sec->title), yes, rule);
    }
    spaces(w->f, 2);
    wrap_from(w, 2, 6, line);
}

static void write_section_answers(const writer *w, const tl_section *sec, const tl_section_result *r)
{
    for (size_t i = sec->first; i < sec->first + sec->n_indicators; i++) {
        if (w->a->answers[i] != TL_A_YES)
            continue;
        char line[1024];
        snprintf(line, sizeof line, _("yes (%s): %s"), assess_weight_label(&w->cl->indicators[i]),
                 tr(w, &w->cl->indicators[i].question));
        spaces(w->f, 6);
        wrap_from(w, 6, 8, line);
    }
    if (assess_gaps(&r->answers) == 0)
        return;
    char line[512];
    snprintf(line, sizeof line, "%s", _("gaps, never counted as yes:"));
    const tl_answer gaps[] = {TL_A_NONE, TL_A_UNKNOWN, TL_A_NOT_ASKED};
    const char *sep = " ";
    for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        int n = r->answers.n[gaps[g]];
        size_t used = strlen(line);
        if (n > 0)
            snprintf(line + used, sizeof line - used, "%s%d %s", sep, n,
                     assess_answer_label(w->cl, gaps[g], w->lang));
        sep = n > 0 ? ", " : sep;
    }
    wrap(w, 6, line);
}

static void write_sections(const writer *w)
{
    char line[256];
    snprintf(line, sizeof line, _("Sections: %d of %d count as present"), w->a->sections_present,
             assess_sign_sections(w->cl));
    wrap(w, 0, line);
    for (size_t s = 0; s < w->cl->n_sections; s++) {
        write_section_reason(w, &w->cl->sections[s], &w->a->sections[s]);
        write_section_answers(w, &w->cl->sections[s], &w->a->sections[s]);
    }
}

/* "Phone: 020-39 00 00" under a contact, when the contact has it. */
static void contact_line(const writer *w, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    char line[1024];
    snprintf(line, sizeof line, "%s: %s", label, value);
    wrap(w, 2, line);
}

static void write_contact(const writer *w, const tl_contact *c)
{
    fputc('\n', w->f);
    wrap(w, 0, tr(w, &c->name));
    contact_line(w, _("Phone"), c->phone);
    contact_line(w, _("Web"), c->url);
    contact_line(w, _("Hours"), tr(w, &c->hours));
    body(w, 2, tr(w, &c->description));
    if (*tr(w, &c->consent))
        body(w, 2, tr(w, &c->consent));
}

/* The lead of a markdown text's first block into buf: its leading bold
 * part, else its first sentence, else the whole block; without ** marks. */
static void first_lead(const char *text, char *buf, size_t size)
{
    md_block b;
    buf[0] = '\0';
    if (!md_next_block(&text, &b))
        return;
    const char *start = b.text, *end = b.text + b.len;
    const char *close = NULL;
    if (b.len > 4 && strncmp(start, "**", 2) == 0 && (close = strstr(start + 2, "**")) && close < end) {
        start += 2;
        end = close;
    } else {
        for (const char *p = start; p + 1 < end; p++)
            if (*p == '.' && (p[1] == ' ' || p[1] == '\n')) {
                end = p + 1;
                break;
            }
    }
    size_t used = 0;
    for (const char *p = start; p < end && used + 1 < size; p++) {
        if (p + 1 < end && p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        buf[used++] = *p == '\n' ? ' ' : *p;
    }
    buf[used] = '\0';
}

void summary_head(const tl_summary *s, tl_summary_head *head)
{
    const tl_checklist *cl = s->assessment->cl;
    const tl_outcome *o = &cl->outcomes[s->assessment->outcome];
    head->severity = o->severity;
    /* TRANSLATORS: the first %s is "!!! " (the marker of a high severity) or nothing. */
    snprintf(head->outcome, sizeof head->outcome, _("%sThe answers suggest: %s (severity: %s)"),
             o->severity == TL_SEV_HIGH ? _("!!! ") : "", text_get(&o->title, s->lang),
             _(tl_severity_names[o->severity]));
    head->first_action[0] = '\0';
    if (o->severity != TL_SEV_HIGH)
        return;
    char lead[1024];
    first_lead(text_get(&o->advice, s->lang), lead, sizeof lead);
    if (lead[0])
        snprintf(head->first_action, sizeof head->first_action, _("Do this first: %s"), lead);
}

void summary_write_assessment(FILE *out, const tl_summary *s)
{
    writer w = writer_for(out, s);
    const tl_outcome *o = &w.cl->outcomes[w.a->outcome];
    if (!s->head_apart) {
        tl_summary_head head;
        summary_head(s, &head);
        wrap(&w, 0, head.outcome);
        if (head.first_action[0])
            wrap(&w, 0, head.first_action);
        fputc('\n', out);
    }
    body(&w, 0, tr(&w, &o->summary));
    fputc('\n', out);
    write_why(&w);
    fputc('\n', out);
    write_sections(&w);
    heading(&w, _("Advice"));
    body(&w, 0, tr(&w, &o->advice));
    if (o->contacts.n) {
        heading(&w, _("Contacts"));
        for (size_t i = 0; i < o->contacts.n; i++)
            write_contact(&w, &w.cl->contacts[o->contacts.r[i].index]);
    }
    heading(&w, _("What this assessment can and cannot tell"));
    body(&w, 0, tr(&w, &w.cl->disclaimer));
}

/* ---- the whole summary ---- */

static void write_header(const writer *w)
{
    const tl_content *c = w->s->content;
    const tl_run_info *run = w->s->run;
    const tl_answer_counts *t = &w->a->totals;
    char line[1024], started[64], updated[64];
    fprintf(w->f, "%s\n\n", _("CASE SUMMARY (tillit)"));
    /* TRANSLATORS: the labels of the case summary's header fit in 13 columns. */
    field(w, _("Checklist:"), tr(w, &w->cl->h.title));
    snprintf(line, sizeof line, _("%s, version %s, reviewed %s"), c->u.h->id, c->u.h->version,
             c->u.h->reviewed);
    field(w, "", line);
    field(w, _("Content hash:"), c->hash);
    field(w, _("Case:"), run && run->case_ref[0] ? run->case_ref : _("(none)"));
    if (run) {
        summary_local_time(run->created_at, started, sizeof started);
        summary_local_time(run->updated_at, updated, sizeof updated);
        snprintf(line, sizeof line, _("%s, last change %s"), started, updated);
        field(w, _("Started:"), line);
    }
    field(w, _("Made:"), w->s->made ? w->s->made : "");
    int total = 0;
    for (int v = 0; v < TL_A_COUNT; v++)
        total += t->n[v];
    snprintf(line, sizeof line, _("%d of %d (%d not answered)"), total - t->n[TL_A_NONE], total,
             t->n[TL_A_NONE]);
    field(w, _("Answered:"), line);
    snprintf(line, sizeof line, "%d %s, %d %s, %d %s, %d %s", t->n[TL_A_YES],
             assess_answer_label(w->cl, TL_A_YES, w->lang), t->n[TL_A_NO],
             assess_answer_label(w->cl, TL_A_NO, w->lang), t->n[TL_A_UNKNOWN],
             assess_answer_label(w->cl, TL_A_UNKNOWN, w->lang), t->n[TL_A_NOT_ASKED],
             assess_answer_label(w->cl, TL_A_NOT_ASKED, w->lang));
    field(w, "", line);
    field(w, _("Notes:"), w->s->include_notes ? _("included") : _("left out"));
    /* A note on the whole case is a note: with the others, or said to be left out. */
    if (run && run->case_note && *run->case_note)
        field(w, _("Case note:"), w->s->include_notes ? run->case_note : _("left out with the notes"));
}

static void write_answers(const writer *w)
{
    heading(w, _("Answers"));
    for (size_t s = 0; s < w->cl->n_sections; s++) {
        const tl_section *sec = &w->cl->sections[s];
        fprintf(w->f, "\n%s\n", tr(w, &sec->title));
        for (size_t i = sec->first; i < sec->first + sec->n_indicators; i++) {
            const tl_indicator *ind = &w->cl->indicators[i];
            char line[1024];
            snprintf(line, sizeof line, "[%s] %s (%s)", assess_answer_label(w->cl, w->a->answers[i], w->lang),
                     tr(w, &ind->question), assess_weight_label(ind));
            spaces(w->f, 2);
            wrap_from(w, 2, 4, line);
            const char *note = w->s->notes ? w->s->notes[i] : NULL;
            if (w->s->include_notes && note && *note) {
                const char *label = _("Note: ");
                int at = 4 + text_cols(label, strlen(label));
                spaces(w->f, 4);
                fputs(label, w->f);
                wrap_from(w, at, at, note);
            }
        }
    }
}

void summary_write(FILE *out, const tl_summary *s)
{
    writer w = writer_for(out, s);
    write_header(&w);
    heading(&w, _("Assessment"));
    summary_write_assessment(out, s);
    write_answers(&w);
}

char *summary_text(const tl_summary *s, bool assessment_only)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        abort();
    if (assessment_only)
        summary_write_assessment(f, s);
    else
        summary_write(f, s);
    if (fclose(f) != 0)
        abort();
    return text;
}

/* ---- saving ---- */

tl_status summary_save(const char *path, const tl_summary *s, tl_error *err)
{
    tl_atomic_file out;
    tl_status st = atomic_file_open(&out, path, "the summary", err);
    if (st != TL_OK)
        return st;
    int fd = dup(out.fd);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    bool ok = f != NULL;
    int e = errno;
    if (!f && fd >= 0)
        close(fd);
    if (f) {
        summary_write(f, s);
        ok = fflush(f) == 0 && !ferror(f);
        e = errno;
        if (fclose(f) != 0 && ok) {
            ok = false;
            e = errno;
        }
    }
    if (!ok) {
        atomic_file_abort(&out);
        return tl_fail(err, e == EIO || e == ENOSPC ? TL_IOERR : TL_CANTCREAT, "%s: cannot write the summary: %s",
                       path, strerror(e));
    }
    return atomic_file_commit(&out, 0600, err);
}

void summary_local_time(const char *iso_utc, char *buf, size_t size)
{
    struct tm tm = {0};
    const char *end = iso_utc ? strptime(iso_utc, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
    if (!end || *end) {
        snprintf(buf, size, "%s", iso_utc ? iso_utc : "");
        return;
    }
    time_t t = timegm(&tm);
    struct tm local;
    localtime_r(&t, &local);
    strftime(buf, size, "%Y-%m-%d %H:%M", &local);
}
