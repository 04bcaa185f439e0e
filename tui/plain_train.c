/* Training in the plain interface: a trainer's group session (open or
 * continue it, the roll call, the course, close it) and a learner's
 * self-study (start or resume), with the course's pages and knowledge
 * checks said as lines. The same core workflows as the full-screen
 * screens (core/training_session.h, course.h, knowledge_check.h). */
#include "course.h"
#include "dates.h"
#include "i18n.h"
#include "knowledge_check.h"
#include "plain.h"
#include "review_notice.h"
#include "training_ui.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool ok(plain *p, tl_status st, const tl_error *err)
{
    if (st != TL_OK)
        plain_sayf(p, "%s", err->msg);
    return st == TL_OK;
}

/* Lists labels after a heading and asks for one: its index, or -1 when the
 * user went back or the input ended. */
static int choose_from(plain *p, const char *title, const char *const *labels, int n)
{
    plain_heading(p, title);
    plain_list(p, labels, n);
    for (;;) {
        int c;
        plain_answer a = plain_choose(p, _("Choose a number; b back, q quit:"), n, NULL, &c);
        if (a == P_CHOICE)
            return c - 1;
        if (a == P_BACK || a == P_QUIT)
            return -1;
    }
}

static char **new_labels(size_t n)
{
    char **labels = calloc(n + 1, sizeof *labels);
    if (!labels)
        abort();
    return labels;
}

static void free_labels(char **labels, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(labels[i]);
    free(labels);
}

static char *label_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *label_of(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *s = strdup(buf);
    if (!s)
        abort();
    return s;
}

/* ---- what a session or a self-study is of, and who ---- */

static const tl_content *plain_pick_curriculum(plain *p, const char *id)
{
    const tl_library *lib = &p->lib;
    const tl_content *c = NULL;
    if (id) {
        c = library_find(lib, id);
        if (!c || c->kind != TL_CURRICULUM) {
            plain_sayf(p, _("No curriculum with the id '%s'."), id);
            c = NULL;
        }
    }
    if (!c && lib->n_curricula == 0) {
        plain_sayf(p, "%s", _("There is no curriculum in the content folder."));
        return NULL;
    }
    if (!c) {
        const char **labels = calloc(lib->n_curricula, sizeof *labels);
        if (!labels)
            abort();
        for (size_t i = 0; i < lib->n_curricula; i++)
            labels[i] = text_get(&lib->curricula[i]->u.h->title, p->lang);
        int pick = choose_from(p, _("Choose a curriculum"), labels, (int)lib->n_curricula);
        free(labels);
        if (pick < 0)
            return NULL;
        c = lib->curricula[pick];
    }
    char notice[1024];
    if (review_notice_text(c, p->lang, notice, sizeof notice))
        plain_sayf(p, "%s", notice);
    return c;
}

/* An optional text: false when the user went back or the input ended.
 * A name longer than core takes (TL_NAME_MAX_BYTES) is refused here, as
 * the full-screen prompt holds no more, before anything else is asked. */
static bool ask_text_within(plain *p, const char *prompt, size_t max, char **out)
{
    for (;;) {
        if (plain_text(p, prompt) != P_CHOICE)
            return false;
        trim_spaces(p->line);
        if (strlen(p->line) <= max)
            break;
        plain_sayf(p, _("That is more than this text can hold: at most %zu bytes."), max);
    }
    *out = strdup(p->line);
    if (!*out)
        abort();
    return true;
}

static bool ask_text(plain *p, const char *prompt, char **out)
{
    return ask_text_within(p, prompt, SIZE_MAX, out);
}

static bool ask_name(plain *p, const char *prompt, char **out)
{
    return ask_text_within(p, prompt, TL_NAME_MAX_BYTES, out);
}

static bool new_organisation(plain *p, tl_id *org)
{
    char *name;
    if (!ask_name(p, _("Organisation name:"), &name))
        return false;
    const char *types[TL_ORG_TYPE_COUNT];
    i18n_table(org_type_labels, types, TL_ORG_TYPE_COUNT);
    int type = name[0] ? choose_from(p, _("Type of organisation"), types, TL_ORG_TYPE_COUNT) : -1;
    tl_error err;
    bool added = type >= 0 && ok(p, organisation_add(p->store, name, (tl_org_type)type, org, &err), &err);
    free(name);
    return added;
}

