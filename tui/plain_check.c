/* The checklist self-check in the plain interface: choose a checklist, start
 * a run or resume one, answer indicator after indicator (guidance, notes,
 * the assessment and the case summary on request). The same core calls as
 * the full-screen run (core/checklist_run.h): each answer and the outcome
 * it leads to are stored as one, at once. */
#include "access_log.h"
#include "checklist_run.h"
#include "dates.h"
#include "i18n.h"
#include "plain.h"
#include "privacy.h"
#include "review_notice.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_RUNS = 200 };

/* The answer keys: 1-4 in answer order, then letters (j: ja, v: vet inte). */
static const char answer_letters[] = "yjnuvx";
static const tl_answer letter_answers[] = {TL_A_YES, TL_A_YES, TL_A_NO, TL_A_UNKNOWN, TL_A_UNKNOWN, TL_A_NOT_ASKED};
/* The commands of the run prompt, after the answer letters. */
static const char run_commands[] = "pgeasc";

static const tl_content *pick_checklist(plain *p, const char *id)
{
    const tl_library *lib = &p->lib;
    if (id) {
        const tl_content *c = library_find(lib, id);
        if (c && c->kind == TL_CHECKLIST)
            return c;
        plain_sayf(p, _("No checklist '%s' in the content folder."), id);
        return NULL;
    }
    if (lib->n_checklists <= 1) {
        if (!lib->n_checklists)
            plain_sayf(p, "%s", _("The content folder has no checklists."));
        return lib->n_checklists ? lib->checklists[0] : NULL;
    }
    const char **labels = calloc(lib->n_checklists, sizeof *labels);
    if (!labels)
        abort();
    for (size_t i = 0; i < lib->n_checklists; i++)
        labels[i] = text_get(&lib->checklists[i]->u.h->title, p->lang);
    plain_heading(p, _("Which checklist?"));
    plain_list(p, labels, (int)lib->n_checklists);
    free(labels);
    int c;
    if (plain_choose(p, _("Choose a number; b back, q quit:"), (int)lib->n_checklists, NULL, &c) != P_CHOICE)
        return NULL;
    return lib->checklists[c - 1];
}

/* A free text checked for personal numbers, asked again until it holds
 * none; false when the user goes back or the input ends. */
static bool checked_text(plain *p, const char *prompt, const char *what)
{
    for (;;) {
        if (plain_text(p, prompt) != P_CHOICE)
            return false;
        tl_pnr_match m;
        if (!privacy_find_pnr(p->line, &m))
            return true;
        char why[512];
        privacy_refusal(what, &m, why, sizeof why);
        plain_sayf(p, "%s", _("Not saved: it looks like a personal number."));
        plain_say(p, why);
    }
}

static bool ok(plain *p, tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        plain_sayf(p, "%s", err->msg);
    return st == TL_OK;
}

/* ---- the assessment and the case summary ---- */

static void made_now(char *buf, size_t size)
{
    char date[11], hhmm[6];
    today_iso(date);
    now_hhmm(hhmm);
    snprintf(buf, size, "%s %s", date, hhmm);
}

static void say_summary(plain *p, const tl_checklist_run *r, bool notes, bool assessment_only)
{
    char made[32];
    made_now(made, sizeof made);
    tl_summary sum = checklist_run_summary(r, notes, p->lang, p->cols);
    sum.made = made;
    char *text = summary_text(&sum, assessment_only);
    plain_say_lines(p, text);
    free(text);
}

static void write_summary(plain *p, const tl_checklist_run *r)
{
    char date[11], proposed[1024];
    today_iso(date);
    const char *home = getenv("HOME");
    snprintf(proposed, sizeof proposed, "%s/tillit-summary-%s-run%lld.txt", home ? home : ".", date,
             (long long)r->info.id);
    char prompt[1200];
    snprintf(prompt, sizeof prompt, _("Write the summary to (Enter: %s):"), proposed);
    if (plain_text(p, prompt) != P_CHOICE)
        return;
    char *path = strdup(p->line[0] ? p->line : proposed);
    if (!path)
        abort();
    bool notes = plain_confirm(p, _("Include the notes? They may hold sensitive details"));
    struct stat sb;
    if (!p->ended && (stat(path, &sb) != 0 || plain_confirm(p, _("The file exists. Replace it?")))) {
        char made[32];
        made_now(made, sizeof made);
        tl_summary sum = checklist_run_summary(r, notes, p->lang, 0);
        sum.made = made;
        tl_error err;
        if (ok(p, summary_save_logged(p->store, path, &sum, &err), &err))
            plain_sayf(p, notes ? _("Summary written, mode 0600, notes included: %s")
                                : _("Summary written, mode 0600, notes left out: %s"),
                       path);
    }
    free(path);
}

