/* The fixture of a test that needs a store in a fresh folder: the folder,
 * the open store, and room after them for the test's own fields (a test's
 * fixture type starts with a store_fixture). Header-only, like testutil.h. */
#ifndef TILLIT_STORE_FIXTURE_H
#define TILLIT_STORE_FIXTURE_H

#include "testutil.h"

#include "store.h"

typedef struct {
    test_folder folder;
    tl_store *s;
} store_fixture;

/* Allocates size bytes (at least a store_fixture), zeroed, with the store
 * open at folder/tillit.db; *state points to it. */
static inline store_fixture *store_fixture_setup(void **state, size_t size)
{
    test_folder_setup(state, "tillit.db");
    test_folder *folder = *state;
    store_fixture *f = calloc(1, size);
    assert_non_null(f);
    f->folder = *folder;
    free(folder);
    tl_error err = {0};
    assert_int_equal(store_open(f->folder.path, false, &f->s, &err), TL_OK);
    *state = f;
    return f;
}

static inline int store_fixture_teardown(void **state)
{
    store_fixture *f = *state;
    store_close(f->s);
    test_rmtree(f->folder.dir);
    free(f->folder.dir);
    free(f);
    return 0;
}

/* A group session of curriculum "c" on date at 09:00. */
static inline tl_id store_fixture_session(store_fixture *f, const char *date)
{
    tl_session_info info = {.kind = TL_SESSION_GROUP, .curriculum_id = "c", .curriculum_version = "1",
                            .content_hash = "0123456789abcdef", .date = date, .start_time = "09:00"};
    tl_id id;
    char uuid[37];
    tl_error err = {0};
    assert_int_equal(store_session_create(f->s, &info, &id, uuid, &err), TL_OK);
    return id;
}

#endif
