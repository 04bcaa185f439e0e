/* One way to write a file whole or not at all (the case summary, the XML
 * report): into a temporary file beside the target, flushed to disk,
 * renamed over the target, and the folder flushed too, so that a crash
 * leaves the old file or the new one. The temporary file is remembered by
 * core/cleanup.c, so a stop signal removes it. A symbolic link to a file
 * stays a link: the file it names is replaced. A target that exists and is
 * no regular file (a pipe, /dev/stdout) is written to as it is, since a
 * file renamed over it would replace the pipe or device. No curses. */
#ifndef TILLIT_ATOMIC_FILE_H
#define TILLIT_ATOMIC_FILE_H

#include "status.h"

#include <stdbool.h>
#include <sys/types.h>

typedef struct {
    const char *what;   /* for messages: "the report", "the summary" */
    char path[4096];    /* the target (a link's file) */
    char tmp[4096];     /* the temporary file, "" when written in place */
    int fd;             /* write here */
    int slot;           /* the cleanup slot of tmp */
} tl_atomic_file;

/* Opens a temporary file for path (mode 0600 until the commit). A folder
 * is refused (TL_CANTCREAT), so is a folder that cannot take the file. */
tl_status atomic_file_open(tl_atomic_file *f, const char *path, const char *what, tl_error *err);
/* True when the target is written in place (a pipe or a device). */
bool atomic_file_in_place(const tl_atomic_file *f);
/* Gives the file its mode, flushes it, closes it and renames it into
 * place: TL_IOERR when writing fails (a full disk), TL_CANTCREAT when the
 * rename does. On failure nothing is left behind. */
tl_status atomic_file_commit(tl_atomic_file *f, mode_t mode, tl_error *err);
/* Closes and removes the temporary file: the old target stays. */
void atomic_file_abort(tl_atomic_file *f);

#endif
