/* libFuzzer target: the report reader of `tillit merge` (export/merge.h).
 * Any bytes are either a valid report or refused as not one, with the
 * file and a line; a valid one is merged (read again into a temporary
 * store and exported from it), and what comes out is a valid report too.
 * Nothing crashes, leaks or reads out of bounds (the build adds
 * AddressSanitizer and UBSan).
 *
 * The reader takes a path, so the input goes into an anonymous in-memory
 * file (memfd) read through /proc/self/fd: no file system in between. */
#define _GNU_SOURCE /* memfd_create */
#include "merge.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char out_dir[256];

static void remove_out_dir(void)
{
    rmdir(out_dir);
}

/* A folder for the merged reports, made once per process. */
static const char *merged_path(void)
{
    static char path[300];
    if (!out_dir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(out_dir, sizeof out_dir, "%s/fuzz-report-XXXXXX", base && *base ? base : "/tmp");
        if (!mkdtemp(out_dir))
            abort();
        atexit(remove_out_dir); /* libFuzzer ends by exit() when its time is up */
        snprintf(path, sizeof path, "%s/merged.xml", out_dir);
    }
    return path;
}

static int memory_file(const uint8_t *data, size_t size, char *path, size_t path_size)
{
    int fd = memfd_create("report", MFD_CLOEXEC);
    if (fd < 0)
        abort();
    for (size_t done = 0; done < size;) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            abort();
        done += (size_t)n;
    }
    snprintf(path, path_size, "/proc/self/fd/%d", fd);
    return fd;
}

/* A refusal names the file; a valid report merges into a valid report. */
static void check_merge(const char *in)
{
    const char *out = merged_path();
    tl_error err = {0};
    tl_status st = report_merge(&in, 1, out, false, NULL, NULL, &err);
    if (st == TL_DATAERR && strstr(err.msg, in))
        return; /* valid by the schema, refused by the importer: said why */
    if (st != TL_OK) {
        fprintf(stderr, "merge: %d %s\n", st, err.msg);
        abort();
    }
    if (report_validate(out, &err) != TL_OK) {
        fprintf(stderr, "validate: %s\n", err.msg);
        abort(); /* merge wrote a report that is not valid */
    }
    unlink(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = memory_file(data, size, path, sizeof path);
    tl_error err = {0};
    tl_status st = report_validate(path, &err);
    if (st == TL_OK)
        check_merge(path);
    else if (st != TL_DATAERR || !strstr(err.msg, path))
        abort(); /* refused without the file named, or for another reason */
    close(fd);
    return 0;
}
