// The other files of a project that import a payload builder's module and
// may get at the builder: under an alias of a re-export, as the module's
// default export under a name of their own, or through the module object
// as a whole (`payloads[method](cart)`, `Object.values(require(...))`).
// Linker::OtherNamers only sees files that spell the builder's name.

#include "project/builder_reach.h"

#include <cctype>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxReExportRounds = 4;

TSNode Up(TSNode n) {
  TSNode p = node::Parent(n);
  while (node::Is(p, "parenthesized_expression") ||
         node::Is(p, "await_expression"))
    p = node::Parent(p);
  return p;
}

// The factory parameter that receives dependency `index` of the AMD call
// whose dependency array is `array`; null when there is none.
TSNode AmdParameter(TSNode array, size_t index) {
  TSNode args = node::Parent(array);
  TSNode call = node::Parent(args);
  if (!node::Is(args, "arguments") || !node::Is(call, "call_expression"))
    return TSNode{};
  std::vector<TSNode> list = node::Arguments(call);
  if (list.empty()) return TSNode{};
  TSNode factory = node::Unwrap(list.back());
  TSNode params = node::Field(factory, "parameters");
  std::vector<TSNode> names;
  for (TSNode p : node::NamedChildren(params)) {
    if (!node::IsComment(p)) names.push_back(p);
  }
  return index < names.size() ? names[index] : TSNode{};
}

}  // namespace

std::string SearchWord(std::string_view stem) {
  std::string_view best;
  ForEachWord(stem, [&](std::string_view w) {
    if (w.size() > best.size()) best = w;
  });
  return std::string(best);
}

// How `file` uses the whole-module binding `binding`: "" when each use
// only takes a member other than the builder's names.
std::string Linker::WholeModuleUse(const Module& file, TSNode binding,
                                   const BuilderReach& reach) {
  std::string_view name = node::Text(binding, file.text);
  if (!node::Is(binding, "identifier") &&
      !node::Is(binding, "shorthand_property_identifier_pattern"))
    return "takes it apart";
  if (reach.whole) return "imports it as " + Quote(name);
  const std::string& text = file.text;
  for (size_t at = text.find(name); at != std::string::npos;
       at = text.find(name, at + 1)) {
    if (at == ts_node_start_byte(binding) ||
        !IsWholeIdentifierAt(text, at, name.size()))
      continue;
    size_t k = at + name.size();
    while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])))
      ++k;
    if (text.compare(k, 2, "?.") == 0) ++k;
    if (k >= text.size() || text[k] != '.')
      return "uses the module " + Quote(name) + " as a whole";
    size_t begin = ++k;
    while (k < text.size() && IsIdentifierByte(text[k])) ++k;
    std::string member = text.substr(begin, k - begin);
    if (reach.names.contains(member) || member == "default")
      return "calls " + Quote(std::string(name) + "." + member);
    // A class's instance methods, which it may replace
    // (`Object.assign(Req.prototype, overrides)`), also through the
    // module object (`reqs.Req.prototype`).
    if (member == "prototype" ||
        (reach.holders.contains(member) &&
         text.compare(k, 10, ".prototype") == 0))
      return "uses " + Quote(text.substr(at, k - at) +
                             (member == "prototype" ? "" : ".prototype"));
  }
  return "";
}

