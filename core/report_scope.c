#include "report_scope.h"

#include "collate.h"
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static char *copy_of(const char *s)
{
    char *c = strdup(s);
    if (!c)
        abort();
    return c;
}

static bool same_letters(const char *a, const char *b)
{
    return sv_compare_primary(a, strlen(a), b, strlen(b)) == 0;
}

/* How far name is from typed; SIZE_MAX when too far to suggest. */
static size_t nearness(const char *name, const char *typed)
{
    /* One contains the other on the first level ("Malmö" for "Malmö stad"). */
    if (sv_contains(name, typed) || sv_contains(typed, name))
        return 1;
    size_t d = sv_distance(name, typed), len = strlen(typed);
    size_t allowed = len / 3 > 2 ? len / 3 : 2;
    return d <= allowed ? d : SIZE_MAX;
}

/* Keeps the nearest SCOPE_SUGGESTIONS names, nearest first; of equal ones
 * the earlier in the list (the lists come in Swedish order). */
static void consider(tl_scope_match *m, size_t dist[], const char *name, size_t d)
{
    size_t at = m->n_closest;
    while (at > 0 && dist[at - 1] > d)
        at--;
    if (at >= SCOPE_SUGGESTIONS)
        return;
    if (m->n_closest == SCOPE_SUGGESTIONS)
        free(m->closest[--m->n_closest]);
    memmove(&m->closest[at + 1], &m->closest[at], (m->n_closest - at) * sizeof m->closest[0]);
    memmove(&dist[at + 1], &dist[at], (m->n_closest - at) * sizeof dist[0]);
    m->closest[at] = copy_of(name);
    dist[at] = d;
    m->n_closest++;
}

/* typed itself when a name is spelt just so, else the first name with the
 * same letters, else NULL. */
static const char *spelling_of(const char *const *names, size_t n, const char *typed)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], typed) == 0)
            return names[i];
    for (size_t i = 0; i < n; i++)
        if (same_letters(names[i], typed))
            return names[i];
    return NULL;
}

void scope_match_names(const char *const *names, size_t n, const char *typed, tl_scope_match *m)
{
    *m = (tl_scope_match){.n_known = n};
    const char *spelling = spelling_of(names, n, typed);
    if (spelling) {
        m->found = true;
        m->spelling = copy_of(spelling);
        return;
    }
    size_t dist[SCOPE_SUGGESTIONS];
    for (size_t i = 0; i < n; i++) {
        size_t d = nearness(names[i], typed);
        if (d != SIZE_MAX)
            consider(m, dist, names[i], d);
    }
}

void scope_match_free(tl_scope_match *m)
{
    free(m->spelling);
    for (size_t i = 0; i < m->n_closest; i++)
        free(m->closest[i]);
    *m = (tl_scope_match){0};
}

typedef struct {
    char **names;
    size_t n, cap;
} name_list;

static void list_add(name_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->names[i], name) == 0)
            return;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->names = realloc(l->names, l->cap * sizeof *l->names);
        if (!l->names)
            abort();
    }
    l->names[l->n++] = copy_of(name);
}

static void list_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
}

static tl_status list_query(tl_store *s, name_list *l, const char *sql, tl_error *err)
{
    sqlite3_stmt *st;
    tl_status ps = sql_query(s, &st, err, sql, "");
    if (ps != TL_OK)
        return ps;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        list_add(l, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TL_OK : sql_fail(s, err, rc, "cannot read the names to match");
}

static tl_status match_list(tl_store *s, name_list *l, const char *sql, const char *typed,
                            tl_scope_match *m, tl_error *err)
{
    tl_status st = list_query(s, l, sql, err);
    if (st == TL_OK)
        scope_match_names((const char *const *)l->names, l->n, typed, m);
    list_free(l);
    return st;
}

tl_status scope_match_organisation(tl_store *s, const char *typed, tl_scope_match *m, tl_error *err)
{
    name_list l = {0};
    *m = (tl_scope_match){0};
    return match_list(s, &l, "SELECT DISTINCT name FROM organisation ORDER BY name COLLATE " TL_COLLATE_SV,
                      typed, m, err);
}

tl_status scope_match_curriculum(tl_store *s, const tl_library *lib, const char *typed, tl_scope_match *m,
                                 tl_error *err)
{
    name_list l = {0};
    *m = (tl_scope_match){0};
    for (size_t i = 0; lib && i < lib->n_curricula; i++)
        list_add(&l, lib->curricula[i]->u.h->id);
    return match_list(s, &l, "SELECT DISTINCT curriculum_id FROM training_session ORDER BY curriculum_id",
                      typed, m, err);
}
