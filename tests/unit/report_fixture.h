/* One site's training year, filled through the store API, for the report,
 * export and merge tests. Everything that would differ between two fills
 * (random UUIDs, 'now' timestamps) is then set to fixed values, so that two
 * stores filled alike give the same report. docs/report-format.md has the
 * numbers this data must give; the tests assert them.
 *
 *   organisations  Malmö stad (social_services), Polisen Syd (police)
 *   participants   P1 Malmö operational "Anna Andersson"
 *                  P2 Malmö strategic, no name
 *                  P3 Polisen operational "Björn <&> Berg"
 *   S1 group course-a 1  2025-03-10 09:00-12:30  P1 present, P2 late, P3 absent
 *        P1: pre 2/4, intro completed, law completed, law 1/2 failed then
 *            2/2 passed, post 4/4; P2: pre 1/4, law started
 *   S2 group course-a 1  2025-04-02 13:00-15:00  P1 present, P3 present
 *        P3: pre 3/4, law completed, law 2/2 passed, post 3/4
 *   S3 self  course-a 1  2025-04-20 10:00 (open)  P2 without a roll call:
 *        law completed (no check passed), post 2/4
 *   S4 group course-a 1  2024-12-01 10:00-11:00  P1 present, intro started
 *   S5 group course-b 2  2025-05-05 23:00-01:00  P3 present
 *   checklist runs  ilo: 2025-03 signs x2, not assessed x1; 2025-04
 *                   none-noted x1; 2024-11 signs x1. inspect: 2025-04 signs x1
 */
#ifndef TILLIT_REPORT_FIXTURE_H
#define TILLIT_REPORT_FIXTURE_H

#include "testutil.h"

#include "store.h"
#include "store_internal.h"

#define FX_HASH "0123456789abcdef"

static inline void fx_ok(tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        fail_msg("store: %s", err->msg);
}

static inline void fx_uuid(char out[37], unsigned site, unsigned n)
{
    snprintf(out, 37, "%08x-0000-4000-8000-%012x", site, n);
}

/* Gives row `id` of table a fixed UUID (tables named in fixed SQL). */
static inline void fx_set_uuid(tl_store *s, const char *table, tl_id id, unsigned site, unsigned n)
{
    char uuid[37];
    fx_uuid(uuid, site, n);
    tl_error err = {0};
    const char *sql = strcmp(table, "participant") == 0 ? "UPDATE participant SET uuid = ? WHERE id = ?"
                      : strcmp(table, "session") == 0   ? "UPDATE training_session SET uuid = ? WHERE id = ?"
                                                        : "UPDATE check_attempt SET uuid = ? WHERE id = ?";
    fx_ok(sql_run(s, &err, NULL, sql, "ti", uuid, (int64_t)id), &err);
}

typedef struct {
    tl_store *s;
    unsigned site, next_attempt;
} fx_site;

static inline tl_id fx_session(fx_site *f, unsigned n, tl_session_kind kind, const char *cur,
                               const char *ver, const char *date, const char *start, const char *end,
                               const char *trainer)
{
    tl_session_info info = {kind, cur, ver, FX_HASH, date, start, "Malmö", trainer, NULL};
    tl_id id;
    char uuid[37];
    tl_error err = {0};
    fx_ok(store_session_create(f->s, &info, &id, uuid, &err), &err);
    if (end)
        fx_ok(store_session_close(f->s, id, end, &err), &err);
    fx_set_uuid(f->s, "session", id, f->site, n);
    return id;
}

/* A finished attempt with one answer per point of max (the first `score`
 * right); correct answers chose choice 1, wrong ones choices 0 and 2. */
static inline void fx_attempt(fx_site *f, tl_id session, tl_id p, const char *check, tl_phase phase,
                              int score, int max, bool passed)
{
    tl_id a;
    tl_error err = {0};
    fx_ok(store_attempt_start(f->s, session, p, check, phase, &a, &err), &err);
    for (int q = 0; q < max; q++) {
        char qid[16];
        snprintf(qid, sizeof qid, "q%d", q + 1);
        fx_ok(store_answer_record(f->s, a, qid, q < score ? 2u : 5u, q < score, &err), &err);
    }
    fx_ok(store_attempt_finish(f->s, a, score, max, passed, &err), &err);
    fx_set_uuid(f->s, "attempt", a, f->site, 100 + f->next_attempt++);
}

static inline void fx_progress(fx_site *f, tl_id session, tl_id p, const char *module, int seconds,
                               bool completed)
{
    tl_error err = {0};
    fx_ok(store_progress_set(f->s, session, p, module, completed ? 2 : 0, 3, seconds, completed, &err),
          &err);
}

static inline void fx_attend(fx_site *f, tl_id session, tl_id p, tl_attendance status)
{
    tl_error err = {0};
    fx_ok(store_attendance_set(f->s, session, p, status, "a remark never exported", &err), &err);
}

/* n runs of checklist cl started in month (YYYY-MM), assessed as outcome. */
static inline void fx_runs(fx_site *f, const char *cl, const char *month, const char *outcome, int n)
{
    tl_header h = {.kind = TL_CHECKLIST, .id = cl, .version = "1"};
    tl_content c = {.kind = TL_CHECKLIST, .hash = FX_HASH};
    c.u.h = &h;
    char created[32];
    snprintf(created, sizeof created, "%s-15T08:00:00Z", month);
    for (int i = 0; i < n; i++) {
        tl_id run;
        tl_error err = {0};
        fx_ok(store_run_create(f->s, &c, "CASE-REF-NEVER-EXPORTED", &run, &err), &err);
        fx_ok(store_run_answer(f->s, run, "debt-bondage", TL_A_YES, "a secret note", &err), &err);
        fx_ok(sql_run(f->s, &err, NULL, "UPDATE checklist_run SET outcome_id = ?, created_at = ? WHERE id = ?",
                      "tti", outcome, created, (int64_t)run),
              &err);
    }
}

