/* One error path for the whole program: a function that can fail returns a
 * tl_status and fills a tl_error; only main() decides to print and exit.
 * The status values are the process exit codes (sysexits.h), so main() can
 * exit with the status as it is. */
#ifndef TILLIT_STATUS_H
#define TILLIT_STATUS_H

typedef enum {
    TL_OK = 0,
    TL_USAGE = 64,     /* bad command line */
    TL_DATAERR = 65,   /* bad content or data: invalid YAML, foreign database */
    TL_NOINPUT = 66,   /* an input file or folder does not exist / cannot be read */
    TL_CANTCREAT = 73, /* cannot create or write an output (database, report) */
    TL_IOERR = 74,     /* I/O error while reading or writing */
    TL_CONFIG = 78     /* unusable environment, e.g. no UTF-8 locale for the TUI */
} tl_status;

typedef struct {
    tl_status status;
    char msg[1024];
} tl_error;

/* Fills err (when not NULL) and returns st, so callers can write
 * `return tl_fail(err, TL_IOERR, "cannot read %s: %s", path, strerror(errno));` */
tl_status tl_fail(tl_error *err, tl_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
