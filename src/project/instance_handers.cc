// Readers of a class's payload field through an instance that another
// module hands out: `makeRequest(cart).payload.amount`, where `factory.js`
// does `return new PayPalRequest(cart)` and the reader never names the
// class. Which exports hand out an instance cannot be told in general (a
// factory, its default export, `module.exports = function`, a static
// `create()`, an object of instances, a factory of factories), so every
// module that names the class, or imports one that does and exports
// anything, counts as one; whoever imports such a module and names the
// field may read or set it.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "project/builder_reach.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxHanderRounds = 4;
// Past this many modules the search stops: the readers found so far are
// enough to send the site to review, and a project where the class is
// that widespread has them.
constexpr size_t kMaxHanders = 64;

// Whether `text` may export something: ES exports, CommonJS, an AMD
// module's factory.
bool MayExport(std::string_view text) {
  return !WordsAt(text, "export").empty() || !WordsAt(text, "exports").empty() ||
         !WordsAt(text, "define").empty();
}

}  // namespace

std::vector<std::string> Linker::ImportersOf(const std::string& module) {
  std::vector<std::string> stems = SpecifierStems(module);
  for (const std::string& alias : paths_.AliasesOf(module))
    stems.push_back(alias);
  std::set<uint32_t> candidates;
  for (const std::string& stem : stems) {
    std::string word = SearchWord(stem);
    if (word.empty()) continue;
    for (uint32_t i : FilesNaming(word)) candidates.insert(i);
  }
  std::vector<std::string> importers;
  for (uint32_t i : candidates) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    if (path == module) continue;
    const Module* file = cache_.Load(path);
    if (!file || IsToolReport(file->text)) continue;
    bool imports = false;
    for (const std::string& stem : stems) {
      for (size_t at = file->text.find(stem);
           at != std::string::npos && !imports;
           at = file->text.find(stem, at + 1)) {
        imports = !ts_node_is_null(SpecifierAt(*file, at, stem.size(), module));
      }
      if (imports) break;
    }
    if (imports) importers.push_back(path);
  }
  return importers;
}

std::vector<std::string> Linker::HandedInstanceReaders(
    const Module& module, const std::string& class_name,
    const std::string& field, const std::set<std::string>& skip,
    size_t limit) {
  std::set<std::string> handers = {AbsolutePath(module.path)};
  if (!class_name.empty()) {
    for (uint32_t i : FilesNaming(class_name)) {
      std::string path = AbsolutePath(ProjectFiles()[i]);
      const Module* file = cache_.Load(path);
      if (file && !IsToolReport(file->text) &&
          !WordsAt(file->text, class_name).empty())
        handers.insert(path);
    }
  }
  std::string what = class_name.empty() ? "its class" : Quote(class_name);
  std::vector<std::string> readers;
  std::set<std::string> done, seen;
  for (int round = 0; round < kMaxHanderRounds; ++round) {
    std::set<std::string> fresh;
    for (const std::string& h : handers) {
      if (done.insert(h).second) fresh.insert(h);
    }
    if (fresh.empty()) break;
    for (const std::string& hander : fresh) {
      for (const std::string& path : ImportersOf(hander)) {
        const Module* file = cache_.Load(path);
        if (!file) continue;
        if (!skip.contains(path) && !WordsAt(file->text, field).empty() &&
            seen.insert(path).second) {
          readers.push_back(options_.display(path) + " (importing " +
                            options_.display(hander) +
                            ", which may hand out instances of " + what +
                            ")");
          if (readers.size() >= limit) return readers;
        }
        if (handers.size() < kMaxHanders && MayExport(file->text) &&
            fs::path(path).filename() != "requirejs-config.js")
          handers.insert(path);
      }
    }
  }
  return readers;
}

}  // namespace psm