static bool plain_pick_organisation(plain *p, tl_id *org, tl_level *level)
{
    tl_org_row *rows;
    size_t n;
    tl_error err;
    if (!ok(p, organisations_list(p->store, &rows, &n, &err), &err))
        return false;
    char **labels = new_labels(n + 1);
    labels[0] = label_of("%s", _("New organisation..."));
    for (size_t i = 0; i < n; i++)
        labels[i + 1] = label_of("%s (%s)", rows[i].name, _(org_type_labels[rows[i].type]));
    int pick = choose_from(p, _("Organisation"), (const char *const *)labels, (int)n + 1);
    free_labels(labels, n + 1);
    bool chosen = pick > 0 || (pick == 0 && new_organisation(p, org));
    if (pick > 0)
        *org = rows[pick - 1].id;
    tl_org_rows_free(rows, n);
    if (!chosen)
        return false;
    const char *levels[TL_LEVEL_COUNT];
    i18n_table(level_labels, levels, TL_LEVEL_COUNT);
    int lv = choose_from(p, _("Level of work"), levels, TL_LEVEL_COUNT);
    *level = (tl_level)lv;
    return lv >= 0;
}

/* Someone registered before whose name contains name, or someone new: as
 * the full-screen roll call offers them. */
static pick_result plain_pick_known(plain *p, tl_id session, const char *name, tl_known_participant *picked)
{
    *picked = (tl_known_participant){0};
    if (!name[0])
        return PICK_NEW;
    tl_known_participant *rows;
    size_t n;
    tl_error err;
    if (!ok(p, people_named(p->store, name, session, KNOWN_MAX, &rows, &n, &err), &err))
        return PICK_CANCELLED;
    size_t found = n;
    if (n > KNOWN_MAX) {
        n = KNOWN_MAX;
        plain_sayf(p, _("Only the first %d are listed: type more of the name to find the others."), KNOWN_MAX);
    }
    int pick = 0;
    if (n > 0) {
        char **labels = new_labels(n + 1);
        labels[0] = label_of(_("New participant: %s"), name);
        for (size_t i = 0; i < n; i++)
            labels[i + 1] = known_label(&rows[i]);
        pick = choose_from(p, _("Registered before?"), (const char *const *)labels, (int)n + 1);
        free_labels(labels, n + 1);
    }
    if (pick > 0) {
        *picked = rows[pick - 1];
        rows[pick - 1] = (tl_known_participant){0};
    }
    tl_known_rows_free(rows, found);
    return pick < 0 ? PICK_CANCELLED : pick == 0 ? PICK_NEW : PICK_KNOWN;
}

/* ---- a knowledge check ---- */

/* "1 3" -> the mask of choices 1 and 3; 0 when anything is not a choice. */
static int64_t parse_choices(const char *line, size_t n_choices, bool single)
{
    int64_t mask = 0;
    int count = 0;
    for (const char *s = line; *s;) {
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s || v < 1 || (size_t)v > n_choices)
            return 0;
        mask |= (int64_t)1 << (v - 1);
        count++;
        s = end + strspn(end, " ,");
    }
    return single && count != 1 ? 0 : mask;
}

static void say_question(plain *p, const tl_knowledge_check *kc, size_t q)
{
    const tl_question *qq = &kc->k->questions[q];
    plain_sayf(p, _("Question %zu/%zu (%s)"), q + 1, kc->k->n_questions,
               qq->type == TL_Q_SINGLE ? _("one answer") : _("tick all that apply"));
    plain_say(p, text_get(&qq->text, p->lang));
    const char **labels = calloc(qq->n_choices, sizeof *labels);
    if (!labels)
        abort();
    for (size_t i = 0; i < qq->n_choices; i++)
        labels[i] = text_get(&qq->choices[i].text, p->lang);
    plain_list(p, labels, (int)qq->n_choices);
    free(labels);
}

