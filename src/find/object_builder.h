#ifndef PSM_FIND_OBJECT_BUILDER_H_
#define PSM_FIND_OBJECT_BUILDER_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "find/object_literal.h"

namespace psm {

// Turns an `object` node into plain data. Nested literals are built too,
// and so are variables bound once to a literal (`payPal: details`), so the
// planner can edit them in place. `depth` bounds the recursion on hostile
// input.
ObjectLiteral BuildObjectLiteral(TSNode object, std::string_view source,
                                 int depth = 0);

// `object.key = value;` (`statement`, holding `assignment`) as a member of
// an object built piecewise: its range is the statement's, its key the
// property's, its value the right side's.
Member BuildAssignedMember(TSNode statement, TSNode assignment,
                           std::string_view source);

// The object literal a variable is bound to, when `identifier` names a
// variable declared once with a literal value and never reassigned.
// Returns a null node otherwise.
TSNode TraceToObjectLiteral(TSNode identifier, std::string_view source);

// The string a `const` bound to a string literal holds.
bool TraceToConstString(TSNode identifier, std::string_view source,
                        std::string* value);

// "`text`", cut to a readable length on one line.
std::string Quote(std::string_view text);

}  // namespace psm

#endif  // PSM_FIND_OBJECT_BUILDER_H_
