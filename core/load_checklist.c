/* Checklist files: the field tables of docs/content-format.md "Checklists",
 * the rule language (clauses and conditions), and the checks across fields.
 * Context sections hold background facts: the checks below keep every rule
 * from counting them, so a circumstance can never raise an assessment. */
#include "loaders.h"

#include <stddef.h>
#include <string.h>

/* ---- presence rules: a list of clauses {strong: N, medium: N, ...} ---- */

static bool parse_clause(ld_ctx *c, const yt_node *n, void *dst)
{
    static const char *const keys[] = {"strong", "medium", "weak", "any"};
    tl_clause *cl = dst;
    if (n->kind != YT_MAP || n->n == 0) {
        ld_error(c, n, "expected a clause such as {strong: 1, medium: 1}");
        return false;
    }
    for (size_t i = 0; i < n->n; i++) {
        int w = ld_enum(c, yt_key(n, i), keys, 4, "weight");
        if (w >= 0)
            ld_int_range(c, yt_val(n, i), 0, 10000, &cl->min[w]);
    }
    return true;
}

static bool parse_clauses(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_presence_rule *r = dst;
    LD_LIST(c, n, "clauses", r->clauses, r->n_clauses, parse_clause, 1);
    r->set = r->n_clauses > 0;
    return true;
}

static bool parse_section_rule(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"present_when", true, parse_clauses, 0},
        {"sources", false, ld_refs, offsetof(tl_presence_rule, sources)},
    };
    return ld_fields(c, n, "section_rule", LD_FIELDS(fields), dst);
}

/* ---- conditions ---- */

static bool parse_cond(ld_ctx *c, const yt_node *n, void *dst);

static bool parse_weight(ld_ctx *c, const yt_node *n, void *dst)
{
    int w = ld_enum(c, n, tl_weight_names, TL_W_COUNT, "weight");
    if (w >= 0)
        *(int *)dst = w;
    return w >= 0;
}

static bool parse_min(ld_ctx *c, const yt_node *n, void *dst)
{
    return ld_int_range(c, n, 0, 10000, dst);
}

static bool parse_ref_field(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_cond *k = dst;
    k->has_ref = true;
    k->ref.line = n->line;
    k->ref.col = n->col;
    return ld_id(c, n, &k->ref.id);
}

static void parse_cond_args(ld_ctx *c, const yt_node *v, tl_cond *k)
{
    static const ld_field count_yes[] = {
        {"min", true, parse_min, offsetof(tl_cond, min)},
        {"weight", false, parse_weight, offsetof(tl_cond, weight)},
        {"section", false, parse_ref_field, 0},
    };
    static const ld_field count_min[] = {
        {"min", true, parse_min, offsetof(tl_cond, min)},
    };
    switch (k->kind) {
    case TL_C_SECTION:
    case TL_C_INDICATOR: parse_ref_field(c, v, k); break;
    case TL_C_ALL:
    case TL_C_ANY: LD_LIST(c, v, "conditions", k->sub, k->n_sub, parse_cond, 1); break;
    case TL_C_NOT:
        k->n_sub = 1;
        k->sub = arena_alloc(c->a, sizeof *k->sub);
        parse_cond(c, v, k->sub);
        break;
    case TL_C_COUNT_YES:
        k->weight = -1;
        ld_fields(c, v, "count_yes", LD_FIELDS(count_yes), k);
        break;
    case TL_C_COUNT_SECTIONS: ld_fields(c, v, "count_sections", LD_FIELDS(count_min), k); break;
    case TL_C_COUNT_CONTEXT: ld_fields(c, v, "count_context", LD_FIELDS(count_min), k); break;
    }
}

static bool parse_cond(ld_ctx *c, const yt_node *n, void *dst)
{
    static const char *const names[] = {"section", "indicator",      "all",          "any",
                                        "not",     "count_yes",      "count_sections", "count_context"};
    tl_cond *k = dst;
    k->line = n->line;
    k->col = n->col;
    k->kind = TL_C_COUNT_YES; /* a harmless default for a broken condition */
    k->min = 1;
    k->weight = -1;
    if (n->kind != YT_MAP || n->n != 1) {
        ld_error(c, n, "a condition is a mapping with exactly one of: section, indicator, all, "
                       "any, not, count_yes, count_sections, count_context");
        return false;
    }
    int kind = ld_enum(c, yt_key(n, 0), names, sizeof names / sizeof *names, "condition");
    if (kind < 0)
        return false;
    k->kind = (tl_cond_kind)kind;
    parse_cond_args(c, yt_val(n, 0), k);
    return true;
}

