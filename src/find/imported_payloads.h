#ifndef PSM_FIND_IMPORTED_PAYLOADS_H_
#define PSM_FIND_IMPORTED_PAYLOADS_H_

#include <tree_sitter/api.h>

#include <string_view>

#include "find/call_site.h"
#include "find/scope.h"

namespace psm {

// `build(...)`, `api.build(...)`, `new Builder(...).build()` or
// `builder.build()` (with `const builder = new Builder(...)`) where the
// function, object or class comes from another module: records a request
// for the project model on `site` (with a blind spot that stays when the
// model cannot answer it) and returns true. Other uses of the import in
// this file are observers of the payload.
bool RequestImportedCall(TSNode call, std::string_view source, CallSite* site);

// The same for a getter read, `new Builder(...).payload` or
// `builder.payload` (with `const builder = new Builder(...)`), the class
// imported.
bool RequestImportedGetter(TSNode member, std::string_view source,
                           CallSite* site);

// The same for a payload variable `identifier` bound (`binding`) by an
// import: the module's export is the payload object.
bool RequestImportedValue(TSNode identifier, const Binding& binding,
                          std::string_view source, CallSite* site);

}  // namespace psm

#endif  // PSM_FIND_IMPORTED_PAYLOADS_H_
