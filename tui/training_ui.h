/* The screens of training (group sessions and self-study), shared between
 * train.c, study.c, course.c and quiz.c. */
#ifndef TILLIT_TRAINING_UI_H
#define TILLIT_TRAINING_UI_H

#include "screen.h"
#include "course_results.h"
#include "group_results.h"

/* The course player: pages, checks, progress; resumes where the first
 * person last was. Takes ownership of course. */
tl_screen *course_screen_new(tl_app *app, tl_course *course);
/* The knowledge check of one step for everyone in the course. */
tl_screen *quiz_screen_new(tl_app *app, const tl_course *course, tl_step step);
/* The title of a knowledge check step: "Knowledge check: The law", or the
 * check before or after the course. */
void check_title(const tl_curriculum *cu, tl_step st, const char *lang, char *out, size_t size);
/* Per module progress and scores, before/after scores, per person. */
tl_screen *results_screen_new(tl_app *app, const tl_course *course);
/* Where a person stands with a check of `questions` questions: the best
 * finished score ("6/8 (75%) passed"; without passed when not graded, as
 * the pre-check), else "started: 3 of 8 answered", else "not taken yet"
 * (results.c). */
void check_standing_text(const tl_check_standing *st, size_t questions, bool graded, char *out, size_t size);

/* ---- self-study, private (study.c; the plain interface too) ---- */
/* How a learner comes in: new, by the personal code, by exact name and
 * organisation; nobody else is ever listed. */
enum { STUDY_NEW, STUDY_BY_CODE, STUDY_BY_NAME, STUDY_WAYS };
extern const char *const study_way_labels[STUDY_WAYS];
/* Self-studies beyond this many of one learner are not offered. */
enum { STUDIES_MAX = 100 };
typedef struct {
    tl_id person;
    tl_study_code code;
    char name[TL_NAME_MAX_BYTES + 1]; /* "" when not known or left out */
} study_learner;
/* What a new learner is told of their code (markdown-light). */
void study_code_notice(const char *code, char *out, size_t size);
/* The learner of the typed code, or of who->name at organisation: *found,
 * else why says what to tell them before asking again. */
tl_status study_by_code(tl_store *s, const char *typed, study_learner *who, bool *found, char *why, size_t size,
                        tl_error *err);
tl_status study_by_name(tl_store *s, const char *organisation, study_learner *who, bool *found, char *why,
                        size_t size, tl_error *err);
/* The learner's own self-studies (tl_session_rows_free), and their name as
 * registered into who->name. */
tl_status study_own_list(tl_store *s, study_learner *who, tl_session_row **rows, size_t *n, tl_error *err);
/* "Continue: Example course, started 2026-12-06  (completed)". */
void study_own_label(const tl_library *lib, const char *lang, const tl_session_row *r, char *out, size_t size);

/* ---- the presenter view (presenter.c): a group counted, never named ---- */
/* "Taken by 4 of 5, passed by 3." (passed only when graded), and how many
 * are answering. */
void spread_summary(const tl_score_spread *sp, size_t people, bool graded, char *out, size_t size);
/* "0-24%: 1   25-49%: 0   50-74%: 2   75-100%: 1" */
void spread_bands(const tl_score_spread *sp, char *out, size_t size);
/* The bands as a bar chart into a view, the best on top: four lines. */
void view_spread_bars(ui_view *v, int x, int cols, const tl_score_spread *sp);
/* The group's results as counts and spreads (o in the presenter view). */
tl_screen *group_results_screen_new(tl_app *app, const tl_course *course);

/* Someone registered before, found by part of the name typed (name: not
 * empty): "New participant: name" first, then those registered with such a
 * name (their organisation, when last seen, level; those on the roll call
 * of session, if not 0, marked). PICK_NEW also when there is no one to offer.
 * *picked is owned by the caller (tl_attendee_row_clear(&picked->person)). */
typedef enum { PICK_CANCELLED, PICK_NEW, PICK_KNOWN } pick_result;
pick_result pick_known(tl_app *app, tl_id session, const char *name, tl_known_participant *picked);
/* How pick_known lists someone registered before (malloc'ed): name,
 * organisation, when last seen, level, and whether on the roll call already. */
char *known_label(const tl_known_participant *p);
/* More people than this matching a name are not listed: the user is asked
 * to type more of it. */
enum { KNOWN_MAX = 100 };
/* Removes the spaces around text (spaces alone are no name). */
void trim_spaces(char *text);

/* Lists rows (sessions, most recent first) after a first line new_label,
 * and a last line more_label (NULL: none), and lets the user pick: -1
 * cancelled, 0 the new one, i + 1 for rows[i], n + 1 more_label. The most
 * recent unfinished session is selected, so Enter continues it. */
typedef void (*session_label_fn)(const tl_session_row *r, char *out, size_t size);
int choose_session(tl_app *app, const char *title, const char *new_label, const tl_session_row *const *rows,
                   size_t n, session_label_fn label, const char *more_label);
/* Sessions beyond this many are not offered to continue. */
enum { SESSIONS_MAX = 100 };

/* Asks for a curriculum (or takes the one named by id); NULL when cancelled. */
const tl_content *pick_curriculum(tl_app *app, const char *id);
/* Asks for an organisation (existing or new) and a level; false if cancelled. */
bool pick_organisation(tl_app *app, tl_id *org, tl_level *level);

extern const char *const org_type_labels[TL_ORG_TYPE_COUNT];
extern const char *const level_labels[TL_LEVEL_COUNT];
extern const char *const attendance_labels[TL_ATT_COUNT];
/* The statuses as a status chooser offers them, in full (a list shows the
 * short attendance_labels). */
extern const char *const attendance_choices[TL_ATT_COUNT];

#endif
