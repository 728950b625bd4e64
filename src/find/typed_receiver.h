#ifndef PSM_FIND_TYPED_RECEIVER_H_
#define PSM_FIND_TYPED_RECEIVER_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>

#include "find/module_request.h"

namespace psm {

// `const dr: DigitalRiverApi = new DigitalRiver(key)` with `interface
// DigitalRiverApi { createSource(p: Legacy): ... }` in the file: TypeScript
// checks the payload against that createSource, which may require the
// fields the edit removes. Why, naming the type and its createSource's
// line; "" when the receiver's declared type is none, `any`, a type the
// file does not declare with a createSource (one of a declaration file,
// which the tool does not read), or one whose createSource takes any object
// (`data?: Record<string, unknown>`, the usual hand-written typing).
std::string DeclaredReceiverType(TSNode receiver, std::string_view source);

// The line of the createSource that the interface, type alias or declared
// class `name` of the file (`root`, `source`) declares with a parameter
// typed with fields (as DeclaredReceiverType asks of a type of the
// receiver's own file); 0 when it declares none. For a receiver typed with
// a type another module exports (`constructor(private dr: DrApi)`).
// `declare const dr: DrApi`, `(dr: DrApi) => ...`, `const dr: DrApi =
// ...` with `DrApi` imported from another module: a kReceiverType request
// for it, which the project model answers with CreateSourceTypingLine
// there. Null for anything else.
std::optional<ModuleRequest> TypedReceiverRequest(TSNode receiver,
                                                  std::string_view source);

// The interface, type alias or class `name` the file declares at its top
// level (exported or not, `declare class` too); null when none.
TSNode DeclaredTypeIn(TSNode root, std::string_view name,
                      std::string_view source);

int CreateSourceTypingLine(TSNode root, std::string_view name,
                           std::string_view source);

// The line of the createSource that the type `annotation` gives, written in
// it (`{ createSource(p: T): ... }`) or in a type of its file it names,
// when that types the payload with fields; 0 otherwise.
int AnnotationTypingLine(TSNode annotation, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_TYPED_RECEIVER_H_