static void say_explanation(plain *p, const tl_question *qq)
{
    char right[256] = "";
    for (size_t i = 0, len = 0; i < qq->n_choices && len < sizeof right; i++)
        if (qq->choices[i].correct)
            len += (size_t)snprintf(right + len, sizeof right - len, "%s%zu", len ? ", " : "", i + 1);
    plain_sayf(p, _("The right answer: %s."), right);
    plain_say(p, text_get(&qq->explanation, p->lang));
}

/* One person's answer to question q: P_CHOICE when saved (or skipped). */
static plain_answer ask_answer(plain *p, tl_knowledge_check *kc, size_t q, size_t person)
{
    const tl_question *qq = &kc->k->questions[q];
    bool group = kc->course->group;
    char label[160];
    if (group)
        plain_sayf(p, _("Answer of: %s"), course_label(kc->course, person, label, sizeof label));
    const char *prompt = qq->type == TL_Q_SINGLE ? (group ? _("The number of the answer; s skip, b leave, q quit:")
                                                          : _("The number of the answer; b leave, q quit:"))
                                                 : (group ? _("The numbers that apply, e.g. 1 3; s skip, b leave, q quit:")
                                                          : _("The numbers that apply, e.g. 1 3; b leave, q quit:"));
    for (;;) {
        plain_answer a = plain_ask(p, prompt);
        if (a != P_CHOICE)
            return a == P_EMPTY || a == P_HELP ? P_EMPTY : a;
        tl_error err;
        if (group && (strcmp(p->line, "s") == 0 || strcmp(p->line, "S") == 0))
            return ok(p, knowledge_check_answer(p->store, kc, person, q, TL_KC_SKIPPED, &err), &err) ? P_CHOICE
                                                                                                       : P_BACK;
        int64_t mask = parse_choices(p->line, qq->n_choices, qq->type == TL_Q_SINGLE);
        if (!mask) {
            plain_sayf(p, _("'%s' is not one of the choices."), p->line);
            continue;
        }
        if (!ok(p, knowledge_check_answer(p->store, kc, person, q, mask, &err), &err))
            return P_BACK;
        if (!group) /* a learner alone learns at once; a group after everyone */
            plain_sayf(p, "%s", question_correct(qq, (unsigned)mask) ? _("Right.") : _("Not quite."));
        return P_CHOICE;
    }
}

static void say_results(plain *p, const tl_knowledge_check *kc)
{
    plain_heading(p, _("Results"));
    char label[160];
    for (size_t i = 0; i < kc->course->n; i++) {
        int answered;
        int score = knowledge_check_score(kc, i, &answered);
        if (!answered) {
            plain_sayf(p, "%s: %s", course_label(kc->course, i, label, sizeof label), _("skipped"));
            continue;
        }
        int max = (int)kc->k->n_questions;
        /* Before the course a check measures, it does not pass or fail. */
        if (kc->step.phase == TL_PHASE_PRE)
            plain_sayf(p, "%s: %d/%d (%d%%)", course_label(kc->course, i, label, sizeof label), score, max, check_percent(score, max));
        else
            plain_sayf(p, "%s: %d/%d (%d%%) %s", course_label(kc->course, i, label, sizeof label), score, max, check_percent(score, max),
                       knowledge_check_passed(kc, i) ? _("PASSED") : _("not passed"));
    }
}

/* The check of step for everyone in course, question by question; a group's
 * answers person by person, each question explained when all have answered. */