/* Module progress and attempts at fixed times: the session's day, 10:00
 * to start, 10:10 to finish or complete. */
static inline void fx_fix_times(tl_store *s)
{
    tl_error err = {0};
    fx_ok(sql_run(s, &err, NULL,
                  "UPDATE module_progress SET "
                  "started_at = (SELECT date FROM training_session t WHERE t.id = session_id) || 'T10:00:00Z', "
                  "updated_at = (SELECT date FROM training_session t WHERE t.id = session_id) || 'T10:10:00Z', "
                  "completed_at = CASE WHEN completed_at IS NOT NULL THEN "
                  "(SELECT date FROM training_session t WHERE t.id = session_id) || 'T10:10:00Z' END",
                  ""),
          &err);
    fx_ok(sql_run(s, &err, NULL,
                  "UPDATE check_attempt SET "
                  "started_at = (SELECT date FROM training_session t WHERE t.id = session_id) || 'T10:00:00Z', "
                  "finished_at = (SELECT date FROM training_session t WHERE t.id = session_id) || 'T10:10:00Z'",
                  ""),
          &err);
}

static inline void fx_fill_site(tl_store *s, unsigned site)
{
    fx_site f = {s, site, 0};
    tl_error err = {0};
    tl_id malmo, police, p1, p2, p3;
    fx_ok(store_organisation(s, "Malmö stad", TL_ORG_SOCIAL_SERVICES, &malmo, &err), &err);
    fx_ok(store_organisation(s, "Polisen Syd", TL_ORG_POLICE, &police, &err), &err);
    fx_ok(store_participant_add(s, "Anna Andersson", malmo, TL_LEVEL_OPERATIONAL, &p1, &err), &err);
    fx_ok(store_participant_add(s, NULL, malmo, TL_LEVEL_STRATEGIC, &p2, &err), &err);
    fx_ok(store_participant_add(s, "Björn <&> Berg", police, TL_LEVEL_OPERATIONAL, &p3, &err), &err);
    fx_set_uuid(s, "participant", p1, site, 1);
    fx_set_uuid(s, "participant", p2, site, 2);
    fx_set_uuid(s, "participant", p3, site, 3);

    tl_id s1 = fx_session(&f, 11, TL_SESSION_GROUP, "course-a", "1", "2025-03-10", "09:00", "12:30",
                          "Tränare \"Ett\"");
    fx_attend(&f, s1, p1, TL_ATT_PRESENT);
    fx_attend(&f, s1, p2, TL_ATT_LATE);
    fx_attend(&f, s1, p3, TL_ATT_ABSENT);
    fx_attempt(&f, s1, p1, "pre_post", TL_PHASE_PRE, 2, 4, false);
    fx_progress(&f, s1, p1, "intro", 200, true);
    fx_progress(&f, s1, p1, "law", 300, true);
    fx_attempt(&f, s1, p1, "law", TL_PHASE_MODULE, 1, 2, false);
    fx_attempt(&f, s1, p1, "law", TL_PHASE_MODULE, 2, 2, true);
    fx_attempt(&f, s1, p1, "pre_post", TL_PHASE_POST, 4, 4, true);
    fx_attempt(&f, s1, p2, "pre_post", TL_PHASE_PRE, 1, 4, false);
    fx_progress(&f, s1, p2, "law", 120, false);

    tl_id s2 = fx_session(&f, 12, TL_SESSION_GROUP, "course-a", "1", "2025-04-02", "13:00", "15:00",
                          "Tränare Två");
    fx_attend(&f, s2, p1, TL_ATT_PRESENT);
    fx_attend(&f, s2, p3, TL_ATT_PRESENT);
    fx_attempt(&f, s2, p3, "pre_post", TL_PHASE_PRE, 3, 4, true);
    fx_progress(&f, s2, p3, "law", 400, true);
    fx_attempt(&f, s2, p3, "law", TL_PHASE_MODULE, 2, 2, true);
    fx_attempt(&f, s2, p3, "pre_post", TL_PHASE_POST, 3, 4, true);

    tl_id s3 = fx_session(&f, 13, TL_SESSION_SELF, "course-a", "1", "2025-04-20", "10:00", NULL, NULL);
    fx_progress(&f, s3, p2, "law", 600, true);
    fx_attempt(&f, s3, p2, "pre_post", TL_PHASE_POST, 2, 4, false);

    tl_id s4 = fx_session(&f, 14, TL_SESSION_GROUP, "course-a", "1", "2024-12-01", "10:00", "11:00",
                          "Tränare Två");
    fx_attend(&f, s4, p1, TL_ATT_PRESENT);
    fx_progress(&f, s4, p1, "intro", 100, false);

    tl_id s5 = fx_session(&f, 15, TL_SESSION_GROUP, "course-b", "2", "2025-05-05", "23:00", "01:00",
                          "Tränare Två");
    fx_attend(&f, s5, p3, TL_ATT_PRESENT);

    fx_runs(&f, "ilo", "2025-03", "signs", 2);
    fx_runs(&f, "ilo", "2025-03", NULL, 1);
    fx_runs(&f, "ilo", "2025-04", "none-noted", 1);
    fx_runs(&f, "ilo", "2024-11", "signs", 1);
    fx_runs(&f, "inspect", "2025-04", "signs", 1);
    fx_fix_times(s);
}

/* A new store at dir/name. */
static inline tl_store *fx_store(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    tl_store *s = NULL;
    tl_error err = {0};
    fx_ok(store_open(path, false, &s, &err), &err);
    return s;
}

#endif
