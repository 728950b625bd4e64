#ifndef PSM_FIND_RECEIVER_ORIGIN_H_
#define PSM_FIND_RECEIVER_ORIGIN_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "find/member_chain.h"
#include "find/module_request.h"

namespace psm {

// `private x: T`, `readonly x: T`, `@Inject(T) public x: T`: the parameter
// of a TypeScript constructor that declares the field `x`.
bool IsParameterProperty(TSNode param);

// What the file shows of how `this.x` (`member`) was made: the value of a
// field `x = ...` or of `this.x = ...` in the class (`value`), or the
// declared type of a TypeScript parameter property `constructor(private
// x: PaymentService)` (`type`, an injected instance). Both null when the
// class says nothing.
struct FieldOrigin {
  TSNode value{};
  TSNode type{};  // type_identifier (or the like) of the annotation
};
FieldOrigin OriginOfThisField(TSNode member, std::string_view source);

// The same for the field `field` of the class whose body is `class_body`
// (static fields and getters included): how `Checkout.api` or `this.api`
// was made there.
FieldOrigin OriginOfField(TSNode class_body, std::string_view field,
                          std::string_view source);

// The imported class `this.x` (`member`) is an instance of: set to `new
// X(...)` in the class (a field or `this.x = ...`), or an injected
// parameter property `constructor(private x: X)`. Nullopt otherwise.
std::optional<ModuleRef> ClassOfThisField(TSNode member,
                                          std::string_view source);

// The class or object a createSource receiver is made from, when another
// module holds it: `api` bound by an import or `require`, a variable bound
// once to `new Client(...)`, `this.client` set to one, or an injected
// `this.payments` typed with an imported class. The project model answers
// it by finding that class's or object's own createSource (access
// kReceiverInstance or kReceiverObject, member "createSource").
std::optional<ModuleRequest> ReceiverRequest(TSNode receiver,
                                             std::string_view source);

// Every value `this.field` is given in the class whose body is `body`: its
// field initialiser and each `this.field = value`, in source order.
std::vector<TSNode> FieldValues(TSNode body, std::string_view field,
                                std::string_view source);

// What a chain read at `receiver` holds where this file shows it, through
// object literals, a class's static members, `this` fields and names bound
// once (see ReceiverRequest); null when the file does not show it or the
// chain reaches an import.
TSNode ChainValueInFile(const MemberChain& chain, TSNode receiver,
                        std::string_view source);

// The same from `value` on, reading `path[from...]`: `{ payments: x }` and
// ["payments"] give `x`.
TSNode ValueAlongPath(TSNode value, const std::vector<std::string>& path,
                      size_t from, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_RECEIVER_ORIGIN_H_