static plain_answer knowledge_check(plain *p, const tl_course *course, tl_step step)
{
    tl_knowledge_check *kc;
    tl_error err;
    if (!ok(p, knowledge_check_start(p->store, course, step, &kc, &err), &err))
        return P_BACK;
    plain_answer a = P_CHOICE;
    for (size_t q = knowledge_check_first_open(kc); q < kc->k->n_questions && a == P_CHOICE; q++) {
        say_question(p, kc, q);
        for (size_t who = knowledge_check_next_person(kc, q, 0); who < course->n && a != P_BACK && a != P_QUIT;
             who = knowledge_check_next_person(kc, q, who + (a == P_CHOICE)))
            a = ask_answer(p, kc, q, who);
        if (a != P_CHOICE)
            break;
        if (course->group) {
            int answered, right;
            knowledge_check_tally(kc, q, &answered, &right);
            plain_sayf(p, _("%d of %d answered correctly."), right, answered);
        }
        say_explanation(p, &kc->k->questions[q]);
    }
    if (a == P_CHOICE) {
        bool completed = false;
        if (ok(p, knowledge_check_finish(p->store, kc, &completed, &err), &err)) {
            say_results(p, kc);
            if (completed)
                plain_sayf(p, "%s", _("Curriculum completed: every module is passed."));
        }
    } else {
        plain_sayf(p, "%s", _("The answers given so far are kept."));
    }
    knowledge_check_free(kc);
    return a == P_QUIT ? P_QUIT : P_CHOICE;
}

/* ---- the course ---- */

static void say_step(plain *p, const tl_course_place *place)
{
    const tl_curriculum *cu = place->course->cu;
    tl_step st = course_step(place);
    char line[1024];
    if (st.kind == TL_STEP_CHECK) {
        check_title(cu, st, p->lang, line, sizeof line);
        plain_heading(p, line);
        plain_sayf(p, "%s", place->cur + 1 < place->n_steps ? _("Press Enter to start the check, or n to go on.")
                                                            : _("Press Enter to start the check. It is the last step of the course."));
        return;
    }
    const tl_module *m = &cu->modules[st.module];
    const tl_page *pg = &m->pages[st.page];
    snprintf(line, sizeof line, _("Module %d/%zu: %s"), st.module + 1, cu->n_modules, text_get(&m->title, p->lang));
    size_t len = strlen(line);
    snprintf(line + len, sizeof line - len, _("   Page %d/%zu"), st.page + 1, m->n_pages);
    plain_sayf(p, "%s", line);
    plain_heading(p, text_get(&pg->title, p->lang));
    plain_say(p, text_get(&pg->body, p->lang));
}

static void say_course_end(plain *p, const tl_course_place *place)
{
    if (place->course->group) {
        plain_sayf(p, "%s", _("End of the course. b goes back to the session, where c closes it."));
        return;
    }
    int done;
    bool completed;
    tl_error err;
    if (ok(p, course_completion(p->store, place->course, &done, &completed, &err), &err))
        plain_sayf(p, _n("End of the course: %d of %zu module completed.", "End of the course: %d of %zu modules completed.",
                         place->course->cu->n_modules),
                   done, place->course->cu->n_modules);
}

static void course_help(plain *p)
{
    plain_say(p, _("**The course**\n"
                   "- **Enter**: the next page; on a knowledge check, start it\n"
                   "- **n**: go on without taking the check; **p**: the previous page\n"
                   "- **t**: the trainer's notes for the page (for the trainer, not for the room)\n"
                   "- **b**: leave the course (it resumes at the same page); **q**: quit\n"
                   "- In a check: the number of the answer, or the numbers that apply (\"1 3\"); a group's "
                   "answers are given for each attendee in turn, **s** skips one."));
}

