#ifndef PSM_PHP_PHP_VARIABLE_USES_H_
#define PSM_PHP_PHP_VARIABLE_USES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm::php {

// One use of an array held by a variable, or by a key of one
// (`$result['payload']`). PHP variables belong to their function (or to
// the file's top level); closures see copies of those they `use`, arrow
// functions of all.
struct VariableUse {
  enum class Kind {
    kAssign,  // `$v = value;`: the whole array is (re)placed
    kWrite,   // `$v['k'] = value;`, `$v['k'][] = ...`, `.=`, `++`, `unset`
    kRead,    // `$v['k']` read, `isset($v['k'])`
    kValue,   // `$v` itself as a value: passed, returned, stored, printed
    kOpaque,  // taken by reference, `global`, written through `list()`, ...
  };
  Kind kind = Kind::kRead;
  TSNode node{};  // the whole access, `$v['k']['j']`
  // The keys below the array, for kWrite and kRead.
  std::vector<std::string> keys;
  bool push = false;     // the write appends: `$v['items'][] = ...`
  bool dynamic = false;  // a key the tool cannot read
  // kAssign and kValue on the variable that holds the array in one of its
  // keys (`$result = [...]`, `setData($result)`): the keys that lead to
  // the array in that value; empty when the use is of the array itself.
  std::vector<std::string> inside;
  TSNode value{};           // kAssign, kWrite: the value written, if any
  TSNode statement{};       // the statement holding the use
  bool in_closure = false;  // inside a closure or arrow function
};

// Every use in `scope` (a function or the program) of the array that the
// variable `name` holds at `prefix` (`$result['payload']`: name "result",
// prefix {"payload"}), in source order. Uses of other keys of the
// variable are left out.
std::vector<VariableUse> FindUses(TSNode scope, std::string_view name,
                                  const std::vector<std::string>& prefix,
                                  std::string_view source);

// Whether the uses of a variable in `scope` run in the order they are
// written around `store` (the assignment that puts an array in it), so
// that a use ending before `store` cannot see that array: no loop around
// `store` in the scope (a later round runs the earlier uses again), no
// `goto`, and no use that takes a reference (`$alias = &$v` before the
// store sees it after).
bool RunsInOrder(const std::vector<VariableUse>& uses, TSNode store,
                 TSNode scope);

// A use that ends before `store` and is not in a closure (one made
// earlier may run later; RunsInOrder must hold for this to mean anything).
bool UsedBefore(const VariableUse& use, TSNode store);

// True for a write that is a statement of its own in a block, as written
// (`$p['k'] = value;`): it can be deleted, or copied for a new one.
bool IsPlainWrite(const VariableUse& use);

// What else in `scope` (not in nested functions) may see `$variable` or
// redirect what is echoed, from the byte `after` on: another file run in
// the scope (`include`, `require`), or output buffering (`ob_start()`);
// and, at a file's top level, code reading globals. A reason, or "".
std::string OtherCodeInScope(TSNode scope, uint32_t after,
                             std::string_view variable,
                             std::string_view source);

// True when code in `scope` reads or writes its variables by name
// (`compact()`, `extract()`, `$$name`, `get_defined_vars()`), which no use
// list can show.
bool UsesVariablesByName(TSNode scope, std::string_view source);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_VARIABLE_USES_H_
