#ifndef PSM_FIND_ENUM_VALUES_H_
#define PSM_FIND_ENUM_VALUES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// `PaymentType.PayPal` where this file declares `enum PaymentType {
// PayPal = 'payPal' }` at its top level: sets `*value` to the member's
// string and returns true. Only for an enum nothing else can change: one
// declaration of the name (TypeScript merges several), not `declare`d (its
// values live elsewhere), in a module or a `const enum` (a classic script's
// enum is a global other scripts may write to), and a name no binding of
// the file shadows at the read.
bool TraceEnumMemberToString(TSNode member_expression, std::string_view source,
                             std::string* value);

}  // namespace psm

#endif  // PSM_FIND_ENUM_VALUES_H_
