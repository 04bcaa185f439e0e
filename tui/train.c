/* Group training sessions: start a new session, continue an open one or
 * open a closed or cancelled one, then the session screen: attendance
 * (organisation, level, status, remark), corrections (an attendee edited or
 * removed, the details edited, the session cancelled or restored, a closed
 * one reopened), presenting the course, and closing the session with its
 * end time. */
#include "training_ui.h"

#include "dates.h"
#include "store_edit.h"
#include "i18n.h"
#include "keymap.h"
#include "list.h"
#include "vec.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const tl_content *content;
    tl_training_session ts;
    ui_list roll; /* the roll call: one row per attendee */
    int cols;     /* the width of the last draw, for the roll call's columns */
    char end_before[9]; /* the end time before a reopen: proposed when it is closed again */
} session_state;

enum {
    SESSION_ADD, SESSION_EDIT, SESSION_REMOVE, SESSION_STATUS, SESSION_REMARK, SESSION_DETAILS, SESSION_CANCEL,
    SESSION_PRESENT, SESSION_CLOSE, SESSION_BACK
};

static const ui_keymap_entry session_keys[] = {
    {'a', NULL, SESSION_ADD, N_("a add"), 7,
     N_("**a**: add an attendee: type the name (optional), or part of it to pick someone registered before "
        "(they keep their organisation and level); someone new gets an organisation and a level")},
    {'e', NULL, SESSION_EDIT, N_("e edit"), 6,
     N_("**e**: correct the selected attendee: name, organisation and its type, level, status (with the minutes "
        "for late or left early) and remark; each question shows what is stored, **Esc** changes nothing")},
    {'d', NULL, SESSION_REMOVE, N_("d remove"), 3,
     N_("**d**: take the selected attendee off the roll call, with their pages and answers in this session "
        "(asks first)")},
    {'s', NULL, SESSION_STATUS, N_("s status"), 5,
     N_("**s**: set the selected attendee's status (present, late, left early, remote, excused, absent)")},
    {'r', NULL, SESSION_REMARK, N_("r remark"), 2, N_("**r**: write a remark on the selected attendee")},
    {'i', NULL, SESSION_DETAILS, N_("i details"), 2,
     N_("**i**: correct the session's date, start time, place, trainer and description")},
    {'x', NULL, SESSION_CANCEL, N_("x cancel"), 1,
     N_("**x**: cancel the session (it stays listed, but counts in no statistics or report) or restore a "
        "cancelled one (asks first)")},
    {0, key_enter, SESSION_PRESENT, N_("Enter present"), 5,
     N_("**Enter** or **p**: present the course to those present (and late)")},
    {'p', NULL, SESSION_PRESENT, NULL, 0, NULL},
    {'c', NULL, SESSION_CLOSE, N_("c close"), 4,
     N_("**c**: close the session and record its end time; on a closed session, reopen it to correct it")},
    {0, NULL, 0, NULL, 0,
     N_("**j/k** or **Up/Down**: choose an attendee; **Home/End**, **PgUp/PgDn**: the first, the last, a page "
        "on; **/**: find an attendee by part of a name or organisation")},
    UI_KEYMAP_HELP,
    {0, key_back, SESSION_BACK, N_("q back"), 8,
     N_("**q** or **Esc**: back to the menu; the session stays open and can be continued")},
};
static const ui_keymap session_keymap = {N_("Keys of the session"), session_keys,
                                         sizeof session_keys / sizeof session_keys[0]};

/* ---- loading ---- */

/* Reads the session again after a change (st: the change's status). */
static bool reload(tl_app *app, session_state *ss, tl_status st, const tl_error *err)
{
    if (!ui_ok(app, st, err))
        return false;
    list_set_rows(&ss->roll, (int)ss->ts.n);
    return true;
}

static void session_load(tl_screen *s, tl_app *app)
{
    session_state *ss = s->state;
    tl_error err;
    reload(app, ss, training_session_load(app->store, ss->ts.info.id, &ss->ts, &err), &err);
}

/* ---- drawing ---- */

/* A rule and two rows below the roll call for the selected attendee. */
enum { SELECTED_ROWS = 3 };

/* The selected attendee in full: the columns of the list cut long names,
 * organisations and remarks. */
