// Debian builds libxml2 with ICU, and its headers then pull in the system's ICU, whose C types
// clash with the copy inside Swift's Foundation. Nothing here uses libxml2's ICU converters, so
// the headers are read as if built without it (only a struct we never touch changes shape).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
