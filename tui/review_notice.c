/* The one-line notice that content in use is past its review date
 * (core/review.h): on the main menu, and when a session, a self-study or a
 * checklist run starts on such content, so that last year's law is not
 * taught or applied unnoticed. */
#include "review_notice.h"

#include "dates.h"
#include "i18n.h"
#include "review.h"

#include <curses.h>

bool review_notice_text(const tl_content *c, const char *lang, char *buf, size_t size)
{
    char today[11];
    today_iso(today);
    const char *due = content_review_due(c, today);
    if (due)
        snprintf(buf, size, _("\"%s\" was due for review by %s: check its facts and figures before you rely on them."),
                 text_get(&c->u.h->title, lang), due);
    return due != NULL;
}

void review_notice_at_start(tl_app *app, const tl_content *c)
{
    char notice[1024];
    if (review_notice_text(c, app->lang, notice, sizeof notice))
        app_status(app, "%s", notice);
}

int review_notice_draw(const tl_app *app, int y, int cols)
{
    char today[11], line[512];
    today_iso(today);
    size_t n;
    const tl_content *first = library_first_overdue(&app->lib, today, &n);
    if (!first)
        return 0;
    if (n == 1)
        snprintf(line, sizeof line, _("! Past its review date (%s): \"%s\". Check before teaching."),
                 content_review_due(first, today), text_get(&first->u.h->title, app->lang));
    else
        snprintf(line, sizeof line, _("! %zu content files are past their review date ('tillit validate' lists them)."),
                 n);
    ui_put(y, 1, cols - 2, line, A_BOLD);
    return 1;
}
