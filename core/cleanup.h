/* Temporary files and folders removed when the process is stopped by
 * SIGINT, SIGTERM or SIGHUP while they exist: an export or a merge that is
 * interrupted leaves nothing behind (a half-written report beside the real
 * one, a temporary database in $TMPDIR). SIGKILL cannot be caught; what it
 * leaves is named ".NAME.XXXXXX" beside its target or tillit-merge-XXXXXX.
 *
 * Only a signal whose action is the default is taken over: a program with
 * its own handler (the terminal interface stops cleanly on SIGTERM) keeps
 * it, and then the file is finished or removed the normal way. After the
 * files are removed the signal takes its usual course (the exit status says
 * which signal it was). No curses, no XML; async-signal-safe. */
#ifndef TILLIT_CLEANUP_H
#define TILLIT_CLEANUP_H

enum { CLEANUP_SLOTS = 16 };

/* Remembers path (a file, or a folder that holds only remembered files)
 * for removal on a stop signal. Returns a slot for cleanup_forget,
 * or -1 when every slot is taken or the path is too long (then nothing is
 * remembered: the caller still removes it the normal way). */
int cleanup_remember(const char *path);
/* The path of slot is no longer temporary (renamed into place, or removed
 * by the caller); -1 is ignored. */
void cleanup_forget(int slot);
/* How many paths are remembered now (for tests). */
int cleanup_pending(void);

#endif