/* The case summary: said, then written, shown with notes, or the run
 * marked finished. */
static plain_answer summary_step(plain *p, tl_checklist_run *r)
{
    say_summary(p, r, false, false);
    for (;;) {
        plain_list(p,
                   (const char *[]){_("Write the summary to a file"), _("Say it again with the notes"),
                                    _("Mark the run finished")},
                   3);
        int c;
        plain_answer a = plain_choose(p, _("Choose 1-3; b back to the indicators, q quit:"), 3, NULL, &c);
        if (a == P_HELP || a == P_EMPTY)
            continue;
        if (a != P_CHOICE)
            return a;
        tl_error err;
        if (c == 1)
            write_summary(p, r);
        else if (c == 2)
            say_summary(p, r, true, false);
        else if (ok(p, checklist_run_finish(p->store, r, &err), &err))
            plain_sayf(p, "%s", _("The run is marked finished; its answers can still be changed."));
    }
}

/* ---- one indicator ---- */

static const tl_outcome *current_outcome(const tl_checklist_run *r)
{
    return &r->cl->outcomes[r->assessment.outcome];
}

/* After an answer: the outcome when it changed. In danger the action comes
 * first: an outcome of high severity is followed at once by its first
 * line of advice. */
static void say_outcome_change(plain *p, const tl_checklist_run *r, const tl_outcome *before)
{
    const tl_outcome *o = current_outcome(r);
    if (o == before)
        return;
    plain_sayf(p, _("The assessment is now: %s (%s)."), text_get(&o->title, p->lang),
               _(tl_severity_names[o->severity]));
    /* what to do first, as the full-screen run pins it (summary_head) */
    tl_summary sum = checklist_run_summary(r, false, p->lang, p->cols);
    tl_summary_head head;
    summary_head(&sum, &head);
    if (head.first_action[0])
        plain_sayf(p, "%s", head.first_action);
}

static void say_indicator(plain *p, const tl_checklist_run *r, size_t i, bool new_section)
{
    const tl_checklist *cl = r->cl;
    const tl_indicator *ind = &cl->indicators[i];
    const tl_section *sec = &cl->sections[ind->section];
    if (new_section) {
        char title[512];
        snprintf(title, sizeof title, _("Section %zu of %zu: %s"), ind->section + 1, cl->n_sections,
                 text_get(&sec->title, p->lang));
        plain_heading(p, title);
    }
    plain_sayf(p, _("Indicator %zu of %zu (weight: %s): %s"), i + 1, cl->n_indicators,
               _(tl_weight_names[ind->weight]), text_get(&ind->question, p->lang));
    if (r->answers[i] != TL_A_NONE)
        plain_sayf(p, _("Answer: %s"), assess_answer_label(cl, r->answers[i], p->lang));
    if (r->notes[i])
        plain_sayf(p, _("Note: %s"), r->notes[i]);
}

static void answer(plain *p, tl_checklist_run *r, size_t i, tl_answer a)
{
    const tl_outcome *before = current_outcome(r);
    tl_error err;
    if (!ok(p, checklist_run_answer(p->store, r, i, a, &err), &err))
        return;
    plain_sayf(p, _("Saved: %s."), assess_answer_label(r->cl, a, p->lang));
    say_outcome_change(p, r, before);
}

/* A note can come before the answer (it is kept, and never counts as one). */
static void edit_note(plain *p, tl_checklist_run *r, size_t i)
{
    if (!checked_text(p, _("Note (no personal data; an empty line removes it, b alone goes back):"),
                      _("The note")))
        return;
    tl_error err;
    if (ok(p, checklist_run_note(p->store, r, i, p->line, &err), &err))
        plain_sayf(p, "%s", p->line[0] ? _("Note saved.") : _("Note removed."));
}