/* Plays the course from where it stopped; takes ownership of course. */
static plain_answer play_course(plain *p, tl_course *course)
{
    tl_course_place place;
    tl_error err;
    ok(p, course_place_open(p->store, course, time(NULL), &place, &err), &err);
    plain_answer a = P_CHOICE;
    bool say = true;
    while (a != P_QUIT && a != P_BACK) {
        if (say)
            say_step(p, &place);
        say = true;
        tl_step st = course_step(&place);
        int c;
        a = plain_choose(p,
                         st.kind == TL_STEP_CHECK ? _("Enter start the check, n next, p previous, ? help, b leave, q quit:")
                                                  : _("Enter next, p previous, t trainer's notes, ? help, b leave, q quit:"),
                         0, "npt", &c);
        size_t to = place.cur;
        if (a == P_HELP) {
            course_help(p);
            say = false;
            continue;
        }
        if (a == P_EMPTY && st.kind == TL_STEP_CHECK) {
            a = knowledge_check(p, course, st);
            to = place.cur + 1;
        } else if (a == P_EMPTY || (a == P_CHOICE && c == 1)) {
            to = place.cur + 1;
        } else if (a == P_CHOICE && c == 2) {
            to = place.cur > 0 ? place.cur - 1 : 0;
        } else if (a == P_CHOICE && c == 3) {
            const tl_page *pg = st.kind == TL_STEP_PAGE ? &course->cu->modules[st.module].pages[st.page] : NULL;
            plain_say(p, pg && text_has(&pg->trainer_notes, p->lang) ? text_get(&pg->trainer_notes, p->lang)
                                                                    : _("No trainer's notes for this page."));
            say = false;
            continue;
        }
        if (a == P_QUIT || a == P_BACK)
            break;
        if (to >= place.n_steps) {
            say_course_end(p, &place);
            a = P_BACK;
            break;
        }
        ok(p, course_go_to(p->store, &place, to, time(NULL), &err), &err);
    }
    ok(p, course_leave(p->store, &place, time(NULL), &err), &err);
    course_place_free(&place);
    return a;
}

/* ---- self-study: private, nobody else listed (study.c's rules) ---- */

/* Lists the sessions of a kind after "new_label" and asks: -1 back, 0 new,
 * i + 1 for rows[i]. */
static int plain_pick_session(plain *p, tl_session_kind kind, bool open_only, const char *title,
                              const char *new_label, void (*label)(const tl_session_row *, char *, size_t), tl_session_row **rows, size_t *n)
{
    tl_error err;
    if (!ok(p, training_sessions_list(p->store, kind, open_only, SESSIONS_MAX, rows, n, &err), &err))
        return -1;
    if (*n == 0)
        return 0;
    char **labels = new_labels(*n + 1);
    labels[0] = label_of("%s", new_label);
    for (size_t i = 0; i < *n; i++) {
        labels[i + 1] = malloc(1024);
        if (!labels[i + 1])
            abort();
        label(&(*rows)[i], labels[i + 1], 1024);
    }
    int pick = choose_from(p, title, (const char *const *)labels, (int)*n + 1);
    free_labels(labels, *n + 1);
    return pick;
}

/* A new self-study of a curriculum for who (someone new when who->person
 * is 0: name, organisation and level asked; then told their code). */
static tl_course *new_self_study(plain *p, const char *curriculum_id, study_learner *who)
{
    const tl_content *c = plain_pick_curriculum(p, curriculum_id);
    if (!c)
        return NULL;
    tl_new_person someone = {0};
    char *name = NULL;
    if (!who->person) {
        if (!ask_name(p, _("Your name (optional, Enter to leave out):"), &name))
            return NULL;
        snprintf(who->name, sizeof who->name, "%s", name);
        free(name);
        someone.name = who->name;
        if (!plain_pick_organisation(p, &someone.organisation, &someone.level))
            return NULL;
    }
    char date[11], start[6], notice[1024];
    today_iso(date);
    now_hhmm(start);
    tl_session_start start_as = {.date = date, .start_time = start};
    tl_id session, known = who->person;
    tl_error err;
    if (!ok(p, self_study_start(p->store, c, &start_as, known, &someone, &session, &who->person, who->code, &err),
            &err))
        return NULL;
    if (!known) {
        study_code_notice(who->code, notice, sizeof notice);
        plain_say(p, notice);
    }
    return course_of_learner(c, session, who->person, who->name[0] ? who->name : _("You"));
}

/* Asks for the personal code until it is a learner's (true) or back. */
static bool plain_by_code(plain *p, study_learner *who)
{
    for (;;) {
        if (plain_text(p, _("Your personal code (6 letters and digits):")) != P_CHOICE)
            return false;
        bool found;
        char why[256];
        tl_error err;
        if (!ok(p, study_by_code(p->store, p->line, who, &found, why, sizeof why, &err), &err))
            return false;
        if (found)
            return true;
        plain_sayf(p, "%s", why);
    }
}

