#include "learner.h"

#include "training_session.h"

#include <ctype.h>
#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* The code character a typed one stands for, or 0. */
static char code_char(unsigned char c)
{
    c = (unsigned char)toupper(c);
    if (c == 'O')
        return '0';
    if (c == 'I' || c == 'L')
        return '1';
    return c && strchr(alphabet, c) ? (char)c : 0;
}

bool study_code_read(const char *typed, tl_study_code out)
{
    size_t n = 0;
    for (const char *p = typed; *p; p++) {
        if (*p == ' ' || *p == '-')
            continue;
        char c = code_char((unsigned char)*p);
        if (!c || n == TL_STUDY_CODE_LEN)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == TL_STUDY_CODE_LEN;
}

tl_status study_code_new(tl_study_code out, tl_error *err)
{
    unsigned char b[TL_STUDY_CODE_LEN];
    tl_status st = random_bytes(b, sizeof b, err);
    if (st != TL_OK)
        return st;
    for (size_t i = 0; i < sizeof b; i++)
        out[i] = alphabet[b[i] % 32]; /* 256 is a multiple of 32: every character equally likely */
    out[TL_STUDY_CODE_LEN] = '\0';
    return TL_OK;
}

tl_status learner_by_code(tl_store *s, const char *typed, tl_id *person, tl_study_code code,
                          tl_learner_match *match, tl_error *err)
{
    *match = TL_LEARNER_NONE;
    if (!study_code_read(typed, code))
        return tl_fail(err, TL_DATAERR, "a personal code is %d letters and digits", TL_STUDY_CODE_LEN);
    tl_status st = store_participant_by_code(s, code, person, err);
    if (st == TL_OK && *person)
        *match = TL_LEARNER_ONE;
    return st;
}

/* Tries new codes until one is free: with a billion of them a second try
 * is already rare. */
enum { CODE_TRIES = 8 };

tl_status learner_code(tl_store *s, tl_id person, tl_study_code code, tl_error *err)
{
    tl_status st = store_participant_code(s, person, code, err);
    bool taken = true;
    for (int i = 0; st == TL_OK && !code[0] && taken && i < CODE_TRIES; i++) {
        st = study_code_new(code, err);
        if (st == TL_OK)
            st = store_participant_code_set(s, person, code, &taken, err);
        if (st == TL_OK && taken)
            code[0] = '\0';
    }
    if (st == TL_OK && !code[0])
        return tl_fail(err, TL_CANTCREAT, "no free personal code found");
    return st;
}

tl_status learner_by_name(tl_store *s, const char *name, const char *organisation, tl_id *person,
                          tl_study_code code, tl_learner_match *match, tl_error *err)
{
    tl_id ids[2];
    size_t n = 0;
    *match = TL_LEARNER_NONE;
    code[0] = '\0';
    if (!name || !*name || !organisation || !*organisation)
        return TL_OK; /* a learner without a name is found by the code only */
    tl_status st = store_participants_exactly(s, name, organisation, ids, &n, err);
    if (st != TL_OK || n == 0)
        return st;
    if (n > 1) {
        *match = TL_LEARNER_SEVERAL;
        return TL_OK;
    }
    *person = ids[0];
    st = learner_code(s, *person, code, err);
    if (st == TL_OK)
        *match = TL_LEARNER_ONE;
    return st;
}

tl_status learner_name(tl_store *s, tl_id person, char **name, tl_error *err)
{
    return store_participant_name(s, person, name, err);
}

tl_status learner_studies(tl_store *s, tl_id person, size_t max, tl_session_row **rows, size_t *n,
                          tl_error *err)
{
    return store_self_studies(s, person, max, rows, n, err);
}

size_t learner_resume_default(const tl_session_row *rows, size_t n)
{
    size_t i = 0;
    while (i < n && !training_session_unfinished(&rows[i]))
        i++;
    return i;
}
