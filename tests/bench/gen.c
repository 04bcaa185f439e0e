/* Fills a tillit database with realistic synthetic data for benchmarks:
 *   gen DB SESSIONS [ATTENDEES_PER_SESSION]
 * Each session has attendees from a pool of organisations, module progress,
 * one knowledge-check attempt per attendee and module with 5 answers, a
 * pre and a post check; plus one checklist run per 10 sessions with 20
 * answers. Rows go in through the real schema (store_open creates it), in
 * large transactions, since this is a generator and not the program. */
#include "store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const modules[] = {"situation", "law", "signs", "meeting", "action", "partnership"};
enum { N_MODULES = 6, N_ORGS = 40, QUESTIONS = 5 };

static void must(tl_status st, const tl_error *err)
{
    if (st != TL_OK) {
        fprintf(stderr, "gen: %s\n", err->msg);
        exit(1);
    }
}

static sqlite3_stmt *prep(tl_store *s, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "gen: %s\n", sqlite3_errmsg(s->db));
        exit(1);
    }
    return st;
}

static void step(tl_store *s, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE) {
        fprintf(stderr, "gen: %s\n", sqlite3_errmsg(s->db));
        exit(1);
    }
    sqlite3_reset(st);
}

static void fake_uuid(char out[37], long long n, int kind)
{
    snprintf(out, 37, "%08x-0000-4000-8000-%012llx", (unsigned)kind, (unsigned long long)n & 0xFFFFFFFFFFFFULL);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: gen DB SESSIONS [ATTENDEES]\n", stderr);
        return 64;
    }
    long sessions = atol(argv[2]), per = argc > 3 ? atol(argv[3]) : 10;
    tl_store *s;
    tl_error err;
    must(store_open(argv[1], false, &s, &err), &err);
    sqlite3_exec(s->db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *org = prep(s, "INSERT INTO organisation (uuid, name, type) VALUES (?, ?, ?)");
    for (int o = 0; o < N_ORGS; o++) {
        char uuid[37], name[64];
        fake_uuid(uuid, o, 1);
        snprintf(name, sizeof name, "Organisation %d", o);
        sqlite3_bind_text(org, 1, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(org, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(org, 3, tl_org_type_names[o % TL_ORG_TYPE_COUNT], -1, SQLITE_STATIC);
        step(s, org);
    }
    sqlite3_stmt *ses = prep(s, "INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, "
                                "content_hash, date, start_time, end_time, location, trainer) VALUES "
                                "(?, ?, 'group', 'thai-massage-parlours', '1', '0123456789abcdef', ?, '09:00', '12:00', 'Malmö', 'Trainer')");
    sqlite3_stmt *par = prep(s, "INSERT INTO participant (id, uuid, name, organisation_id, level) VALUES (?, ?, NULL, ?, ?)");
    sqlite3_stmt *att = prep(s, "INSERT INTO attendance (session_id, participant_id, status) VALUES (?, ?, ?)");
    sqlite3_stmt *pro = prep(s, "INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, "
                                "seconds_spent, completed_at) VALUES (?, ?, ?, 4, 5, 600, '2026-01-01T12:00:00Z')");
    sqlite3_stmt *atp = prep(s, "INSERT INTO check_attempt (id, uuid, session_id, participant_id, check_id, phase, "
                                "attempt_no, finished_at, score, max_score, passed) VALUES (?, ?, ?, ?, ?, ?, 1, "
                                "'2026-01-01T12:00:00Z', ?, 5, ?)");
    sqlite3_stmt *ans = prep(s, "INSERT INTO check_answer (attempt_id, question_id, chosen, correct) VALUES (?, ?, ?, ?)");
    long long person = 0, attempt = 0;
    for (long i = 1; i <= sessions; i++) {
        char uuid[37], date[11];
        fake_uuid(uuid, i, 2);
        snprintf(date, sizeof date, "2026-%02ld-%02ld", 1 + i % 12, 1 + i % 28);
        sqlite3_bind_int64(ses, 1, i);
        sqlite3_bind_text(ses, 2, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ses, 3, date, -1, SQLITE_TRANSIENT);
        step(s, ses);
        for (long a = 0; a < per; a++) {
            person++;
            fake_uuid(uuid, person, 3);
            sqlite3_bind_int64(par, 1, person);
            sqlite3_bind_text(par, 2, uuid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(par, 3, 1 + person % N_ORGS);
            sqlite3_bind_text(par, 4, tl_level_names[person % 3 == 0], -1, SQLITE_STATIC);
            step(s, par);
            sqlite3_bind_int64(att, 1, i);
            sqlite3_bind_int64(att, 2, person);
            sqlite3_bind_text(att, 3, tl_attendance_names[person % 7 == 0 ? TL_ATT_LATE : TL_ATT_PRESENT], -1, SQLITE_STATIC);
            step(s, att);
            /* one module per attendee (group sessions teach a module at a time) */
            const char *mod = modules[i % N_MODULES];
            sqlite3_bind_int64(pro, 1, i);
            sqlite3_bind_int64(pro, 2, person);
            sqlite3_bind_text(pro, 3, mod, -1, SQLITE_STATIC);
            step(s, pro);
            for (int ph = 0; ph < 3; ph++) {
                attempt++;
                int score = (int)((person + ph) % 6);
                fake_uuid(uuid, attempt, 4);
                sqlite3_bind_int64(atp, 1, attempt);
                sqlite3_bind_text(atp, 2, uuid, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(atp, 3, i);
                sqlite3_bind_int64(atp, 4, person);
                sqlite3_bind_text(atp, 5, ph == 0 ? mod : "pre_post", -1, SQLITE_STATIC);
                sqlite3_bind_text(atp, 6, tl_phase_names[ph], -1, SQLITE_STATIC);
                sqlite3_bind_int(atp, 7, score);
                sqlite3_bind_int(atp, 8, score >= 4);
                step(s, atp);
                for (int q = 0; q < QUESTIONS; q++) {
                    char qid[8];
                    snprintf(qid, sizeof qid, "q%d", q + 1);
                    sqlite3_bind_int64(ans, 1, attempt);
                    sqlite3_bind_text(ans, 2, qid, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_int(ans, 3, 1 << (q % 3));
                    sqlite3_bind_int(ans, 4, q < score);
                    step(s, ans);
                }
            }
        }
        if (i % 10 == 0) {
            long long r = i / 10;
            char ref[32];
            snprintf(ref, sizeof ref, "case %lld", r);
            fake_uuid(uuid, r, 5);
            tl_id run;
            sqlite3_stmt *cr = prep(s, "INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, "
                                       "case_ref, outcome_id, created_at) VALUES (?, 'trafficking-indicators', '1', "
                                       "'0123456789abcdef', ?, ?, ?)");
            char created[21];
            snprintf(created, sizeof created, "2026-%02lld-15T10:00:00Z", 1 + r % 12);
            static const char *const outcomes[] = {"none-noted", "few-signs", "some-signs", "strong-signs"};
            sqlite3_bind_text(cr, 1, uuid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(cr, 2, ref, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(cr, 3, outcomes[r % 4], -1, SQLITE_STATIC);
            sqlite3_bind_text(cr, 4, created, -1, SQLITE_TRANSIENT);
            step(s, cr);
            sqlite3_finalize(cr);
            run = sqlite3_last_insert_rowid(s->db);
            sqlite3_stmt *ca = prep(s, "INSERT INTO checklist_answer (run_id, indicator_id, answer) VALUES (?, ?, ?)");
            for (int k = 0; k < 20; k++) {
                char ind[16];
                snprintf(ind, sizeof ind, "ind-%d", k);
                sqlite3_bind_int64(ca, 1, run);
                sqlite3_bind_text(ca, 2, ind, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(ca, 3, tl_answer_names[1 + k % 4], -1, SQLITE_STATIC);
                step(s, ca);
            }
            sqlite3_finalize(ca);
        }
        if (i % 5000 == 0)
            sqlite3_exec(s->db, "COMMIT; BEGIN", NULL, NULL, NULL);
    }
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_stmt *all[] = {org, ses, par, att, pro, atp, ans};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    store_close(s);
    printf("%ld sessions, %lld attendances, %lld attempts\n", sessions, person, attempt);
    return 0;
}
