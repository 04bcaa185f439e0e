/* Self-study: one learner takes a curriculum alone. Starting again lists the
 * learner's earlier runs, and continuing one resumes at the same page with
 * the earlier answers kept. */
#include "training_ui.h"

#include "dates.h"
#include "i18n.h"
#include "vec.h"

#include <stdlib.h>
#include <string.h>

static tl_course *one_learner(const tl_content *c, tl_id session, tl_id person, const char *label)
{
    tl_course *course = calloc(1, sizeof *course);
    if (!course)
        abort();
    course->content = c;
    course->cu = c->u.curriculum;
    course->session = session;
    course->n = 1;
    course->people = malloc(sizeof *course->people);
    course->labels = malloc(sizeof *course->labels);
    if (!course->people || !course->labels || !(course->labels[0] = strdup(label)))
        abort();
    course->people[0] = person;
    return course;
}

/* The learner: someone registered before (by part of the name: a group
 * session or an earlier self-study), so that they count once, or someone
 * new with organisation and level. */
static bool pick_learner(tl_app *app, char *name, size_t size, tl_id *person)
{
    if (!ui_prompt(app, _("Your name (optional, Enter to leave out):"), name, size))
        return false;
    trim_spaces(name);
    tl_known_participant known;
    pick_result pick = pick_known(app, 0, name, &known);
    if (pick == PICK_KNOWN) {
        *person = known.person.participant;
        size_t n = strlen(known.person.name);
        n = n < size ? n : size - 1; /* the name as registered, as far as it fits */
        memcpy(name, known.person.name, n);
        name[n] = '\0';
        return true;
    }
    tl_id org;
    tl_level level;
    tl_error err;
    return pick == PICK_NEW && pick_organisation(app, &org, &level) &&
           ui_ok(app, store_participant_add(app->store, name[0] ? name : NULL, org, level, person, &err), &err);
}

static tl_screen *start_new(tl_app *app, const char *curriculum_id)
{
    const tl_content *c = pick_curriculum(app, curriculum_id);
    if (!c)
        return NULL;
    char name[128] = "";
    tl_id person, session;
    if (!pick_learner(app, name, sizeof name, &person))
        return NULL;
    char date[11], start[6], uuid[37];
    today_iso(date);
    now_hhmm(start);
    tl_session_info info = {.kind = TL_SESSION_SELF, .curriculum_id = c->u.h->id,
                            .curriculum_version = c->u.h->version, .content_hash = c->hash,
                            .date = date, .start_time = start};
    tl_error err;
    if (!ui_ok(app, store_session_create(app->store, &info, &session, uuid, &err), &err) ||
        !ui_ok(app, store_attendance_set(app->store, session, person, TL_ATT_PRESENT, NULL, &err), &err))
        return NULL;
    char label[160];
    snprintf(label, sizeof label, "%s", name[0] ? name : _("You"));
    return course_screen_new(app, one_learner(c, session, person, label));
}

static tl_screen *resume(tl_app *app, const tl_session_row *r)
{
    const tl_content *c = library_find(&app->lib, r->curriculum_id);
    if (!c || c->kind != TL_CURRICULUM) {
        app_status(app, _("The curriculum '%s' is no longer in the content folder."), r->curriculum_id);
        return NULL;
    }
    return course_screen_new(app, one_learner(c, r->id, r->participant, r->learner[0] ? r->learner : _("You")));
}

static void study_label(const tl_session_row *r, char *out, size_t size)
{
    /* The curriculum's id last: the date and whether it is completed matter
     * more when the line is cut. */
    snprintf(out, size, _("Continue: %s, %s  started %s%s  %s"), r->learner[0] ? r->learner : _("(no name)"),
             r->organisation, r->date, r->end_time[0] ? _("  (completed)") : "", r->curriculum_id);
}

tl_screen *study_open(tl_app *app, const char *arg)
{
    tl_session_row *rows;
    size_t n;
    int pick = pick_session(app, TL_SESSION_SELF, false, _("Self-study"), _("Start a new self-study"),
                            study_label, &rows, &n);
    tl_screen *s = pick == 0 ? start_new(app, arg) : pick > 0 ? resume(app, &rows[pick - 1]) : NULL;
    free(rows);
    return s;
}
