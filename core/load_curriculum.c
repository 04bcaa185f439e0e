/* Curriculum files: the field tables of docs/content-format.md "Curricula"
 * and the checks that span several fields. */
#include "loaders.h"

#include <stddef.h>

static bool parse_choice(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"text", true, ld_text, offsetof(tl_choice, text)},
        {"correct", false, ld_bool, offsetof(tl_choice, correct)},
    };
    return ld_fields(c, n, "choice", LD_FIELDS(fields), dst);
}

static bool parse_qtype(ld_ctx *c, const yt_node *n, void *dst)
{
    static const char *const names[] = {"single", "multi"};
    int t = ld_enum(c, n, names, 2, "question type");
    if (t >= 0)
        *(tl_qtype *)dst = (tl_qtype)t;
    return t >= 0;
}

static bool parse_choices(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_question *q = dst;
    LD_LIST(c, n, "choices", q->choices, q->n_choices, parse_choice, 2);
    if (q->n_choices > 10)
        ld_error(c, n, "too many choices (%zu; at most 10)", q->n_choices);
    return true;
}

static void check_correct_count(ld_ctx *c, const yt_node *n, const tl_question *q)
{
    size_t correct = 0;
    for (size_t i = 0; i < q->n_choices; i++)
        correct += q->choices[i].correct;
    if (q->n_choices < 2)
        return; /* already reported */
    if (correct == 0)
        ld_error(c, n, "question '%s' has no correct choice", q->id ? q->id : "?");
    else if (q->type == TL_Q_SINGLE && correct > 1)
        ld_error(c, n, "single-choice question '%s' has %zu correct choices (exactly 1 needed)",
                 q->id ? q->id : "?", correct);
}

static bool parse_question(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_question, id)},
        {"type", true, parse_qtype, offsetof(tl_question, type)},
        {"text", true, ld_text, offsetof(tl_question, text)},
        {"choices", true, parse_choices, 0},
        {"explanation", true, ld_text, offsetof(tl_question, explanation)},
        {"sources", false, ld_refs, offsetof(tl_question, sources)},
    };
    tl_question *q = dst;
    if (!ld_fields(c, n, "question", LD_FIELDS(fields), q))
        return false;
    check_correct_count(c, n, q);
    return true;
}

static bool parse_pass_mark(ld_ctx *c, const yt_node *n, void *dst)
{
    return ld_int_range(c, n, 0, 100, dst);
}

static bool parse_questions(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_check *k = dst;
    LD_LIST(c, n, "questions", k->questions, k->n_questions, parse_question, 1);
    ld_unique_ids(c, n, "question");
    return true;
}

static bool parse_check(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"pass_mark", true, parse_pass_mark, offsetof(tl_check, pass_mark)},
        {"questions", true, parse_questions, 0},
    };
    tl_check *k = dst;
    k->present = ld_fields(c, n, "knowledge check", LD_FIELDS(fields), k);
    return k->present;
}

static bool parse_page(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_page, id)},
        {"title", true, ld_text, offsetof(tl_page, title)},
        {"body", true, ld_text, offsetof(tl_page, body)},
        {"trainer_notes", false, ld_text, offsetof(tl_page, trainer_notes)},
        {"sources", false, ld_refs, offsetof(tl_page, sources)},
    };
    return ld_fields(c, n, "page", LD_FIELDS(fields), dst);
}

static bool parse_pages(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_module *m = dst;
    LD_LIST(c, n, "pages", m->pages, m->n_pages, parse_page, 1);
    ld_unique_ids(c, n, "page");
    return true;
}

static bool parse_minutes(ld_ctx *c, const yt_node *n, void *dst)
{
    return ld_int_range(c, n, 1, 600, dst);
}

static bool parse_module(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_module, id)},
        {"title", true, ld_text, offsetof(tl_module, title)},
        {"minutes", true, parse_minutes, offsetof(tl_module, minutes)},
        {"summary", false, ld_text, offsetof(tl_module, summary)},
        {"pages", true, parse_pages, 0},
        {"check", false, parse_check, offsetof(tl_module, check)},
    };
    return ld_fields(c, n, "module", LD_FIELDS(fields), dst);
}

static bool parse_modules(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_curriculum *cu = dst;
    LD_LIST(c, n, "modules", cu->modules, cu->n_modules, parse_module, 1);
    ld_unique_ids(c, n, "module");
    return true;
}

static void resolve_check_sources(ld_ctx *c, tl_check *k, const ld_index *ix)
{
    for (size_t q = 0; q < k->n_questions; q++)
        ld_resolve(c, &k->questions[q].sources, ix, "source");
}

static void resolve_sources(ld_ctx *c, tl_curriculum *cu)
{
    ld_index ix;
    ld_index_build(&ix, cu->h.sources, cu->h.n_sources, sizeof(tl_source), offsetof(tl_source, id));
    for (size_t m = 0; m < cu->n_modules; m++) {
        tl_module *mod = &cu->modules[m];
        for (size_t p = 0; p < mod->n_pages; p++)
            ld_resolve(c, &mod->pages[p].sources, &ix, "source");
        resolve_check_sources(c, &mod->check, &ix);
    }
    resolve_check_sources(c, &cu->pre_post, &ix);
    ld_index_free(&ix);
}

tl_curriculum *load_curriculum(ld_ctx *c, const yt_node *root)
{
    static const ld_field fields[] = {
        LD_HEADER_FIELDS,
        {"audience", false, ld_text, offsetof(tl_curriculum, audience)},
        {"modules", true, parse_modules, 0},
        {"pre_post_check", false, parse_check, offsetof(tl_curriculum, pre_post)},
    };
    tl_curriculum *cu = arena_alloc(c->a, sizeof *cu);
    cu->h.kind = TL_CURRICULUM;
    ld_fields(c, root, "curriculum", LD_FIELDS(fields), cu);
    resolve_sources(c, cu);
    return cu;
}
