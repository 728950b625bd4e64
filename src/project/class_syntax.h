#ifndef PSM_PROJECT_CLASS_SYNTAX_H_
#define PSM_PROJECT_CLASS_SYNTAX_H_

// Small questions about a JavaScript/TypeScript class's syntax, asked when
// following a base class's method into the classes that extend it.

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm::class_syntax {

// A class declaration or expression (abstract ones too).
bool IsClassNode(TSNode n);

// The class whose body holds the method `method`, or null.
TSNode ClassOfMethod(TSNode method);

// The text of `n`'s `name` field, or "".
std::string NameOf(TSNode n, std::string_view text);

// The instance method `member` the class body of `klass` defines itself.
TSNode OwnMethod(TSNode klass, std::string_view member, std::string_view text);

// Every `super.member` in `klass`.
std::vector<TSNode> SuperUses(TSNode klass, std::string_view member,
                              std::string_view text);

// The value of the one `type:` member in `method`'s objects, or null.
TSNode TypeValue(TSNode method, std::string_view text);

// The first `this.field` in `klass`, or null.
TSNode FieldUse(TSNode klass, std::string_view field, std::string_view text);

}  // namespace psm::class_syntax

#endif  // PSM_PROJECT_CLASS_SYNTAX_H_
