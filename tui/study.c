/* Self-study: one learner takes a curriculum alone, and comes back to it.
 * Private at a shared terminal: nobody is listed until the learner is
 * known, by the personal code shown when they start or by their exact name
 * and organisation (core/learner.h); then only their own self-studies are
 * offered, continuing at the same page with the earlier answers kept. */
#include "training_ui.h"

#include "dates.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

const char *const study_way_labels[STUDY_WAYS] = {
    N_("I am new: start a self-study"), N_("I have a personal code"),
    N_("I have taken part before: find me by name and organisation")};

typedef study_learner learner;

void study_code_notice(const char *code, char *out, size_t size)
{
    snprintf(out, size,
             _("Your personal code is **%s**.\n\nWrite it down: with it you continue your self-study and see "
               "your results another day (\"I have a personal code\"). Nobody else's name is listed here, and "
               "yours is not listed to others."),
             code);
}

tl_status study_by_code(tl_store *s, const char *typed, study_learner *who, bool *found, char *why, size_t size,
                        tl_error *err)
{
    tl_learner_match match = TL_LEARNER_NONE;
    tl_status st = learner_by_code(s, typed, &who->person, who->code, &match, err);
    *found = st == TL_OK && match == TL_LEARNER_ONE;
    if (st == TL_DATAERR) {
        snprintf(why, size, "%s", _("A personal code is 6 letters and digits, such as 3F7K2Q. Type it again."));
        return TL_OK;
    }
    if (st == TL_OK && !*found)
        snprintf(why, size, _("No one has the code %s. Check it and type it again, or Esc."), who->code);
    return st;
}

tl_status study_by_name(tl_store *s, const char *organisation, study_learner *who, bool *found, char *why,
                        size_t size, tl_error *err)
{
    tl_learner_match match = TL_LEARNER_NONE;
    tl_status st = learner_by_name(s, who->name, organisation, &who->person, who->code, &match, err);
    *found = st == TL_OK && match == TL_LEARNER_ONE;
    if (st == TL_OK && match == TL_LEARNER_NONE)
        snprintf(why, size, _("No one named %s is registered at %s. Check the spelling, or start as new."),
                 who->name, organisation);
    else if (match == TL_LEARNER_SEVERAL)
        snprintf(why, size, "%s", _("More than one person has this name at this organisation: use your personal code."));
    return st;
}

void study_own_label(const tl_library *lib, const char *lang, const tl_session_row *r, char *out, size_t size)
{
    const tl_content *c = library_find(lib, r->curriculum_id);
    const char *title = c && c->kind == TL_CURRICULUM ? text_get(&c->u.h->title, lang) : r->curriculum_id;
    snprintf(out, size, _("Continue: %s, started %s%s"), title, r->date, r->end_time[0] ? _("  (completed)") : "");
}

tl_status study_own_list(tl_store *s, study_learner *who, tl_session_row **rows, size_t *n, tl_error *err)
{
    char *registered;
    tl_status st = learner_studies(s, who->person, STUDIES_MAX, rows, n, err);
    if (st == TL_OK && (st = learner_name(s, who->person, &registered, err)) != TL_OK)
        tl_session_rows_free(*rows, *n);
    if (st != TL_OK)
        return st;
    snprintf(who->name, sizeof who->name, "%s", registered); /* as registered, not as typed */
    free(registered);
    return TL_OK;
}

static void show_code(tl_app *app, const char *code)
{
    char text[1024];
    study_code_notice(code, text, sizeof text);
    ui_help(app, _("Your personal code"), text);
}

static tl_screen *run_course(tl_app *app, const tl_content *c, tl_id session, const learner *who)
{
    return course_screen_new(app, course_of_learner(c, session, who->person, who->name[0] ? who->name : _("You")));
}

/* A new self-study of a curriculum (asked for unless arg names one) for
 * who, or for someone new (who->person 0: name, organisation and level
 * asked for); a new learner is told their code. */
