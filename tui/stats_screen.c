/* "Statistics and export": a period picker, the summary of `tillit stats`
 * for that period with the attendances per month as a bar chart, and the
 * XML export with the same choices as `tillit export`. */
#include "dates.h"
#include "i18n.h"
#include "keymap.h"
#include "report_xml.h"
#include "stats.h"
#include "training_session.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    stats_kind kind;
    char *text;
    int64_t value, max;
} shown_line;

/* The period as picked, so that its words follow the language key. */
typedef enum { PERIOD_THIS_YEAR, PERIOD_LAST_YEAR, PERIOD_TWELVE_MONTHS, PERIOD_ALL, PERIOD_DATES } period_kind;

typedef struct {
    char from[16], to[16]; /* YYYY-MM-DD, "" when open */
    period_kind kind;
    int year;              /* of PERIOD_THIS_YEAR and PERIOD_LAST_YEAR */
    const char *lang;      /* the language the lines are in */
    shown_line *lines;
    int n, cap;
    ui_scroll view;
} stats_state;

/* ---- the summary ---- */

static void clear_lines(stats_state *st)
{
    for (int i = 0; i < st->n; i++)
        free(st->lines[i].text);
    st->n = 0;
    st->view.skip = 0;
}

static void keep_line(void *ctx, const stats_line *l)
{
    stats_state *st = ctx;
    if (st->n == st->cap && !(st->lines = realloc(st->lines, (size_t)(st->cap = st->cap ? 2 * st->cap : 32) *
                                                                  sizeof *st->lines)))
        abort();
    char *text = strdup(l->text);
    if (!text)
        abort();
    st->lines[st->n++] = (shown_line){l->kind, text, l->value, l->max};
}

static tl_report_filter period_filter(const stats_state *st)
{
    return (tl_report_filter){.from = st->from[0] ? st->from : NULL, .to = st->to[0] ? st->to : NULL};
}

static void load_summary(tl_app *app, stats_state *st)
{
    clear_lines(st);
    st->lang = app->lang;
    tl_report_filter f = period_filter(st);
    tl_error err = {0};
    if (stats_summary(app->store, &f, &app->lib, keep_line, st, &err) != TL_OK)
        app_status(app, _("Cannot read the statistics: %s"), err.msg);
}

/* ---- the period picker ---- */

static void set_period(stats_state *st, const char *from, const char *to, period_kind kind)
{
    snprintf(st->from, sizeof st->from, "%s", from ? from : "");
    snprintf(st->to, sizeof st->to, "%s", to ? to : "");
    st->kind = kind;
}

static void year_period(stats_state *st, int year, period_kind kind)
{
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    set_period(st, from, to, kind);
    st->year = year;
}

/* The period in words, in the language of the moment. */
static void period_words(const stats_state *st, char *buf, size_t size)
{
    switch (st->kind) {
    case PERIOD_THIS_YEAR: snprintf(buf, size, _("This year (%d)"), st->year); break;
    case PERIOD_LAST_YEAR: snprintf(buf, size, _("Last year (%d)"), st->year); break;
    case PERIOD_TWELVE_MONTHS: snprintf(buf, size, "%s", _("Last 12 months")); break;
    case PERIOD_ALL: snprintf(buf, size, "%s", _("All dates")); break;
    case PERIOD_DATES:
        snprintf(buf, size, _("%s to %s"), st->from[0] ? st->from : _("first record"),
                 st->to[0] ? st->to : _("last record"));
        break;
    }
}

static void last_twelve_months(stats_state *st)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char to[16], from[16];
    strftime(to, sizeof to, "%Y-%m-%d", &tm);
    tm.tm_year -= 1;
    tm.tm_mday += 1; /* a year back, the day after: twelve whole months */
    tm.tm_isdst = -1;
    mktime(&tm);
    strftime(from, sizeof from, "%Y-%m-%d", &tm);
    set_period(st, from, to, PERIOD_TWELVE_MONTHS);
}

/* Asks for a date until it is one (or empty), keeping what was typed to
 * correct; false when cancelled. */
static bool ask_date(tl_app *app, const char *label, char out[16])
{
    char buf[16];
    snprintf(buf, sizeof buf, "%s", out);
    for (;;) {
        if (!ui_prompt(app, label, buf, sizeof buf))
            return false;
        if (!buf[0] || iso_date_valid(buf))
            break;
        app_status(app, _("'%s' is not a date (YYYY-MM-DD): correct it, or Esc."), buf);
    }
    snprintf(out, 16, "%s", buf);
    return true;
}

/* The dates of a period: a wrong date or an end before the start is asked
 * again, not the whole period; Esc leaves the period as it was. */
static bool choose_dates(tl_app *app, stats_state *st)
{
    char from[16], to[16];
    snprintf(from, sizeof from, "%s", st->from);
    snprintf(to, sizeof to, "%s", st->to);
    if (!ask_date(app, _("From (YYYY-MM-DD, empty: the first record):"), from))
        return false;
    for (;;) {
        if (!ask_date(app, _("To (YYYY-MM-DD, empty: the last record):"), to))
            return false;
        if (!from[0] || !to[0] || strcmp(from, to) <= 0)
            break;
        app_status(app, _("%s is before %s, the start: give another end, or Esc."), to, from);
    }
    set_period(st, from, to, PERIOD_DATES);
    return true;
}

