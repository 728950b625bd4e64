// Barrels with several `export * from`: which module gives a name.

#include <optional>
#include <string>
#include <vector>

#include "common/strings.h"
#include "find/object_builder.h"
#include "project/module_exports.h"
#include "project/module_linker.h"

namespace psm {

std::optional<ModuleRef> Linker::StarGiving(const std::string& file,
                                            const ExportedValue& value,
                                            std::string* why_not) {
  if (value.other_stars.empty()) return value.passed_on;
  // Several `export * from` of `file` may give the name: the one module
  // among them that has it does (two that have it make it ambiguous, and
  // neither is taken).
  std::vector<ModuleRef> candidates{*value.passed_on};
  candidates.insert(candidates.end(), value.other_stars.begin(),
                    value.other_stars.end());
  std::optional<ModuleRef> giving;
  int maybe = 0;
  for (const ModuleRef& ref : candidates) {
    std::optional<std::string> target = paths_.Resolve(file, ref.specifier);
    const Module* module = target ? cache_.Load(*target) : nullptr;
    if (!module) {
      ++maybe;  // a package, or unreadable: it may have it
      continue;
    }
    ExportedValue there = ModuleCache::Export(*module, ref.exported);
    if (ts_node_is_null(there.node) && !there.passed_on) continue;
    ++maybe;
    giving = ref;
  }
  if (maybe == 1 && giving) return giving;
  *why_not = "several `export * from` of " + options_.display(file) +
             " may give " + Quote(value.passed_on->exported) +
             ", and the tool cannot tell which one does";
  return std::nullopt;
}

}  // namespace psm
