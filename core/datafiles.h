/* Where tillit finds the files it ships: the content (curricula/ and
 * checklists/), the translations and the report schema, and any data file
 * added later. One rule for all of them, so that a binary run from the build
 * tree and one installed under any PREFIX (or moved there after the build)
 * find the same files; the binary itself names no build folder.
 *
 * A data file is named by its path under the data root PREFIX/share, e.g.
 * "tillit/tillit-report.xsd" or "locale". The candidates, first that exists
 * wins (docs/files.md, "Where tillit finds its files"):
 *   1. the environment variable the caller names, when it is set and not
 *      empty: taken as it is, existing or not (the user asked for it);
 *   2. the source tree, when the program runs from its build tree: the build
 *      folder holds a link "tillit-source-tree" (made by the Makefile) next to
 *      the program or one folder up (unit tests, benchmarks); "tillit/NAME" is
 *      then SOURCE/NAME or SOURCE/export/NAME, and any other name (the
 *      translations, "locale") is BUILD/NAME;
 *   3. PREFIX/share next to the program: DIR/../share/NAME, DIR being the
 *      folder of /proc/self/exe (bin/ of the installation);
 *   4. each folder of $XDG_DATA_DIRS (default /usr/local/share:/usr/share).
 * No curses, no XML. */
#ifndef TILLIT_DATAFILES_H
#define TILLIT_DATAFILES_H

#include <stdbool.h>
#include <stddef.h>

/* The link in a build folder that leads to its source tree. */
#define TL_SOURCE_LINK "tillit-source-tree"

/* Finds the data file or folder name (see above). probe, when not NULL, is a
 * path inside it that must exist as well for a candidate to count (a folder
 * "locale" exists in every share/, the catalogue of tillit not). env names
 * the environment variable that overrides the search, or is NULL.
 * Writes the path found to out and returns true. When no candidate exists,
 * writes where an installation would have it (candidate 3), so that the
 * caller's error names a sensible path, and returns false. */
bool tl_data_find(const char *env, const char *name, const char *probe, char *out, size_t size);

/* The same search for a program at program_path instead of this one
 * (/proc/self/exe); for tests. */
bool tl_data_find_for(const char *program_path, const char *env, const char *name, const char *probe, char *out,
                      size_t size);

#endif
