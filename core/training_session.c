#include "training_session.h"

#include "intl.h"
#include "store_edit.h"
#include "vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void training_session_clear(tl_training_session *ts)
{
    tl_session_row_clear(&ts->info);
    tl_attendee_rows_free(ts->attendees, ts->n);
    ts->attendees = NULL;
    ts->n = 0;
}

tl_status training_session_load(tl_store *s, tl_id id, tl_training_session *out, tl_error *err)
{
    tl_training_session ts = {0};
    tl_status st = store_session_get(s, id, &ts.info, err);
    if (st == TL_OK)
        st = store_attendees(s, id, &ts.attendees, &ts.n, err);
    if (st != TL_OK) {
        training_session_clear(&ts);
        return st;
    }
    training_session_clear(out);
    *out = ts;
    return TL_OK;
}

size_t training_session_find(const tl_training_session *ts, tl_id participant)
{
    size_t i = 0;
    while (i < ts->n && ts->attendees[i].participant != participant)
        i++;
    return i;
}

static tl_session_info session_info(const tl_content *curriculum, tl_session_kind kind,
                                    const tl_session_start *start)
{
    return (tl_session_info){.kind = kind, .curriculum_id = curriculum->u.h->id,
                             .curriculum_version = curriculum->u.h->version, .content_hash = curriculum->hash,
                             .date = start->date, .start_time = start->start_time,
                             .location = start->location && *start->location ? start->location : NULL,
                             .trainer = start->trainer && *start->trainer ? start->trainer : NULL,
                             .description = start->description && *start->description ? start->description : NULL};
}

tl_status training_session_open(tl_store *s, const tl_content *curriculum, const tl_session_start *start,
                                tl_training_session *out, tl_error *err)
{
    tl_session_info info = session_info(curriculum, TL_SESSION_GROUP, start);
    tl_id id;
    char uuid[37];
    tl_status st = store_session_create(s, &info, &id, uuid, err);
    return st == TL_OK ? training_session_load(s, id, out, err) : st;
}

/* A text entered with at most max bytes; too_long: the refusal, a format
 * with the length and the limit (whole sentences, for the translation). */
static tl_status check_length(const char *too_long, const char *text, size_t max, tl_error *err)
{
    size_t n = text ? strlen(text) : 0;
    return n <= max ? TL_OK : tl_fail(err, TL_DATAERR, too_long, n, max);
}

/* A new participant, in the caller's transaction. */
static tl_status add_person(tl_store *s, const tl_new_person *who, tl_id *person, tl_error *err)
{
    tl_status st = check_length(_("the name is %zu bytes long; at most %zu can be entered"), who->name, TL_NAME_MAX_BYTES, err);
    if (st != TL_OK)
        return st;
    return store_participant_add(s, who->name && *who->name ? who->name : NULL, who->organisation, who->level,
                                 person, err);
}

bool training_session_closed(const tl_training_session *ts)
{
    return ts->info.end_time[0] != '\0';
}

/* Changes to the roll call and the details wait until a closed session is
 * reopened. */
static tl_status open_for_changes(const tl_training_session *ts, tl_error *err)
{
    return training_session_closed(ts) ? tl_fail(err, TL_DATAERR, "%s", _("the session is closed: reopen it to correct it"))
                                       : TL_OK;
}

tl_status training_session_add_new(tl_store *s, tl_training_session *ts, const tl_new_person *who,
                                   tl_id *person, tl_error *err)
{
    tl_status st = open_for_changes(ts, err);
    if (st == TL_OK)
        st = store_begin(s, err);
    if (st != TL_OK)
        return st;
    st = add_person(s, who, person, err);
    if (st == TL_OK)
        st = store_attendance_set(s, ts->info.id, *person, TL_ATT_PRESENT, NULL, err);
    st = store_end(s, st, err);
    return st == TL_OK ? training_session_load(s, ts->info.id, ts, err) : st;
}

tl_status training_session_add_known(tl_store *s, tl_training_session *ts, tl_id participant, bool *added,
                                     tl_error *err)
{
    *added = false;
    tl_status st = open_for_changes(ts, err);
    if (st == TL_OK)
        st = store_attendance_add(s, ts->info.id, participant, TL_ATT_PRESENT, added, err);
    return st == TL_OK ? training_session_load(s, ts->info.id, ts, err) : st;
}

tl_status training_session_mark(tl_store *s, tl_training_session *ts, size_t i, tl_attendance status,
                                const char *remark, int minutes, tl_error *err)
{
    if (i >= ts->n || status >= TL_ATT_COUNT)
        return tl_fail(err, TL_DATAERR, "no such attendee or status");
    tl_status st = open_for_changes(ts, err);
    if (st == TL_OK)
        st = check_length(_("the remark is %zu bytes long; at most %zu can be entered"), remark,
                          TL_REMARK_MAX_BYTES, err);
    if (st != TL_OK)
        return st;
    tl_id who = ts->attendees[i].participant;
    st = store_begin(s, err);
    if (st == TL_OK)
        st = store_attendance_set(s, ts->info.id, who, status, remark && *remark ? remark : NULL, err);
    if (st == TL_OK && attendance_counts_minutes(status))
        st = store_attendance_minutes(s, ts->info.id, who, minutes, err);
    st = store_end(s, st, err);
    return st == TL_OK ? training_session_load(s, ts->info.id, ts, err) : st;
}

tl_status training_session_close(tl_store *s, tl_training_session *ts, const char *end_time, tl_error *err)
{
    tl_status st = store_session_close(s, ts->info.id, end_time, err);
    return st == TL_OK ? training_session_load(s, ts->info.id, ts, err) : st;
}

