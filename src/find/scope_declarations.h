#ifndef PSM_FIND_SCOPE_DECLARATIONS_H_
#define PSM_FIND_SCOPE_DECLARATIONS_H_

// What find/scope.cc asks about the declarations of a scope. Not for use
// outside find/scope*.

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace psm::scope_detail {

// Whether `n` is the identifier `name`.
bool IsNamed(TSNode n, std::string_view name, std::string_view source);

// True when the binding pattern `pattern` (an identifier, or an object or
// array destructuring pattern) introduces `name`.
bool PatternBinds(TSNode pattern, std::string_view name,
                  std::string_view source);

// A `variable_declarator` for `name` directly inside `declaration`.
TSNode DeclaratorIn(TSNode declaration, std::string_view name,
                    std::string_view source);

// A `let`/`const` or `var` declaration.
bool IsDeclaration(TSNode n);

// `for (var x of list)` / `for (var k in o)`: a loop head whose `var`
// belongs to the enclosing function, not to the loop.
bool IsVarLoopHead(TSNode n);

// Whether the `var` name `declarator` declares is declared by `var` again in
// the same function (`if (a) { var p = {...} } else { var p = {...} }`):
// one variable whose value the first declarator alone does not give.
bool VarDeclaredAgain(TSNode declarator, std::string_view name,
                      std::string_view source);

// Whether `block`, where the function declaration `function` declares
// `name`, declares it by anything else too: a second `function name() {}`
// replaces it when the block is entered, a `var name = ...` when that line
// runs. Either way the name is not bound to `function` alone.
bool FunctionDeclaredAgain(TSNode function, TSNode block,
                           std::string_view name, std::string_view source);

// What was asked (`kind`), at which node, for which name.
std::string MemoKey(char kind, TSNode at, std::string_view name);

// A block's statements: the index's copy, or read now into `storage`.
const std::vector<TSNode>& StatementsOf(TSNode block,
                                        std::vector<TSNode>& storage);

// A pure function of (block, name), so answered once per file and pair.
TSNode FindDeclarator(TSNode block, std::string_view name,
                      std::string_view source);

// `compute()`, or its answer remembered under `key` in `memo`.
template <typename T, typename Compute>
T Remembered(std::unordered_map<std::string, T>& memo, std::string key,
             Compute compute) {
  auto known = memo.find(key);
  if (known != memo.end()) return known->second;
  T answer = compute();  // may remember other answers meanwhile
  memo.emplace(std::move(key), answer);
  return answer;
}

}  // namespace psm::scope_detail

#endif  // PSM_FIND_SCOPE_DECLARATIONS_H_
