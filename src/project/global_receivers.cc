// A classic script may call createSource on a global another script of the
// page sets (`ShopApi.createSource(p)`, `DRGC.createSource(p)`): the
// shop's own client (`var ShopApi = { createSource: function (p) {...} }`,
// `DRGC.createSource = function ...`) is not DigitalRiver.js, and its
// payload must not be migrated. The caller's file cannot tell; the
// project's other scripts can.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/global_values.h"
#include "find/object_builder.h"
#include "find/own_create_source.h"
#include "find/receiver.h"
#include "io/file_io.h"
#include "project/module_exports.h"
#include "project/module_linker.h"
#include "project/test_code.h"
#include "syntax/embedded_script.h"
#include "syntax/island_syntax.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {

namespace {

// `text` at `n` as "path:line".
std::string Where(const LinkOptions& options, const Module& module, TSNode n) {
  return options.display(module.path) + ":" + std::to_string(node::Line(n));
}

// The function `own` (a value of the global, or the assignment giving it
// one) has as its createSource; null when it cannot be told.
TSNode CreateSourceFunction(TSNode own, std::string_view text) {
  own = node::Unwrap(own);
  if (node::Is(own, "assignment_expression"))
    return node::Unwrap(node::Field(own, "right"));
  // `{ createSource() {...} }`, `{ createSource: fn }`, `{ createSource }`
  // with `fn` or `createSource` a function of the script.
  TSNode function = MemberOf(own, "createSource", false, text);
  if (node::Is(function, "function_declaration") ||
      node::Is(function, "method_definition"))
    return function;
  function = node::Unwrap(function);
  return node::IsFunction(function) ? function : TSNode{};
}

}  // namespace

const Module* Linker::ScriptsOf(const std::string& file, Parser& parser,
                                std::optional<Module>* page) {
  std::string absolute = AbsolutePath(file);
  std::optional<Language> language = LanguageForPath(absolute);
  if (language && *language != Language::kPhp) return cache_.Load(absolute);
  if (!IsScriptContainer(absolute) || IsOpaqueTemplate(absolute))
    return nullptr;
  SourceFile read = ReadSourceFile(absolute, kDefaultMaxFileBytes);
  if (!read.error.empty() || IsToolReport(read.text)) return nullptr;
  ScriptView view = MaskScriptContainer(read.text, IslandKindsFor(absolute));
  page->emplace();
  (*page)->path = absolute;
  (*page)->text = std::move(view.text);
  (*page)->tree = parser.Parse(view.language, (*page)->text);
  return (*page)->tree.ok() ? &**page : nullptr;
}

// The files that may give the global `name` a createSource of its own:
// those naming it that define one. A run that read the whole project knows
// which define one (LinkOptions::definers), and only those are read again;
// otherwise the project is read for the name (FilesNaming). On a tree of
// 60,000 files whose calls use an undeclared `dr`, reading it all again
// doubled the run (issue 14).
std::vector<std::string> Linker::GlobalCreateSourceDefiners(
    const std::string& name) {
  std::vector<std::string> definers;
  std::string root = AbsolutePath(paths_.root());
  if (!root.ends_with('/')) root += '/';
  auto keep = [&](const std::string& file) {
    // Not another project the run was also given, nor a test's fake of
    // DigitalRiver.js (`window.dr = { createSource: () => ok }` in
    // test/mock.js), which would pass the shop's real calls over.
    std::string absolute = AbsolutePath(file);
    if (!absolute.starts_with(root) ||
        IsTestCode(std::string_view(absolute).substr(root.size() - 1)))
      return;
    SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
    if (read.error.empty() && MayDefineCreateSource(read.text) &&
        !WordsAt(read.text, GlobalWord(name)).empty())
      definers.push_back(absolute);
  };
  if (options_.definers) {
    for (const std::string& file : *options_.definers) keep(file);
  } else {
    std::string word(GlobalWord(name));  // "Payments" of "Shop.Payments"
    std::vector<uint32_t> naming = FilesNaming(word);
    // Known when a read of every file looked for `name` (not the index).
    bool flagged = files_naming_.contains(word);
    for (uint32_t i : naming) {
      if (!flagged || may_define_create_source_[i]) keep(ProjectFiles()[i]);
    }
  }
  std::sort(definers.begin(), definers.end());
  return definers;
}

const GlobalReceiverFound& Linker::GlobalReceiver(const std::string& name) {
  auto known = global_receivers_.find(name);
  if (known != global_receivers_.end()) return known->second;
  GlobalReceiverFound& found = global_receivers_[name];
  std::vector<std::string> definers = GlobalCreateSourceDefiners(name);
  Parser parser;
  // First the scripts that may define a createSource: without one, the
  // receiver is left as the caller's file judged it, and no other file
  // is parsed.
  for (const std::string& file : definers) {
    std::optional<Module> page;
    const Module* script = ScriptsOf(file, parser, &page);
    if (!script) continue;
    TSNode root = script->tree.Root();
    GlobalGiven given = ValuesGivenToGlobal(name, root, script->text);
    TSNode own = given.own_create_source;
    for (TSNode value : given.values) {
      Receiver kind = ClassifyValues({value}, script->text);
      if (kind == Receiver::kOtherLibrary && ts_node_is_null(own)) own = value;
      if (kind != Receiver::kOtherLibrary && found.other.empty())
        found.other = "it is set to " + Quote(node::Text(value, script->text)) +
                      " at " + Where(options_, *script, value);
    }
    if (ts_node_is_null(own)) continue;
    // A client in a script that also calls a createSource may hand the
    // payload on to DigitalRiver.js: one that only hands it on is not the
    // shop's own; one that uses it first sees every field.
    if (!OnlyOtherCreateSources(root, script->text)) {
      TSNode function = CreateSourceFunction(own, script->text);
      std::string use = ts_node_is_null(function)
                            ? "the tool cannot tell which function it is"
                            : PayloadUse(*script, function, 0);
      if (use.empty()) continue;
      if (found.use.empty()) found.use = use;
    }
    if (found.own.empty()) found.own = Where(options_, *script, own);
  }
  if (found.own.empty()) {
    found.other.clear();
    found.use.clear();
    return found;
  }
  // Then the other scripts setting it: anything else they give it may be
  // DigitalRiver.js.
  for (uint32_t i : FilesNaming(std::string(GlobalWord(name)))) {
    if (!found.other.empty() || !found.use.empty()) break;
    std::string file = AbsolutePath(ProjectFiles()[i]);
    if (std::binary_search(definers.begin(), definers.end(), file)) continue;
    std::optional<Module> page;
    const Module* script = ScriptsOf(file, parser, &page);
    if (!script) continue;
    GlobalGiven given =
        ValuesGivenToGlobal(name, script->tree.Root(), script->text);
    for (TSNode value : given.values) {
      if (ClassifyValues({value}, script->text) == Receiver::kOtherLibrary)
        continue;
      found.other = "it is set to " + Quote(node::Text(value, script->text)) +
                    " at " + Where(options_, *script, value);
      break;
    }
  }
  found.kind = found.other.empty() && found.use.empty()
                   ? GlobalReceiverFound::Kind::kOwn
                   : GlobalReceiverFound::Kind::kMixed;
  return found;
}

}  // namespace psm