/* false when cancelled: the period stays as it was. */
static bool pick_period(tl_app *app, stats_state *st)
{
    char today[16];
    today_iso(today);
    int year = atoi(today);
    char this_year[32], last_year[32];
    snprintf(this_year, sizeof this_year, _("This year (%d)"), year);
    snprintf(last_year, sizeof last_year, _("Last year (%d)"), year - 1);
    const char *labels[] = {this_year, last_year, _("Last 12 months"), _("All dates"), _("Choose dates...")};
    switch (ui_choose(app, _("Period of the statistics"), labels, 5, 0)) {
    case 0: year_period(st, year, PERIOD_THIS_YEAR); return true;
    case 1: year_period(st, year - 1, PERIOD_LAST_YEAR); return true;
    case 2: last_twelve_months(st); return true;
    case 3: set_period(st, NULL, NULL, PERIOD_ALL); return true;
    case 4: return choose_dates(app, st);
    default: return false;
    }
}

/* ---- the export: the choices of `tillit export` ---- */

static bool choose_curriculum(tl_app *app, const char **curriculum)
{
    size_t n = app->lib.n_curricula;
    const char **labels = calloc(n + 1, sizeof *labels);
    if (!labels)
        abort();
    labels[0] = _("All curricula");
    for (size_t i = 0; i < n; i++)
        labels[i + 1] = text_get(&app->lib.curricula[i]->u.h->title, app->lang);
    int pick = ui_choose(app, _("Curriculum in the report"), labels, (int)n + 1, 0);
    *curriculum = pick > 0 ? app->lib.curricula[pick - 1]->u.h->id : NULL;
    free(labels);
    return pick >= 0;
}

typedef struct {
    char **names;
    size_t n;
} name_list;

/* An organisation picked from those recorded (a name typed by hand that
 * matches none would give an empty report without a word), into *org
 * whole (malloc'ed; NULL: all). */
static bool choose_organisation(tl_app *app, char **org)
{
    name_list l = {0};
    tl_error err;
    bool ok = ui_ok(app, organisation_names(app->store, &l.names, &l.n, &err), &err);
    const char **labels = calloc(l.n + 1, sizeof *labels);
    if (!labels)
        abort();
    labels[0] = _("All organisations");
    for (size_t i = 0; i < l.n; i++)
        labels[i + 1] = l.names[i];
    int pick = ok ? ui_choose(app, _("Organisation in the report"), labels, (int)l.n + 1, 0) : -1;
    *org = NULL;
    if (pick > 0) { /* the name picked is kept */
        *org = l.names[pick - 1];
        l.names[pick - 1] = NULL;
    }
    organisation_names_free(l.names, l.n);
    free(labels);
    return pick >= 0;
}

/* Where the report goes: the folder a file was last saved in, else the one
 * tillit was started from, shown whole. */
static void default_report_path(const stats_state *st, const tl_app *app, char *path, size_t size)
{
    char name[64];
    snprintf(name, sizeof name, "tillit-report-%s-%s.xml", st->from[0] ? st->from : "start",
             st->to[0] ? st->to : "end");
    app_proposed_path(app, NULL, name, path, size);
}

/* Writes the report of filter f to a file the user names. */
static void write_report(tl_app *app, const stats_state *st, tl_report_filter *f)
{
    char path[1024];
    f->with_names = ui_confirm(app, _("Include participants' names (otherwise pseudonymous ids)?"));
    if (app_ending())
        return;
    default_report_path(st, app, path, sizeof path);
    if (!ui_prompt(app, _("Save the report as:"), path, sizeof path) || !path[0])
        return;
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && !ui_confirm(app, _("The file exists. Replace it?")))
        return;
    tl_error err = {0};
    if (report_xml_write(app->store, f, &app->lib, NULL, path, &err) == TL_OK) {
        app_remember_folder(app, path);
        app_status(app, _("Report written to %s"), path);
    } else
        app_status(app, _("No report written: %s"), err.msg);
}

static void export_report(tl_app *app, stats_state *st)
{
    tl_report_filter f = period_filter(st);
    char *org = NULL;
    if (!choose_curriculum(app, &f.curriculum) || !choose_organisation(app, &org))
        return;
    f.organisation = org;
    write_report(app, st, &f);
    free(org);
}

/* ---- drawing ---- */

