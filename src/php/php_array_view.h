#ifndef PSM_PHP_PHP_ARRAY_VIEW_H_
#define PSM_PHP_PHP_ARRAY_VIEW_H_

#include <tree_sitter/api.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "find/object_literal.h"
#include "php/php_file_index.h"

namespace psm::php {

// What reading a PHP value needs besides its syntax tree.
struct ValueContext {
  std::string_view source;
  const FileIndex* index = nullptr;
  TSNode scope{};  // the function (or program) whose variables values name
  // Parameters bound to the strings a caller passes: `'type' => $type` in
  // a helper the caller calls as `base('payPal')`.
  std::map<std::string, std::string> bound;
};

// Whether `$name` is a parameter of the function `ctx.scope`.
bool IsParameterOf(std::string_view name, const ValueContext& ctx);

// The string a value stands for: a string literal, a constant of the file
// (`self::TYPE`, `PAYPAL`), or a bound parameter.
std::optional<std::string> StringOf(TSNode value, const ValueContext& ctx);

// A PHP array literal (`[...]` or `array(...)`) as the planner's
// language-neutral view: each `key => value` a member with the byte ranges
// of key, value, whole element and comma; nested arrays (written inline,
// or held by a variable the function assigns once) as nested views; the
// strings values stand for; the effects of evaluating them.
ObjectLiteral ArrayView(TSNode array, const ValueContext& ctx, int depth = 0);

// The member that a piecewise write `$p['k'] = value;` (`statement`) adds:
// `key` is the string node of its last key. Its text around key and value
// (`$p[`, `] = `, `;`) is what a new member of the same statements copies.
Member StatementMember(TSNode statement, TSNode key, TSNode value,
                       const ValueContext& ctx);

// The context inside `helper` called by `call`: its parameters bound to
// the strings the caller (read in `caller`) passes.
ValueContext BindArguments(TSNode call, const FunctionInfo& helper,
                           const ValueContext& caller);

// The array literal that the variable `name` holds when its function
// assigns it exactly once, with an array literal; null otherwise.
TSNode SingleArrayAssignment(std::string_view name, const ValueContext& ctx);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_ARRAY_VIEW_H_
