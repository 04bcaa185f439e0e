/* The HTML report (see report_html.h): the XML report's numbers (without
 * the sessions' detail, report_load_numbers) through the stylesheet, the
 * result kept in memory (a few hundred kilobytes whatever the report's
 * size) and written by the XML report's own file writer.
 *
 * The stylesheet runs with libxslt's security preferences forbidding every
 * file and network access: it needs none (its texts are in itself, read as
 * a variable), and an edited stylesheet must not be able to write files. */
#include "report_html.h"

#include "cleanup.h"
#include "datafiles.h"
#include "merge.h"
#include "report_xml.h"

#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *report_stylesheet_path(void)
{
    static char path[PATH_MAX];
    tl_data_find("TILLIT_STYLESHEET", "tillit/report-html.xsl", NULL, path, sizeof path);
    return path;
}

/* ---- libxslt's messages: the first one is kept for the error ---- */

static char first_message[512];

static void keep_first(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    if (first_message[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(first_message, sizeof first_message, fmt, ap);
    va_end(ap);
    first_message[strcspn(first_message, "\n")] = '\0';
}

static void keep_first_structured(void *ctx, xmlErrorPtr e)
{
    if (e && e->message)
        keep_first(ctx, "%s", e->message);
}

/* ---- the transformation ---- */

static tl_status load_stylesheet(xsltStylesheetPtr *xsl, tl_error *err)
{
    const char *path = report_stylesheet_path();
    if (access(path, R_OK) != 0)
        return tl_fail(err, TL_NOINPUT, "%s: cannot read the report stylesheet: %s", path, strerror(errno));
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    *xsl = doc ? xsltParseStylesheetDoc(doc) : NULL;
    if (!*xsl) {
        if (doc)
            xmlFreeDoc(doc);
        return tl_fail(err, TL_DATAERR, "%s: not a usable stylesheet: %s", path,
                       first_message[0] ? first_message : "it does not parse");
    }
    return TL_OK;
}

/* No file or network access of any kind from the stylesheet. */
static xsltSecurityPrefsPtr locked_down(void)
{
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    if (!p)
        abort();
    const xsltSecurityOption all[] = {XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE,
                                      XSLT_SECPREF_CREATE_DIRECTORY, XSLT_SECPREF_READ_NETWORK,
                                      XSLT_SECPREF_WRITE_NETWORK};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        xsltSetSecurityPrefs(p, all[i], xsltSecurityForbid);
    return p;
}

typedef struct {
    xmlChar *html;
    int len;
} html_text;

static tl_status transform(xmlDocPtr numbers, const char *lang, html_text *out, tl_error *err)
{
    xsltStylesheetPtr xsl;
    tl_status st = load_stylesheet(&xsl, err);
    if (st != TL_OK)
        return st;
    char quoted[8];
    snprintf(quoted, sizeof quoted, "'%s'", strcmp(lang, "sv") == 0 ? "sv" : "en");
    const char *params[] = {"lang", quoted, NULL};
    xsltTransformContextPtr ctxt = xsltNewTransformContext(xsl, numbers);
    xsltSecurityPrefsPtr prefs = locked_down();
    xmlDocPtr result = NULL;
    if (ctxt && xsltSetCtxtSecurityPrefs(prefs, ctxt) == 0)
        result = xsltApplyStylesheetUser(xsl, numbers, params, NULL, NULL, ctxt);
    bool failed = !result || !ctxt || ctxt->state != XSLT_STATE_OK;
    if (!failed && xsltSaveResultToString(&out->html, &out->len, result, xsl) != 0)
        failed = true;
    if (failed)
        st = tl_fail(err, TL_DATAERR, "%s: the stylesheet failed: %s", report_stylesheet_path(),
                     first_message[0] ? first_message : "no result");
    xmlFreeDoc(result);
    xsltFreeTransformContext(ctxt);
    xsltFreeSecurityPrefs(prefs);
    xsltFreeStylesheet(xsl);
    return st;
}

static tl_status write_html(int fd, bool direct, const char *target, void *ctx, tl_error *err)
{
    (void)direct; /* never asked for: report_file_write(..., false, ...) */
    const html_text *h = ctx;
    const char *p = (const char *)h->html;
    size_t n = (size_t)h->len;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return tl_fail(err, TL_IOERR, "%s: cannot write the report: %s", target,
                           strerror(k < 0 ? errno : EIO));
        p += k;
        n -= (size_t)k;
    }
    return TL_OK;
}

tl_status report_html_from_xml(const char *xml, const char *lang, const char *out, tl_error *err)
{
    first_message[0] = '\0';
    xmlDocPtr numbers;
    tl_status st = report_load_numbers(xml, &numbers, err);
    if (st != TL_OK)
        return st;
    xmlGenericErrorFunc old_handler = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, keep_first);
    xmlSetStructuredErrorFunc(NULL, keep_first_structured);
    xsltSetGenericErrorFunc(NULL, keep_first);
    exsltRegisterAll();
    html_text html = {NULL, 0};
    st = transform(numbers, lang, &html, err);
    xsltSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(old_ctx, old_handler);
    xmlFreeDoc(numbers);
    if (st == TL_OK)
        st = report_file_write(out, false, false, write_html, &html, err);
    xmlFree(html.html);
    return st;
}

tl_status report_html_write(tl_store *s, const tl_report_filter *f, const tl_library *lib, const char *lang,
                            const char *out, tl_error *err)
{
    const char *base = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/tillit-report-XXXXXX", base && *base ? base : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return tl_fail(err, TL_CANTCREAT, "cannot create a temporary file (%s): %s", tmp, strerror(errno));
    close(fd);
    int slot = cleanup_remember(tmp);
    /* The numbers only: names are never in the HTML, nor the sessions. */
    tl_report_filter numbers = *f;
    numbers.with_names = false;
    tl_report_meta meta = {.without_sessions = true};
    tl_status st = report_xml_write(s, &numbers, lib, &meta, tmp, err);
    if (st == TL_OK)
        st = report_html_from_xml(tmp, lang, out, err);
    unlink(tmp);
    cleanup_forget(slot);
    return st;
}
