#ifndef PSM_PHP_PHP_SYNTAX_H_
#define PSM_PHP_PHP_SYNTAX_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psm::php {

// The string a PHP string literal stands for: '...' (only \\ and \'
// are escapes) or "..." without interpolation (escapes decoded). False for
// anything else, "a{$b}" and heredocs included.
bool StringValue(TSNode n, std::string_view source, std::string* out);

// The name of a `$variable` node without its `$`; "" for other nodes.
std::string_view VariableName(TSNode n, std::string_view source);

// Strips parentheses around an expression.
TSNode Unparen(TSNode n);

// True for nodes that start a new variable scope: functions, methods,
// closures and arrow functions.
bool IsFunction(TSNode n);

// The function around `n`, or the program when `n` is at file level.
TSNode ScopeOf(TSNode n);

// `$name['a']['b'][]` read from the outside in.
struct AccessPath {
  TSNode variable;                // the `$name` node
  std::vector<std::string> keys;  // literal keys, outermost first
  bool dynamic = false;           // a key the tool cannot read (`$k`, a call)
  bool push = false;              // ends in `[]`
};

// The access path of a subscript chain on a variable, or nullopt when the
// chain starts elsewhere (`$this->x['a']`, `f()['a']`).
std::optional<AccessPath> ReadAccessPath(TSNode n, std::string_view source);

// The outermost subscript chain `$v[...][...]` that starts at the variable
// node `variable` (the node itself when it is not subscripted).
TSNode ChainTop(TSNode variable);

// The name a call calls: `f` for `f()`, `m` for `$x->m()`, `X::m()`,
// `$x?->m()`, the class for `new X()` (without namespace); "" otherwise.
std::string_view CalledName(TSNode call, std::string_view source);

// Whether `a` and `b` are one name of a PHP function, method, class or
// keyword: PHP ignores ASCII case in them (`Build_Payload()` calls
// `build_payload`, `EXTRACT($a)` is `extract`), though not in variables.
bool SameName(std::string_view a, std::string_view b);

// True for the kinds of call node CalledName reads.
bool IsCall(TSNode n);

// The statement holding `n` (an expression statement, `return`, `echo`,
// ...), or null.
TSNode StatementOf(TSNode n);

// A value made of other values: `array_merge($a, [...])` and
// `array_replace(...)` merge their arguments in order (later keys win);
// `$c ? [...] : [...]` is one of its branches (`$a ?: [...]`: `$a` or the
// array).
struct ValuePieces {
  enum class Kind { kSingle, kMerge, kChoice };
  Kind kind = Kind::kSingle;
  std::vector<TSNode> pieces;  // the value itself for kSingle
};
ValuePieces SplitValue(TSNode value, std::string_view source);

// The values `function` returns (not those of functions inside it, nor a
// bare `return;`).
std::vector<TSNode> ReturnedValues(TSNode function);

// The value under `keys` in an array literal (`['payload' => [...]]`), or
// null.
TSNode ValueAtKeys(TSNode array, const std::vector<std::string>& keys,
                   std::string_view source);

// True when `statement` is a statement of a block (`{ ... }`, the file,
// `if (...): ... endif;`), so deleting it leaves valid code; not the lone
// body of a braceless `if`, loop or `else`.
bool IsBlockStatement(TSNode statement);

// True for `<?= expr ?>`: the expression statement prints its value.
bool IsShortEcho(TSNode statement, std::string_view source);

// Whether `n` (at an occurrence of `name`) is a PHP string that is just
// `name` (or `Class::name`) where a callable goes: the method of a callable
// array (`[$obj, 'wire']`), or an argument of a function that takes a
// callable (`call_user_func('wire')`, `array_map('wire', $a)`,
// `method_exists($o, 'wire')`): a call of it the tool cannot follow.
bool IsCallableString(TSNode n, std::string_view name, std::string_view text);

// The first string of the file under `root` that names `name` as a
// callable (IsCallableString), or null.
TSNode CallableStringNaming(TSNode root, std::string_view name,
                            std::string_view text);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_SYNTAX_H_
