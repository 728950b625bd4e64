// Other modules that may set or read a field `this.x` a builder method
// returns or builds from, besides those importing the builder's module
// (Linker::OtherNamers): files naming the class and the field (a subclass
// imported through a barrel, `new PayPalRequest(cart).payload.amount`),
// the files importing a module that may hand out its instances
// (instance_handers.cc: `makeRequest(cart).payload.amount`), and the
// modules of its base classes (`describe() { return this.payload.amount; }`
// inherited by the builder's class).

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "project/class_syntax.h"
#include "project/module_exports.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

constexpr int kMaxBaseHops = 6;
constexpr size_t kMaxNamers = 3;

}  // namespace

std::vector<std::string> Linker::ClassFieldNamers(
    const Module& module, TSNode method, const std::string& field,
    const std::set<std::string>& skip) {
  std::vector<std::string> namers;
  TSNode klass = class_syntax::ClassOfMethod(method);
  if (ts_node_is_null(klass)) return namers;
  std::string name = class_syntax::NameOf(klass, module.text);
  if (!name.empty()) {
    std::vector<uint32_t> with_field = FilesNaming(field);
    std::sort(with_field.begin(), with_field.end());
    for (uint32_t i : FilesNaming(name)) {
      if (!std::binary_search(with_field.begin(), with_field.end(), i))
        continue;
      const std::string& path = ProjectFiles()[i];
      if (skip.contains(AbsolutePath(path))) continue;
      SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
      if (!read.error.empty() || IsToolReport(read.text) ||
          WordsAt(read.text, name).empty() || WordsAt(read.text, field).empty())
        continue;
      namers.push_back(options_.display(path) + " (naming " + Quote(name) +
                       ")");
      if (namers.size() >= kMaxNamers) return namers;
    }
  }
  // Through an instance another module hands out (`makeRequest(cart)
  // .payload.amount`), by files that never name the class.
  if (namers.size() < kMaxNamers) {
    for (std::string& reader : HandedInstanceReaders(
             module, name, field, skip, kMaxNamers - namers.size()))
      namers.push_back(std::move(reader));
  }
  if (std::string base = BaseModuleNaming(module, klass, field, skip);
      !base.empty())
    namers.push_back(std::move(base));
  return namers;
}

std::string Linker::BaseModuleNamingField(const std::string& file,
                                          uint32_t class_at,
                                          const std::string& field) {
  const Module* module = cache_.Load(AbsolutePath(file));
  if (!module) return "";
  TSNode klass = ts_node_descendant_for_byte_range(module->tree.Root(),
                                                   class_at, class_at);
  // From the `class` keyword (an unnamed node of the same type as a class
  // expression) up to the class.
  while (!ts_node_is_null(klass) &&
         !(ts_node_is_named(klass) && class_syntax::IsClassNode(klass)))
    klass = node::Parent(klass);
  if (ts_node_is_null(klass)) return "";
  return BaseModuleNaming(*module, klass, field, {AbsolutePath(file)});
}

std::string Linker::BaseModuleNaming(const Module& module, TSNode klass,
                                     const std::string& field,
                                     const std::set<std::string>& skip) {
  // Up the `extends` chain, into the modules the base classes come from.
  const Module* at = &module;
  TSNode last = LastLocalClass(klass, module.text);
  for (int hop = 0; hop < kMaxBaseHops && !ts_node_is_null(last); ++hop) {
    TSNode base = BaseClassOf(last);
    if (!node::Is(base, "identifier")) break;
    std::string_view base_name = node::Text(base, at->text);
    std::optional<ModuleRef> ref =
        ImportedAs(ResolveName(base_name, base, at->text), base_name, at->text);
    if (!ref || ref->specifier.empty()) break;
    std::optional<std::string> file = paths_.Resolve(at->path, ref->specifier);
    if (!file) break;
    const Module* up = cache_.Load(*file);
    if (!up) break;
    if (!skip.contains(AbsolutePath(up->path)) &&
        !WordsAt(up->text, field).empty()) {
      return options_.display(up->path) + " (the module of its base class " +
             Quote(base_name) + ")";
    }
    TSNode value = ValueOf(ModuleCache::Export(*up, ref->exported).node,
                           up->text);
    if (!class_syntax::IsClassNode(value)) break;
    at = up;
    last = LastLocalClass(value, up->text);
  }
  return "";
}

}  // namespace psm
