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
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "io/file_io.h"
#include "project/builder_reach.h"
#include "project/module_linker.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
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
  return !WordsAt(text, "export").empty() ||
         !WordsAt(text, "exports").empty() || !WordsAt(text, "define").empty();
}

}  // namespace

std::vector<std::string> Linker::ImportersOf(const std::string& module,
                                             std::vector<TSNode>* specifiers) {
  std::vector<std::string> stems = SpecifierStems(module);
  for (const std::string& alias : paths_.AliasesOf(module))
    stems.push_back(alias);
  for (std::string& folder : FolderStems(module))
    stems.push_back(std::move(folder));
  std::set<uint32_t> candidates;
  for (const std::string& stem : stems) {
    std::string word = SearchWord(stem);
    if (word.empty()) continue;
    for (uint32_t i : FilesNaming(word)) candidates.insert(i);
  }
  for (uint32_t i : DotImporterCandidates(module)) candidates.insert(i);
  std::vector<std::string> importers;
  for (uint32_t i : candidates) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    if (path == module) continue;
    const Module* file = ScriptModule(path);
    if (!file || IsToolReport(file->text)) continue;
    TSNode spec{};
    for (const std::string& stem : stems) {
      for (size_t at = file->text.find(stem);
           at != std::string::npos && ts_node_is_null(spec);
           at = file->text.find(stem, at + 1)) {
        spec = SpecifierAt(*file, at, stem.size(), module);
      }
      if (!ts_node_is_null(spec)) break;
    }
    if (ts_node_is_null(spec)) spec = DotSpecifierOf(*file, module);
    if (ts_node_is_null(spec)) continue;
    importers.push_back(path);
    if (specifiers) specifiers->push_back(spec);
  }
  return importers;
}

// The search of HandedInstanceReaders: the modules that may hand out
// instances of a class (handers), each with why, and the readers found.
class HandedInstances {
 public:
  HandedInstances(std::string what, const std::string& field,
                  const std::set<std::string>& skip, size_t limit,
                  const std::function<std::string(const std::string&)>& shown)
      : what_(std::move(what)),
        field_(field),
        skip_(skip),
        limit_(limit),
        shown_(shown) {}

  // Whether `path` is a hander it did not know.
  bool AddHander(const std::string& path, const std::string& why) {
    return handers_.size() < kMaxHanders && handers_.emplace(path, why).second;
  }
  // The handers not searched yet.
  std::vector<std::string> Fresh() {
    std::vector<std::string> fresh;
    for (const auto& [path, why] : handers_) {
      if (done_.insert(path).second) fresh.push_back(path);
    }
    return fresh;
  }
  // `file` imports `hander`: it may get an instance from it.
  void Importer(const Module& file, const std::string& hander) {
    if (!Names(file)) return;
    const std::string& why = handers_[hander];
    AddReader(file.path, shown_(file.path) + " (importing " + shown_(hander) +
                             ", which may hand out instances of " + what_ +
                             (why.empty() ? "" : ": " + why) + ")");
  }
  // Where a file hands the class or its instances.
  void Escaped(const EscapeFound& e, Linker& linker) {
    switch (e.kind) {
      case EscapeFound::Kind::kModule: {
        bool fresh = AddHander(e.module, e.Where());
        const Module* into = linker.ScriptModule(e.module);
        if (into && Names(*into))
          AddReader(e.module, shown_(e.module) + " (" + e.Where() + ")");
        // A component handed it may hand it on to its own children.
        if (fresh && into && IsScriptContainer(e.module))
          HandToChildren(*into, linker);
        break;
      }
      case EscapeFound::Kind::kUnknown:
        if (unknown_.empty()) unknown_ = e.Where();
        break;
      case EscapeFound::Kind::kWhole:
        if (!full() && seen_.insert(e.Where()).second)
          readers_.push_back(e.file + " (line " + std::to_string(e.line) + " " +
                             e.what + ")");
        break;
    }
  }
  // The component `page` may hand what it holds to the components it
  // imports, from its template (`<OrderSummary :request="request" />`).
  void HandToChildren(const Module& page, Linker& linker) {
    for (const std::string& child : linker.ImportedModules(page)) {
      Escaped({EscapeFound::Kind::kModule, child, shown_(page.path), 0,
               "may hand it to " + Quote(shown_(child)) +
                   ", which it imports, from its template"},
              linker);
    }
  }
  const std::string& unknown() const { return unknown_; }
  bool full() const { return readers_.size() >= limit_; }
  // Whether `file` names the field: in a component or page, its template
  // too (`{{ request.payload.amount }}`), which its scripts leave out.
  bool Names(const Module& file) const {
    if (!IsScriptContainer(file.path))
      return !WordsAt(file.text, field_).empty();
    SourceFile read = ReadSourceFile(file.path, kDefaultMaxFileBytes);
    return read.error.empty() && !WordsAt(read.text, field_).empty();
  }
  void AddReader(const std::string& path, std::string reader) {
    if (full() || skip_.contains(AbsolutePath(path)) ||
        !seen_.insert(AbsolutePath(path)).second)
      return;
    readers_.push_back(std::move(reader));
  }
  std::vector<std::string> Take() { return std::move(readers_); }

