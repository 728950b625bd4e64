#ifndef PSM_FIND_TYPED_RECEIVER_H_
#define PSM_FIND_TYPED_RECEIVER_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

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
int CreateSourceTypingLine(TSNode root, std::string_view name,
                           std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_TYPED_RECEIVER_H_
