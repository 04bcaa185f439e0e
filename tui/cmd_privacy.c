/* `tillit retention [KIND PERIOD]`, `tillit purge [--dry-run] [--vacuum]
 * [--yes]`, `tillit log [--from DATE] [--to DATE] [--user NAME] [--kind
 * KIND]`, and the option reading and confirmation the data-protection
 * commands share. The rules are in core/retention.c and core/access_log.c. */
#include "access_log.h"
#include "cli.h"
#include "dates.h"
#include "i18n.h"
#include "retention.h"

#include <string.h>
#include <strings.h>
#include <unistd.h>

static const cli_opt *find_opt(const cli_opt *opts, size_t n, const char *a)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(opts[i].name, a) == 0)
            return &opts[i];
    return NULL;
}

tl_status cli_parse_opts(const tl_options *o, const cli_opt *opts, size_t n_opts, const char **words,
                         int max_words, int *n_words, tl_error *err)
{
    *n_words = 0;
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        const cli_opt *opt = find_opt(opts, n_opts, a);
        if (opt && opt->value && i + 1 >= o->argc)
            return tl_fail(err, TL_USAGE, _("%s needs a value"), a);
        if (opt && opt->value)
            *opt->value = o->argv[++i];
        else if (opt)
            *opt->flag = true;
        else if ((a[0] == '-' && a[1]) || *n_words >= max_words)
            return tl_fail(err, TL_USAGE, _("%s: unexpected '%s'"), o->command, a);
        else
            words[(*n_words)++] = a;
    }
    return TL_OK;
}

tl_status cli_confirm(const char *question, bool yes, FILE *out, bool *go, tl_error *err)
{
    *go = yes;
    if (yes)
        return TL_OK;
    if (!isatty(STDIN_FILENO))
        return tl_fail(err, TL_USAGE, "%s",
                       _("standard input is not a terminal: give --yes to confirm the change"));
    /* TRANSLATORS: the answer that confirms is 'yes' in both languages ('ja' is taken too). */
    fprintf(out, "%s %s ", question, _("Type 'yes' to go on:"));
    fflush(out);
    char line[64];
    if (!fgets(line, sizeof line, stdin))
        return TL_OK;
    line[strcspn(line, "\r\n")] = '\0';
    *go = strcasecmp(line, "yes") == 0 || strcasecmp(line, "ja") == 0;
    return TL_OK;
}

tl_status cli_open_existing_store(const tl_options *o, tl_store **s, tl_error *err)
{
    return store_open_existing(o->db, s, err);
}

/* ---- retention ---- */

static void print_rules(FILE *out, const tl_retention rules[TL_KIND_COUNT])
{
    for (int k = 0; k < TL_KIND_COUNT; k++) {
        char period[16];
        retention_format(&rules[k], period, sizeof period);
        fprintf(out, "%-16s %s\n", tl_record_kind_names[k],
                rules[k].amount > 0 ? period : _("keep (no rule)"));
    }
}

tl_status cmd_retention(const tl_options *o, FILE *out, tl_error *err)
{
    const char *words[2];
    int n;
    tl_status st = cli_parse_opts(o, NULL, 0, words, 2, &n, err);
    if (st == TL_OK && n == 1)
        st = tl_fail(err, TL_USAGE, "%s", _("retention needs a kind and a period: tillit retention training 3y"));
    int kind = st == TL_OK && n == 2 ? retention_kind(words[0]) : 0;
    if (kind < 0)
        st = tl_fail(err, TL_USAGE, _("'%s' is not a kind of record (checklist-runs, training, access-log)"),
                     words[0]);
    tl_retention rule = {0};
    if (st == TL_OK && n == 2)
        st = retention_parse(words[1], &rule, err);
    tl_store *s = NULL;
    if (st == TL_OK)
        st = n == 2 ? cli_open_store(o, &s, err) : cli_open_existing_store(o, &s, err);
    if (st == TL_OK && n == 2)
        st = retention_set(s, (tl_record_kind)kind, &rule, err);
    tl_retention rules[TL_KIND_COUNT];
    if (st == TL_OK)
        st = retention_get(s, rules, err);
    if (st == TL_OK)
        print_rules(out, rules);
    store_close(s);
    return st;
}

/* ---- purge ---- */

