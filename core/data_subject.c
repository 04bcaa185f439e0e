#include "data_subject.h"

#include "access_log.h"
#include "retention.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_column(sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    char *copy = v ? strdup((const char *)v) : NULL;
    if (v && !copy)
        abort();
    return copy;
}

tl_status person_find(tl_store *s, const char *who, const char *organisation, tl_person **out, size_t *n,
                      tl_error *err)
{
    *out = NULL;
    *n = 0;
    if (!*who) /* an empty text is in every name */
        return tl_fail(err, TL_USAGE, "name a participant: a part of the name, or the id");
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err,
        "SELECT p.id, p.uuid, p.name, o.name, p.level, "
        "  (SELECT count(*) FROM (SELECT session_id FROM attendance WHERE participant_id = p.id UNION "
        "   SELECT session_id FROM module_progress WHERE participant_id = p.id UNION "
        "   SELECT session_id FROM check_attempt WHERE participant_id = p.id)) "
        "FROM participant p JOIN organisation o ON o.id = p.organisation_id "
        "WHERE (p.uuid = ?1 OR instr(lower(p.name), lower(?1)) > 0) "
        "AND (?2 IS NULL OR instr(lower(o.name), lower(?2)) > 0) "
        "ORDER BY p.name, o.name, p.id",
        "tt", who, organisation);
    if (ps != TL_OK)
        return ps;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            tl_person *grown = realloc(*out, cap * sizeof **out);
            if (!grown)
                abort();
            *out = grown;
        }
        tl_person *p = &(*out)[(*n)++];
        p->id = sqlite3_column_int64(st, 0);
        sql_text(st, 1, p->uuid, sizeof p->uuid);
        p->name = dup_column(st, 2);
        p->organisation = dup_column(st, 3);
        sql_text(st, 4, p->level, sizeof p->level);
        p->sessions = sqlite3_column_int64(st, 5);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        person_list_free(*out, *n);
        *out = NULL;
        *n = 0;
        return sql_fail(s, err, rc, "cannot search the participants");
    }
    if (*n == 0)
        return tl_fail(err, TL_NOINPUT, "no participant matches '%s'%s%s", who,
                       organisation ? " in an organisation matching " : "", organisation ? organisation : "");
    return TL_OK;
}

void person_list_free(tl_person *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].organisation);
    }
    free(list);
}

tl_status forget_plan(tl_store *s, tl_id participant, tl_forget_plan *plan, tl_error *err)
{
    *plan = (tl_forget_plan){0};
    int64_t named = 0;
    const int64_t p = participant;
    tl_status st = sql_int(s, err, &named, "SELECT name IS NOT NULL FROM participant WHERE id = ?", "i", p);
    if (st == TL_OK && named < 0)
        return tl_fail(err, TL_NOINPUT, "no participant %lld", (long long)p);
    plan->has_name = named == 1;
    if (st == TL_OK)
        st = sql_int(s, err, &plan->attendances, "SELECT count(*) FROM attendance WHERE participant_id = ?", "i", p);
    if (st == TL_OK)
        st = sql_int(s, err, &plan->remarks,
                     "SELECT count(*) FROM attendance WHERE participant_id = ? AND remark IS NOT NULL", "i", p);
    if (st == TL_OK)
        st = sql_int(s, err, &plan->progress, "SELECT count(*) FROM module_progress WHERE participant_id = ?",
                     "i", p);
    if (st == TL_OK)
        st = sql_int(s, err, &plan->attempts, "SELECT count(*) FROM check_attempt WHERE participant_id = ?",
                     "i", p);
    if (st == TL_OK)
        st = sql_int(s, err, &plan->answers,
                     "SELECT count(*) FROM check_answer WHERE attempt_id IN "
                     "(SELECT id FROM check_attempt WHERE participant_id = ?)", "i", p);
    return st;
}

/* The free texts that can name a participant: the name and the remarks on
 * their attendance; and their personal code for self-study, with which
 * whoever knew it could still find their records. Sessions' places,
 * trainers and descriptions describe the session, not an attendee, and
 * stay. */
static tl_status anonymise(tl_store *s, int64_t p, tl_error *err)
{
    tl_status st =
        sql_run(s, err, NULL, "UPDATE participant SET name = NULL, study_code = NULL WHERE id = ?", "i", p);
    if (st == TL_OK)
        st = sql_run(s, err, NULL, "UPDATE attendance SET remark = NULL WHERE participant_id = ?", "i", p);
    return st;
}

static tl_status delete_records(tl_store *s, int64_t p, tl_error *err)
{
    static const char *const deletes[] = {
        "DELETE FROM check_attempt WHERE participant_id = ?", /* answers by cascade */
        "DELETE FROM module_progress WHERE participant_id = ?",
        "DELETE FROM attendance WHERE participant_id = ?",
        "DELETE FROM participant WHERE id = ?",
    };
    tl_status st = TL_OK;
    for (size_t i = 0; st == TL_OK && i < sizeof deletes / sizeof deletes[0]; i++)
        st = sql_run(s, err, NULL, deletes[i], "i", p);
    return st;
}

tl_status forget_person(tl_store *s, tl_id participant, bool delete_all, tl_error *err)
{
    char uuid[37] = "", detail[96];
    const int64_t p = participant;
    tl_status st = sql_begin(s, err);
    if (st != TL_OK)
        return st;
    sqlite3_stmt *q;
    st = sql_query(s, &q, err, "SELECT uuid FROM participant WHERE id = ?", "i", p);
    if (st == TL_OK) {
        int rc = sqlite3_step(q);
        if (rc == SQLITE_ROW)
            sql_text(q, 0, uuid, sizeof uuid);
        else
            st = rc == SQLITE_DONE ? tl_fail(err, TL_NOINPUT, "no participant %lld", (long long)p)
                                   : sql_fail(s, err, rc, "cannot read");
        sqlite3_finalize(q);
    }
    if (st == TL_OK)
        st = delete_all ? delete_records(s, p, err) : anonymise(s, p, err);
    snprintf(detail, sizeof detail, "participant %s %s", uuid, delete_all ? "deleted" : "anonymised");
    if (st == TL_OK)
        st = access_log_add(s, TL_LOG_FORGET, detail, err);
    st = sql_end(s, st, err);
    return st == TL_OK ? scrub_deleted(s, false, err) : st;
}