/* Asks for the exact name and the organisation: true when one learner's. */
static bool plain_by_name(plain *p, study_learner *who)
{
    char *name, **orgs;
    size_t n;
    tl_error err;
    if (!ask_name(p, _("Your name, as you gave it:"), &name))
        return false;
    snprintf(who->name, sizeof who->name, "%s", name);
    free(name);
    if (!who->name[0] || !ok(p, organisation_names(p->store, &orgs, &n, &err), &err))
        return false;
    int pick = choose_from(p, _("Your organisation"), (const char *const *)orgs, (int)n);
    bool found = false;
    char why[512];
    if (pick >= 0 && ok(p, study_by_name(p->store, orgs[pick], who, &found, why, sizeof why, &err), &err) && !found)
        plain_sayf(p, "%s", why);
    organisation_names_free(orgs, n);
    return found;
}

/* The known learner's own self-studies after "Start a new self-study". */
static tl_course *own_self_study(plain *p, const char *curriculum_id, study_learner *who)
{
    tl_session_row *rows;
    size_t n;
    tl_error err;
    if (!ok(p, study_own_list(p->store, who, &rows, &n, &err), &err))
        return NULL;
    char **labels = new_labels(n + 1), title[128];
    labels[0] = label_of("%s", _("Start a new self-study"));
    for (size_t i = 0; i < n; i++) {
        labels[i + 1] = malloc(1024);
        if (!labels[i + 1])
            abort();
        study_own_label(&p->lib, p->lang, &rows[i], labels[i + 1], 1024);
    }
    snprintf(title, sizeof title, _("Your self-studies (personal code %s)"), who->code);
    int pick = choose_from(p, title, (const char *const *)labels, (int)n + 1);
    free_labels(labels, n + 1);
    tl_course *course = pick == 0 ? new_self_study(p, curriculum_id, who) : NULL;
    const tl_content *c = pick > 0 ? library_find(&p->lib, rows[pick - 1].curriculum_id) : NULL;
    if (c && c->kind == TL_CURRICULUM)
        course = course_of_learner(c, rows[pick - 1].id, who->person, who->name[0] ? who->name : _("You"));
    else if (pick > 0)
        plain_sayf(p, _("The curriculum '%s' is no longer in the content folder."), rows[pick - 1].curriculum_id);
    tl_session_rows_free(rows, n);
    return course;
}

void plain_study(plain *p, const char *curriculum_id)
{
    const char *ways[STUDY_WAYS];
    i18n_table(study_way_labels, ways, STUDY_WAYS);
    tl_course *course = NULL;
    for (bool asking = true; asking;) {
        study_learner who = {0};
        int way = choose_from(p, _("Self-study"), ways, STUDY_WAYS);
        asking = false;
        if (way == STUDY_NEW)
            course = new_self_study(p, curriculum_id, &who);
        else if (way >= 0 && (way == STUDY_BY_CODE ? plain_by_code(p, &who) : plain_by_name(p, &who)))
            course = own_self_study(p, curriculum_id, &who);
        else
            asking = way >= 0; /* not found: how to come in, again */
    }
    if (course)
        play_course(p, course);
}

/* ---- a group session ---- */

/* Checks what was typed and writes what is stored into out; false when it
 * is not a date or time. */
typedef bool (*parse_fn)(const char *in, char *out);

static bool date_parse(const char *in, char out[11])
{
    if (!iso_date_valid(in))
        return false;
    snprintf(out, 11, "%s", in);
    return true;
}

/* A date or time, deflt when the line is empty; asks again (saying hint)
 * until parse takes it. */
static bool ask_valid(plain *p, const char *prompt, parse_fn parse, const char *hint, const char *deflt, char *out)
{
    for (;;) {
        if (plain_text(p, prompt) != P_CHOICE)
            return false;
        trim_spaces(p->line);
        if (parse(p->line[0] ? p->line : deflt, out))
            return true;
        plain_sayf(p, "%s", hint);
    }
}