static void print_counts(FILE *out, const tl_purge_counts *c)
{
    fprintf(out, _("checklist runs:      %lld\n"), (long long)c->of_kind[TL_KIND_CHECKLIST_RUNS]);
    fprintf(out, _("training sessions:   %lld (and %lld participants with no other record)\n"),
            (long long)c->of_kind[TL_KIND_TRAINING], (long long)c->participants);
    fprintf(out, _("access-log entries:  %lld\n"), (long long)c->of_kind[TL_KIND_ACCESS_LOG]);
}

static bool nothing_to_purge(const tl_purge_counts *c)
{
    return c->of_kind[TL_KIND_CHECKLIST_RUNS] + c->of_kind[TL_KIND_TRAINING] + c->of_kind[TL_KIND_ACCESS_LOG] +
               c->participants == 0;
}

static tl_status purge_confirmed(tl_store *s, bool dry_run, bool vacuum, bool yes, FILE *out, tl_error *err)
{
    tl_purge_counts c;
    tl_status st = purge_count(s, &c, err);
    if (st != TL_OK)
        return st;
    fprintf(out, "%s\n", _("Older than their retention rule (tillit retention):"));
    print_counts(out, &c);
    if (dry_run || (nothing_to_purge(&c) && !vacuum))
        return TL_OK;
    bool go;
    st = cli_confirm(_("These records will be deleted for good."), yes, out, &go, err);
    if (st != TL_OK || !go) {
        if (st == TL_OK)
            fprintf(out, "%s\n", _("Nothing was changed."));
        return st;
    }
    st = purge_run(s, vacuum, &c, err);
    if (st == TL_OK) {
        fprintf(out, "%s\n", _("Deleted:"));
        print_counts(out, &c);
    }
    return st;
}

tl_status cmd_purge(const tl_options *o, FILE *out, tl_error *err)
{
    bool dry_run = false, vacuum = false, yes = false;
    const cli_opt opts[] = {{"--dry-run", NULL, &dry_run}, {"--vacuum", NULL, &vacuum}, {"--yes", NULL, &yes}};
    int n;
    tl_status st = cli_parse_opts(o, opts, sizeof opts / sizeof opts[0], NULL, 0, &n, err);
    tl_store *s = NULL;
    if (st == TL_OK)
        st = cli_open_existing_store(o, &s, err);
    if (st == TL_OK)
        st = purge_confirmed(s, dry_run, vacuum, yes, out, err);
    store_close(s);
    return st;
}

/* ---- log ---- */

static void print_entry(void *ctx, const tl_log_entry *e)
{
    fprintf(ctx, "%s  %-12s %-18s %s\n", e->at, e->user, e->kind, e->detail);
}

static tl_status check_log_filter(const tl_log_filter *f, const char *kind, tl_error *err)
{
    const char *dates[] = {f->from, f->to};
    for (int i = 0; i < 2; i++)
        if (dates[i] && !iso_date_valid(dates[i]))
            return tl_fail(err, TL_USAGE, _("'%s' is not a date (expected YYYY-MM-DD)"), dates[i]);
    if (kind && f->kind < 0) {
        char kinds[512] = "";
        for (int k = 0; k < TL_LOG_KIND_COUNT; k++)
            snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), "%s%s", k ? ", " : "",
                     tl_log_kind_names[k]);
        return tl_fail(err, TL_USAGE, _("'%s' is not a kind of log entry (%s)"), kind, kinds);
    }
    return TL_OK;
}

tl_status cmd_log(const tl_options *o, FILE *out, tl_error *err)
{
    tl_log_filter f = {.kind = -1};
    const char *kind = NULL;
    const cli_opt opts[] = {{"--from", &f.from, NULL}, {"--to", &f.to, NULL}, {"--user", &f.user, NULL},
                            {"--kind", &kind, NULL}};
    int n;
    tl_status st = cli_parse_opts(o, opts, sizeof opts / sizeof opts[0], NULL, 0, &n, err);
    if (st == TL_OK && kind)
        f.kind = access_log_kind(kind);
    if (st == TL_OK)
        st = check_log_filter(&f, kind, err);
    tl_store *s = NULL;
    if (st == TL_OK)
        st = cli_open_existing_store(o, &s, err);
    if (st == TL_OK)
        st = access_log_list(s, &f, print_entry, out, err);
    store_close(s);
    return st;
}
