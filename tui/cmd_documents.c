/* `tillit attendance SESSION [-o FILE]` and `tillit certificate SESSION
 * [--attendee N] [--with-scores] -o DIR`: the attendance list and the
 * certificates of participation (core/documents.h) as files, written with
 * the report's atomic file writer (export/report_xml.h). */
#include "cli.h"

#include "access_log.h"
#include "documents.h"
#include "i18n.h"
#include "report_xml.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    const char *session, *out;
    int attendee; /* 0: everyone who took part */
    bool with_scores;
} doc_args;

static tl_status read_args(const tl_options *o, bool certificate, doc_args *a, tl_error *err)
{
    *a = (doc_args){0};
    for (int i = 0; i < o->argc; i++) {
        const char *arg = o->argv[i];
        bool takes_value = strcmp(arg, "-o") == 0 || (certificate && strcmp(arg, "--attendee") == 0);
        if (takes_value && i + 1 >= o->argc)
            return tl_fail(err, TL_USAGE, _("%s needs a value"), arg);
        char *end = NULL;
        if (strcmp(arg, "-o") == 0)
            a->out = o->argv[++i];
        else if (takes_value && ((a->attendee = (int)strtol(o->argv[++i], &end, 10)) < 1 || *end))
            return tl_fail(err, TL_USAGE, _("--attendee needs a place on the roll call (1, 2, ...), not '%s'"),
                           o->argv[i]);
        else if (certificate && strcmp(arg, "--with-scores") == 0)
            a->with_scores = true;
        else if (!a->session && arg[0] != '-')
            a->session = arg;
        else if (!takes_value)
            return tl_fail(err, TL_USAGE, _("%s: unexpected '%s'"), o->command, arg);
    }
    if (!a->session)
        return tl_fail(err, TL_USAGE, _("%s needs the session: its date (YYYY-MM-DD) or its id"), o->command);
    if (certificate && !a->out)
        return tl_fail(err, TL_USAGE, "%s", _("certificate needs -o DIR, the folder for the files"));
    return TL_OK;
}

/* What a document file is made of, for the file writer. */
typedef struct {
    const tl_doc_session *session;
    const tl_session_results *results;
    const tl_result_row *row; /* a certificate's attendee; NULL: the attendance list */
    char **modules;
    size_t n_modules;
    bool with_scores;
    tl_doc_format format;
} doc_job;

static void render(FILE *f, const doc_job *j)
{
    if (j->row)
        doc_certificate(f, j->format, j->session, j->row, (const char *const *)j->modules, j->n_modules,
                        j->with_scores, i18n_lang());
    else
        doc_attendance_list(f, j->format, j->session, j->results, i18n_lang());
}

static tl_status write_doc(int fd, bool direct, const char *target, void *ctx, tl_error *err)
{
    (void)direct;
    FILE *f = fdopen(dup(fd), "w");
    if (!f)
        return tl_fail(err, TL_IOERR, "%s: %s", target, strerror(errno));
    render(f, ctx);
    bool ok = fflush(f) == 0 && !ferror(f);
    int e = errno;
    if (fclose(f) != 0)
        ok = false;
    return ok ? TL_OK : tl_fail(err, TL_IOERR, _("%s: cannot write it: %s"), target, strerror(e));
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static tl_status attendance_file(const doc_args *a, doc_job *j, tl_error *err)
{
    j->format = a->out && (ends_with(a->out, ".html") || ends_with(a->out, ".htm")) ? DOC_HTML : DOC_TEXT;
    if (!a->out) {
        render(stdout, j);
        return fflush(stdout) == 0 ? TL_OK : tl_fail(err, TL_IOERR, "%s", strerror(errno));
    }
    /* names of people: private to the one who writes them */
    return report_file_write(a->out, true, false, write_doc, j, err);
}

static tl_status certificate_files(tl_store *s, const doc_args *a, doc_job *j, int *written, tl_error *err)
{
    struct stat dir;
    if (stat(a->out, &dir) != 0 || !S_ISDIR(dir.st_mode))
        return tl_fail(err, TL_CANTCREAT, _("%s: not a folder; certificates are written into one"), a->out);
    tl_status st = TL_OK;
    *written = 0;
    for (size_t i = 0; st == TL_OK && i < j->results->n; i++) {
        const tl_result_row *row = &j->results->rows[i];
        if ((a->attendee && row->place != a->attendee) || (!a->attendee && !doc_took_part(row)))
            continue;
        j->row = row;
        st = doc_completed_modules(s, j->session, row->participant, &j->modules, &j->n_modules, err);
        for (int f = 0; st == TL_OK && f < 2; f++) {
            char path[4200];
            j->format = f ? DOC_HTML : DOC_TEXT;
            snprintf(path, sizeof path, "%s/certificate-%02d.%s", a->out, row->place, f ? "html" : "txt");
            st = report_file_write(path, true, false, write_doc, j, err);
        }
        paths_free(j->modules, j->n_modules);
        (*written)++;
    }
    if (st == TL_OK && *written == 0 && a->attendee)
        return tl_fail(err, TL_NOINPUT, _("no attendee %d on the roll call"), a->attendee);
    if (st == TL_OK && *written == 0)
        return tl_fail(err, TL_NOINPUT, "%s", _("nobody took part in the session"));
    return st;
}

static tl_status run_documents(const tl_options *o, bool certificate, tl_error *err)
{
    doc_args a;
    tl_store *s = NULL;
    tl_library lib;
    tl_status st = read_args(o, certificate, &a, err);
    if (st != TL_OK || (st = cli_open_inputs(o, &s, &lib, err)) != TL_OK)
        return st;
    tl_id id = 0;
    tl_doc_session d = {0};
    tl_session_results r = {0};
    st = doc_session_find(s, a.session, &id, err);
    if (st == TL_OK)
        st = doc_session_load(s, id, &lib, &d, err);
    if (st == TL_OK)
        st = session_results(s, id, &r, err);
    doc_job j = {.session = &d, .results = &r, .with_scores = a.with_scores};
    int written = 1;
    if (st == TL_OK)
        st = certificate ? certificate_files(s, &a, &j, &written, err) : attendance_file(&a, &j, err);
    /* both name people: the access log says that they were written, not who */
    char what[64] = "attendance list";
    if (certificate)
        snprintf(what, sizeof what, "%d certificate(s)", written);
    if (st == TL_OK)
        st = access_log_add_session(s, TL_LOG_DOCUMENT_NAMES, id, what, err);
    session_results_free(&r);
    doc_session_free(&d);
    library_free(&lib);
    store_close(s);
    return st;
}

tl_status cmd_attendance(const tl_options *o, tl_error *err)
{
    return run_documents(o, false, err);
}

tl_status cmd_certificate(const tl_options *o, tl_error *err)
{
    return run_documents(o, true, err);
}
