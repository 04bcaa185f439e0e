/* Loading content files and folders into validated models. */
#ifndef TILLIT_CONTENT_H
#define TILLIT_CONTENT_H

#include "diag.h"
#include "model.h"
#include "status.h"

/* Loads and validates one file. Returns TL_OK with *out set, TL_DATAERR
 * when d got problems (*out is NULL), or TL_NOINPUT / TL_IOERR with err
 * filled when the file cannot be read. */
tl_status content_load_buffer(const char *path, const char *buf, size_t len, tl_content **out,
                              tl_diags *d);
tl_status content_load_file(const char *path, tl_content **out, tl_diags *d, tl_error *err);
void content_free(tl_content *c);

/* FNV-1a 64-bit of the bytes as 16 hex digits: identifies the exact text a
 * record was made with (not a security hash). */
void content_hash(const char *buf, size_t len, char out[17]);

/* Everything under one content root: root/curricula and root/checklists. */
typedef struct {
    size_t n_curricula, n_checklists;
    tl_content **curricula, **checklists;
} tl_library;

/* Loads every *.yaml / *.yml file of root/curricula and root/checklists,
 * sorted by file name; ids must be unique across files. Problems go to d
 * and make the status TL_DATAERR; the valid files are still loaded. */
tl_status library_load(const char *root, tl_library *lib, tl_diags *d, tl_error *err);
void library_free(tl_library *lib);
const tl_curriculum *library_curriculum(const tl_library *lib, const char *id);
const tl_checklist *library_checklist(const tl_library *lib, const char *id);
const tl_content *library_find(const tl_library *lib, const char *id);
/* The one rule for a content id (a curriculum, module, page, checklist,
 * ...): 1-64 characters of a-z, 0-9, '-' and '_', not starting with '-'
 * or '_'. */
bool content_id_valid(const char *s);
/* The index of the indicator with this id, cl->n_indicators when there is
 * none (an answer stored for an indicator a newer version left out). */
size_t checklist_indicator_index(const tl_checklist *cl, const char *id);

/* The *.yaml / *.yml files under path (a file is returned as itself), sorted,
 * searched recursively. *files is malloc'ed; free with paths_free. */
tl_status content_find_files(const char *path, char ***files, size_t *n, tl_error *err);
void paths_free(char **files, size_t n);

#endif
