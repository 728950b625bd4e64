// The built-ins InstanceEscapes (instance_escapes.cc) knows: which keep a
// value in the file, hand it on with their result, read all of it, or
// hand it to no one that keeps it.

#include "project/escape_builtins.h"

#include <set>

namespace psm {

// Built-ins whose result holds what they are given (a container, a
// promise), and that hand it to no other code.
bool KeepsItLocal(std::string_view callee) {
  static const std::set<std::string_view> kLocal = {
      "Map",          "Set",
      "WeakMap",      "WeakSet",
      "Array",        "Array.from",
      "Array.of",     "Object.freeze",
      "Object.seal",  "Promise.resolve",
      "Promise.all",  "Object.fromEntries",
      "Object.create"};
  return kLocal.contains(callee);
}

// Methods and hooks whose result holds what their callback returns or
// what they are given (`p.then(() => X.create(c))`, `useMemo(() => new
// X(c))`, `list.map(...)`): the value goes on with their result.
bool PassesItOn(std::string_view method) {
  static const std::set<std::string_view> kOn = {
      "then",        "catch",  "finally",    "map",      "flatMap", "filter",
      "find",        "reduce", "forEach",    "useState", "useMemo", "useRef",
      "useCallback", "ref",    "shallowRef", "computed", "markRaw", "toRaw"};
  return kOn.contains(method);
}

// Built-ins that read every field of an instance handed to them.
bool ReadsEveryField(std::string_view callee) {
  static const std::set<std::string_view> kWhole = {
      "JSON.stringify", "structuredClone", "Object.keys", "Object.values",
      "Object.entries", "Object.assign",   "_.cloneDeep", "_.clone"};
  return kWhole.contains(callee);
}

// Calls that hand the value to nothing that keeps it beyond the file's own
// reach: logging (a known gap: see README), and the module loaders whose
// factories' results are the module's exports (its importers are searched).
bool HandsToNoOne(std::string_view root) {
  static const std::set<std::string_view> kNoOne = {
      "console",    "define",      "require",        "requirejs",
      "setTimeout", "setInterval", "queueMicrotask", "requestAnimationFrame"};
  return kNoOne.contains(root);
}

}  // namespace psm
