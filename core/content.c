#include "content.h"

#include "loaders.h"
#include "yamltree.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void content_hash(const char *buf, size_t len, char out[17])
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int read_kind(ld_ctx *c, const yt_node *root)
{
    static const char *const kinds[] = {"curriculum", "checklist"};
    if (root->kind != YT_MAP) {
        ld_error(c, root, "expected a curriculum or checklist (a mapping) at the top of the file");
        return -1;
    }
    const yt_node *k = yt_get(root, "kind");
    if (!k) {
        ld_error(c, root, "missing 'kind' (curriculum or checklist) at the top of the file");
        return -1;
    }
    return ld_enum(c, k, kinds, 2, "kind");
}

tl_status content_load_buffer(const char *path, const char *buf, size_t len, tl_content **out,
                              tl_diags *d)
{
    *out = NULL;
    size_t before = d->n;
    tl_content *ct = calloc(1, sizeof *ct);
    if (!ct)
        abort();
    ld_ctx c = {.a = &ct->mem, .file = path, .d = d};
    yt_node *root = yt_parse(&ct->mem, path, buf, len, d);
    int kind = root ? read_kind(&c, root) : -1;
    if (kind == TL_CURRICULUM)
        ct->u.curriculum = load_curriculum(&c, root);
    else if (kind == TL_CHECKLIST)
        ct->u.checklist = load_checklist(&c, root);
    if (kind == TL_CURRICULUM || kind == TL_CHECKLIST)
        ld_check_review_order(&c, ct->u.h);
    diags_sort(d, before);
    if (diags_errors(d, before) > 0) {
        content_free(ct);
        return TL_DATAERR;
    }
    ct->kind = (tl_kind)kind;
    ct->path = arena_strdup(&ct->mem, path);
    content_hash(buf, len, ct->hash);
    *out = ct;
    return TL_OK;
}

static tl_status read_whole(const char *path, char **buf, size_t *len, tl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tl_fail(err, errno == ENOENT ? TL_NOINPUT : TL_IOERR, "%s: cannot open: %s", path,
                       strerror(errno));
    /* Read at most one byte past the limit: enough to know the file is too big. */
    size_t cap = 64 * 1024, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t want = cap - n;
        size_t got = fread(b + n, 1, want, f);
        n += got;
        if (got < want || n > YT_MAX_BYTES)
            break;
        cap *= 2;
        char *nb = realloc(b, cap);
        if (!nb) {
            free(b);
            b = NULL;
        } else {
            b = nb;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (!b)
        abort();
    if (failed) {
        free(b);
        return tl_fail(err, TL_IOERR, "%s: read error", path);
    }
    *buf = b;
    *len = n;
    return TL_OK;
}

tl_status content_load_file(const char *path, tl_content **out, tl_diags *d, tl_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    *out = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return tl_fail(err, TL_NOINPUT, "%s: is a folder, not a content file", path);
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > YT_MAX_BYTES) {
        yt_report_too_large(d, path, (long long)st.st_size);
        return TL_DATAERR;
    }
    tl_status s = read_whole(path, &buf, &len, err);
    if (s != TL_OK)
        return s;
    s = content_load_buffer(path, buf, len, out, d);
    free(buf);
    return s;
}

void content_free(tl_content *c)
{
    if (!c)
        return;
    arena_free(&c->mem);
    free(c);
}

/* ---- finding files ---- */

typedef struct {
    char **v;
    size_t n, cap;
} pathlist;

static void pathlist_add(pathlist *l, const char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v)
            abort();
    }
    l->v[l->n] = strdup(p);
    if (!l->v[l->n])
        abort();
    l->n++;
}

static bool is_yaml_name(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' && ((len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
                              (len > 4 && strcmp(name + len - 4, ".yml") == 0));
}

static tl_status walk(const char *dir, pathlist *l, int depth, tl_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return tl_fail(err, errno == ENOENT ? TL_NOINPUT : TL_IOERR, "%s: cannot open folder: %s",
                       dir, strerror(errno));
    tl_status s = TL_OK;
    struct dirent *e;
    while (s == TL_OK && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 8)
            s = walk(path, l, depth + 1, err);
        else if (S_ISREG(st.st_mode) && is_yaml_name(e->d_name))
            pathlist_add(l, path);
    }
    closedir(d);
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

tl_status content_find_files(const char *path, char ***files, size_t *n, tl_error *err)
{
    pathlist l = {0};
    struct stat st;
    tl_status s = TL_OK;
    if (stat(path, &st) != 0)
        s = tl_fail(err, TL_NOINPUT, "%s: %s", path, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        s = walk(path, &l, 0, err);
    else
        pathlist_add(&l, path);
    if (s != TL_OK) {
        paths_free(l.v, l.n);
        return s;
    }
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, cmp_str);
    *files = l.v;
    *n = l.n;
    return TL_OK;
}

