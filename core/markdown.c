#include "markdown.h"

#include <string.h>

static bool starts_bullet(const char *p)
{
    return strncmp(p, "- ", 2) == 0;
}

bool md_next_block(const char **pos, md_block *b)
{
    const char *p = *pos;
    bool first = b->text == NULL;
    while (*p == '\n') /* blank lines only separate blocks */
        p++;
    if (!*p)
        return false;
    bool bullet = starts_bullet(p);
    const char *start = bullet ? p + 2 : p, *end = start;
    for (;;) { /* a paragraph ends at a blank line or before a bullet */
        const char *nl = strchr(end, '\n');
        if (!nl) {
            end += strlen(end);
            break;
        }
        end = nl;
        if (bullet || nl[1] == '\n' || nl[1] == '\0' || starts_bullet(nl + 1))
            break;
        end = nl + 1;
    }
    *b = (md_block){.text = start, .len = (size_t)(end - start), .bullet = bullet, .first = first};
    *pos = *end ? end + 1 : end;
    return true;
}