static void draw_selected_attendee(const tl_attendee_row *p, size_t place, int rows, int cols)
{
    char label[160], line[800];
    attendee_label(p->name, place, label, sizeof label);
    if (p->remark[0])
        snprintf(line, sizeof line, _("%s, %s, %s, %s: %s"), label, p->organisation, _(level_labels[p->level]),
                 _(attendance_labels[p->status]), p->remark);
    else
        snprintf(line, sizeof line, "%s, %s, %s, %s", label, p->organisation, _(level_labels[p->level]),
                 _(attendance_labels[p->status]));
    mvhline(rows - SELECTED_ROWS, 1, ACS_HLINE, cols - 2);
    ui_wrap(rows - SELECTED_ROWS + 1, 2, cols - 4, SELECTED_ROWS - 1, line, A_DIM);
}

/* An attendee's row: name, organisation, level, status and remark in
 * columns, wider on a wide screen. */
static const char *attendee_text(void *ctx, int i, char *buf, size_t size)
{
    const session_state *ss = ctx;
    const tl_attendee_row *p = &ss->ts.attendees[i];
    int who_cols = ss->cols >= 120 ? 32 : 22, org_cols = ss->cols >= 120 ? 36 : 20;
    char label[160], who[200], org[200], level[60], status[60];
    attendee_label(p->name, (size_t)i + 1, label, sizeof label);
    snprintf(buf, size, "%s %s %s %s %s", ui_fit(who, sizeof who, label, who_cols),
             ui_fit(org, sizeof org, p->organisation, org_cols),
             ui_fit(level, sizeof level, _(level_labels[p->level]), 11),
             ui_fit(status, sizeof status, _(attendance_labels[p->status]), 11), p->remark);
    return buf;
}

static void session_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    session_state *ss = s->state;
    const tl_curriculum *cu = ss->content->u.curriculum;
    char line[512];
    ui_put(0, 1, cols - 2, text_get(&cu->h.title, app->lang), A_BOLD);
    snprintf(line, sizeof line, _("Session %s %s-%s  %s  trainer %s"), ss->ts.info.date, ss->ts.info.start_time,
             ss->ts.info.end_time[0] ? ss->ts.info.end_time : _("(open)"), ss->ts.info.location,
             ss->ts.info.trainer[0] ? ss->ts.info.trainer : "-");
    ui_put(1, 1, cols - 2, line, 0);
    if (ss->ts.info.cancelled)
        ui_put(2, 1, cols - 2, _("CANCELLED: counted in no statistics and no report; x restores it."), A_BOLD);
    else if (training_session_closed(&ss->ts))
        ui_put(2, 1, cols - 2, _("Closed: c reopens it to correct it."), A_DIM);
    snprintf(line, sizeof line, _("Attendees (%zu)"), ss->ts.n);
    ui_put(3, 1, cols - 2, line, A_BOLD);
    if (ss->ts.n == 0)
        ui_put(5, 2, cols - 4, _("No attendees yet: press a to add one."), A_DIM);
    /* The roll call scrolls; the selected attendee in full below it. */
    ss->cols = cols;
    int end = ss->ts.n > 0 ? rows - SELECTED_ROWS : rows;
    list_draw(&ss->roll, 4, end - 4, 2, cols - 4, attendee_text, ss);
    if (ss->ts.n > 0)
        draw_selected_attendee(&ss->ts.attendees[ss->roll.selected], (size_t)ss->roll.selected + 1, rows, cols);
}

/* ---- actions ---- */

static void select_participant(session_state *ss, tl_id participant)
{
    size_t i = training_session_find(&ss->ts, participant);
    if (i < ss->ts.n)
        ss->roll.selected = (int)i;
}

/* Someone registered before joins the roll call as they are: the same
 * participant, organisation and level, so they count once in the statistics
 * and their checks before and after pair up across sessions. */
static void add_known(tl_app *app, session_state *ss, const tl_known_participant *p)
{
    bool added;
    tl_error err;
    if (!reload(app, ss, training_session_add_known(app->store, &ss->ts, p->person.participant, &added, &err), &err))
        return;
    select_participant(ss, p->person.participant);
    if (!added)
        app_status(app, _("%s is on this session's roll call already."), p->person.name);
}

static void add_new(tl_app *app, session_state *ss, const char *name)
{
    tl_new_person who = {.name = name};
    if (!pick_organisation(app, &who.organisation, &who.level))
        return;
    tl_id person;
    tl_error err;
    if (reload(app, ss, training_session_add_new(app->store, &ss->ts, &who, &person, &err), &err))
        select_participant(ss, person);
}

