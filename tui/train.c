/* Group training sessions: start a new session or continue an open one,
 * then the session screen: attendance (organisation, level, status, remark),
 * presenting the course, and closing the session with its end time. */
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
} session_state;

enum { SESSION_ADD, SESSION_STATUS, SESSION_REMARK, SESSION_PRESENT, SESSION_CLOSE, SESSION_BACK };

static const ui_keymap_entry session_keys[] = {
    {'a', NULL, SESSION_ADD, N_("a add"), 7,
     N_("**a**: add an attendee: type the name (optional), or part of it to pick someone registered before "
        "(they keep their organisation and level); someone new gets an organisation and a level")},
    {'s', NULL, SESSION_STATUS, N_("s status"), 6,
     N_("**s**: set the selected attendee's status (present, late, excused, absent)")},
    {'r', NULL, SESSION_REMARK, N_("r remark"), 3, N_("**r**: write a remark on the selected attendee")},
    {0, key_enter, SESSION_PRESENT, N_("Enter present"), 5,
     N_("**Enter** or **p**: present the course to those present (and late)")},
    {'p', NULL, SESSION_PRESENT, NULL, 0, NULL},
    {'c', NULL, SESSION_CLOSE, N_("c close"), 4, N_("**c**: close the session and record its end time")},
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
static void draw_selected_attendee(const tl_attendee_row *p, int rows, int cols)
{
    char label[160], line[800];
    participant_label(p->name, p->uuid, label, sizeof label);
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
    participant_label(p->name, p->uuid, label, sizeof label);
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
    snprintf(line, sizeof line, _("Attendees (%zu)"), ss->ts.n);
    ui_put(3, 1, cols - 2, line, A_BOLD);
    if (ss->ts.n == 0)
        ui_put(5, 2, cols - 4, _("No attendees yet: press a to add one."), A_DIM);
    /* The roll call scrolls; the selected attendee in full below it. */
    ss->cols = cols;
    int end = ss->ts.n > 0 ? rows - SELECTED_ROWS : rows;
    list_draw(&ss->roll, 4, end - 4, 2, cols - 4, attendee_text, ss);
    if (ss->ts.n > 0)
        draw_selected_attendee(&ss->ts.attendees[ss->roll.selected], rows, cols);
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
 * the whole session counts (*minutes -1). */
static bool ask_minutes(tl_app *app, int *minutes)
{
    char buf[8] = "";
    while (ui_prompt(app, _("Minutes taken part (empty: the whole session):"), buf, sizeof buf)) {
        if (minutes_parse(buf, minutes))
            return true;
        app_status(app, "%s", _("Write the minutes as a number from 1 to 1440, or leave it empty."));
    }
    return false;
}

static void set_status(tl_app *app, session_state *ss, bool remark)
{
    if (ss->ts.n == 0)
        return;
    tl_attendee_row *p = &ss->ts.attendees[ss->roll.selected];
    int status = p->status;
    char text[TL_REMARK_MAX_BYTES + 1];
    snprintf(text, sizeof text, "%s", p->remark);
    const char *choices[TL_ATT_COUNT];
    i18n_table(attendance_choices, choices, TL_ATT_COUNT);
    if (!remark && (status = ui_choose(app, _("Status"), choices, TL_ATT_COUNT, p->status)) < 0)
        return;
    if (remark && !ui_prompt(app, _("Remark:"), text, sizeof text))
        return;
    tl_error err;
    int minutes = -1;
    if (!remark && attendance_counts_minutes((tl_attendance)status) && !ask_minutes(app, &minutes))
        return;
    reload(app, ss,
           training_session_mark(app->store, &ss->ts, (size_t)ss->roll.selected, (tl_attendance)status, text, minutes,
                                 &err),
           &err);
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
    now_hhmm(end);
    if (!ask_end_time(app, ss->ts.info.start_time, end, sizeof end))
        return false;
    tl_error err;
    if (!reload(app, ss, training_session_close(app->store, &ss->ts, end, &err), &err))
        return false;
    app_status(app, _("Session closed at %s."), end);
    return true;
}

/* The course for those present (and late). */
static tl_screen *present(tl_app *app, session_state *ss)
{
    return course_screen_new(app, course_of_group(ss->content, &ss->ts));
}

static tl_screen_step session_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    session_state *ss = s->state;
    if (list_move_key(&ss->roll, k) || list_search_key(&ss->roll, app, k, attendee_text, ss))
        return SCREEN_STAY;
    switch (keymap_action(&session_keymap, k)) {
    case SESSION_ADD:
        add_attendee(app, ss);
        break;
    case SESSION_STATUS:
        set_status(app, ss, false);
        break;
    case SESSION_REMARK:
        set_status(app, ss, true);
        break;
    case SESSION_PRESENT:
        *next = present(app, ss);
        return SCREEN_PUSH;
    case SESSION_CLOSE:
        if (ss->ts.info.end_time[0])
            app_status(app, "%s", _("This session is already closed."));
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

static bool ask_date(tl_app *app, char *buf, size_t size)
{
    while (ui_prompt(app, _("Date (YYYY-MM-DD):"), buf, size)) {
        if (iso_date_valid(buf))
            return true;
        app_status(app, "%s", _("Write the date as YYYY-MM-DD, e.g. 2026-11-26."));
    }
    return false;
}

static tl_screen *new_session(tl_app *app, const char *curriculum_id)
{
    const tl_content *c = pick_curriculum(app, curriculum_id);
    if (!c)
        return NULL;
    char date[16], start[16], location[128] = "", trainer[128] = "", description[256] = "";
    today_iso(date);
    now_hhmm(start);
    if (!ask_date(app, date, sizeof date) || !ask_time(app, _("Start time (HH:MM):"), start, sizeof start) ||
        !ui_prompt(app, _("Location:"), location, sizeof location) ||
        !ui_prompt(app, _("Trainer:"), trainer, sizeof trainer) ||
        !ui_prompt(app, _("Description (optional):"), description, sizeof description))
        return NULL;
    tl_session_start start_as = {.date = date, .start_time = start, .location = location, .trainer = trainer,
                                 .description = description};
    tl_training_session ts = {0};
    tl_error err;
    if (!ui_ok(app, training_session_open(app->store, c, &start_as, &ts, &err), &err))
        return NULL;
    return session_screen_new(c, &ts);
}

static void session_label(const tl_session_row *r, char *out, size_t size)
{
    snprintf(out, size,
             _n("Continue: %s %s  %s  %s (%d attendee)", "Continue: %s %s  %s  %s (%d attendees)", r->attendees),
             r->date, r->start_time, r->curriculum_id, r->location, r->attendees);
}

tl_screen *train_open(tl_app *app, const char *arg)
{
    tl_session_row *rows;
    size_t n;
    int pick = pick_session(app, TL_SESSION_GROUP, true, _("Training session"), _("Start a new session"),
                            session_label, &rows, &n);
    tl_screen *s = NULL;
    if (pick == 0)
        s = new_session(app, arg);
    else if (pick > 0) {
        const tl_content *c = library_find(&app->lib, rows[pick - 1].curriculum_id);
        tl_training_session ts = {0};
        tl_error err;
        if (c && c->kind == TL_CURRICULUM) {
            if (ui_ok(app, training_session_load(app->store, rows[pick - 1].id, &ts, &err), &err))
                s = session_screen_new(c, &ts);
        } else
            app_status(app, _("The curriculum '%s' of that session is no longer in the content folder."),
                       rows[pick - 1].curriculum_id);
    }
    tl_session_rows_free(rows, n);
    return s;
}
