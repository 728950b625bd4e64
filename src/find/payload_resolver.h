#ifndef PSM_FIND_PAYLOAD_RESOLVER_H_
#define PSM_FIND_PAYLOAD_RESOLVER_H_

#include <tree_sitter/api.h>

#include <string_view>

#include "find/call_site.h"

namespace psm {

// Follows the createSource argument `payload` to the object literals that
// can reach it, adding them to `site`: through variables (every assignment
// to the same binding), functions of the file that return literals, thin
// wrappers whose callers pass literals, and merges (`Object.assign`,
// `$.extend`), whose literal parts share a group. Whatever it cannot follow
// becomes a blind spot of the site, with a reason a reviewer can act on.
// `root` is the file's syntax tree (wrapper calls are searched in it).
void ResolvePayload(std::string_view source, TSNode root, TSNode payload,
                    CallSite* site);

// What the project model knows about a builder's class beyond this file.
struct BuiltPayloadOptions {
  // `super.<super_member>()` in the builder is followed to the base class,
  // whose object is migrated there (`covered` says where): a spread of it
  // (`{...super.build(), type: 'payPal'}`) is no blind spot, and `const p =
  // super.build(); p.type = 'klarnaCredit'; ...` is an object built
  // piecewise on it. Empty: not followed.
  std::string super_member;
  std::string covered;
  // The classes sharing the builder decide `type: this.type` (see
  // CallSite::users).
  bool type_from_users = false;
};

// The same, for a payload built in this file for a createSource call in
// another module: the literals `builder` returns (`returns`: a function or
// method) or `builder` itself (an exported object), with every use in this
// file that can see them.
void ResolveBuiltPayload(std::string_view source, TSNode root, TSNode builder,
                         bool returns, CallSite* site,
                         const BuiltPayloadOptions& options = {});

}  // namespace psm

#endif  // PSM_FIND_PAYLOAD_RESOLVER_H_