/* ---- corrections ---- */

/* Reads the session again after a change that went through. */
static tl_status reloaded(tl_store *s, tl_training_session *ts, tl_status st, tl_error *err)
{
    return st == TL_OK ? training_session_load(s, ts->info.id, ts, err) : st;
}

/* Attendee i of an open session: its participant into *who. */
static tl_status attendee_to_change(const tl_training_session *ts, size_t i, tl_id *who, tl_error *err)
{
    if (i >= ts->n)
        return tl_fail(err, TL_DATAERR, _("no attendee %zu on the roll call"), i + 1);
    *who = ts->attendees[i].participant;
    return open_for_changes(ts, err);
}

tl_status training_session_edit_attendee(tl_store *s, tl_training_session *ts, size_t i, const tl_attendee_edit *e,
                                         tl_error *err)
{
    tl_id who = 0;
    tl_status st = attendee_to_change(ts, i, &who, err);
    if (st == TL_OK)
        st = check_length(_("the name is %zu bytes long; at most %zu can be entered"), e->name, TL_NAME_MAX_BYTES,
                          err);
    if (st == TL_OK)
        st = check_length(_("the remark is %zu bytes long; at most %zu can be entered"), e->remark,
                          TL_REMARK_MAX_BYTES, err);
    if (st == TL_OK)
        st = store_attendee_edit(s, ts->info.id, who, e, err);
    return reloaded(s, ts, st, err);
}

tl_status training_session_remove_attendee(tl_store *s, tl_training_session *ts, size_t i, tl_error *err)
{
    tl_id who = 0;
    tl_status st = attendee_to_change(ts, i, &who, err);
    if (st == TL_OK)
        st = store_attendee_remove(s, ts->info.id, who, err);
    return reloaded(s, ts, st, err);
}

tl_status training_session_edit_details(tl_store *s, tl_training_session *ts, const tl_session_edit *e,
                                        tl_error *err)
{
    tl_session_edit open = *e;
    open.end_time = NULL;
    tl_status st = open_for_changes(ts, err);
    if (st == TL_OK)
        st = store_session_edit(s, ts->info.id, &open, err);
    return reloaded(s, ts, st, err);
}

tl_status training_session_cancel(tl_store *s, tl_training_session *ts, bool cancelled, tl_error *err)
{
    return reloaded(s, ts, store_session_cancel(s, ts->info.id, cancelled, err), err);
}

tl_status training_session_reopen(tl_store *s, tl_training_session *ts, tl_error *err)
{
    return reloaded(s, ts, store_session_reopen(s, ts->info.id, err), err);
}

void attendee_label(const char *name, size_t place, char *out, size_t size)
{
    if (name && *name)
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, _("Attendee %d"), (int)place);
}

tl_status self_study_start(tl_store *s, const tl_content *curriculum, const tl_session_start *start,
                           tl_id learner, const tl_new_person *who, tl_id *session, tl_id *person,
                           tl_study_code code, tl_error *err)
{
    tl_session_info info = session_info(curriculum, TL_SESSION_SELF, start);
    char uuid[37];
    tl_status st = store_begin(s, err);
    if (st != TL_OK)
        return st;
    *person = learner;
    if (!learner)
        st = add_person(s, who, person, err);
    if (st == TL_OK)
        st = learner_code(s, *person, code, err);
    if (st == TL_OK)
        st = store_session_create(s, &info, session, uuid, err);
    if (st == TL_OK)
        st = store_attendance_set(s, *session, *person, TL_ATT_PRESENT, NULL, err);
    return store_end(s, st, err);
}

/* ---- lists ---- */

bool training_session_unfinished(const tl_session_row *r)
{
    return !r->end_time[0] && !r->cancelled;
}

tl_status training_sessions_list(tl_store *s, tl_session_kind kind, bool open_only, size_t max,
                                 tl_session_row **rows, size_t *n, tl_error *err)
{
    return store_sessions_list(s, kind, open_only, max, rows, n, err);
}

tl_status organisations_list(tl_store *s, tl_org_row **rows, size_t *n, tl_error *err)
{
    return store_organisations(s, rows, n, err);
}

tl_status organisation_names(tl_store *s, char ***names, size_t *n, tl_error *err)
{
    tl_org_row *rows;
    size_t count;
    *names = NULL;
    *n = 0;
    tl_status st = organisations_list(s, &rows, &count, err);
    for (size_t i = 0; st == TL_OK && i < count; i++) {
        if (*n > 0 && strcmp((*names)[*n - 1], rows[i].name) == 0)
            continue;
        char *copy = strdup(rows[i].name);
        if (!copy)
            abort();
        *VEC_PUSH(*names, *n) = copy;
    }
    if (st == TL_OK)
        tl_org_rows_free(rows, count);
    return st;
}

void organisation_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

tl_status organisation_add(tl_store *s, const char *name, tl_org_type type, tl_id *id, tl_error *err)
{
    if (!name || !*name)
        return tl_fail(err, TL_DATAERR, "an organisation needs a name");
    tl_status st = check_length(_("the organisation's name is %zu bytes long; at most %zu can be entered"), name, TL_NAME_MAX_BYTES, err);
    if (st != TL_OK)
        return st;
    return store_organisation(s, name, type, id, err);
}

tl_status people_named(tl_store *s, const char *fragment, tl_id session, size_t max,
                       tl_known_participant **rows, size_t *n, tl_error *err)
{
    return store_participants_named(s, fragment, session, max + 1, rows, n, err);
}
