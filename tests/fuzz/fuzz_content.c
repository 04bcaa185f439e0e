/* libFuzzer target: any bytes given to the content loader either load or
 * give problems with a position; nothing crashes, leaks or reads out of
 * bounds (the build adds AddressSanitizer and UBSan). */
#include "content.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tl_diags d = {0};
    tl_content *c = NULL;
    tl_status st = content_load_buffer("fuzz.yaml", (const char *)data, size, &c, &d);
    size_t errors = diags_errors(&d, 0); /* warnings do not stop a file loading */
    if (st == TL_OK && (!c || errors != 0))
        abort(); /* loaded, yet problems reported: the loader contradicts itself */
    if (st != TL_OK && (c || errors == 0))
        abort(); /* refused without saying why */
    content_free(c);
    diags_free(&d);
    return 0;
}