static void add_attendee(tl_app *app, session_state *ss)
{
    char name[TL_NAME_MAX_BYTES + 1] = "";
    app_status(app, "%s", _("Part of a name finds those registered before; Enter alone adds someone without a name."));
    if (!ui_prompt(app, _("Name (optional, Enter to leave out):"), name, sizeof name))
        return;
    trim_spaces(name);
    tl_known_participant known;
    pick_result pick = pick_known(app, ss->ts.info.id, name, &known);
    if (pick == PICK_KNOWN)
        add_known(app, ss, &known);
    else if (pick == PICK_NEW)
        add_new(app, ss, name);
    tl_attendee_row_clear(&known.person);
}

/* The minutes someone late or leaving early took part; empty: not known,
 * the whole session counts (*minutes -1). *minutes when above 0 is
 * proposed. */
static bool ask_minutes(tl_app *app, int *minutes)
{
    char buf[12] = "";
    if (*minutes > 0)
        snprintf(buf, sizeof buf, "%d", *minutes);
    while (ui_prompt(app, _("Minutes taken part (empty: the whole session):"), buf, sizeof buf)) {
        if (minutes_parse(buf, minutes))
            return true;
        app_status(app, "%s", _("Write the minutes as a number from 1 to 1440, or leave it empty."));
    }
    return false;
}

static int ask_status(tl_app *app, tl_attendance now)
{
    const char *choices[TL_ATT_COUNT];
    i18n_table(attendance_choices, choices, TL_ATT_COUNT);
    return ui_choose(app, _("Status"), choices, TL_ATT_COUNT, (int)now);
}

static void set_status(tl_app *app, session_state *ss, bool remark)
{
    if (ss->ts.n == 0)
        return;
    tl_attendee_row *p = &ss->ts.attendees[ss->roll.selected];
    int status = p->status;
    char text[TL_REMARK_MAX_BYTES + 1];
    snprintf(text, sizeof text, "%s", p->remark);
    if (!remark && (status = ask_status(app, p->status)) < 0)
        return;
    if (remark && !ui_prompt(app, _("Remark:"), text, sizeof text))
        return;
    tl_error err;
    int minutes = p->minutes;
    if (!remark && attendance_counts_minutes((tl_attendance)status) && !ask_minutes(app, &minutes))
        return;
    reload(app, ss,
           training_session_mark(app->store, &ss->ts, (size_t)ss->roll.selected, (tl_attendance)status, text, minutes,
                                 &err),
           &err);
}

static bool ask_date(tl_app *app, char *buf, size_t size)
{
    while (ui_prompt(app, _("Date (YYYY-MM-DD):"), buf, size)) {
        if (iso_date_valid(buf))
            return true;
        app_status(app, "%s", _("Write the date as YYYY-MM-DD, e.g. 2026-11-26."));
    }
    return false;
}

static bool ask_time(tl_app *app, const char *label, char *buf, size_t size)
{
    while (ui_prompt(app, label, buf, size)) {
        if (hhmm_parse(buf, buf))
            return true;
        app_status(app, "%s", _("Write the time as 13:30, 13.30 or 1330."));
    }
    return false;
}

/* An end before the start means past midnight (the report counts it so);
 * more often it is a slip of the keys, so it is asked about first. */
static bool ask_end_time(tl_app *app, const char *start, char *end, size_t size)
{
    while (ask_time(app, _("End time:"), end, size)) {
        if (strcmp(end, start) > 0)
            return true;
        char question[200];
        snprintf(question, sizeof question, _("%s is not after the start, %s. Did the session go on past midnight?"),
                 end, start);
        if (ui_confirm(app, question))
            return true;
    }
    return false;
}

static bool close_session(tl_app *app, session_state *ss)
{
    char end[16];
    if (ss->end_before[0])
        snprintf(end, sizeof end, "%s", ss->end_before);
    else
        now_hhmm(end);
    if (!ask_end_time(app, ss->ts.info.start_time, end, sizeof end))
        return false;
    tl_error err;
    if (!reload(app, ss, training_session_close(app->store, &ss->ts, end, &err), &err))
        return false;
    app_status(app, _("Session closed at %s."), end);
    return true;
}

