#ifndef PSM_FIND_SUPER_PAYLOADS_H_
#define PSM_FIND_SUPER_PAYLOADS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "find/call_site.h"
#include "find/object_literal.h"
#include "find/scope.h"

namespace psm {

// Payloads a subclass builds on its base class's object: `{...super.build(),
// type: 'payPal'}` and `const p = super.build(); p.type = 'klarnaCredit';`.
// The project model follows `super.build()` to the base (see
// BuiltPayloadOptions); these read the subclass's side.

// Whether `n` is the call `super.<member>()`.
bool IsSuperCall(TSNode n, std::string_view member, std::string_view source);

// `const payload = super.build();` (`binding`, whose value is `init`)
// followed by `payload.key = value;` statements of the same block: one
// object built piecewise. Its first member stands for the base's fields (a
// spread, `covered` where they are migrated); each such statement is a
// member (see BuildAssignedMember). Writes anywhere else stay writes of
// the payload, reads stay observers.
ObjectLiteral PiecewiseObject(const Binding& binding, std::string_view name,
                              TSNode init, const std::string& covered,
                              std::string_view source);

// The statements of the site's objects built piecewise are their members,
// not writes to the payload: drops them from `site->mutations`.
void DropPiecewiseWrites(CallSite* site);

}  // namespace psm

#endif  // PSM_FIND_SUPER_PAYLOADS_H_
