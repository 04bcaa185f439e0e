/* The validated in-memory model of curricula and checklists. It mirrors
 * docs/content-format.md one to one; everything in it lives in the arena of
 * the tl_content it was loaded into. */
#ifndef TILLIT_MODEL_H
#define TILLIT_MODEL_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Text in several languages; Swedish ("sv") is always there once loaded. */
typedef struct {
    const char *lang;
    const char *str;
} tl_text_entry;
typedef struct {
    size_t n;
    tl_text_entry *e;
} tl_text;

#define TL_REFERENCE_LANG "sv"
/* The other language of the interface; validation warns when it is missing. */
#define TL_SECOND_LANG "en"
/* The text in lang, else in Swedish, else "" (for optional text not given). */
const char *text_get(const tl_text *t, const char *lang);
bool text_has(const tl_text *t, const char *lang);

/* A reference to an id elsewhere in the file, with where it was written. */
typedef struct {
    const char *id;
    int line, col;
    size_t index; /* resolved position of the target, set by the loader */
} tl_ref;
typedef struct {
    size_t n;
    tl_ref *r;
} tl_refs;

/* A date by which something must be reviewed again (YYYY-MM or YYYY-MM-DD),
 * with where it was written, so that the warning can point at it. date is
 * NULL when the file does not give one. */
typedef struct {
    const char *date;
    int line, col;
} tl_due;

typedef struct {
    const char *id, *title, *publisher, *url, *note;
    int year;          /* 0 when not given */
    tl_due review_by;  /* a fact that changes sooner than the file (a yearly figure) */
} tl_source;

typedef enum { TL_CURRICULUM, TL_CHECKLIST } tl_kind;

typedef struct {
    tl_kind kind;
    const char *id, *version, *reviewed; /* reviewed: YYYY-MM or YYYY-MM-DD */
    tl_due review_by;
    tl_text title, summary;
    size_t n_sources;
    tl_source *sources;
} tl_header;

/* ---- curricula ---- */
typedef struct {
    tl_text text;
    bool correct;
} tl_choice;

typedef enum { TL_Q_SINGLE, TL_Q_MULTI } tl_qtype;

typedef struct {
    const char *id;
    tl_qtype type;
    tl_text text, explanation;
    size_t n_choices;
    tl_choice *choices;
    tl_refs sources;
} tl_question;

typedef struct {
    bool present;
    int pass_mark; /* percent */
    size_t n_questions;
    tl_question *questions;
} tl_check;

typedef struct {
    const char *id;
    tl_text title, body, trainer_notes;
    tl_refs sources;
} tl_page;

typedef struct {
    const char *id;
    tl_text title, summary;
    int minutes;
    size_t n_pages;
    tl_page *pages;
    tl_check check;
} tl_module;

typedef struct {
    tl_header h;
    tl_text audience;
    size_t n_modules;
    tl_module *modules;
    tl_check pre_post;
} tl_curriculum;

/* ---- checklists ---- */
typedef enum { TL_W_STRONG, TL_W_MEDIUM, TL_W_WEAK, TL_W_COUNT } tl_weight;
#define TL_W_ANY TL_W_COUNT /* clause key `any`: all weights together */

typedef enum { TL_A_NONE, TL_A_YES, TL_A_NO, TL_A_UNKNOWN, TL_A_NOT_ASKED, TL_A_COUNT } tl_answer;

/* A clause holds when, for each weight, at least min[w] indicators of the
 * section are answered yes (min[TL_W_ANY]: of all weights together). */
typedef struct {
    int min[TL_W_COUNT + 1];
} tl_clause;

typedef struct {
    bool set;
    size_t n_clauses;
    tl_clause *clauses;
    tl_refs sources;
} tl_presence_rule;

typedef struct {
    const char *id;
    tl_weight weight; /* meaningless for a context question */
    tl_text question, guidance;
    tl_refs sources;
    size_t section; /* index of the section it belongs to */
    bool context;   /* a question of a context section: answered and shown, never counted */
} tl_indicator;

/* A section of signs counts by its presence rule; a context section
 * (`kind: context`) holds background facts that no rule ever counts. */
typedef struct {
    const char *id;
    bool context;
    tl_text title, description;
    tl_presence_rule rule; /* the section's own, or a copy of section_rule; unset for context */
    size_t first, n_indicators; /* its slice of tl_checklist.indicators */
    tl_indicator *indicators;   /* == &checklist->indicators[first] */
} tl_section;

typedef struct {
    const char *id;
    tl_text name, hours, description, consent;
    const char *phone, *url;
    tl_refs sources;
} tl_contact;

typedef enum {
    TL_C_SECTION, TL_C_INDICATOR, TL_C_ALL, TL_C_ANY, TL_C_NOT, TL_C_COUNT_YES, TL_C_COUNT_SECTIONS,
    TL_C_COUNT_CONTEXT
} tl_cond_kind;

typedef struct tl_cond tl_cond;
struct tl_cond {
    tl_cond_kind kind;
    int line, col;
    tl_ref ref;       /* SECTION, INDICATOR; COUNT_YES's optional section filter */
    bool has_ref;
    int min;          /* COUNT_YES, COUNT_SECTIONS, COUNT_CONTEXT */
    int weight;       /* COUNT_YES: a tl_weight, or -1 for all */
    size_t n_sub;     /* ALL, ANY, NOT (1) */
    tl_cond *sub;
};

typedef enum { TL_SEV_NONE, TL_SEV_LOW, TL_SEV_MEDIUM, TL_SEV_HIGH } tl_severity;

typedef struct {
    const char *id;
    tl_text title, summary, advice;
    tl_severity severity;
    tl_cond *when; /* NULL only for the last outcome, the fallback */
    tl_refs contacts, sources;
} tl_outcome;

typedef struct {
    tl_header h;
    tl_text disclaimer;
    tl_text answer_labels[TL_A_COUNT];
    tl_presence_rule section_rule;
    size_t n_sections, n_indicators, n_contacts, n_outcomes;
    tl_section *sections;
    tl_indicator *indicators;
    tl_contact *contacts;
    tl_outcome *outcomes;
} tl_checklist;

/* One loaded content file. */
typedef struct {
    arena mem;
    char *path;
    char hash[17]; /* FNV-1a 64 of the file's bytes, hex */
    tl_kind kind;
    union {
        tl_header *h; /* both kinds start with their header */
        tl_curriculum *curriculum;
        tl_checklist *checklist;
    } u;
} tl_content;

extern const char *const tl_weight_names[TL_W_COUNT];
extern const char *const tl_answer_names[TL_A_COUNT];
extern const char *const tl_severity_names[4];

#endif
