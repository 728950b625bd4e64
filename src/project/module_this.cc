// A second way to write a CommonJS module's exports that ExportIndex does
// not follow: its top-level `this`. Whatever it writes may replace the
// export the index found, so the export is unsure (ExportIndex::Find).

#include "project/module_this.h"

#include <string>

#include "common/strings.h"
#include "find/object_writes.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether `this` at `n` is the module's: no function but arrow functions,
// and no class, between it and the program.
bool IsModuleThis(TSNode n) {
  for (TSNode up = node::Parent(n); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (node::Is(up, "program")) return true;
    if (node::Is(up, "arrow_function")) continue;
    if (node::IsFunction(up) || node::Is(up, "class_body")) return false;
  }
  return false;
}

// The key a member write `this.<key>` or `this['<key>']` names; false for
// a computed key.
bool KeyOf(TSNode target, std::string_view source, std::string* key) {
  if (node::Is(target, "member_expression")) {
    *key = std::string(node::Text(node::Field(target, "property"), source));
    return true;
  }
  return node::StringLiteralValue(node::Field(target, "index"), source, key);
}

// How the module's `this` at `self` is written through, or handed to
// something that may write through it; line 0 when it is only read.
ThisWrite WriteThrough(TSNode self, std::string_view source) {
  TSNode target = node::Parent(self);
  ThisWrite write;
  uint32_t line = ts_node_start_point(target).row + 1;
  bool member = node::Is(target, "member_expression") ||
                node::Is(target, "subscript_expression");
  if (member && ts_node_eq(node::Field(target, "object"), self)) {
    TSNode parent = node::Parent(target);
    bool written =
        (node::Is(parent, "assignment_expression") ||
         node::Is(parent, "augmented_assignment_expression")) &&
        ts_node_eq(node::Field(parent, "left"), target);
    if (!written && !node::IsPatternPart(parent)) return write;  // a read
    if (!KeyOf(target, source, &write.key)) write.key.clear();
    write.line = line;
    return write;
  }
  // `Object.assign(this, ...)`, `f.call(this)`, `const self = this`: may
  // write any key.
  if (node::Is(target, "arguments")) {
    if (MayWriteThrough(node::Parent(target), self, source)) write.line = line;
  } else if (node::Is(target, "variable_declarator") ||
             node::Is(target, "assignment_expression") ||
             node::Is(target, "pair")) {
    write.line = line;
  }
  return write;
}

}  // namespace

std::vector<ThisWrite> ModuleThisWrites(TSNode root, std::string_view source) {
  std::vector<ThisWrite> writes;
  if (WordsAt(source, "exports").empty()) return writes;
  constexpr std::string_view kWord = "this";
  for (size_t at : WordsAt(source, kWord)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kWord.size()));
    if (!node::Is(n, "this") || !IsModuleThis(n)) continue;
    if (ThisWrite w = WriteThrough(n, source); w.line) writes.push_back(w);
  }
  return writes;
}

uint32_t ThisWriteOf(const std::vector<ThisWrite>& writes,
                     std::string_view exported) {
  // `*` is asked first for `require('./m').build`, then `build` when the
  // module has no `module.exports =` (whose value `this` no longer is).
  for (const ThisWrite& w : writes) {
    if (w.key.empty() || w.key == exported || exported == "default")
      return w.line;
  }
  return 0;
}

}  // namespace psm