static bool parse_when(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_cond **when = dst;
    *when = arena_alloc(c->a, sizeof **when);
    return parse_cond(c, n, *when);
}

/* ---- sections, indicators, contacts, outcomes ---- */

static bool parse_weight_enum(ld_ctx *c, const yt_node *n, void *dst)
{
    int w = ld_enum(c, n, tl_weight_names, TL_W_COUNT, "weight");
    if (w >= 0)
        *(tl_weight *)dst = (tl_weight)w;
    return w >= 0;
}

static bool parse_indicator(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_indicator, id)},
        {"weight", false, parse_weight_enum, offsetof(tl_indicator, weight)}, /* see check_weights */
        {"question", true, ld_text, offsetof(tl_indicator, question)},
        {"guidance", true, ld_text, offsetof(tl_indicator, guidance)},
        {"sources", false, ld_refs, offsetof(tl_indicator, sources)},
    };
    return ld_fields(c, n, "indicator", LD_FIELDS(fields), dst);
}

static bool parse_indicators(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_section *s = dst;
    return LD_LIST(c, n, "indicators", s->indicators, s->n_indicators, parse_indicator, 1);
}

/* `kind: signs` (the default) or `kind: context`. */
static bool parse_section_kind(ld_ctx *c, const yt_node *n, void *dst)
{
    static const char *const kinds[] = {"signs", "context"};
    int k = ld_enum(c, n, kinds, 2, "section kind");
    if (k >= 0)
        *(bool *)dst = k == 1;
    return k >= 0;
}

static bool parse_section(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_section, id)},
        {"kind", false, parse_section_kind, offsetof(tl_section, context)},
        {"title", true, ld_text, offsetof(tl_section, title)},
        {"description", false, ld_text, offsetof(tl_section, description)},
        {"present_when", false, parse_clauses, offsetof(tl_section, rule)},
        {"indicators", true, parse_indicators, 0},
    };
    return ld_fields(c, n, "section", LD_FIELDS(fields), dst);
}

static bool parse_sections(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_checklist *cl = dst;
    return LD_LIST(c, n, "sections", cl->sections, cl->n_sections, parse_section, 1);
}

static bool parse_contact(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_contact, id)},
        {"name", true, ld_text, offsetof(tl_contact, name)},
        {"phone", false, ld_string, offsetof(tl_contact, phone)},
        {"url", false, ld_string, offsetof(tl_contact, url)},
        {"hours", false, ld_text, offsetof(tl_contact, hours)},
        {"description", true, ld_text, offsetof(tl_contact, description)},
        {"consent", false, ld_text, offsetof(tl_contact, consent)},
        {"sources", false, ld_refs, offsetof(tl_contact, sources)},
    };
    tl_contact *k = dst;
    if (!ld_fields(c, n, "contact", LD_FIELDS(fields), k))
        return false;
    if (k->phone && k->sources.n == 0)
        ld_error(c, n, "contact '%s' has a phone number but no sources", k->id ? k->id : "?");
    return true;
}

static bool parse_contacts(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_checklist *cl = dst;
    return LD_LIST(c, n, "contacts", cl->contacts, cl->n_contacts, parse_contact, 0);
}

static bool parse_severity(ld_ctx *c, const yt_node *n, void *dst)
{
    int s = ld_enum(c, n, tl_severity_names, 4, "severity");
    if (s >= 0)
        *(tl_severity *)dst = (tl_severity)s;
    return s >= 0;
}

static bool parse_outcome(ld_ctx *c, const yt_node *n, void *dst)
{
    static const ld_field fields[] = {
        {"id", true, ld_id, offsetof(tl_outcome, id)},
        {"title", true, ld_text, offsetof(tl_outcome, title)},
        {"severity", true, parse_severity, offsetof(tl_outcome, severity)},
        {"when", false, parse_when, offsetof(tl_outcome, when)},
        {"summary", true, ld_text, offsetof(tl_outcome, summary)},
        {"advice", true, ld_text, offsetof(tl_outcome, advice)},
        {"contacts", false, ld_refs, offsetof(tl_outcome, contacts)},
        {"sources", false, ld_refs, offsetof(tl_outcome, sources)},
    };
    return ld_fields(c, n, "outcome", LD_FIELDS(fields), dst);
}

static bool parse_outcomes(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_checklist *cl = dst;
    return LD_LIST(c, n, "outcomes", cl->outcomes, cl->n_outcomes, parse_outcome, 1);
}

