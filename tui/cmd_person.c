/* `tillit forget PARTICIPANT [--organisation NAME] [--delete] [--yes]` and
 * `tillit extract PARTICIPANT [--organisation NAME] -o FILE`: one person's
 * data, found by name (or part of it, or their id) and organisation. The
 * rules are in core/data_subject.c and core/extract.c. */
#include "cli.h"
#include "data_subject.h"
#include "extract.h"
#include "extract_xml.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

static const char *shown_name(const tl_person *p)
{
    return p->name ? p->name : _("(no name)");
}

static void print_person(FILE *out, const tl_person *p)
{
    fprintf(out, _n("%s, %s (%s), id %s, %lld session\n", "%s, %s (%s), id %s, %lld sessions\n", p->sessions),
            shown_name(p), p->organisation, p->level, p->uuid, (long long)p->sessions);
}

/* Exactly one participant, or why not: none is TL_NOINPUT, several are
 * listed and TL_USAGE asks to narrow the search. */
static tl_status find_one(tl_store *s, const char *who, const char *org, FILE *out, tl_person **person,
                          tl_error *err)
{
    size_t n;
    tl_status st = person_find(s, who, org, person, &n, err);
    if (st != TL_OK || n == 1)
        return st;
    for (size_t i = 0; i < n; i++)
        print_person(out, &(*person)[i]);
    person_list_free(*person, n);
    *person = NULL;
    return tl_fail(err, TL_USAGE,
                   _("%zu participants match '%s': narrow it with --organisation or give the id"), n, who);
}

static void print_plan(FILE *out, const tl_person *p, const tl_forget_plan *plan, bool delete_all)
{
    print_person(out, p);
    if (delete_all) {
        fprintf(out, _("Deleted: the participant, %lld attendances, %lld module progress records, "
                       "%lld knowledge-check attempts with %lld answers. The statistics will no longer "
                       "count them.\n"),
                (long long)plan->attendances, (long long)plan->progress, (long long)plan->attempts,
                (long long)plan->answers);
        return;
    }
    fprintf(out, _("Removed: %s, %lld remarks on attendance. Kept without a name (the statistics stay "
                   "the same): %lld attendances, %lld module progress records, %lld knowledge-check "
                   "attempts.\n"),
            plan->has_name ? _("the name") : _("no name (none stored)"), (long long)plan->remarks,
            (long long)plan->attendances, (long long)plan->progress, (long long)plan->attempts);
}

static tl_status forget_confirmed(tl_store *s, const tl_person *p, bool delete_all, bool yes, FILE *out,
                                  tl_error *err)
{
    tl_forget_plan plan;
    tl_status st = forget_plan(s, p->id, &plan, err);
    if (st != TL_OK)
        return st;
    print_plan(out, p, &plan, delete_all);
    bool go;
    st = cli_confirm(_("This cannot be undone."), yes, out, &go, err);
    if (st == TL_OK && !go) {
        fprintf(out, "%s\n", _("Nothing was changed."));
        return TL_OK;
    }
    if (st == TL_OK)
        st = forget_person(s, p->id, delete_all, err);
    if (st == TL_OK)
        fprintf(out, "%s\n", delete_all ? _("The participant was deleted.") : _("The participant was anonymised."));
    return st;
}

static tl_status one_person_command(const tl_options *o, const char *usage, const cli_opt *opts, size_t n_opts,
                                    const char **org, tl_store **s, tl_person **p, FILE *out, tl_error *err)
{
    const char *who[1];
    int n;
    tl_status st = cli_parse_opts(o, opts, n_opts, who, 1, &n, err);
    if (st == TL_OK && n == 0)
        st = tl_fail(err, TL_USAGE, "%s", usage);
    if (st == TL_OK)
        st = cli_open_existing_store(o, s, err);
    if (st == TL_OK)
        st = find_one(*s, who[0], *org, out, p, err);
    return st;
}

tl_status cmd_forget(const tl_options *o, FILE *out, tl_error *err)
{
    const char *org = NULL;
    bool delete_all = false, yes = false;
    const cli_opt opts[] = {{"--organisation", &org, NULL}, {"--delete", NULL, &delete_all}, {"--yes", NULL, &yes}};
    tl_store *s = NULL;
    tl_person *p = NULL;
    tl_status st = one_person_command(o, _("forget needs a participant: tillit forget NAME [--organisation NAME]"),
                                      opts, sizeof opts / sizeof opts[0], &org, &s, &p, out, err);
    if (st == TL_OK)
        st = forget_confirmed(s, p, delete_all, yes, out, err);
    person_list_free(p, p ? 1 : 0);
    store_close(s);
    return st;
}

/* FILE.txt -> FILE.xml, any other FILE -> FILE.xml. */
static tl_status xml_path(const char *text_path, char *buf, size_t size, tl_error *err)
{
    size_t n = strlen(text_path);
    int len = n > 4 && strcmp(text_path + n - 4, ".txt") == 0
                  ? snprintf(buf, size, "%.*s.xml", (int)(n - 4), text_path)
                  : snprintf(buf, size, "%s.xml", text_path);
    if (len < 0 || (size_t)len >= size)
        return tl_fail(err, TL_CANTCREAT, _("the path is too long: %s"), text_path);
    return TL_OK;
}

/* Reads the extract once into the text and the XML, then writes both. */
static tl_status write_extract(tl_store *s, const tl_person *p, const char *path, FILE *out, tl_error *err)
{
    char xpath[4096];
    tl_status st = xml_path(path, xpath, sizeof xpath, err);
    if (st != TL_OK)
        return st;
    char *text = NULL, *xml = NULL;
    size_t text_len = 0, xml_len = 0;
    FILE *tf = open_memstream(&text, &text_len);
    if (!tf)
        abort();
    extract_xml_doc *doc = extract_xml_new();
    tl_extract_sink sinks[] = {extract_text_sink(tf), extract_xml_sink(doc)};
    st = extract_read(s, p->id, sinks, 2, err);
    fclose(tf);
    tl_status xs = extract_xml_finish(doc, &xml, &xml_len, err);
    if (st == TL_OK)
        st = xs;
    if (st == TL_OK)
        st = private_file_write(path, text, text_len, err);
    if (st == TL_OK)
        st = private_file_write(xpath, xml, xml_len, err);
    if (st == TL_OK)
        fprintf(out, _("The register extract of %s is in %s and %s (readable only by you).\n"),
                shown_name(p), path, xpath);
    free(text);
    free(xml);
    return st;
}

tl_status cmd_extract(const tl_options *o, FILE *out, tl_error *err)
{
    const char *org = NULL, *path = NULL;
    const cli_opt opts[] = {{"--organisation", &org, NULL}, {"-o", &path, NULL}};
    tl_store *s = NULL;
    tl_person *p = NULL;
    tl_status st = TL_OK;
    const char *usage = _("extract needs a participant and a file: tillit extract NAME -o FILE");
    st = one_person_command(o, usage, opts, sizeof opts / sizeof opts[0], &org, &s, &p, out, err);
    if (st == TL_OK && !path)
        st = tl_fail(err, TL_USAGE, "%s", usage);
    if (st == TL_OK)
        st = write_extract(s, p, path, out, err);
    person_list_free(p, p ? 1 : 0);
    store_close(s);
    return st;
}
