/* Pieces that both group sessions and self-study use: choosing a curriculum
 * and an organisation, labels, and turning store errors into a status line. */
#include "training_ui.h"

#include "i18n.h"
#include "vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Untranslated here (N_); _() where they are shown, so that the language
 * key changes them too. */
const char *const org_type_labels[TL_ORG_TYPE_COUNT] = {
    N_("Municipal social services"), N_("Environmental health"), N_("Police"), N_("Migrationsverket"),
    N_("Health care"), N_("Other authority"), N_("NGO / civil society")};
const char *const level_labels[TL_LEVEL_COUNT] = {N_("Operational"), N_("Strategic")};
/* TRANSLATORS: attendance statuses; "excused" is absent with a valid reason. */
const char *const attendance_labels[TL_ATT_COUNT] = {N_("present"), N_("late"), N_("excused"),
                                                     N_("absent")};

void participant_label(const char *name, const char *uuid, char *out, size_t size)
{
    if (name && *name)
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, _("Participant %.8s"), uuid);
}

static int curriculum_minutes(const tl_curriculum *cu)
{
    int total = 0;
    for (size_t m = 0; m < cu->n_modules; m++)
        total += cu->modules[m].minutes;
    return total;
}

const tl_content *pick_curriculum(tl_app *app, const char *id)
{
    const tl_library *lib = &app->lib;
    if (id) {
        const tl_content *c = library_find(lib, id);
        if (c && c->kind == TL_CURRICULUM)
            return c;
        app_status(app, _("No curriculum with the id '%s'."), id);
    }
    if (lib->n_curricula == 0) {
        app_status(app, "%s", _("There is no curriculum in the content folder."));
        return NULL;
    }
    char **labels = calloc(lib->n_curricula, sizeof *labels);
    if (!labels)
        abort();
    for (size_t i = 0; i < lib->n_curricula; i++) {
        const tl_curriculum *cu = lib->curricula[i]->u.curriculum;
        labels[i] = malloc(512);
        if (!labels[i])
            abort();
        snprintf(labels[i], 512, _n("%s  (%zu module, %d min; %s)", "%s  (%zu modules, %d min; %s)", cu->n_modules),
                 text_get(&cu->h.title, app->lang), cu->n_modules, curriculum_minutes(cu),
                 text_get(&cu->audience, app->lang));
    }
    int pick = ui_choose(app, _("Choose a curriculum"), (const char *const *)labels, (int)lib->n_curricula, 0);
    for (size_t i = 0; i < lib->n_curricula; i++)
        free(labels[i]);
    free(labels);
    return pick < 0 ? NULL : lib->curricula[pick];
}

typedef struct {
    tl_org_row *rows;
    size_t n;
} org_list;

static bool collect_org(const tl_org_row *row, void *ctx)
{
    org_list *l = ctx;
    *VEC_PUSH(l->rows, l->n) = *row;
    return true;
}

static bool new_organisation(tl_app *app, tl_id *org)
{
    char name[128] = "";
    if (!ui_prompt(app, _("Organisation name:"), name, sizeof name) || !name[0])
        return false;
    const char *types[TL_ORG_TYPE_COUNT];
    i18n_table(org_type_labels, types, TL_ORG_TYPE_COUNT);
    int type = ui_choose(app, _("Type of organisation"), types, TL_ORG_TYPE_COUNT, 0);
    if (type < 0)
        return false;
    tl_error err;
    return ui_ok(app, store_organisation(app->store, name, (tl_org_type)type, org, &err), &err);
}

bool pick_organisation(tl_app *app, tl_id *org, tl_level *level)
{
    org_list l = {0};
    tl_error err;
    if (!ui_ok(app, store_organisations(app->store, collect_org, &l, &err), &err))
        return false;
    char **labels = calloc(l.n + 1, sizeof *labels);
    if (!labels)
        abort();
    labels[0] = strdup(_("New organisation..."));
    for (size_t i = 0; i < l.n; i++) {
        labels[i + 1] = malloc(300);
        if (!labels[i + 1])
            abort();
        snprintf(labels[i + 1], 300, "%s (%s)", l.rows[i].name, _(org_type_labels[l.rows[i].type]));
    }
    int pick = ui_choose(app, _("Organisation"), (const char *const *)labels, (int)l.n + 1, l.n ? 1 : 0);
    bool ok = pick > 0 || (pick == 0 && new_organisation(app, org));
    if (pick > 0)
        *org = l.rows[pick - 1].id;
    for (size_t i = 0; i <= l.n; i++)
        free(labels[i]);
    free(labels);
    free(l.rows);
    if (!ok)
        return false;
    const char *levels[TL_LEVEL_COUNT];
    i18n_table(level_labels, levels, TL_LEVEL_COUNT);
    int lv = ui_choose(app, _("Level of work"), levels, TL_LEVEL_COUNT, 0);
    if (lv < 0)
        return false;
    *level = (tl_level)lv;
    return true;
}

void course_free(tl_course *course)
{
    if (!course)
        return;
    for (size_t i = 0; i < course->n; i++)
        free(course->labels[i]);
    free(course->labels);
    free(course->people);
    free(course);
}

typedef struct {
    tl_session_row *rows;
    size_t n;
} session_list;

static bool collect_session(const tl_session_row *row, void *ctx)
{
    session_list *l = ctx;
    *VEC_PUSH(l->rows, l->n) = *row;
    return l->n < 100;
}

int pick_session(tl_app *app, tl_session_kind kind, bool open_only, const char *title,
                 const char *new_label, session_label_fn label, tl_session_row **rows, size_t *n)
{
    session_list l = {0};
    tl_error err;
    *rows = NULL;
    *n = 0;
    if (!ui_ok(app, store_sessions_list(app->store, kind, open_only, collect_session, &l, &err), &err))
        return -1;
    *rows = l.rows;
    *n = l.n;
    if (l.n == 0)
        return 0; /* nothing to continue: straight to a new one */
    char **labels = calloc(l.n + 1, sizeof *labels);
    if (!labels || !(labels[0] = strdup(new_label)))
        abort();
    for (size_t i = 0; i < l.n; i++) {
        if (!(labels[i + 1] = malloc(512)))
            abort();
        label(&l.rows[i], labels[i + 1], 512);
    }
    int pick = ui_choose(app, title, (const char *const *)labels, (int)l.n + 1, 0);
    for (size_t i = 0; i <= l.n; i++)
        free(labels[i]);
    free(labels);
    return pick;
}
