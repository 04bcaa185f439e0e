/* Self-study: one learner takes a curriculum alone. Starting again lists the
 * learner's earlier runs, and continuing one resumes at the same page with
 * the earlier answers kept. */
#include "training_ui.h"

#include "dates.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

/* The learner: someone registered before (by part of the name: a group
 * session or an earlier self-study), so that they count once (*known set),
 * or someone new with organisation and level (*who). */
static bool pick_learner(tl_app *app, char *name, size_t size, tl_id *known, tl_new_person *who)
{
    if (!ui_prompt(app, _("Your name (optional, Enter to leave out):"), name, size))
        return false;
    trim_spaces(name);
    tl_known_participant found;
    pick_result pick = pick_known(app, 0, name, &found);
    *known = 0;
    if (pick == PICK_KNOWN) {
        *known = found.person.participant;
        size_t n = strlen(found.person.name);
        n = n < size ? n : size - 1; /* the name as registered, as far as it fits */
        memcpy(name, found.person.name, n);
        name[n] = '\0';
        tl_attendee_row_clear(&found.person);
        return true;
    }
    who->name = name;
    return pick == PICK_NEW && pick_organisation(app, &who->organisation, &who->level);
}

static tl_screen *start_new(tl_app *app, const char *curriculum_id)
{
    const tl_content *c = pick_curriculum(app, curriculum_id);
    if (!c)
        return NULL;
    char name[TL_NAME_MAX_BYTES + 1] = "";
    tl_id known, person, session;
    tl_new_person who = {0};
    if (!pick_learner(app, name, sizeof name, &known, &who))
        return NULL;
    char date[11], start[6];
    today_iso(date);
    now_hhmm(start);
    tl_session_start start_as = {.date = date, .start_time = start};
    tl_error err;
    if (!ui_ok(app, self_study_start(app->store, c, &start_as, known, &who, &session, &person, &err), &err))
        return NULL;
    return course_screen_new(app, course_of_learner(c, session, person, name[0] ? name : _("You")));
}

static tl_screen *resume(tl_app *app, const tl_session_row *r)
{
    const tl_content *c = library_find(&app->lib, r->curriculum_id);
    if (!c || c->kind != TL_CURRICULUM) {
        app_status(app, _("The curriculum '%s' is no longer in the content folder."), r->curriculum_id);
        return NULL;
    }
    return course_screen_new(app, course_of_learner(c, r->id, r->participant, r->learner[0] ? r->learner : _("You")));
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
    tl_session_rows_free(rows, n);
    return s;
}
