/* commit_rate DB N: commits N checklist answers one by one through the store,
 * each its own durable transaction, and prints answers per second. */
#include "content.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        return 64;
    int n = atoi(argv[2]);
    tl_store *s;
    tl_error err;
    tl_diags d = {0};
    tl_content *c;
    if (content_load_file("checklists/trafficking-indicators.yaml", &c, &d, &err) != TL_OK ||
        store_open(argv[1], false, &s, &err) != TL_OK) {
        fprintf(stderr, "commit_rate: %s\n", err.msg);
        return 1;
    }
    tl_id run;
    store_run_create(s, c, "bench", &run, &err);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < n; i++) {
        const tl_checklist *cl = c->u.checklist;
        if (store_run_answer(s, run, cl->indicators[i % cl->n_indicators].id, (tl_answer)(1 + i % 4), NULL,
                             &err) != TL_OK) {
            fprintf(stderr, "commit_rate: %s\n", err.msg);
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.0f\n", n / secs);
    store_close(s);
    content_free(c);
    return 0;
}
