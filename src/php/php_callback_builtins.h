#ifndef PSM_PHP_PHP_CALLBACK_BUILTINS_H_
#define PSM_PHP_PHP_CALLBACK_BUILTINS_H_

#include <cstddef>
#include <string_view>

namespace psm::php {

// A PHP built-in that takes a callable (a closure, `'name'`,
// `'Class::name'` or `[$object, 'name']`), and what it does with it. One
// table serves three questions: which strings name a function the tool
// cannot follow (php_syntax), which built-ins run code they are given
// (php_effects), and which calls return what a closure returns
// (php_payload_roots).
struct CallbackBuiltin {
  std::string_view name;
  size_t callable_at = 0;  // the 0-based argument that is the callable
  // Runs it, now or later (`is_callable` and `method_exists` only look).
  bool runs_it = true;
  // Returns what the callable returns, or an array of it (`array_map`,
  // `call_user_func`); `array_filter` returns its input, `usort` a bool.
  bool returns_its_result = false;
};

// The entry for the built-in `name` (PHP's function names ignore case:
// `Call_User_Func` is `call_user_func`), or null.
const CallbackBuiltin* FindCallbackBuiltin(std::string_view name);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_CALLBACK_BUILTINS_H_