/* ---- corrections ---- */

/* A session's details as the trainer types them, for a new session and a
 * correction alike. */
typedef struct {
    char date[16], start[16];
    char location[TL_NAME_MAX_BYTES + 1], trainer[TL_NAME_MAX_BYTES + 1], description[TL_NAME_MAX_BYTES + 1];
} session_details;

/* Asks for each detail with what d holds proposed; false on Esc. */
static bool ask_details(tl_app *app, session_details *d)
{
    return ask_date(app, d->date, sizeof d->date) && ask_time(app, _("Start time (HH:MM):"), d->start, sizeof d->start) &&
           ui_prompt(app, _("Location:"), d->location, sizeof d->location) &&
           ui_prompt(app, _("Trainer:"), d->trainer, sizeof d->trainer) &&
           ui_prompt(app, _("Description (optional):"), d->description, sizeof d->description);
}

/* Whether the roll call and the details can be changed now (core refuses
 * the changes of a closed session too; here the user is told why). */
static bool can_change(tl_app *app, const session_state *ss, bool needs_attendee)
{
    if (training_session_closed(&ss->ts)) {
        app_status(app, "%s", _("This session is closed: c reopens it to correct it."));
        return false;
    }
    if (needs_attendee && ss->ts.n == 0) {
        app_status(app, "%s", _("No attendees yet: press a to add one."));
        return false;
    }
    return true;
}

static bool ask_organisation_name(tl_app *app, char *org, size_t size)
{
    while (ui_prompt(app, _("Organisation:"), org, size)) {
        trim_spaces(org);
        if (org[0])
            return true;
        app_status(app, "%s", _("An organisation needs a name."));
    }
    return false;
}

/* Every question shows what is stored; Esc at any of them changes nothing,
 * and the answers are stored together at the end. */
static void edit_attendee(tl_app *app, session_state *ss)
{
    const tl_attendee_row *p = &ss->ts.attendees[ss->roll.selected];
    char name[TL_NAME_MAX_BYTES + 1], org[TL_NAME_MAX_BYTES + 1], remark[TL_REMARK_MAX_BYTES + 1];
    snprintf(name, sizeof name, "%s", p->name);
    snprintf(org, sizeof org, "%s", p->organisation);
    snprintf(remark, sizeof remark, "%s", p->remark);
    const char *types[TL_ORG_TYPE_COUNT], *levels[TL_LEVEL_COUNT];
    i18n_table(org_type_labels, types, TL_ORG_TYPE_COUNT);
    i18n_table(level_labels, levels, TL_LEVEL_COUNT);
    tl_attendee_edit e = {.name = name, .organisation = org, .remark = remark, .minutes = p->minutes};
    int type, level, status;
    if (!ui_prompt(app, _("Name (empty: none):"), name, sizeof name) || !ask_organisation_name(app, org, sizeof org) ||
        (type = ui_choose(app, _("Type of organisation"), types, TL_ORG_TYPE_COUNT, (int)p->org_type)) < 0 ||
        (level = ui_choose(app, _("Level of work"), levels, TL_LEVEL_COUNT, (int)p->level)) < 0 ||
        (status = ask_status(app, p->status)) < 0)
        return;
    if (!attendance_counts_minutes((tl_attendance)status))
        e.minutes = -1;
    else if (!ask_minutes(app, &e.minutes))
        return;
    if (!ui_prompt(app, _("Remark:"), remark, sizeof remark))
        return;
    trim_spaces(name);
    e.org_type = (tl_org_type)type;
    e.level = (tl_level)level;
    e.status = (tl_attendance)status;
    tl_error err;
    if (reload(app, ss, training_session_edit_attendee(app->store, &ss->ts, (size_t)ss->roll.selected, &e, &err), &err))
        app_status(app, "%s", _("Attendee corrected."));
}

/* Asks first, naming the person: what they did in this session goes too. */
static void remove_attendee(tl_app *app, session_state *ss)
{
    const tl_attendee_row *p = &ss->ts.attendees[ss->roll.selected];
    char label[160], question[400];
    attendee_label(p->name, (size_t)ss->roll.selected + 1, label, sizeof label);
    snprintf(question, sizeof question,
             _("Take %s off the roll call? Their pages and answers in this session are deleted too."), label);
    if (!ui_confirm(app, question))
        return;
    tl_error err;
    if (reload(app, ss, training_session_remove_attendee(app->store, &ss->ts, (size_t)ss->roll.selected, &err), &err))
        app_status(app, _("%s is off the roll call."), label);
}

