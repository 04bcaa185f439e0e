/* The two content loaders, called by content.c after it has parsed the YAML
 * and read `kind`. Each returns a model in c->a and reports to c->d. */
#ifndef TILLIT_LOADERS_H
#define TILLIT_LOADERS_H

#include "schema.h"

tl_curriculum *load_curriculum(ld_ctx *c, const yt_node *root);
tl_checklist *load_checklist(ld_ctx *c, const yt_node *root);

#endif
