#ifndef PSM_FIND_ASSIGNMENT_VALUE_H_
#define PSM_FIND_ASSIGNMENT_VALUE_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// When the object literal `literal` is the value of an assignment whose own
// value is used too (`const order = (payload = {...})`, `seen.push(p =
// {...})`, `q = p = {...}`, `() => (p = {...})`): what receives that value
// is the same object and sees every field, whatever the variable's uses
// show. Why, naming the place; "" when the assignment stands as a statement
// of its own (or in a `for` loop's head, or a sequence that is one).
std::string AssignedValueUse(TSNode literal, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_ASSIGNMENT_VALUE_H_
