/* The databases of the HTML report's tests (tests/report/run.sh):
 *   fixture_db DIR  writes DIR/site1.db, DIR/site2.db and DIR/both.db
 * Each site is tests/unit/report_fixture.h's site, plus a June session of
 * twelve participants who take the pre-check (so that its questions have
 * the 10 answers the question analysis needs) and more checklist runs (so
 * that every indicator count of 2025 is 5 or more, or 0: without a small
 * cell, two sites merged give the same numbers as their data combined).
 * both.db holds both sites' data. */
#include "report_fixture.h"

/* Twelve participants of the NGO "Stödcentrum" at the pre-check on
 * 2025-06-11, with scores 4 4 4 3 3 3 2 2 1 1 0 0 of 4; ten of them pass
 * the law module's check with all answers right. */
static void fill_cohort(tl_store *s, unsigned site)
{
    fx_site f = {s, site, 200};
    tl_error err = {0};
    tl_id org;
    fx_ok(store_organisation(s, "Stödcentrum", TL_ORG_NGO, &org, &err), &err);
    tl_id ses = fx_session(&f, 20, TL_SESSION_GROUP, "course-a", "1", "2025-06-11", "13:00", "16:00",
                           "Tränare Tre");
    const int scores[] = {4, 4, 4, 3, 3, 3, 2, 2, 1, 1, 0, 0};
    for (unsigned i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        tl_id p;
        fx_ok(store_participant_add(s, NULL, org, i % 3 ? TL_LEVEL_OPERATIONAL : TL_LEVEL_STRATEGIC, &p,
                                    &err),
              &err);
        fx_set_uuid(s, "participant", p, site, 20 + i);
        fx_attend(&f, ses, p, TL_ATT_PRESENT);
        fx_attempt(&f, ses, p, "pre_post", TL_PHASE_PRE, scores[i], 4, scores[i] >= 3);
        if (i < 10) /* everyone right: a question to review */
            fx_attempt(&f, ses, p, "law", TL_PHASE_MODULE, 2, 2, true);
    }
    fx_runs(&f, "ilo", "2025-06", "signs", 2);
    fx_runs(&f, "inspect", "2025-06", "signs", 4);
    fx_fix_times(s);
}

static void make(const char *dir, const char *name, unsigned first, unsigned last)
{
    tl_store *s = fx_store(dir, name);
    for (unsigned site = first; site <= last; site++) {
        fx_fill_site(s, site);
        fill_cohort(s, site);
    }
    store_close(s);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fixture_db DIR\n");
        return 64;
    }
    make(argv[1], "site1.db", 1, 1);
    make(argv[1], "site2.db", 2, 2);
    make(argv[1], "both.db", 1, 2);
    return 0;
}
