/* Pieces that both group sessions and self-study use: choosing a curriculum
 * and an organisation, labels, and turning store errors into a status line. */
#include "training_ui.h"

#include "collate.h"
#include "i18n.h"
#include "review_notice.h"

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
const char *const attendance_labels[TL_ATT_COUNT] = {N_("present"), N_("late"),    N_("left early"),
                                                     N_("remote"),  N_("excused"), N_("absent")};
const char *const attendance_choices[TL_ATT_COUNT] = {
    N_("present"), N_("late"), N_("left early"), N_("took part remotely"),
    N_("excused (absent with a valid reason)"), N_("absent")};

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
        if (c && c->kind == TL_CURRICULUM) {
            review_notice_at_start(app, c);
            return c;
        }
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
    if (pick < 0)
        return NULL;
    review_notice_at_start(app, lib->curricula[pick]);
    return lib->curricula[pick];
}

static bool new_organisation(tl_app *app, tl_id *org)
{
    char name[TL_NAME_MAX_BYTES + 1] = "";
    if (!ui_prompt(app, _("Organisation name:"), name, sizeof name) || !name[0])
        return false;
    const char *types[TL_ORG_TYPE_COUNT];
    i18n_table(org_type_labels, types, TL_ORG_TYPE_COUNT);
    int type = ui_choose(app, _("Type of organisation"), types, TL_ORG_TYPE_COUNT, 0);
    if (type < 0)
        return false;
    tl_error err;
    return ui_ok(app, organisation_add(app->store, name, (tl_org_type)type, org, &err), &err);
}

bool pick_organisation(tl_app *app, tl_id *org, tl_level *level)
{
    struct {
        tl_org_row *rows;
        size_t n;
    } l;
    tl_error err;
    if (!ui_ok(app, organisations_list(app->store, &l.rows, &l.n, &err), &err))
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
    tl_org_rows_free(l.rows, l.n);
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

int choose_session(tl_app *app, const char *title, const char *new_label, const tl_session_row *const *rows,
                   size_t n, session_label_fn label, const char *more_label)
{
    size_t lines = n + 1 + (more_label != NULL);
    char **labels = calloc(lines, sizeof *labels);
    if (!labels || !(labels[0] = strdup(new_label)) || (more_label && !(labels[n + 1] = strdup(more_label))))
        abort();
    int initial = 0; /* the most recent unfinished one (rows are most recent first), else a new one */
    for (size_t i = 0; i < n; i++) {
        if (!(labels[i + 1] = malloc(512)))
            abort();
        label(rows[i], labels[i + 1], 512);
        if (!initial && training_session_unfinished(rows[i]))
            initial = (int)i + 1;
    }
    int pick = ui_choose(app, title, (const char *const *)labels, (int)lines, initial);
    for (size_t i = 0; i < lines; i++)
        free(labels[i]);
    free(labels);
    return pick;
}

/* ---- someone registered before (group sessions and self-study) ---- */

typedef struct {
    tl_known_participant *rows;
    size_t n;
} known_list;

char *known_label(const tl_known_participant *p)
{
    char *label = malloc(512);
    if (!label)
        abort();
    /* The level last: it is the first to go when the line is cut. */
    int used = snprintf(label, 512, _("%s, %s, last seen %s, %s"), p->person.name, p->person.organisation,
                        p->last_seen, _(level_labels[p->person.level]));
    if (p->in_session && used >= 0 && used < 512)
        snprintf(label + used, (size_t)(512 - used), "%s", _("  (on this roll call already)"));
    return label;
}

/* The row to offer first: someone of exactly the typed name who is not on
 * the roll call yet (0, a new participant, when there is none). */
static int likely_pick(const known_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!l->rows[i].in_session && sv_same_but_case(l->rows[i].person.name, name))
            return (int)i + 1;
    return 0;
}

/* "New participant: name" and then l's people: the index ui_choose gives. */
static int choose_known(tl_app *app, const known_list *l, const char *name)
{
    char **labels = calloc(l->n + 1, sizeof *labels);
    if (!labels || !(labels[0] = malloc(256)))
        abort();
    snprintf(labels[0], 256, _("New participant: %s"), name);
    for (size_t i = 0; i < l->n; i++)
        labels[i + 1] = known_label(&l->rows[i]);
    int pick = ui_choose(app, _("Registered before?"), (const char *const *)labels, (int)l->n + 1,
                         likely_pick(l, name));
    for (size_t i = 0; i <= l->n; i++)
        free(labels[i]);
    free(labels);
    return pick;
}

/* Offers the registered people whose name contains name next to a new
 * participant; with no one to offer (or no name to recognise) a new one. */
pick_result pick_known(tl_app *app, tl_id session, const char *name, tl_known_participant *picked)
{
    known_list l = {0};
    tl_error err;
    *picked = (tl_known_participant){0};
    if (!name[0])
        return PICK_NEW;
    if (!ui_ok(app, people_named(app->store, name, session, KNOWN_MAX, &l.rows, &l.n, &err), &err))
        return PICK_CANCELLED;
    size_t found = l.n;
    if (l.n > KNOWN_MAX) {
        l.n = KNOWN_MAX;
        app_status(app, _("Only the first %d are listed: type more of the name to find the others."), KNOWN_MAX);
    }
    int pick = l.n > 0 ? choose_known(app, &l, name) : 0;
    if (pick > 0) { /* the caller owns the one picked */
        *picked = l.rows[pick - 1];
        l.rows[pick - 1] = (tl_known_participant){0};
    }
    tl_known_rows_free(l.rows, found);
    return pick < 0 ? PICK_CANCELLED : pick == 0 ? PICK_NEW : PICK_KNOWN;
}

/* Spaces around a name are left out: spaces alone are no name. */
void trim_spaces(char *text)
{
    size_t lead = strspn(text, " "), n = strlen(text + lead);
    memmove(text, text + lead, n + 1);
    while (n > 0 && text[n - 1] == ' ')
        text[--n] = '\0';
}
