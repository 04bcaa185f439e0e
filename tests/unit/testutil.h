/* Small helpers shared by the unit tests (header-only: each test is one
 * program). cmocka needs these includes in this order. */
#ifndef TILLIT_TESTUTIL_H
#define TILLIT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"

/* A fresh folder under $TMPDIR (or /tmp) for one test. */
static inline char *test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/tillit-test-XXXXXX", base && *base ? base : "/tmp");
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    return strdup(dir);
}

static inline void test_rmtree(const char *dir)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static inline char *test_read(const char *path, size_t *len)
{
    if (len)
        *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

static inline void test_write(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The fixture of a test that needs a fresh folder and the path of one file
 * in it (not created). */
typedef struct {
    char *dir;
    char path[1024];
} test_folder;

static inline int test_folder_setup(void **state, const char *file)
{
    test_folder *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, file);
    *state = f;
    return 0;
}

static inline int test_folder_teardown(void **state)
{
    test_folder *f = *state;
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* A content file that must load without a single diagnostic. */
static inline tl_content *test_load_content(const char *path)
{
    tl_content *c = NULL;
    tl_diags d = {0};
    tl_error err = {0};
    assert_int_equal(content_load_file(path, &c, &d, &err), TL_OK);
    assert_int_equal(d.n, 0);
    diags_free(&d);
    return c;
}

#endif