static bool parse_answer_labels(ld_ctx *c, const yt_node *n, void *dst)
{
    tl_checklist *cl = dst;
    if (n->kind != YT_MAP) {
        ld_error(c, n, "expected answer_labels (a mapping of answer to text)");
        return false;
    }
    for (size_t i = 0; i < n->n; i++) {
        int a = ld_enum(c, yt_key(n, i), tl_answer_names + 1, TL_A_COUNT - 1, "answer");
        if (a >= 0)
            ld_text(c, yt_val(n, i), &cl->answer_labels[a + 1]);
    }
    return true;
}

/* ---- checks across fields ---- */

/* Copies each section's indicators into one array, so answers can be indexed
 * by a single number, and gives sections without a rule the default. */
static void flatten_sections(ld_ctx *c, tl_checklist *cl, const yt_node *sections, bool has_default)
{
    size_t total = 0;
    for (size_t s = 0; s < cl->n_sections; s++)
        total += cl->sections[s].n_indicators;
    cl->indicators = arena_alloc(c->a, (total ? total : 1) * sizeof *cl->indicators);
    for (size_t s = 0; s < cl->n_sections; s++) {
        tl_section *sec = &cl->sections[s];
        sec->first = cl->n_indicators;
        for (size_t i = 0; i < sec->n_indicators; i++) {
            cl->indicators[cl->n_indicators] = sec->indicators[i];
            cl->indicators[cl->n_indicators].context = sec->context;
            cl->indicators[cl->n_indicators++].section = s;
        }
        sec->indicators = &cl->indicators[sec->first];
        if (sec->context)
            continue; /* no rule: check_context_sections refuses one */
        if (!sec->rule.set && cl->section_rule.set)
            sec->rule = cl->section_rule;
        else if (!sec->rule.set && !has_default && sections->items[s]->kind == YT_MAP)
            ld_error(c, sections->items[s],
                     "section '%s' has no present_when and the checklist has no section_rule",
                     sec->id ? sec->id : "?");
    }
}

/* A sign needs a weight; a context question has none, as nothing weighs it.
 * A context section has no presence rule, as it is never present. */
static void check_context_sections(ld_ctx *c, const tl_checklist *cl, const yt_node *sections)
{
    for (size_t s = 0; s < cl->n_sections; s++) {
        const tl_section *sec = &cl->sections[s];
        const yt_node *node = sections->items[s];
        const yt_node *items = yt_get(node, "indicators");
        if (sec->context && yt_get(node, "present_when"))
            ld_error(c, yt_get(node, "present_when"),
                     "section '%s' is context: it is never counted, so it has no present_when",
                     sec->id ? sec->id : "?");
        for (size_t i = 0; items && items->kind == YT_SEQ && i < items->n && i < sec->n_indicators; i++) {
            const yt_node *weight = yt_get(items->items[i], "weight");
            const char *id = sec->indicators[i].id ? sec->indicators[i].id : "?";
            if (sec->context && weight)
                ld_error(c, weight, "'%s' is a context question: the rules never count it, so it has no weight", id);
            else if (!sec->context && !weight && items->items[i]->kind == YT_MAP)
                ld_error(c, items->items[i], "indicator '%s' needs a weight (strong, medium or weak)", id);
        }
    }
}

typedef struct {
    ld_index sources, sections, indicators, contacts;
} cl_indexes;

/* Whether a condition's resolved reference names a context section or a
 * context question. */
static bool ref_is_context(const tl_checklist *cl, const tl_cond *k)
{
    if (k->kind == TL_C_INDICATOR)
        return cl->indicators[k->ref.index].context;
    return cl->sections[k->ref.index].context;
}

static void resolve_cond(ld_ctx *c, const tl_checklist *cl, tl_cond *k, const cl_indexes *ix)
{
    if (k->has_ref) {
        bool section = k->kind != TL_C_INDICATOR;
        const ld_index *where = section ? &ix->sections : &ix->indicators;
        if (k->ref.id && !ld_index_find(where, k->ref.id, &k->ref.index)) {
            diags_add(c->d, c->file, k->ref.line, k->ref.col, "unknown %s '%s'",
                      section ? "section" : "indicator", k->ref.id);
            k->ref.id = NULL; /* evaluates as false rather than out of bounds */
        } else if (k->ref.id && ref_is_context(cl, k)) {
            diags_add(c->d, c->file, k->ref.line, k->ref.col,
                      "'%s' is context: no rule may count it (use count_context to offer information)",
                      k->ref.id);
            k->ref.id = NULL;
        }
    }
    for (size_t i = 0; i < k->n_sub; i++)
        resolve_cond(c, cl, &k->sub[i], ix);
}

/* Whether count_context appears anywhere in a condition. */
static bool uses_context(const tl_cond *k)
{
    if (k->kind == TL_C_COUNT_CONTEXT)
        return true;
    for (size_t i = 0; i < k->n_sub; i++)
        if (uses_context(&k->sub[i]))
            return true;
    return false;
}

