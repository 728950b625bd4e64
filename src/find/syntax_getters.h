#ifndef PSM_FIND_SYNTAX_GETTERS_H_
#define PSM_FIND_SYNTAX_GETTERS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <unordered_set>

namespace psm {

// Stands for every name when a getter's name is computed (`get [key]()`).
inline constexpr std::string_view kAnyGetterName = "*";

// Adds the names the file of `root` gives accessors by syntax (`get
// total() {...}`, `get 'total'() {...}` in a class or an object literal;
// kAnyGetterName for `get [key]()`), found by one pass over the text; it
// can only err towards "may be".
//
// Left out: a getter of an object literal handed straight to a
// createSource call (`dr.createSource({ get amount() {...} })`) that never
// says `this`, in a file that gives nothing a createSource of its own (which
// might keep the payload). No other code can reach that object, so no read
// elsewhere runs its getter; and the migration may remove it, after which a second
// run judged those reads again and removed what the first had kept (the
// fuzzer: a shorthand `amount` of another payload, in a file naming
// getOwnPropertyDescriptor).
void AddSyntaxGetterNames(TSNode root, std::string_view source,
                          std::unordered_set<std::string>* names);

}  // namespace psm

#endif  // PSM_FIND_SYNTAX_GETTERS_H_