 private:
  std::string what_;
  const std::string& field_;
  const std::set<std::string>& skip_;
  size_t limit_;
  const std::function<std::string(const std::string&)>& shown_;
  std::map<std::string, std::string> handers_;  // path -> why, "" if named
  std::set<std::string> done_, seen_;
  std::string unknown_;  // the first hand-over to code the tool cannot follow
  std::vector<std::string> readers_;
};

std::vector<std::string> Linker::HandedInstanceReaders(
    const Module& module, const std::string& class_name,
    const std::string& field, const std::set<std::string>& skip, size_t limit) {
  HandedInstances search(class_name.empty() ? "its class" : Quote(class_name),
                         field, skip, limit, options_.display);
  search.AddHander(AbsolutePath(module.path), "");
  if (!class_name.empty()) {
    for (uint32_t i : FilesNaming(class_name)) {
      std::string path = AbsolutePath(ProjectFiles()[i]);
      const Module* file = ScriptModule(path);
      if (!file || IsToolReport(file->text) ||
          WordsAt(file->text, class_name).empty())
        continue;
      search.AddHander(path, "");
      for (const EscapeFound& e : InstanceEscapes(*file, {class_name}))
        search.Escaped(e, *this);
      if (IsScriptContainer(path)) search.HandToChildren(*file, *this);
    }
  }
  for (int round = 0; round < kMaxHanderRounds && !search.full(); ++round) {
    std::vector<std::string> fresh = search.Fresh();
    if (fresh.empty()) break;
    for (const std::string& hander : fresh) {
      std::vector<TSNode> specifiers;
      std::vector<std::string> importers = ImportersOf(hander, &specifiers);
      for (size_t i = 0; i < importers.size(); ++i) {
        const Module* file = ScriptModule(importers[i]);
        if (!file) continue;
        search.Importer(*file, hander);
        if (MayExport(file->text) &&
            fs::path(importers[i]).filename() != "requirejs-config.js")
          search.AddHander(importers[i], "");
        std::vector<std::string> carriers = NamesBoundBy(*file, specifiers[i]);
        if (carriers.empty()) continue;
        for (const EscapeFound& e : InstanceEscapes(*file, carriers))
          search.Escaped(e, *this);
      }
    }
  }
  if (!search.unknown().empty()) UnknownCodeReaders(field, &search);
  return search.Take();
}

// An instance handed to code the tool cannot follow may reach any file:
// each naming the field may read it.
void Linker::UnknownCodeReaders(const std::string& field,
                                HandedInstances* search) {
  for (uint32_t i : FilesNaming(field)) {
    if (search->full()) return;
    const std::string& path = ProjectFiles()[i];
    const Module* file = ScriptModule(AbsolutePath(path));
    if (!file || IsToolReport(file->text) || !search->Names(*file)) continue;
    search->AddReader(path, options_.display(path) + " (naming " +
                                Quote(field) + ", while " + search->unknown() +
                                ", code the tool cannot follow, which may "
                                "hand an instance to any file)");
  }
}

const Module* Linker::ScriptModule(const std::string& path) {
  if (LanguageForPath(path)) return cache_.Load(path);
  if (!IsScriptContainer(path)) return nullptr;
  auto [at, fresh] = page_scripts_.try_emplace(path);
  if (fresh) {
    std::optional<Module> page;
    if (ScriptsOf(path, page_parser_, &page) && page)
      at->second = std::make_unique<Module>(std::move(*page));
  }
  return at->second.get();
}

std::vector<std::string> Linker::ImportedModules(const Module& page) {
  std::vector<std::string> modules;
  for (TSNode top : node::NamedChildren(page.tree.Root())) {
    std::string specifier;
    if (!node::Is(top, "import_statement") ||
        !node::StringLiteralValue(node::Field(top, "source"), page.text,
                                  &specifier))
      continue;
    std::optional<std::string> file = paths_.Resolve(page.path, specifier);
    if (file && IsScriptContainer(*file)) modules.push_back(*file);
  }
  return modules;
}

}  // namespace psm
