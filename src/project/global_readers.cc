// The other files of a project that name a global of a classic script:
// scripts of the same page may read a payload kept in one (see
// Linker::GlobalReaders).

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <thread>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "php/php_flow.h"
#include "project/module_linker.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The 1-based line of the byte at `at`.
int LineOf(std::string_view text, size_t at) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// Where `name` stands as a whole word in `text`, first to last.
std::vector<size_t> WordsAt(std::string_view text, std::string_view name) {
  std::vector<size_t> found;
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    if (IsWholeIdentifierAt(text, at, name.size())) found.push_back(at);
  }
  return found;
}

// The first place where the JavaScript or TypeScript `module` refers to
// the page's global `name`: an identifier that no declaration of the
// module binds. Property names, strings and comments do not count, nor
// does a script that declares `name` itself: what it reads is its own
// object (a page running both has them clobber each other already).
// npos when nothing does.
size_t FirstGlobalUse(const Module& module, std::string_view name) {
  TSNode root = module.tree.Root();
  for (size_t at : WordsAt(module.text, name)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    std::string_view type = node::Type(n);
    if (type != "identifier" && type != "shorthand_property_identifier")
      continue;
    if (ResolveName(name, n, module.text).kind == Binding::Kind::kNotFound)
      return at;
  }
  return std::string_view::npos;
}

// Whether `text` declares `name` at the start of a line (`var name`,
// `let`, `const`, `function`, `class`): a script's own top-level binding,
// so its uses are of its own object (see FirstGlobalUse), known without
// parsing it. Projects of classic scripts reuse names (`payload`) widely.
bool DeclaresAtLineStart(std::string_view text, std::string_view name) {
  for (size_t at : WordsAt(text, name)) {
    size_t line = text.rfind('\n', at);
    line = line == std::string_view::npos ? 0 : line + 1;
    std::string_view before = text.substr(line, at - line);
    for (std::string_view keyword :
         {"var ", "let ", "const ", "function ", "class "}) {
      if (before == keyword) return true;
    }
  }
  return false;
}

}  // namespace

void Linker::PrepareNames(const std::set<std::string>& names) {
  // Past a few names, one pass per name over every file costs more than
  // the index.
  constexpr size_t kFewNames = 16;
  if (index_ || names.empty() || names.size() > kFewNames) return;
  const std::vector<std::string>& files = ProjectFiles();
  // Reading the files is most of it (a kernel copy per file): spread over
  // the cores, each thread taking every n-th file.
  size_t threads =
      std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                         std::min<size_t>(8, files.size() / 64 + 1));
  std::vector<std::map<std::string, std::vector<uint32_t>>> found(threads);
  auto scan = [&](size_t first) {
    ReadBuffer buffer;
    for (size_t id = first; id < files.size(); id += threads) {
      SourceView file = ReadSourceFile(files[id], kDefaultMaxFileBytes, buffer);
      if (!file.error.empty()) continue;
      for (const std::string& name : names) {
        if (!WordsAt(file.text, name).empty())
          found[first][name].push_back(static_cast<uint32_t>(id));
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(scan, t);
  scan(0);
  for (std::thread& t : pool) t.join();
  for (const std::string& name : names) {
    std::vector<uint32_t>& ids = files_naming_[name];
    for (auto& part : found) {
      auto it = part.find(name);
      if (it != part.end())
        ids.insert(ids.end(), it->second.begin(), it->second.end());
    }
    std::sort(ids.begin(), ids.end());
  }
}

std::vector<uint32_t> Linker::FilesNaming(const std::string& name) {
  auto prepared = files_naming_.find(name);
  return prepared != files_naming_.end() ? prepared->second
                                         : Index().MayContain(name);
}

std::vector<std::string> Linker::GlobalReaders(const std::string& script,
                                               const std::string& name) {
  std::vector<std::string> readers;
  std::string self = AbsolutePath(script);
  Parser parser;
  std::vector<uint32_t> candidates = FilesNaming(name);
  for (uint32_t i : candidates) {
    const std::string& file = ProjectFiles()[i];
    std::string absolute = AbsolutePath(file);
    if (absolute == self) continue;
    std::optional<Language> language = LanguageForPath(absolute);
    size_t at = std::string::npos;
    std::string_view text;
    if (language && *language != Language::kPhp) {
      SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
      if (!read.error.empty() || DeclaresAtLineStart(read.text, name) ||
          read.text.find(name) == std::string::npos) {
        continue;
      }
      const Module* module = cache_.Load(absolute);
      if (!module) continue;
      at = FirstGlobalUse(*module, name);
      text = module->text;
    }
    // A page or template: its scripts and handlers (markup reads no
    // global of a script).
    std::optional<Module> page;
    if (IsScriptContainer(absolute) && text.empty()) {
      SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
      if (!read.error.empty() || IsToolReport(read.text) ||
          read.text.find(name) == std::string::npos) {
        continue;
      }
      ScriptView view = MaskScriptContainer(read.text);
      page.emplace();
      page->path = absolute;
      page->text = std::move(view.text);
      page->tree = parser.Parse(view.language, page->text);
      if (!page->tree.ok()) continue;
      at = FirstGlobalUse(*page, name);
      text = page->text;
    }
    if (at != std::string::npos)
      readers.push_back(options_.display(file) + ":" +
                        std::to_string(LineOf(text, at)));
  }
  return readers;
}

std::vector<std::string> Linker::PhpCallers(
    const std::string& file, const std::string& name,
    const std::vector<std::string>& path) {
  static constexpr std::array<std::string_view, 4> kCalls = {
      "function_call_expression", "member_call_expression",
      "nullsafe_member_call_expression", "scoped_call_expression"};
  std::vector<std::string> uses;
  std::string self = AbsolutePath(file);
  Parser parser;
  std::vector<uint32_t> candidates = FilesNaming(name);
  for (uint32_t i : candidates) {
    std::string absolute = AbsolutePath(ProjectFiles()[i]);
    if (absolute == self || !IsPhpFile(absolute)) continue;
    SourceFile read = ReadSourceFile(absolute, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text)) continue;
    Module php;  // PHP files are not modules the cache resolves
    php.path = absolute;
    php.text = std::move(read.text);
    php.tree = parser.Parse(Language::kPhp, php.text);
    if (!php.tree.ok()) continue;
    const Module* module = &php;
    TSNode root = module->tree.Root();
    for (size_t at : WordsAt(module->text, name)) {
      TSNode n = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + name.size()));
      if (!node::Is(n, "name")) continue;
      TSNode call = ts_node_parent(n);
      if (node::Is(call, "qualified_name")) call = ts_node_parent(call);
      std::string_view type = node::Type(call);
      if (std::find(kCalls.begin(), kCalls.end(), type) == kCalls.end())
        continue;
      php::Flow flow = php::FollowValue(call, path, module->text);
      if (flow.kind == php::Flow::Kind::kResponse) continue;
      uses.push_back(options_.display(absolute) + ":" +
                     std::to_string(LineOf(module->text, at)) + ": " +
                     flow.what);
    }
  }
  return uses;
}

}  // namespace psm
