/* See cleanup.h. The slots are plain static memory: the handler may run at
 * any moment, so it reads only what is complete (a slot's path is written
 * before the slot is marked used) and calls only async-signal-safe
 * functions (unlink, rmdir, sigaction, raise). */
#include "cleanup.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

enum { PATH_MAX_BYTES = 4096 };

static char slot_path[CLEANUP_SLOTS][PATH_MAX_BYTES];
static volatile sig_atomic_t slot_used[CLEANUP_SLOTS];

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { N_SIGNALS = sizeof stop_signals / sizeof stop_signals[0] };
/* Which of stop_signals our handler holds (to give them back at the end). */
static bool handler_installed[N_SIGNALS];

/* Files first, then the folders they were in (unlink refuses a folder). */
static void remove_all(void)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (slot_used[i] && (unlink(slot_path[i]) == 0 || (errno != EISDIR && errno != EPERM)))
            slot_used[i] = 0;
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (slot_used[i]) {
            rmdir(slot_path[i]);
            slot_used[i] = 0;
        }
}

static void on_stop(int sig)
{
    int saved = errno;
    remove_all();
    errno = saved;
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig); /* delivered when this handler returns */
}

/* Takes over each stop signal that is still at its default action. */
static void install(void)
{
    for (int i = 0; i < N_SIGNALS; i++) {
        struct sigaction old;
        if (handler_installed[i] || sigaction(stop_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
            continue;
        struct sigaction sa = {.sa_handler = on_stop};
        sigfillset(&sa.sa_mask); /* no second stop signal inside the handler */
        handler_installed[i] = sigaction(stop_signals[i], &sa, NULL) == 0;
    }
}

static void uninstall(void)
{
    for (int i = 0; i < N_SIGNALS; i++) {
        if (!handler_installed[i])
            continue;
        struct sigaction dfl = {.sa_handler = SIG_DFL};
        sigemptyset(&dfl.sa_mask);
        sigaction(stop_signals[i], &dfl, NULL);
        handler_installed[i] = false;
    }
}

int cleanup_remember(const char *path)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX_BYTES)
        return -1;
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        if (slot_used[i])
            continue;
        memcpy(slot_path[i], path, n + 1);
        slot_used[i] = 1;
        install();
        return i;
    }
    return -1;
}

void cleanup_forget(int slot)
{
    if (slot < 0 || slot >= CLEANUP_SLOTS)
        return;
    slot_used[slot] = 0;
    if (cleanup_pending() == 0)
        uninstall();
}

int cleanup_pending(void)
{
    int n = 0;
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        n += slot_used[i] != 0;
    return n;
}