// What the import at the specifier string `spec` of `file` (of one of the
// reach's modules) gives `file`; "" when it takes only other exports. A
// re-export adds `file` and its aliases to `reach`.
std::string Linker::ImportReach(const Module& file, TSNode spec,
                                BuilderReach* reach, bool* re_exports) {
  std::string_view text = file.text;
  TSNode parent = node::Parent(spec);
  if (node::Is(parent, "export_statement")) {
    *re_exports = true;
    ForEachDescendant(parent, false, [&](TSNode n) {
      if (!node::Is(n, "export_specifier")) return;
      std::string from(node::Text(node::Field(n, "name"), text));
      TSNode alias = node::Field(n, "alias");
      if (ts_node_is_null(alias)) return;
      if (reach->names.contains(from) || (from == "default" && reach->whole))
        reach->names.insert(std::string(node::Text(alias, text)));
      if (reach->holders.contains(from))
        reach->holders.insert(std::string(node::Text(alias, text)));
    });
    ForEachDescendant(parent, false, [&](TSNode n) {
      if (!node::Is(n, "namespace_export")) return;  // export * as ns from
      TSNode name = ts_node_named_child(n, 0);
      std::string_view spelled = node::Text(name, text);
      if (node::Is(name, "string") && spelled.size() >= 2)
        spelled = spelled.substr(1, spelled.size() - 2);
      if (!spelled.empty()) reach->names.emplace(spelled);
    });
    return "";
  }
  if (node::Is(parent, "import_statement")) {
    std::string why;
    ForEachDescendant(parent, false, [&](TSNode n) {
      if (!why.empty()) return;
      if (node::Is(n, "namespace_import")) {
        TSNode id = ts_node_named_child(n, 0);
        why = WholeModuleUse(file, id, *reach);
      } else if (node::Is(n, "import_clause")) {
        TSNode first = ts_node_named_child(n, 0);
        if (node::Is(first, "identifier") && reach->whole)
          why = "imports it as " + Quote(node::Text(first, text));
        else if (node::Is(first, "identifier") &&
                 reach->holders.contains("default"))
          why = WholeModuleUse(file, first, *reach);
      } else if (node::Is(n, "import_specifier")) {
        std::string from(node::Text(node::Field(n, "name"), text));
        TSNode alias = node::Field(n, "alias");
        if (reach->names.contains(from) || (from == "default" && reach->whole))
          why = "imports " + Quote(from);
        else if (reach->holders.contains(from))
          why = WholeModuleUse(
              file, ts_node_is_null(alias) ? node::Field(n, "name") : alias,
              *reach);
      }
    });
    return why;
  }
  if (node::Is(parent, "array")) {  // define(['./payloads'], function (p) {
    size_t index = 0;
    for (TSNode d : node::NamedChildren(parent)) {
      if (ts_node_eq(d, spec)) break;
      if (!node::IsComment(d)) ++index;
    }
    TSNode param = AmdParameter(parent, index);
    if (ts_node_is_null(param)) return "";
    return WholeModuleUse(file, param, *reach);
  }
  // require('./payloads'), import('./payloads')
  // Other strings naming the module (a configuration's map, a message)
  // take nothing from it; a call other than require() or import() may
  // be a loader of its own.
  TSNode call = node::Parent(parent);
  if (!node::Is(parent, "arguments") || !node::Is(call, "call_expression"))
    return "";
  TSNode user = Up(call);
  if (node::Is(user, "variable_declarator")) {
    TSNode name = node::Field(user, "name");
    if (node::Is(name, "object_pattern")) {
      std::string why;
      for (TSNode p : node::NamedChildren(name)) {
        TSNode key = node::Is(p, "pair_pattern") ? node::Field(p, "key") : p;
        std::string from(node::Text(key, text));
        if (reach->names.contains(from) || reach->whole) {
          why = "takes " + Quote(from) + " from it";
        } else if (reach->holders.contains(from)) {  // as an ES import does
          std::string use = WholeModuleUse(
              file, node::Is(p, "pair_pattern") ? node::Field(p, "value") : p,
              *reach);
          if (!use.empty()) why = use;
        }
      }
      return why;
    }
    return WholeModuleUse(file, name, *reach);
  }
  if (node::Is(user, "member_expression")) {
    std::string member(node::Text(node::Field(user, "property"), text));
    return reach->names.contains(member) || reach->whole
               ? "calls " + Quote(node::Text(user, text))
               : "";
  }
  if (node::Is(user, "assignment_expression")) {  // module.exports = require
    std::string_view left = node::Text(node::Field(user, "left"), text);
    if (left == "module.exports" || left.starts_with("exports.") ||
        left.starts_with("module.exports.")) {
      *re_exports = true;
      size_t dot = left.rfind('.');
      if (left != "module.exports" && reach->whole)
        reach->names.insert(std::string(left.substr(dot + 1)));
      return "";
    }
  }
  return "passes the module on (" + Quote(node::Text(user, text)) + ")";
}