static void check_outcomes(ld_ctx *c, tl_checklist *cl, const yt_node *outcomes, const cl_indexes *ix)
{
    for (size_t o = 0; o < cl->n_outcomes; o++) {
        tl_outcome *out = &cl->outcomes[o];
        bool last = o + 1 == cl->n_outcomes;
        const yt_node *n = outcomes->items[o];
        if (n->kind == YT_MAP && last && out->when)
            ld_error(c, n, "the last outcome '%s' is the fallback and must not have 'when'",
                     out->id ? out->id : "?");
        else if (n->kind == YT_MAP && !last && !yt_get(n, "when"))
            ld_error(c, n, "outcome '%s' needs 'when' (only the last outcome may go without)",
                     out->id ? out->id : "?");
        if (out->when)
            resolve_cond(c, cl, out->when, ix);
        if (out->when && uses_context(out->when) && out->severity >= TL_SEV_MEDIUM)
            ld_error(c, n, "outcome '%s' counts context but has severity %s: background facts may "
                           "lead to none or low only", out->id ? out->id : "?", tl_severity_names[out->severity]);
        ld_resolve(c, &out->contacts, &ix->contacts, "contact");
        ld_resolve(c, &out->sources, &ix->sources, "source");
    }
}

static void resolve_all(ld_ctx *c, tl_checklist *cl, const yt_node *root)
{
    cl_indexes ix;
    ld_index_build(&ix.sources, cl->h.sources, cl->h.n_sources, sizeof(tl_source), offsetof(tl_source, id));
    ld_index_build(&ix.sections, cl->sections, cl->n_sections, sizeof(tl_section), offsetof(tl_section, id));
    ld_index_build(&ix.indicators, cl->indicators, cl->n_indicators, sizeof(tl_indicator),
                   offsetof(tl_indicator, id));
    ld_index_build(&ix.contacts, cl->contacts, cl->n_contacts, sizeof(tl_contact), offsetof(tl_contact, id));
    ld_resolve(c, &cl->section_rule.sources, &ix.sources, "source");
    for (size_t i = 0; i < cl->n_indicators; i++)
        ld_resolve(c, &cl->indicators[i].sources, &ix.sources, "source");
    for (size_t i = 0; i < cl->n_contacts; i++)
        ld_resolve(c, &cl->contacts[i].sources, &ix.sources, "source");
    const yt_node *outcomes = yt_get(root, "outcomes");
    if (outcomes && outcomes->kind == YT_SEQ && outcomes->n == cl->n_outcomes)
        check_outcomes(c, cl, outcomes, &ix);
    ld_index_free(&ix.sources);
    ld_index_free(&ix.sections);
    ld_index_free(&ix.indicators);
    ld_index_free(&ix.contacts);
}

static void check_unique_ids(ld_ctx *c, const yt_node *root)
{
    const yt_node *sections = yt_get(root, "sections");
    ld_unique_ids(c, sections, "section");
    ld_idset all = {0};
    for (size_t s = 0; sections && sections->kind == YT_SEQ && s < sections->n; s++)
        ld_idset_add_list(&all, yt_get(sections->items[s], "indicators"));
    ld_idset_check(c, &all, "indicator");
    ld_unique_ids(c, yt_get(root, "contacts"), "contact");
    ld_unique_ids(c, yt_get(root, "outcomes"), "outcome");
}

tl_checklist *load_checklist(ld_ctx *c, const yt_node *root)
{
    static const ld_field fields[] = {
        LD_HEADER_FIELDS,
        {"disclaimer", true, ld_text, offsetof(tl_checklist, disclaimer)},
        {"answer_labels", false, parse_answer_labels, 0},
        {"section_rule", false, parse_section_rule, offsetof(tl_checklist, section_rule)},
        {"sections", true, parse_sections, 0},
        {"contacts", true, parse_contacts, 0},
        {"outcomes", true, parse_outcomes, 0},
    };
    tl_checklist *cl = arena_alloc(c->a, sizeof *cl);
    cl->h.kind = TL_CHECKLIST;
    if (!ld_fields(c, root, "checklist", LD_FIELDS(fields), cl))
        return cl;
    check_unique_ids(c, root);
    const yt_node *sections = yt_get(root, "sections");
    if (sections && sections->kind == YT_SEQ && sections->n == cl->n_sections) {
        flatten_sections(c, cl, sections, yt_get(root, "section_rule") != NULL);
        check_context_sections(c, cl, sections);
    }
    resolve_all(c, cl, root);
    return cl;
}
