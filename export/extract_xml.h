/* The register extract as XML (schema export/tillit-extract.xsd, namespace
 * urn:tillit:extract:1): core/extract.h's rows through libxml2's
 * xmlTextWriter. */
#ifndef TILLIT_EXTRACT_XML_H
#define TILLIT_EXTRACT_XML_H

#include "extract.h"

#define TL_EXTRACT_NS "urn:tillit:extract:1"

/* One XML document being made in memory. */
typedef struct extract_xml_doc extract_xml_doc;

extract_xml_doc *extract_xml_new(void);
/* The sink for extract_read that writes into doc. */
tl_extract_sink extract_xml_sink(extract_xml_doc *doc);
/* Ends the document and frees doc; *xml gets it as malloc'ed text (NULL
 * when it could not be made: TL_IOERR). */
tl_status extract_xml_finish(extract_xml_doc *doc, char **xml, size_t *len, tl_error *err);

#endif
