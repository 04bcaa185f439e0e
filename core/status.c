#include "status.h"

#include <stdarg.h>
#include <stdio.h>

tl_status tl_fail(tl_error *err, tl_status st, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = st;
    }
    return st;
}
