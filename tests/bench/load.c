/* load DB PROCESSES SECONDS: many users on one database (docs/privacy.md,
 * docs/performance.md). PROCESSES tillit processes, no terminal, work
 * through the core for SECONDS against one database, as a working day of
 * a site would, without pauses: attendance entries (a participant and
 * their attendance), checklist answers (each to a new indicator of its
 * own run, so every one is a new row) and, now and then, an export.
 * Each process counts what the core said was saved and every error it got;
 * afterwards the database must hold exactly that: no lost and no
 * duplicated record. Prints the p50/p99 latency of one answer, the
 * answers per second and the errors (a "database is locked" among them
 * would be one reaching a user). Exit 1 when a count differs or an error
 * came. */
#include "content.h"
#include "report_xml.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { EXPORT_EVERY_SECONDS = 20, MAX_ANSWERS = 1 << 20 };

typedef struct {
    long attendances, answers, runs, exports, errors, locked;
} tally;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void count_error(tally *t, const tl_error *err)
{
    t->errors++;
    t->locked += strstr(err->msg, "locked") != NULL;
    if (t->errors <= 3)
        fprintf(stderr, "load: %s\n", err->msg);
}

/* One user's working day, compressed: the latencies of the answers go to
 * lat (one double each), the tally to out. */
static int worker(const char *path, const tl_content *c, int who, double seconds, FILE *lat, FILE *out)
{
    tally t = {0};
    tl_store *s;
    tl_error err = {0};
    if (store_open(path, false, &s, &err) != TL_OK) {
        fprintf(stderr, "load: %s\n", err.msg);
        return 1;
    }
    srand((unsigned)who * 7919u + 1);
    const tl_checklist *cl = c->u.checklist;
    char date[16];
    snprintf(date, sizeof date, "2026-%02d-%02d", 1 + who % 12, 1 + who % 28);
    tl_session_info info = {.kind = TL_SESSION_GROUP, .curriculum_id = "load", .curriculum_version = "1",
                            .content_hash = "0123456789abcdef", .date = date, .start_time = "09:00"};
    tl_id session = 0, org = 0, run = 0;
    char uuid[37];
    if (store_session_create(s, &info, &session, uuid, &err) != TL_OK ||
        store_organisation(s, "Lasttest kommun", TL_ORG_SOCIAL_SERVICES, &org, &err) != TL_OK) {
        fprintf(stderr, "load: %s\n", err.msg);
        return 1;
    }
    double end = now() + seconds, next_export = now() + (who % EXPORT_EVERY_SECONDS);
    size_t next_indicator = cl->n_indicators; /* a run starts at once */
    while (now() < end) {
        if (now() >= next_export) {
            tl_report_filter f = {0};
            if (report_xml_write(s, &f, NULL, NULL, "/dev/null", &err) == TL_OK)
                t.exports++;
            else
                count_error(&t, &err);
            next_export += EXPORT_EVERY_SECONDS;
        } else if (rand() % 4 == 0) {
            tl_id p;
            if (store_participant_add(s, NULL, org, TL_LEVEL_OPERATIONAL, &p, &err) == TL_OK &&
                store_attendance_set(s, session, p, TL_ATT_PRESENT, NULL, &err) == TL_OK)
                t.attendances++;
            else
                count_error(&t, &err);
        } else {
            if (next_indicator == cl->n_indicators) {
                if (store_run_create(s, c, "load test", &run, &err) != TL_OK) {
                    count_error(&t, &err);
                    continue;
                }
                t.runs++;
                next_indicator = 0;
            }
            double a = now();
            tl_status st = store_run_answer(s, run, cl->indicators[next_indicator].id, TL_A_YES, NULL, &err);
            double took = now() - a;
            if (st == TL_OK) {
                t.answers++;
                next_indicator++;
                fwrite(&took, sizeof took, 1, lat);
            } else {
                count_error(&t, &err);
            }
        }
    }
    store_close(s);
    fprintf(out, "%ld %ld %ld %ld %ld %ld\n", t.attendances, t.answers, t.runs, t.exports, t.errors, t.locked);
    return 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long db_count(tl_store *s, const char *sql)
{
    int64_t n = -1;
    tl_error err;
    store_count(s, sql, &n, &err);
    return (long)n;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: load DB PROCESSES SECONDS\n");
        return 64;
    }
    const char *path = argv[1];
    int procs = atoi(argv[2]);
    double seconds = atof(argv[3]);
    tl_error err = {0};
    tl_diags d = {0};
    tl_content *c;
    tl_store *s;
    if (content_load_file("checklists/trafficking-indicators.yaml", &c, &d, &err) != TL_OK ||
        store_open(path, false, &s, &err) != TL_OK) {
        fprintf(stderr, "load: %s\n", err.msg);
        return 1;
    }
    store_close(s); /* created before the crowd arrives */
    FILE *lat = tmpfile(), *out = tmpfile();
    if (!lat || !out)
        return 1;
    for (int i = 0; i < procs; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            setvbuf(lat, NULL, _IONBF, 0); /* whole records from each process, appended */
            int rc = worker(path, c, i, seconds, lat, out);
            fflush(out);
            _exit(rc);
        }
    }
    int failed = 0;
    for (int i = 0; i < procs; i++) {
        int status;
        wait(&status);
        failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    tally sum = {0};
    rewind(out);
    tally t;
    while (fscanf(out, "%ld %ld %ld %ld %ld %ld", &t.attendances, &t.answers, &t.runs, &t.exports, &t.errors,
                  &t.locked) == 6) {
        sum.attendances += t.attendances;
        sum.answers += t.answers;
        sum.runs += t.runs;
        sum.exports += t.exports;
        sum.errors += t.errors;
        sum.locked += t.locked;
    }
    fseek(lat, 0, SEEK_END);
    size_t n = (size_t)ftell(lat) / sizeof(double);
    double *v = malloc((n ? n : 1) * sizeof *v);
    rewind(lat);
    if (!v || fread(v, sizeof *v, n, lat) != n)
        return 1;
    qsort(v, n, sizeof *v, by_value);
    if (store_open(path, false, &s, &err) != TL_OK)
        return 1;
    long att = db_count(s, "SELECT count(*) FROM attendance"), ans = db_count(s, "SELECT count(*) FROM checklist_answer");
    long runs = db_count(s, "SELECT count(*) FROM checklist_run WHERE case_ref = 'load test'");
    store_close(s);
    printf("%d processes for %.0f s: %ld answers (%.0f/s), %ld attendance entries, %ld runs, %ld exports\n", procs,
           seconds, sum.answers, sum.answers / seconds, sum.attendances, sum.runs, sum.exports);
    if (n > 0)
        printf("latency of one answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", v[n / 2] * 1e3,
               v[(size_t)((double)n * 0.99)] * 1e3, v[n - 1] * 1e3);
    printf("in the database: %ld answers, %ld attendance entries, %ld runs (lost or duplicated: %ld)\n", ans, att,
           runs, labs(ans - sum.answers) + labs(att - sum.attendances) + labs(runs - sum.runs));
    printf("errors reaching a user: %ld (\"database is locked\": %ld), processes failed: %d\n", sum.errors,
           sum.locked, failed);
    free(v);
    content_free(c);
    diags_free(&d);
    return ans == sum.answers && att == sum.attendances && runs == sum.runs && sum.errors == 0 && failed == 0 ? 0 : 1;
}