static void draw_bar(int y, int cols, const shown_line *l)
{
    ui_put(y, 2, 7, l->text, 0);
    int room = cols - 20;
    int width = l->max > 0 && room > 0 ? (int)(l->value * room / l->max) : 0;
    if (width == 0 && l->value > 0)
        width = 1;
    char *bar = malloc((size_t)width * 3 + 1), *p = bar;
    if (!bar)
        abort();
    for (int i = 0; i < width; i++, p += 3)
        memcpy(p, "\xe2\x96\x88", 3); /* U+2588 FULL BLOCK */
    *p = '\0';
    int used = ui_put(y, 10, room, bar, A_BOLD);
    free(bar);
    char value[32];
    snprintf(value, sizeof value, "%lld", (long long)l->value);
    ui_put(y, 11 + used, cols - 12 - used, value, 0);
}

typedef struct {
    const stats_state *st;
    int cols;
    const char *pinned; /* the column heads to keep in sight at the top, or NULL */
} stats_layout;

/* The summary's lines, one a row: headings, text and the month bars. A
 * table scrolled past its column heads gets them pinned at the top. */
static void layout_stats(ui_view *v, void *ctx)
{
    stats_layout *c = ctx;
    const char *columns = NULL; /* of the table the top line is in */
    bool columns_above = false;
    for (int i = 0; i < c->st->n; i++) {
        const shown_line *l = &c->st->lines[i];
        if (v->line <= v->skip && l->kind == STATS_HEADING)
            columns = NULL;
        if (v->line <= v->skip && l->kind == STATS_COLUMNS) {
            columns = l->text;
            columns_above = v->line < v->skip;
        }
        if (l->kind != STATS_BAR) {
            view_put(v, 1, c->cols - 2, l->text,
                     l->kind == STATS_HEADING ? A_BOLD | A_UNDERLINE : l->kind == STATS_COLUMNS ? A_BOLD : 0);
            continue;
        }
        int y = view_row(v, v->line++);
        if (y >= 0)
            draw_bar(y, c->cols, l);
    }
    c->pinned = columns && columns_above ? columns : NULL;
}

/* After the language key: the same lines in the other words. */
static void stats_load(tl_screen *s, tl_app *app)
{
    stats_state *st = s->state;
    if (strcmp(st->lang, app->lang) == 0)
        return;
    int skip = st->view.skip;
    load_summary(app, st);
    st->view.skip = skip;
}

static void stats_draw(tl_screen *s, tl_app *app, int rows, int cols)
{
    (void)app;
    stats_state *st = s->state;
    char words[128], title[192];
    period_words(st, words, sizeof words);
    snprintf(title, sizeof title, _("Statistics: %s"), words);
    ui_put(0, 1, cols - 2, title, A_BOLD);
    stats_layout c = {st, cols, NULL};
    view_show(&st->view, 2, rows - 2, 0, cols, layout_stats, &c);
    if (c.pinned) { /* over the table's first row in sight, as a spreadsheet keeps its head */
        move(2, 0);
        clrtoeol();
        ui_put(2, 1, cols - 2, c.pinned, A_BOLD);
    }
}

enum { STATS_PERIOD, STATS_EXPORT, STATS_BACK };

static const ui_keymap_entry stats_keys[] = {
    {'p', NULL, STATS_PERIOD, N_("p period"), 7, N_("**p**: another period: this year, last year, the last 12 months, all dates, or dates of your own")},
    {'e', NULL, STATS_EXPORT, N_("e export"), 6, N_("**e**: export the XML report of this period")},
    {0, NULL, 0, N_("j/k scroll"), 5,
     N_("**j/k** or **Up/Down**: scroll a line; **PgDn/PgUp** or **Space**: a page; **Home/End**: the top, the end")},
    UI_KEYMAP_HELP,
    {0, key_back, STATS_BACK, N_("q back"), 8, N_("**q**, **Esc** or **Left**: back to the menu")},
    {0, key_left, STATS_BACK, NULL, 0, NULL},
};
static const ui_keymap stats_keymap = {N_("Keys of the statistics"), stats_keys,
                                       sizeof stats_keys / sizeof stats_keys[0]};

static tl_screen_step stats_key(tl_screen *s, tl_app *app, tl_key k, tl_screen **next)
{
    (void)next;
    stats_state *st = s->state;
    if (view_scroll_key(&st->view, key_char(k, ' ') ? (tl_key){KEY_NPAGE, true} : k))
        return SCREEN_STAY;
    switch (keymap_action(&stats_keymap, k)) {
    case STATS_PERIOD:
        if (pick_period(app, st))
            load_summary(app, st);
        break;
    case STATS_EXPORT:
        export_report(app, st);
        break;
    case STATS_BACK:
        return SCREEN_BACK;
    }
    return SCREEN_STAY;
}

static void stats_destroy(tl_screen *s)
{
    stats_state *st = s->state;
    clear_lines(st);
    free(st->lines);
    free(st);
    free(s);
}

tl_screen *stats_screen_open(tl_app *app, const char *arg)
{
    (void)arg;
    stats_state *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    if (!pick_period(app, st)) {
        free(st);
        return NULL;
    }
    load_summary(app, st);
    return screen_new((tl_screen){.keys = &stats_keymap, .load = stats_load, .draw = stats_draw, .key = stats_key,
                                  .destroy = stats_destroy, .state = st});
}