static void edit_details(tl_app *app, session_state *ss)
{
    const tl_session_row *r = &ss->ts.info;
    session_details d;
    snprintf(d.date, sizeof d.date, "%s", r->date);
    snprintf(d.start, sizeof d.start, "%s", r->start_time);
    snprintf(d.location, sizeof d.location, "%s", r->location);
    snprintf(d.trainer, sizeof d.trainer, "%s", r->trainer);
    snprintf(d.description, sizeof d.description, "%s", r->description);
    if (!ask_details(app, &d))
        return;
    tl_session_edit e = {.date = d.date, .start_time = d.start, .location = d.location, .trainer = d.trainer,
                         .description = d.description};
    tl_error err;
    if (reload(app, ss, training_session_edit_details(app->store, &ss->ts, &e, &err), &err))
        app_status(app, "%s", _("Session details corrected."));
}

static void cancel_or_restore(tl_app *app, session_state *ss)
{
    bool cancel = !ss->ts.info.cancelled;
    if (!ui_confirm(app, cancel ? _("Cancel this session? It stays listed, but counts in no statistics and no "
                                    "report until it is restored.")
                                : _("Restore this session? It counts in the statistics and the report again.")))
        return;
    tl_error err;
    if (reload(app, ss, training_session_cancel(app->store, &ss->ts, cancel, &err), &err))
        app_status(app, "%s", cancel ? _("Session cancelled.") : _("Session restored."));
}

/* Open again to be corrected; closing proposes the end time it had. */
static void reopen(tl_app *app, session_state *ss)
{
    if (!ui_confirm(app, _("Reopen this closed session to correct it? Closing it asks for the end time again.")))
        return;
    char end[sizeof ss->end_before];
    snprintf(end, sizeof end, "%s", ss->ts.info.end_time);
    tl_error err;
    if (!reload(app, ss, training_session_reopen(app->store, &ss->ts, &err), &err))
        return;
    snprintf(ss->end_before, sizeof ss->end_before, "%s", end);
    app_status(app, "%s", _("The session is open again: correct it, then c closes it."));
}

/* The course for those present (and late). */
static tl_screen *present(tl_app *app, session_state *ss)
{
    return course_screen_new(app, course_of_group(ss->content, &ss->ts));
}

static void set_status_only(tl_app *app, session_state *ss)
{
    set_status(app, ss, false);
}

static void set_remark(tl_app *app, session_state *ss)
{
    set_status(app, ss, true);
}

/* The keys that change the roll call or the details: only while the
 * session is open, some only with an attendee selected. */
static const struct {
    int action;
    bool needs_attendee;
    void (*run)(tl_app *app, session_state *ss);
} changes[] = {
    {SESSION_ADD, false, add_attendee},     {SESSION_EDIT, true, edit_attendee}, {SESSION_REMOVE, true, remove_attendee},
    {SESSION_STATUS, true, set_status_only}, {SESSION_REMARK, true, set_remark},  {SESSION_DETAILS, false, edit_details},
};

static tl_screen_step session_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    session_state *ss = s->state;
    if (list_move_key(&ss->roll, k) || list_search_key(&ss->roll, app, k, attendee_text, ss))
        return SCREEN_STAY;
    int action = keymap_action(&session_keymap, k);
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++)
        if (changes[i].action == action) {
            if (can_change(app, ss, changes[i].needs_attendee))
                changes[i].run(app, ss);
            return SCREEN_STAY;
        }
    switch (action) {
    case SESSION_CANCEL:
        cancel_or_restore(app, ss);
        break;
    case SESSION_PRESENT:
        *next = present(app, ss);
        return SCREEN_PUSH;
    case SESSION_CLOSE:
        if (training_session_closed(&ss->ts))
            reopen(app, ss);
        else if (ui_confirm(app, _("Close the session now?")) && close_session(app, ss))
            return SCREEN_BACK;
        break;
    case SESSION_BACK:
        return SCREEN_BACK;
    }
    return SCREEN_STAY;
}

static void session_destroy(tl_screen *s)
{
    session_state *ss = s->state;
    training_session_clear(&ss->ts);
    screen_free(s);
}

