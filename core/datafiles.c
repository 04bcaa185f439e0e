/* See datafiles.h. Every candidate is a base folder and a name under it;
 * the first whose name (and probe inside it) exists is the answer. */
#include "datafiles.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Writes base/name (base alone when name is empty) to out; true when it
 * fits. */
static bool join(char *out, size_t size, const char *base, const char *name)
{
    int n = *name ? snprintf(out, size, "%s/%s", base, name) : snprintf(out, size, "%s", base);
    return n >= 0 && (size_t)n < size;
}

/* base/name counts when it exists and so does base/name/probe. */
static bool try_base(const char *base, const char *name, const char *probe, char *out, size_t size)
{
    char probed[PATH_MAX];
    if (!join(out, size, base, name))
        return false;
    if (!probe)
        return exists(out);
    return join(probed, sizeof probed, out, probe) && exists(probed);
}

/* The folder part of path (everything before the last '/'; "" for "/x"). */
static void parent_of(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    size_t len = slash ? (size_t)(slash - path) : 0;
    if (len >= size)
        len = 0;
    memcpy(out, path, len);
    out[len] = '\0';
}

/* Candidate 2: a build folder (dir or its parent) that links to its source
 * tree. The shipped files "tillit/NAME" are in the source tree, at the top or
 * in export/; what the build makes (the translations) is in the build
 * folder. */
static bool try_build_tree(const char *dir, const char *name, const char *probe, char *out, size_t size)
{
    char up[PATH_MAX];
    parent_of(dir, up, sizeof up);
    const char *builds[] = {dir, up};
    for (size_t i = 0; i < sizeof builds / sizeof builds[0]; i++) {
        char link[PATH_MAX], source[PATH_MAX], build[PATH_MAX];
        if (!join(link, sizeof link, builds[i], TL_SOURCE_LINK) || !realpath(link, source) ||
            !realpath(builds[i], build))
            continue;
        if (strncmp(name, "tillit", 6) != 0 || (name[6] != '/' && name[6] != '\0'))
            return try_base(build, name, probe, out, size);
        const char *rest = name[6] ? name + 7 : "";
        char exported[PATH_MAX];
        if (try_base(source, rest, probe, out, size) ||
            (join(exported, sizeof exported, source, "export") && try_base(exported, rest, probe, out, size)))
            return true;
        return false;
    }
    return false;
}

/* Candidate 4: $XDG_DATA_DIRS, whose relative entries the specification
 * says to ignore. */
static bool try_xdg_dirs(const char *name, const char *probe, char *out, size_t size)
{
    const char *dirs = getenv("XDG_DATA_DIRS");
    if (!dirs || !*dirs)
        dirs = "/usr/local/share:/usr/share";
    while (*dirs) {
        size_t len = strcspn(dirs, ":");
        char base[PATH_MAX];
        if (len > 0 && len < sizeof base && dirs[0] == '/') {
            memcpy(base, dirs, len);
            base[len] = '\0';
            if (try_base(base, name, probe, out, size))
                return true;
        }
        dirs += len + (dirs[len] == ':');
    }
    return false;
}

bool tl_data_find_for(const char *program_path, const char *env, const char *name, const char *probe, char *out,
                      size_t size)
{
    const char *given = env ? getenv(env) : NULL;
    if (given && *given) {
        snprintf(out, size, "%s", given);
        return true;
    }
    char dir[PATH_MAX], prefix[PATH_MAX], share[PATH_MAX];
    bool located = program_path && strchr(program_path, '/');
    if (located) {
        parent_of(program_path, dir, sizeof dir);
        parent_of(dir, prefix, sizeof prefix);
        located = join(share, sizeof share, prefix, "share");
    }
    if (located && (try_build_tree(dir, name, probe, out, size) || try_base(share, name, probe, out, size)))
        return true;
    if (try_xdg_dirs(name, probe, out, size))
        return true;
    join(out, size, located ? share : "/usr/local/share", name);
    return false;
}

bool tl_data_find(const char *env, const char *name, const char *probe, char *out, size_t size)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0)
        self[n] = '\0';
    return tl_data_find_for(n > 0 ? self : NULL, env, name, probe, out, size);
}