static tl_screen *start(tl_app *app, const char *arg, learner *who)
{
    const tl_content *c = pick_curriculum(app, arg);
    if (!c)
        return NULL;
    tl_new_person someone = {0};
    if (!who->person) {
        if (!ui_prompt(app, _("Your name (optional, Enter to leave out):"), who->name, sizeof who->name))
            return NULL;
        trim_spaces(who->name);
        someone.name = who->name;
        if (!pick_organisation(app, &someone.organisation, &someone.level))
            return NULL;
    }
    char date[11], time_now[6];
    today_iso(date);
    now_hhmm(time_now);
    tl_session_start start_as = {.date = date, .start_time = time_now};
    tl_id session, known = who->person;
    tl_error err;
    if (!ui_ok(app, self_study_start(app->store, c, &start_as, known, &someone, &session, &who->person, who->code,
                                     &err), &err))
        return NULL;
    if (!known)
        show_code(app, who->code);
    return run_course(app, c, session, who);
}

/* Asks for the code until it is one of a learner (true) or Esc (false). */
static bool learner_by_typed_code(tl_app *app, learner *who)
{
    char typed[64] = "";
    for (;;) {
        if (!ui_prompt(app, _("Your personal code (6 letters and digits):"), typed, sizeof typed))
            return false;
        bool found;
        char why[256];
        tl_error err;
        if (!ui_ok(app, study_by_code(app->store, typed, who, &found, why, sizeof why, &err), &err))
            return false;
        if (found)
            return true;
        app_status(app, "%s", why);
    }
}

/* Asks for the exact name and the organisation: true when they are one
 * learner's. */
static bool learner_by_typed_name(tl_app *app, learner *who)
{
    if (!ui_prompt(app, _("Your name, as you gave it:"), who->name, sizeof who->name))
        return false;
    trim_spaces(who->name);
    char **orgs;
    size_t n;
    tl_error err;
    if (!who->name[0] || !ui_ok(app, organisation_names(app->store, &orgs, &n, &err), &err))
        return false;
    int pick = ui_choose(app, _("Your organisation"), (const char *const *)orgs, (int)n, 0);
    bool found = false;
    char why[512] = "";
    if (pick >= 0 && ui_ok(app, study_by_name(app->store, orgs[pick], who, &found, why, sizeof why, &err), &err) &&
        !found)
        app_status(app, "%s", why);
    organisation_names_free(orgs, n);
    return found;
}

static tl_screen *resume(tl_app *app, const tl_session_row *r, learner *who)
{
    const tl_content *c = library_find(&app->lib, r->curriculum_id);
    if (!c || c->kind != TL_CURRICULUM) {
        app_status(app, _("The curriculum '%s' is no longer in the content folder."), r->curriculum_id);
        return NULL;
    }
    return run_course(app, c, r->id, who);
}

static char *study_label(const tl_app *app, const tl_session_row *r)
{
    char *label = malloc(512);
    if (!label)
        abort();
    study_own_label(&app->lib, app->lang, r, label, 512);
    return label;
}

/* The known learner's own self-studies after "Start a new self-study", the
 * most recent one not completed chosen in advance. */
static tl_screen *learner_studies_menu(tl_app *app, const char *arg, learner *who)
{
    tl_session_row *rows;
    size_t n;
    tl_error err;
    if (!ui_ok(app, study_own_list(app->store, who, &rows, &n, &err), &err))
        return NULL;
    char **labels = calloc(n + 1, sizeof *labels);
    if (!labels || !(labels[0] = strdup(_("Start a new self-study"))))
        abort();
    for (size_t i = 0; i < n; i++)
        labels[i + 1] = study_label(app, &rows[i]);
    char title[128];
    snprintf(title, sizeof title, _("Your self-studies (personal code %s)"), who->code);
    size_t first = learner_resume_default(rows, n);
    int pick = ui_choose(app, title, (const char *const *)labels, (int)n + 1, first < n ? (int)first + 1 : 0);
    for (size_t i = 0; i <= n; i++)
        free(labels[i]);
    free(labels);
    tl_screen *s = pick == 0 ? start(app, arg, who) : pick > 0 ? resume(app, &rows[pick - 1], who) : NULL;
    tl_session_rows_free(rows, n);
    return s;
}

tl_screen *study_open(tl_app *app, const char *arg)
{
    const char *ways[STUDY_WAYS];
    i18n_table(study_way_labels, ways, STUDY_WAYS);
    for (;;) {
        learner who = {0};
        int way = ui_choose(app, _("Self-study"), ways, STUDY_WAYS, STUDY_NEW);
        if (way == STUDY_NEW)
            return start(app, arg, &who);
        if (way < 0)
            return NULL;
        if (way == STUDY_BY_CODE ? learner_by_typed_code(app, &who) : learner_by_typed_name(app, &who))
            return learner_studies_menu(app, arg, &who);
    }
}