static void edit_case_note(plain *p, tl_checklist_run *r)
{
    if (r->info.case_note)
        plain_sayf(p, _("Case note: %s"), r->info.case_note);
    if (!checked_text(p, _("Note on the whole case (no personal data; an empty line removes it, b alone goes back):"),
                      _("The case note")))
        return;
    tl_error err;
    if (ok(p, checklist_run_case_note(p->store, r, p->line, &err), &err))
        plain_sayf(p, "%s", p->line[0] ? _("Case note saved.") : _("Case note removed."));
}

static void run_help(plain *p)
{
    plain_say(p, _("**Answering**\n"
                   "- **1** or **y** (also **j**) yes, **2** or **n** no, **3** or **u** (also **v**) "
                   "don't know, **4** or **x** not asked or observed: the answer is saved at once and "
                   "the next indicator is said\n"
                   "- **Enter** alone: the next indicator without answering; **p**: the previous one\n"
                   "- **g**: the guidance for the indicator; **e**: a note on the indicator, also before "
                   "answering; **c**: a note on the whole case (never names or personal numbers)\n"
                   "- **a**: the assessment as it is now; **s**: the case summary (write it to a file, "
                   "mark the run finished)\n"
                   "- **b**: back to the list of runs; **q**: quit. Every answer is already saved.\n"
                   "\n"
                   "Only **yes** counts towards the assessment. **Don't know** and **not asked** are "
                   "gaps, never counted as yes. The assessment is an aid to your overall assessment, "
                   "never proof."));
}

/* Goes through the run from where it stopped; returns how the user left. */
static plain_answer run_steps(plain *p, tl_checklist_run *r)
{
    const tl_checklist *cl = r->cl;
    size_t i = checklist_run_answered(r) == cl->n_indicators ? cl->n_indicators : checklist_run_resume_at(r);
    size_t said_section = (size_t)-1;
    bool say = true;
    char prompt[512];
    snprintf(prompt, sizeof prompt,
             _("1 %s, 2 %s, 3 %s, 4 %s; ? help, b back, q quit:"),
             assess_answer_label(cl, TL_A_YES, p->lang), assess_answer_label(cl, TL_A_NO, p->lang),
             assess_answer_label(cl, TL_A_UNKNOWN, p->lang), assess_answer_label(cl, TL_A_NOT_ASKED, p->lang));
    plain_sayf(p, "%s", _("More keys: Enter the next indicator, p the previous, g guidance, e a note, "
                          "c a note on the case, a the assessment, s the case summary."));
    while (!p->ended && !p->quit) {
        if (i >= cl->n_indicators) {
            plain_sayf(p, _("All %zu indicators gone through; %zu answered."), cl->n_indicators,
                       checklist_run_answered(r));
            plain_answer a = summary_step(p, r);
            if (a != P_BACK)
                return a;
            i = 0;
            said_section = (size_t)-1;
            say = true;
            continue;
        }
        if (say) {
            say_indicator(p, r, i, cl->indicators[i].section != said_section);
            said_section = cl->indicators[i].section;
        }
        say = true;
        int c;
        char keys[sizeof answer_letters + sizeof run_commands];
        snprintf(keys, sizeof keys, "%s%s", answer_letters, run_commands);
        plain_answer a = plain_choose(p, prompt, 4, keys, &c);
        if (a == P_QUIT || a == P_BACK)
            return a;
        if (a == P_EMPTY) {
            i++;
            continue;
        }
        if (a == P_HELP) {
            run_help(p);
            say = false;
            continue;
        }
        size_t letter = c > 4 ? (size_t)(c - 5) : 0;
        if (c <= 4 || letter < sizeof letter_answers / sizeof letter_answers[0]) {
            answer(p, r, i, c <= 4 ? (tl_answer)c : letter_answers[letter]);
            i++;
            continue;
        }
        char cmd = run_commands[letter - sizeof letter_answers / sizeof letter_answers[0]];
        say = false;
        if (cmd == 'p') {
            i = i > 0 ? i - 1 : 0;
            say = true;
        } else if (cmd == 'g') {
            plain_say(p, text_get(&cl->indicators[i].guidance, p->lang));
        } else if (cmd == 'e') {
            edit_note(p, r, i);
        } else if (cmd == 'c') {
            edit_case_note(p, r);
        } else if (cmd == 'a') {
            say_summary(p, r, false, true);
        } else if (summary_step(p, r) == P_QUIT) {
            return P_QUIT;
        }
    }
    return P_QUIT;
}