void paths_free(char **files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
}

/* ---- the library ---- */

static void library_add(tl_library *lib, tl_content *c)
{
    tl_content ***arr = c->kind == TL_CURRICULUM ? &lib->curricula : &lib->checklists;
    size_t *n = c->kind == TL_CURRICULUM ? &lib->n_curricula : &lib->n_checklists;
    *arr = realloc(*arr, (*n + 1) * sizeof **arr);
    if (!*arr)
        abort();
    (*arr)[(*n)++] = c;
}

static tl_status load_folder(const char *root, const char *sub, tl_kind want, tl_library *lib,
                             tl_diags *d, tl_error *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, sub);
    struct stat st;
    if (stat(dir, &st) != 0)
        return TL_OK; /* a content root may have only one of the two folders */
    char **files;
    size_t n;
    tl_status s = content_find_files(dir, &files, &n, err);
    if (s != TL_OK)
        return s;
    tl_status result = TL_OK;
    for (size_t i = 0; i < n; i++) {
        tl_content *c;
        tl_status fs = content_load_file(files[i], &c, d, err);
        if (fs == TL_OK && c->kind != want) {
            diags_add(d, files[i], 0, 0, "a %s in the %s folder", want == TL_CURRICULUM ? "checklist" : "curriculum", sub);
            content_free(c);
            fs = TL_DATAERR;
        } else if (fs == TL_OK && library_find(lib, c->u.h->id)) {
            diags_add(d, files[i], 0, 0, "id '%s' is already used by %s", c->u.h->id,
                      library_find(lib, c->u.h->id)->path);
            content_free(c);
            fs = TL_DATAERR;
        } else if (fs == TL_OK) {
            library_add(lib, c);
        }
        if (fs == TL_NOINPUT || fs == TL_IOERR) {
            result = fs;
            break;
        }
        if (fs != TL_OK)
            result = TL_DATAERR;
    }
    paths_free(files, n);
    return result;
}

tl_status library_load(const char *root, tl_library *lib, tl_diags *d, tl_error *err)
{
    *lib = (tl_library){0};
    struct stat st;
    if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
        return tl_fail(err, TL_NOINPUT, "%s: content folder not found", root);
    tl_status s1 = load_folder(root, "curricula", TL_CURRICULUM, lib, d, err);
    if (s1 != TL_OK && s1 != TL_DATAERR)
        return s1;
    tl_status s2 = load_folder(root, "checklists", TL_CHECKLIST, lib, d, err);
    if (s2 != TL_OK && s2 != TL_DATAERR)
        return s2;
    if (s1 == TL_DATAERR || s2 == TL_DATAERR)
        return tl_fail(err, TL_DATAERR, "%s: the content has problems (run 'tillit validate')", root);
    return TL_OK;
}

void library_free(tl_library *lib)
{
    for (size_t i = 0; i < lib->n_curricula; i++)
        content_free(lib->curricula[i]);
    for (size_t i = 0; i < lib->n_checklists; i++)
        content_free(lib->checklists[i]);
    free(lib->curricula);
    free(lib->checklists);
    *lib = (tl_library){0};
}

const tl_content *library_find(const tl_library *lib, const char *id)
{
    for (size_t i = 0; i < lib->n_curricula; i++)
        if (strcmp(lib->curricula[i]->u.h->id, id) == 0)
            return lib->curricula[i];
    for (size_t i = 0; i < lib->n_checklists; i++)
        if (strcmp(lib->checklists[i]->u.h->id, id) == 0)
            return lib->checklists[i];
    return NULL;
}

const tl_curriculum *library_curriculum(const tl_library *lib, const char *id)
{
    const tl_content *c = library_find(lib, id);
    return c && c->kind == TL_CURRICULUM ? c->u.curriculum : NULL;
}

const tl_checklist *library_checklist(const tl_library *lib, const char *id)
{
    const tl_content *c = library_find(lib, id);
    return c && c->kind == TL_CHECKLIST ? c->u.checklist : NULL;
}

size_t checklist_indicator_index(const tl_checklist *cl, const char *id)
{
    size_t i = 0;
    while (i < cl->n_indicators && strcmp(cl->indicators[i].id, id) != 0)
        i++;
    return i;
}

bool content_id_valid(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || s[0] == '-' || s[0] == '_')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
            return false;
    }
    return true;
}
