#ifndef TILLIT_STORE_INTERNAL_H
#define TILLIT_STORE_INTERNAL_H

#include "store.h"

#include <sqlite3.h>

struct tl_store {
    sqlite3 *db;
    char *path;
};

int store_migration_count(void);
const char *store_migration(int from_version);

#endif
