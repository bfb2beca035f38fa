// Debian builds libxml2 with ICU, whose headers clash with the ICU module Foundation ships
// (_FoundationICU). Nothing here uses libxml2's ICU converter fields, so the headers are read
// without them (only the layout of xmlCharEncodingHandler, which Swift never touches, changes).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