TSNode Linker::SpecifierAt(const Module& file, size_t at, size_t size,
                           const std::string& module) {
  TSNode n = ts_node_descendant_for_byte_range(
      file.tree.Root(), static_cast<uint32_t>(at),
      static_cast<uint32_t>(at + size));
  while (!ts_node_is_null(n) && !node::Is(n, "string") &&
         !node::Is(n, "template_string") && !node::Is(n, "program"))
    n = node::Parent(n);
  std::string value;
  if (!node::StringLiteralValue(n, file.text, &value) ||
      paths_.Resolve(file.path, value) != module)
    return TSNode{};
  return n;
}

std::vector<std::string> Linker::Reachers(BuilderReach* reach,
                                          const std::set<std::string>& known) {
  std::vector<std::string> reachers;
  std::set<std::string> done_modules, seen_files;
  Parser page_parser;  // pages' masked scripts are parsed, not cached
  for (int round = 0; round < kMaxReExportRounds; ++round) {
    std::set<std::string> fresh;
    for (const std::string& m : reach->modules) {
      if (done_modules.insert(m).second) fresh.insert(m);
    }
    if (fresh.empty()) break;
    for (const std::string& module : fresh) {
      std::vector<std::string> stems = SpecifierStems(module);
      for (const std::string& alias : paths_.AliasesOf(module))
        stems.push_back(alias);
      for (std::string& folder : FolderStems(module))
        stems.push_back(std::move(folder));
      for (const std::string& mixin : MixinsOf(module)) {
        reachers.push_back(options_.display(module) +
                           " has the RequireJS mixin " + Quote(mixin) +
                           ", which wraps it");
      }
      std::set<uint32_t> candidates;
      for (const std::string& stem : stems) {
        std::string word = SearchWord(stem);
        if (word.empty()) continue;
        for (uint32_t i : FilesNaming(word)) candidates.insert(i);
      }
      for (uint32_t i : DotImporterCandidates(module)) candidates.insert(i);
      for (uint32_t i : candidates) {
        std::string path = AbsolutePath(ProjectFiles()[i]);
        if (reach->modules.contains(path) || known.contains(path)) continue;
        // A page or template loads modules too: a Magento `.phtml` with an
        // inline `require(['Vendor_Pay/js/payload'], function (build) {...})`.
        std::optional<Module> page;
        const Module* file = ScriptsOf(path, page_parser, &page);
        if (!file || IsToolReport(file->text) ||
            fs::path(path).filename() == "requirejs-config.js")
          continue;
        // Each string naming the module, by a stem or by dots alone, until
        // one reaches the builder.
        auto reaches = [&](TSNode n) {
          bool re_exports = false;
          std::string why = ImportReach(*file, n, reach, &re_exports);
          if (re_exports && !page) {  // a page exports nothing
            reach->modules.insert(path);
            return true;
          }
          if (!why.empty() && seen_files.insert(path).second) {
            reachers.push_back(options_.display(path) + " " + why);
            return true;
          }
          return !why.empty();
        };
        bool done = false;
        for (size_t k = 0; k < stems.size() && !done; ++k) {
          const std::string& stem = stems[k];
          for (size_t at = file->text.find(stem);
               at != std::string::npos && !done;
               at = file->text.find(stem, at + 1)) {
            TSNode n = SpecifierAt(*file, at, stem.size(), module);
            if (!ts_node_is_null(n)) done = reaches(n);
          }
        }
        if (TSNode n; !done && !ts_node_is_null(n = DotSpecifierOf(*file, module)))
          reaches(n);
      }
    }
  }
  return reachers;
}

}  // namespace psm
