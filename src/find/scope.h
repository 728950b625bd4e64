#ifndef PSM_FIND_SCOPE_H_
#define PSM_FIND_SCOPE_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace psm {

// What a name used at some point of a file is bound to, found by walking the
// enclosing scopes outwards to module level.
struct Binding {
  enum class Kind {
    kNotFound,   // a global, or declared in another file
    kVariable,   // var / let / const in this file
    kParameter,  // a function's parameter
    kImported,   // import ... from '...'
    kFunction,   // function name() {} (declarator is the function)
    kOther,  // destructuring, a loop head, a catch clause: no literal to follow
  };
  Kind kind = Kind::kNotFound;
  TSNode declarator{};  // variable_declarator, parameter or import node
  TSNode scope{};       // the block, function or program that owns the name
  // Every `name = value` assignment inside `scope` (closures included), in
  // source order.
  std::vector<TSNode> assignments;
  bool is_const = false;
};

// Resolves `name` as seen from `use`.
Binding ResolveName(std::string_view name, TSNode use, std::string_view source);

// Calls `visit` on every descendant of `root` in source order, not entering
// nested functions unless `into_functions`.
template <typename Visit>
void ForEachDescendant(TSNode root, bool into_functions, Visit&& visit);

// The innermost function or program around `n`.
TSNode EnclosingFunction(TSNode n);

}  // namespace psm

#include "find/scope_inl.h"

#endif  // PSM_FIND_SCOPE_H_
