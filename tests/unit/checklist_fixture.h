/* A checklist loaded from a file with room for its answers and its
 * assessment, for the assessment tests (header-only: each test is one
 * program). */
#ifndef TILLIT_CHECKLIST_FIXTURE_H
#define TILLIT_CHECKLIST_FIXTURE_H

#include "testutil.h"

#include "assess.h"
#include "content.h"

typedef struct {
    tl_content *content;
    const tl_checklist *cl;
    tl_answer *answers;           /* all unanswered at first */
    tl_section_result *sections;
    tl_assessment a;
} fixture;

/* Loads path, which must load without a diagnostic. */
static inline fixture *fixture_load(const char *path)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(content_load_file(path, &f->content, &d, &err), TL_OK);
    assert_int_equal(d.n, 0);
    f->cl = f->content->u.checklist;
    f->answers = calloc(f->cl->n_indicators, sizeof *f->answers);
    f->sections = calloc(f->cl->n_sections, sizeof *f->sections);
    assert_non_null(f->answers);
    assert_non_null(f->sections);
    return f;
}

static inline void fixture_free(fixture *f)
{
    content_free(f->content);
    free(f->answers);
    free(f->sections);
    free(f);
}

/* The position of an indicator; fails the test when there is none. */
static inline size_t indicator(const fixture *f, const char *id)
{
    for (size_t i = 0; i < f->cl->n_indicators; i++)
        if (strcmp(f->cl->indicators[i].id, id) == 0)
            return i;
    fail_msg("no indicator %s", id);
    return 0;
}

#endif