/* ---- starting or resuming ---- */

static void run_label(const plain *p, const tl_checklist *cl, const tl_run_entry *e, char *buf, size_t size)
{
    char when[64];
    summary_local_time(e->info.updated_at, when, sizeof when);
    const tl_outcome *o = checklist_run_entry_outcome(cl, e);
    snprintf(buf, size, _("%s  %s  %d/%zu answered%s%s%s"),
             e->info.case_ref[0] ? e->info.case_ref : _("(no reference)"), when, e->info.answered,
             cl->n_indicators, e->finished_at[0] ? _("  finished") : "", o ? "  - " : "",
             o ? text_get(&o->title, p->lang) : "");
}

/* The list of runs, "start a new run" first; the chosen run (started or
 * opened) in *out, NULL when the user went back. */
static plain_answer choose_run(plain *p, const tl_content *content, tl_checklist_run **out)
{
    *out = NULL;
    const tl_checklist *cl = content->u.checklist;
    tl_run_entry *runs = NULL;
    size_t n = 0;
    tl_error err;
    if (!ok(p, checklist_run_list(p->store, content, MAX_RUNS, &runs, &n, &err), &err))
        return P_BACK;
    plain_heading(p, text_get(&cl->h.title, p->lang));
    plain_say(p, text_get(&cl->h.summary, p->lang));
    char **labels = calloc(n + 1, sizeof *labels);
    if (!labels)
        abort();
    labels[0] = strdup(_("Start a new run"));
    for (size_t i = 0; i < n; i++) {
        labels[i + 1] = malloc(1024);
        if (!labels[i + 1])
            abort();
        run_label(p, cl, &runs[i], labels[i + 1], 1024);
    }
    plain_sayf(p, "%s", n ? _("Start a new run, or resume one (most recent first):") : _("No runs of this checklist yet."));
    plain_list(p, (const char *const *)labels, (int)n + 1);
    for (size_t i = 0; i <= n; i++)
        free(labels[i]);
    free(labels);
    int c;
    plain_answer a = plain_choose(p, _("Choose a number; ? help, b back, q quit:"), (int)n + 1, NULL, &c);
    tl_id resume = a == P_CHOICE && c > 1 ? runs[c - 2].info.id : 0;
    tl_run_entries_free(runs, n);
    if (a != P_CHOICE)
        return a;
    tl_status st;
    if (resume) {
        st = checklist_run_open(p->store, content, resume, out, &err);
    } else {
        if (!checked_text(p, _("Case reference (no personal data; b alone goes back):"), _("The case reference")))
            return p->ended ? P_QUIT : P_EMPTY;
        st = checklist_run_start(p->store, content, p->line, out, &err);
    }
    if (!ok(p, st, &err))
        return P_EMPTY;
    if (checklist_run_other_version(*out))
        plain_sayf(p, _("Started with version %s of the checklist; shown with version %s (%s)."),
                   (*out)->info.checklist_version, content->u.h->version, content->hash);
    return P_CHOICE;
}

void plain_checklist(plain *p, const char *checklist_id)
{
    const tl_content *content = pick_checklist(p, checklist_id);
    if (!content)
        return;
    char notice[1024];
    if (review_notice_text(content, p->lang, notice, sizeof notice))
        plain_sayf(p, "%s", notice);
    plain_say(p, text_get(&content->u.checklist->disclaimer, p->lang));
    while (!p->ended && !p->quit) {
        tl_checklist_run *r;
        plain_answer a = choose_run(p, content, &r);
        if (a == P_HELP)
            run_help(p);
        if (a == P_QUIT || a == P_BACK)
            return;
        if (!r)
            continue;
        a = run_steps(p, r);
        checklist_run_free(r);
        if (a == P_QUIT)
            return;
    }
}