static bool open_session(plain *p, const char *curriculum_id, const tl_content **content, tl_training_session *ts)
{
    const tl_content *c = plain_pick_curriculum(p, curriculum_id);
    char date[11], start[6], today[11], now[6], prompt[128];
    today_iso(today);
    now_hhmm(now);
    char *location = NULL, *trainer = NULL, *description = NULL;
    snprintf(prompt, sizeof prompt, _("Date (YYYY-MM-DD, Enter: %s):"), today);
    bool asked = c && ask_valid(p, prompt, date_parse, _("Write the date as YYYY-MM-DD, e.g. 2026-11-26."), today, date);
    snprintf(prompt, sizeof prompt, _("Start time (HH:MM, Enter: %s):"), now);
    asked = asked && ask_valid(p, prompt, hhmm_parse, _("Write the time as 13:30, 13.30 or 1330."), now, start);
    asked = asked && ask_text(p, _("Location:"), &location) && ask_text(p, _("Trainer:"), &trainer) &&
            ask_text(p, _("Description (optional):"), &description);
    bool opened = false;
    if (asked) {
        tl_session_start start_as = {.date = date, .start_time = start, .location = location, .trainer = trainer,
                                     .description = description};
        tl_error err;
        opened = ok(p, training_session_open(p->store, c, &start_as, ts, &err), &err);
        *content = c;
    }
    free(location);
    free(trainer);
    free(description);
    return opened;
}

static void say_roll_call(plain *p, const tl_training_session *ts)
{
    char line[512];
    snprintf(line, sizeof line, _("Attendees (%zu)"), ts->n);
    plain_heading(p, line);
    if (ts->n == 0)
        plain_sayf(p, "%s", _("No attendees yet: a adds one."));
    char **labels = new_labels(ts->n);
    for (size_t i = 0; i < ts->n; i++) {
        const tl_attendee_row *r = &ts->attendees[i];
        char who[256];
        attendee_label(r->name, i + 1, who, sizeof who);
        labels[i] = label_of(_("%s, %s, %s, %s: %s"), who, r->organisation, _(level_labels[r->level]),
                             _(attendance_labels[r->status]), r->remark[0] ? r->remark : "-");
    }
    plain_list(p, (const char *const *)labels, (int)ts->n);
    free_labels(labels, ts->n);
}

static void add_attendee(plain *p, tl_training_session *ts)
{
    plain_sayf(p, "%s", _("Part of a name finds those registered before; Enter alone adds someone without a name."));
    char *name;
    if (!ask_name(p, _("Name (optional, Enter to leave out):"), &name))
        return;
    tl_known_participant known;
    pick_result pick = plain_pick_known(p, ts->info.id, name, &known);
    tl_error err;
    if (pick == PICK_KNOWN) {
        bool added;
        if (ok(p, training_session_add_known(p->store, ts, known.person.participant, &added, &err), &err) && !added)
            plain_sayf(p, _("%s is on this session's roll call already."), known.person.name);
    } else if (pick == PICK_NEW) {
        tl_new_person who = {.name = name};
        tl_id person;
        if (plain_pick_organisation(p, &who.organisation, &who.level))
            ok(p, training_session_add_new(p->store, ts, &who, &person, &err), &err);
    }
    tl_attendee_row_clear(&known.person);
    free(name);
}

/* The minutes someone late or leaving early took part, asked as the
 * full-screen roll call asks them; empty: the whole session counts (-1). */
static bool ask_minutes(plain *p, int *minutes)
{
    for (;;) {
        if (plain_text(p, _("Minutes taken part (empty: the whole session):")) != P_CHOICE)
            return false;
        if (minutes_parse(p->line, minutes))
            return true;
        plain_sayf(p, "%s", _("Write the minutes as a number from 1 to 1440, or leave it empty."));
    }
}

static void mark_attendee(plain *p, tl_training_session *ts)
{
    if (ts->n == 0)
        return;
    int c;
    if (plain_choose(p, _("The number of the attendee:"), (int)ts->n, NULL, &c) != P_CHOICE)
        return;
    const char *statuses[TL_ATT_COUNT];
    i18n_table(attendance_choices, statuses, TL_ATT_COUNT);
    int status = choose_from(p, _("Status"), statuses, TL_ATT_COUNT);
    int minutes = -1;
    if (status < 0 || (attendance_counts_minutes((tl_attendance)status) && !ask_minutes(p, &minutes)))
        return;
    tl_error err;
    ok(p, training_session_mark(p->store, ts, (size_t)c - 1, (tl_attendance)status, ts->attendees[c - 1].remark,
                                minutes, &err),
       &err);
}

