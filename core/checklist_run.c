#include "checklist_run.h"

#include "intl.h"
#include "privacy.h"
#include "store_edit.h"

#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static char *dup_or_null(const char *text)
{
    if (!text || !*text)
        return NULL;
    char *copy = strdup(text);
    if (!copy)
        abort();
    return copy;
}

static tl_checklist_run *run_new(const tl_content *checklist)
{
    tl_checklist_run *r = xcalloc(1, sizeof *r);
    r->content = checklist;
    r->cl = checklist->u.checklist;
    r->answers = xcalloc(r->cl->n_indicators, sizeof *r->answers);
    r->notes = xcalloc(r->cl->n_indicators, sizeof *r->notes);
    r->sections = xcalloc(r->cl->n_sections, sizeof *r->sections);
    return r;
}

void checklist_run_free(tl_checklist_run *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->cl->n_indicators; i++)
        free(r->notes[i]);
    free(r->notes);
    tl_run_info_clear(&r->info);
    free(r->answers);
    free(r->sections);
    free(r);
}

static void reassess(tl_checklist_run *r)
{
    assess(r->cl, r->answers, r->sections, &r->assessment);
}

static const char *outcome_id(const tl_checklist_run *r)
{
    return r->cl->outcomes[r->assessment.outcome].id;
}

tl_status checklist_run_open(tl_store *s, const tl_content *checklist, tl_id id, tl_checklist_run **out,
                             tl_error *err)
{
    *out = NULL;
    tl_checklist_run *r = run_new(checklist);
    tl_status st = store_run_get(s, id, &r->info, err);
    if (st == TL_OK)
        st = store_run_answers(s, id, r->cl, r->answers, r->notes, err);
    if (st == TL_OK) {
        reassess(r);
        st = store_run_set_outcome(s, id, outcome_id(r), err);
    }
    if (st != TL_OK) {
        checklist_run_free(r);
        return st;
    }
    *out = r;
    return TL_OK;
}

/* A case reference or note that looks like a personal number is refused
 * here, whichever front-end it came from; the screens also explain it
 * and ask again before they call. what: "The note", ... */
static tl_status refuse_pnr(const char *text, const char *what, tl_error *err)
{
    tl_pnr_match m;
    if (!text || !privacy_find_pnr(text, &m))
        return TL_OK;
    char why[512];
    privacy_refusal(what, &m, why, sizeof why);
    return tl_fail(err, TL_DATAERR, "%s", why);
}

tl_status checklist_run_start(tl_store *s, const tl_content *checklist, const char *case_ref,
                              tl_checklist_run **out, tl_error *err)
{
    tl_id id;
    *out = NULL;
    tl_status st = refuse_pnr(case_ref, _("The case reference"), err);
    if (st == TL_OK)
        st = store_run_create(s, checklist, case_ref, &id, err);
    return st == TL_OK ? checklist_run_open(s, checklist, id, out, err) : st;
}

/* Stores indicator's answer (TL_A_NONE: not answered yet) and note with
 * the outcome they lead to; the run in memory takes them only when the
 * transaction is committed. */
static tl_status record(tl_store *s, tl_checklist_run *r, size_t indicator, tl_answer answer, const char *note,
                        tl_error *err)
{
    if (indicator >= r->cl->n_indicators || answer < TL_A_NONE || answer >= TL_A_COUNT)
        return tl_fail(err, TL_DATAERR, "invalid answer");
    tl_answer before = r->answers[indicator];
    r->answers[indicator] = answer;
    reassess(r);
    tl_status st = store_begin(s, err);
    if (st == TL_OK) {
        st = store_run_answer(s, r->info.id, r->cl->indicators[indicator].id, answer, note, err);
        if (st == TL_OK)
            st = store_run_set_outcome(s, r->info.id, outcome_id(r), err);
        st = store_end(s, st, err);
    }
    if (st != TL_OK) {
        r->answers[indicator] = before;
        reassess(r);
        return st;
    }
    if (note != r->notes[indicator]) {
        free(r->notes[indicator]);
        r->notes[indicator] = dup_or_null(note);
    }
    return store_run_get(s, r->info.id, &r->info, err); /* the last change as the store wrote it */
}

tl_status checklist_run_answer(tl_store *s, tl_checklist_run *r, size_t indicator, tl_answer answer,
                               tl_error *err)
{
    if (answer == TL_A_NONE)
        return tl_fail(err, TL_DATAERR, "invalid answer");
    const char *note = indicator < r->cl->n_indicators ? r->notes[indicator] : NULL;
    return record(s, r, indicator, answer, note, err);
}

tl_status checklist_run_note(tl_store *s, tl_checklist_run *r, size_t indicator, const char *note,
                             tl_error *err)
{
    if (indicator >= r->cl->n_indicators)
        return tl_fail(err, TL_DATAERR, "no indicator %zu", indicator);
    tl_status st = refuse_pnr(note, _("The note"), err);
    return st == TL_OK ? record(s, r, indicator, r->answers[indicator], note && *note ? note : NULL, err) : st;
}

tl_status checklist_run_case_note(tl_store *s, tl_checklist_run *r, const char *note, tl_error *err)
{
    tl_status st = refuse_pnr(note, _("The case note"), err);
    if (st == TL_OK)
        st = store_run_case_note(s, r->info.id, note && *note ? note : NULL, err);
    return st == TL_OK ? store_run_get(s, r->info.id, &r->info, err) : st;
}

tl_status checklist_run_delete(tl_store *s, tl_id run, const char *typed_ref, tl_error *err)
{
    tl_run_info info = {0};
    tl_status st = store_run_get(s, run, &info, err);
    if (st == TL_OK && strcmp(typed_ref ? typed_ref : "", info.case_ref) != 0)
        st = tl_fail(err, TL_DATAERR, "%s", _("The case reference typed is not the run's: nothing was deleted."));
    tl_run_info_clear(&info);
    return st == TL_OK ? store_run_delete(s, run, err) : st;
}

tl_status checklist_run_finish(tl_store *s, tl_checklist_run *r, tl_error *err)
{
    tl_status st = store_run_finish(s, r->info.id, err);
    return st == TL_OK ? store_run_get(s, r->info.id, &r->info, err) : st;
}

size_t checklist_run_answered(const tl_checklist_run *r)
{
    return r->cl->n_indicators - (size_t)r->assessment.totals.n[TL_A_NONE];
}

size_t checklist_run_resume_at(const tl_checklist_run *r)
{
    for (size_t i = 0; i < r->cl->n_indicators; i++)
        if (r->answers[i] == TL_A_NONE)
            return i;
    return 0;
}

bool checklist_run_other_version(const tl_checklist_run *r)
{
    return strcmp(r->info.content_hash, r->content->hash) != 0;
}

tl_summary checklist_run_summary(const tl_checklist_run *r, bool include_notes, const char *lang, int width)
{
    return (tl_summary){.content = r->content, .assessment = &r->assessment, .run = &r->info,
                        .notes = r->notes, .include_notes = include_notes, .lang = lang, .width = width};
}

tl_status checklist_run_list(tl_store *s, const tl_content *checklist, size_t max, tl_run_entry **runs,
                             size_t *n, tl_error *err)
{
    return store_run_list(s, checklist->u.h->id, max, runs, n, err);
}

const tl_outcome *checklist_run_entry_outcome(const tl_checklist *cl, const tl_run_entry *e)
{
    for (size_t i = 0; i < cl->n_outcomes && e->outcome_id[0] && e->info.answered > 0; i++)
        if (strcmp(cl->outcomes[i].id, e->outcome_id) == 0)
            return &cl->outcomes[i];
    return NULL;
}
