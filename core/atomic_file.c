#include "atomic_file.h"

#include "cleanup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static tl_status create_status(int e)
{
    return e == ENOSPC || e == EDQUOT || e == EIO ? TL_IOERR : TL_CANTCREAT;
}

static tl_status open_in_place(tl_atomic_file *f, tl_error *err)
{
    f->fd = open(f->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (f->fd < 0)
        return tl_fail(err, create_status(errno), "%s: cannot write %s there: %s", f->path, f->what,
                       strerror(errno));
    return TL_OK;
}

static tl_status open_temp_beside(tl_atomic_file *f, tl_error *err)
{
    const char *slash = strrchr(f->path, '/');
    int n = slash ? snprintf(f->tmp, sizeof f->tmp, "%.*s/.%s.XXXXXX", (int)(slash - f->path), f->path, slash + 1)
                  : snprintf(f->tmp, sizeof f->tmp, ".%s.XXXXXX", f->path);
    if (n < 0 || (size_t)n >= sizeof f->tmp)
        return tl_fail(err, TL_CANTCREAT, "%s: the path is too long", f->path);
    f->fd = mkstemp(f->tmp); /* mode 0600 */
    if (f->fd < 0) {
        f->tmp[0] = '\0';
        return tl_fail(err, create_status(errno), "%s: cannot create %s there: %s", f->path, f->what,
                       strerror(errno));
    }
    f->slot = cleanup_remember(f->tmp); /* nothing half-written left by Ctrl-C */
    return TL_OK;
}

tl_status atomic_file_open(tl_atomic_file *f, const char *path, const char *what, tl_error *err)
{
    *f = (tl_atomic_file){.what = what, .fd = -1, .slot = -1};
    if (snprintf(f->path, sizeof f->path, "%s", path) >= (int)sizeof f->path)
        return tl_fail(err, TL_CANTCREAT, "%s: the path is too long", path);
    struct stat target;
    if (stat(path, &target) == 0 && S_ISDIR(target.st_mode))
        return tl_fail(err, TL_CANTCREAT, "%s: is a folder; name a file for %s", path, what);
    if (stat(path, &target) == 0 && !S_ISREG(target.st_mode))
        return open_in_place(f, err);
    /* Renaming onto a link would replace the link itself. */
    char real[4096];
    if (lstat(path, &target) == 0 && S_ISLNK(target.st_mode) && realpath(path, real))
        snprintf(f->path, sizeof f->path, "%s", real);
    return open_temp_beside(f, err);
}

bool atomic_file_in_place(const tl_atomic_file *f)
{
    return f->tmp[0] == '\0';
}

/* Best effort: the rename itself has happened; this makes it last. */
static void sync_folder(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path + 1) : 1, slash ? path : ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

static void forget(tl_atomic_file *f)
{
    cleanup_forget(f->slot);
    f->slot = -1;
    f->fd = -1;
}

tl_status atomic_file_commit(tl_atomic_file *f, mode_t mode, tl_error *err)
{
    tl_status st = TL_OK;
    if (atomic_file_in_place(f)) {
        if (close(f->fd) != 0)
            st = tl_fail(err, TL_IOERR, "%s: cannot write %s: %s", f->path, f->what, strerror(errno));
        forget(f);
        return st;
    }
    if (fchmod(f->fd, mode) != 0 || fsync(f->fd) != 0)
        st = tl_fail(err, TL_IOERR, "%s: cannot write %s: %s", f->path, f->what, strerror(errno));
    if (close(f->fd) != 0 && st == TL_OK)
        st = tl_fail(err, TL_IOERR, "%s: cannot write %s: %s", f->path, f->what, strerror(errno));
    if (st == TL_OK && rename(f->tmp, f->path) != 0)
        st = tl_fail(err, TL_CANTCREAT, "%s: cannot create %s: %s", f->path, f->what, strerror(errno));
    if (st == TL_OK)
        sync_folder(f->path);
    else
        unlink(f->tmp);
    forget(f);
    return st;
}

void atomic_file_abort(tl_atomic_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (!atomic_file_in_place(f))
        unlink(f->tmp);
    forget(f);
}