/* Takes over ts (read by the caller). */
static tl_screen *session_screen_new(const tl_content *content, tl_training_session *ts)
{
    session_state *ss = calloc(1, sizeof *ss);
    if (!ss)
        abort();
    ss->content = content;
    ss->ts = *ts;
    list_set_rows(&ss->roll, (int)ss->ts.n);
    return screen_new((tl_screen){.keys = &session_keymap, .load = session_load, .draw = session_draw, .key = session_key,
                                  .destroy = session_destroy, .state = ss});
}

/* ---- starting ---- */

static tl_screen *new_session(tl_app *app, const char *curriculum_id)
{
    const tl_content *c = pick_curriculum(app, curriculum_id);
    if (!c)
        return NULL;
    session_details d = {0};
    today_iso(d.date);
    now_hhmm(d.start);
    if (!ask_details(app, &d))
        return NULL;
    tl_session_start start_as = {.date = d.date, .start_time = d.start, .location = d.location, .trainer = d.trainer,
                                 .description = d.description};
    tl_training_session ts = {0};
    tl_error err;
    if (!ui_ok(app, training_session_open(app->store, c, &start_as, &ts, &err), &err))
        return NULL;
    return session_screen_new(c, &ts);
}

/* "Continue:" an open session, or what a closed or cancelled one is. */
static void session_label(const tl_session_row *r, char *out, size_t size)
{
    char what[200];
    snprintf(what, sizeof what,
             _n("%s %s  %s  %s (%d attendee)", "%s %s  %s  %s (%d attendees)", r->attendees),
             r->date, r->start_time, r->curriculum_id, r->location, r->attendees);
    /* TRANSLATORS: a session in the list to pick from: "Continue: 2026-11-26 09:00  course  place (2 attendees)" */
    snprintf(out, size, r->cancelled ? _("Cancelled: %s") : r->end_time[0] ? _("Closed: %s") : _("Continue: %s"),
             what);
}

/* The open sessions first (the most recent selected), and on request every
 * session, closed and cancelled ones too: NULL when a new one is to start
 * (*start_new) or nothing was picked. */
static const tl_session_row *pick_group_session(tl_app *app, const tl_session_row *rows, size_t n, bool *start_new)
{
    const tl_session_row **shown = calloc(n, sizeof *shown);
    if (!shown)
        abort();
    size_t n_open = 0;
    for (size_t i = 0; i < n; i++)
        if (training_session_unfinished(&rows[i]))
            shown[n_open++] = &rows[i];
    const char *title = _("Training session"), *new_label = _("Start a new session");
    int pick = choose_session(app, title, new_label, shown, n_open, session_label,
                              n_open < n ? _("Show closed and cancelled sessions too") : NULL);
    size_t listed = n_open;
    if (pick == (int)n_open + 1) {
        for (size_t i = 0; i < n; i++)
            shown[i] = &rows[i];
        listed = n;
        pick = choose_session(app, title, new_label, shown, n, session_label, NULL);
    }
    const tl_session_row *picked = pick > 0 && (size_t)pick <= listed ? shown[pick - 1] : NULL;
    *start_new = pick == 0;
    free(shown);
    return picked;
}

static tl_screen *open_session(tl_app *app, const tl_session_row *r)
{
    const tl_content *c = library_find(&app->lib, r->curriculum_id);
    if (!c || c->kind != TL_CURRICULUM) {
        app_status(app, _("The curriculum '%s' of that session is no longer in the content folder."),
                   r->curriculum_id);
        return NULL;
    }
    tl_training_session ts = {0};
    tl_error err;
    if (!ui_ok(app, training_session_load(app->store, r->id, &ts, &err), &err))
        return NULL;
    return session_screen_new(c, &ts);
}

tl_screen *train_open(tl_app *app, const char *arg)
{
    tl_session_row *rows;
    size_t n;
    tl_error err;
    if (!ui_ok(app, training_sessions_list(app->store, TL_SESSION_GROUP, false, SESSIONS_MAX, &rows, &n, &err), &err))
        return NULL;
    bool start_new = n == 0; /* nothing to continue: straight to a new one */
    const tl_session_row *picked = start_new ? NULL : pick_group_session(app, rows, n, &start_new);
    tl_screen *s = start_new ? new_session(app, arg) : picked ? open_session(app, picked) : NULL;
    tl_session_rows_free(rows, n);
    return s;
}
