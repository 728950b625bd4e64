#include "project/receiver_makers.h"

#include <optional>

#include "find/module_request.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether `value` is made by DigitalRiver, or one side of a `?:`, `&&`,
// `||` or `??` of it is.
bool HoldsDigitalRiver(TSNode value, std::string_view text, int depth) {
  value = node::Unwrap(value);
  if (MadeByDigitalRiver(value, text)) return true;
  constexpr int kMaxDepth = 4;
  if (depth >= kMaxDepth) return false;
  if (node::Is(value, "ternary_expression"))
    return HoldsDigitalRiver(node::Field(value, "consequence"), text,
                             depth + 1) ||
           HoldsDigitalRiver(node::Field(value, "alternative"), text,
                             depth + 1);
  if (node::Is(value, "binary_expression"))
    return HoldsDigitalRiver(node::Field(value, "left"), text, depth + 1) ||
           HoldsDigitalRiver(node::Field(value, "right"), text, depth + 1);
  return false;
}

}  // namespace

bool MadeByDigitalRiver(TSNode value, std::string_view text) {
  value = node::Unwrap(value);
  if (!node::Is(value, "new_expression") && !node::Is(value, "call_expression"))
    return false;
  TSNode callee = node::Unwrap(node::Field(
      value, node::Is(value, "new_expression") ? "constructor" : "function"));
  std::string_view name = node::Text(callee, text);
  if (name == "window.DigitalRiver") return true;
  return name == "DigitalRiver" &&
         ResolveName(name, callee, text).kind == Binding::Kind::kNotFound;
}

std::string PackageFactory(const ModulePaths& paths,
                           const std::string& module_path, TSNode value,
                           std::string_view text) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (!node::Is(value, "call_expression")) return "";
  // `createContext(new DigitalRiver(key))`, `markRaw(ok ? new
  // DigitalRiver(key) : null)`: a holder of DigitalRiver.js.
  for (TSNode argument : node::Arguments(value)) {
    if (HoldsDigitalRiver(argument, text, 0)) return "";
  }
  TSNode callee = node::Unwrap(node::Field(value, "function"));
  while (node::Is(callee, "member_expression"))
    callee = node::Unwrap(node::Field(callee, "object"));
  if (!node::Is(callee, "identifier")) return "";
  std::string_view name = node::Text(callee, text);
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, callee, text), name, text);
  if (!ref || ref->specifier.empty()) return "";
  Resolution resolved = paths.ResolveWithReason(module_path, ref->specifier);
  if (resolved.file || !resolved.unsure.empty()) return "";
  return ref->specifier;
}

}  // namespace psm
