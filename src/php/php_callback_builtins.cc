#include "php/php_callback_builtins.h"

#include "common/strings.h"

namespace psm::php {
namespace {

// Names in lower case, as FindCallbackBuiltin compares them.
constexpr CallbackBuiltin kCallbackBuiltins[] = {
    {"array_map", 0, true, true},
    {"array_filter", 1},
    {"array_reduce", 1, true, true},
    {"array_walk", 1},
    {"array_walk_recursive", 1},
    {"usort", 1},
    {"uasort", 1},
    {"uksort", 1},
    {"call_user_func", 0, true, true},
    {"call_user_func_array", 0, true, true},
    {"forward_static_call", 0, true, true},
    {"forward_static_call_array", 0, true, true},
    {"preg_replace_callback", 1},
    {"iterator_apply", 1},
    {"register_shutdown_function", 0},
    {"spl_autoload_register", 0},
    {"set_error_handler", 0},
    {"set_exception_handler", 0},
    {"ob_start", 0},
    // `Closure::fromCallable('build')`: the closure runs it later.
    {"fromcallable", 0},
    {"is_callable", 0, false},
    {"method_exists", 1, false},
};

}  // namespace

const CallbackBuiltin* FindCallbackBuiltin(std::string_view name) {
  std::string lowered = Lowered(name);
  for (const CallbackBuiltin& builtin : kCallbackBuiltins) {
    if (builtin.name == lowered) return &builtin;
  }
  return nullptr;
}

}  // namespace psm::php