static bool close_session(plain *p, tl_training_session *ts)
{
    char now[6], prompt[64], end[6];
    now_hhmm(now);
    snprintf(prompt, sizeof prompt, _("End time (HH:MM, Enter: %s):"), now);
    for (;;) {
        if (!ask_valid(p, prompt, hhmm_parse, _("Write the time as 13:30, 13.30 or 1330."), now, end))
            return false;
        char question[200];
        snprintf(question, sizeof question, _("%s is not after the start, %s. Did the session go on past midnight?"),
                 end, ts->info.start_time);
        if (strcmp(end, ts->info.start_time) > 0 || plain_confirm(p, question))
            break;
    }
    tl_error err;
    if (!ok(p, training_session_close(p->store, ts, end, &err), &err))
        return false;
    plain_sayf(p, _("Session closed at %s."), end);
    return true;
}

static void session_help(plain *p)
{
    plain_say(p, _("**The session**\n"
                   "- **a**: add an attendee (part of a name finds those registered before)\n"
                   "- **m**: mark an attendee's status (present, late, left early, took part remotely, "
                   "excused, absent); for someone late or leaving early, the minutes they took part\n"
                   "- **Enter**: present the course to those taking part (all but the excused and the absent), from "
                   "where it stopped\n"
                   "- **c**: close the session with its end time\n"
                   "- **b**: back; **q**: quit. Everything is saved as it is entered."));
}

static void run_session(plain *p, const tl_content *c, tl_training_session *ts)
{
    while (!p->ended && !p->quit) {
        say_roll_call(p, ts);
        int k;
        plain_answer a = plain_choose(p, _("a add, m mark, Enter the course, c close, ? help, b back, q quit:"), 0, "amc", &k);
        if (a == P_BACK || a == P_QUIT)
            return;
        if (a == P_HELP)
            session_help(p);
        else if (a == P_EMPTY) {
            tl_course *course = course_of_group(c, ts);
            if (course->n == 0) {
                plain_sayf(p, "%s", _("Add attendees first: nobody to record answers for."));
                course_free(course);
            } else if (play_course(p, course) == P_QUIT) {
                return;
            }
        } else if (k == 1) {
            add_attendee(p, ts);
        } else if (k == 2) {
            mark_attendee(p, ts);
        } else if (ts->info.end_time[0]) {
            plain_sayf(p, "%s", _("This session is already closed."));
        } else if (plain_confirm(p, _("Close the session now?")) && close_session(p, ts)) {
            return;
        }
    }
}

static void session_label(const tl_session_row *r, char *out, size_t size)
{
    snprintf(out, size,
             _n("Continue: %s %s  %s  %s (%d attendee)", "Continue: %s %s  %s  %s (%d attendees)", r->attendees),
             r->date, r->start_time, r->curriculum_id, r->location, r->attendees);
}

void plain_training(plain *p, const char *curriculum_id)
{
    tl_session_row *rows;
    size_t n;
    int pick = plain_pick_session(p, TL_SESSION_GROUP, true, _("Training session"), _("Start a new session"),
                                  session_label, &rows, &n);
    tl_training_session ts = {0};
    const tl_content *c = NULL;
    bool opened = false;
    tl_error err;
    if (pick == 0) {
        opened = open_session(p, curriculum_id, &c, &ts);
    } else if (pick > 0) {
        c = library_find(&p->lib, rows[pick - 1].curriculum_id);
        if (c && c->kind == TL_CURRICULUM)
            opened = ok(p, training_session_load(p->store, rows[pick - 1].id, &ts, &err), &err);
        else
            plain_sayf(p, _("The curriculum '%s' of that session is no longer in the content folder."),
                       rows[pick - 1].curriculum_id);
    }
    tl_session_rows_free(rows, n);
    if (opened)
        run_session(p, c, &ts);
    training_session_clear(&ts);
}
