/* tillit without a command: the start-up checks, the content and the
 * store, then the menu (and the screen a command names) in the app's loop. */
#include "cli.h"
#include "i18n.h"
#include "screen.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ncursesw needs a UTF-8 character set; fall back to C.UTF-8 when the user's
 * locale is missing or not UTF-8, and refuse only when even that fails. */
static tl_status ensure_utf8(tl_error *err)
{
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
        return TL_OK;
    if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
        return TL_OK;
    return tl_fail(err, TL_CONFIG, "%s",
                   _("the terminal needs a UTF-8 locale and none is available; "
                     "try LANG=C.UTF-8 (the command-line commands work without one)"));
}

static tl_status open_everything(const tl_options *o, tl_app *app, char *db_path, size_t size,
                                 tl_error *err)
{
    app->db_path = db_path;
    return cli_open_workspace(o, &app->lib, &app->store, db_path, size, err);
}

tl_status tui_run(const tl_options *o, const char *start, tl_error *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return tl_fail(err, TL_USAGE, "%s", _("the interactive program needs a terminal "
                                             "(commands such as 'tillit validate' work without one)"));
    tl_status st = ensure_utf8(err);
    tl_app app = {.lang = i18n_lang()};
    char db_path[4096];
    if (st == TL_OK)
        st = open_everything(o, &app, db_path, sizeof db_path, err);
    if (st != TL_OK) {
        library_free(&app.lib);
        return st;
    }
    app_start(&app);
    app_push(&app, menu_screen_new(&app));
    if (start)
        app_push(&app, menu_open_command(&app, start, o->argc > 0 ? o->argv[0] : NULL));
    app_run(&app);
    app_end(&app);
    store_close(app.store);
    library_free(&app.lib);
    return TL_OK;
}
