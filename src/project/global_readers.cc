// The project model's questions about a name in the project's other
// files: who uses a global of a classic script (scripts of the same page
// may read a payload kept in one, Linker::GlobalReaders), and what the
// PHP callers of a function that returns a payload do with it
// (Linker::PhpCallers). PrepareNames (project/name_scans.cc) finds the
// files naming them.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/module_request.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "find/string_code.h"
#include "find/unnamed_reach.h"
#include "io/file_io.h"
#include "php/php_flow.h"
#include "php/php_syntax.h"
#include "project/module_linker.h"
#include "project/response_reads.h"
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

// Whether `b`, a binding of `module`, declares the page's global itself
// without giving it a value of its own: `declare var name` in TypeScript,
// or a top-level `var name;` of a classic script (the same global, again).
bool NamesTheGlobal(const Binding& b, const Module& module) {
  if (b.kind != Binding::Kind::kVariable) return false;
  TSNode declaration = node::Parent(b.declarator);
  if (node::Is(node::Parent(declaration), "ambient_declaration")) return true;
  return node::Is(b.scope, "program") &&
         node::Is(declaration, "variable_declaration") &&
         ts_node_is_null(node::Field(b.declarator, "value")) &&
         IsClassicScript(module.tree.Root(), module.text);
}

// Whether the call `call` is in the script's top-level code, before the
// offset `ready`.
bool TopLevelCallBefore(TSNode call, uint32_t ready) {
  if (ts_node_start_byte(call) >= ready) return false;
  for (TSNode a : node::Ancestors(call)) {
    if (node::IsFunction(a)) return false;
  }
  return true;
}

// Whether the top-level function `function` may run before the offset
// `ready` of the script: called in place there (`(function () {...})()`,
// the namespace idiom's `var x = (function () { ... x ... })()`), handed to
// a call there (`[1].forEach(function () {...})`: a callback may run at
// once), or a function declaration the top-level code calls there
// (`show(); var payload = ...`).
bool RunsBefore(TSNode function, uint32_t ready, std::string_view text) {
  TSNode held = function;
  TSNode up = node::Parent(held);
  while (node::Is(up, "parenthesized_expression")) {
    held = up;
    up = node::Parent(up);
  }
  if (node::Is(up, "call_expression") &&
      ts_node_eq(node::Field(up, "function"), held))
    return TopLevelCallBefore(up, ready);
  if (node::Is(up, "arguments"))
    return TopLevelCallBefore(node::Parent(up), ready);
  if (!node::Is(function, "function_declaration")) return false;
  std::string_view name = node::Text(node::Field(function, "name"), text);
  TSNode root = ts_tree_root_node(function.tree);
  for (size_t at : WordsAt(text, name)) {
    if (at >= ready) break;
    TSNode id = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    TSNode call = node::Parent(id);
    if (node::Is(id, "identifier") && node::Is(call, "call_expression") &&
        ts_node_eq(node::Field(call, "function"), id) &&
        TopLevelCallBefore(call, ready))
      return true;
  }
  return false;
}

// Whether `n`, a read of a name that `b` binds, reads the page's global
// before the classic script's own top-level value for it is in place: in
// that value itself (`var drPayload = drPayload || {}`, the namespace
// idiom) or earlier in the script's top-level code (`var total =
// drPayload.amount, drPayload = null`; `typeof drPayload` before a `var`
// in a block). What it reads then is another script's object. Reads in
// functions count when the function may run before that value is in place
// (RunsBefore); others run later and are taken to be of the script's own
// object.
bool ReadsBeforeOwnValue(const Binding& b, TSNode n, const Module& module) {
  if (b.kind != Binding::Kind::kVariable || !node::Is(b.scope, "program"))
    return false;
  TSNode value = node::Field(b.declarator, "value");
  if (ts_node_is_null(value)) return false;
  if (ts_node_eq(node::Field(b.declarator, "name"), n)) return false;
  uint32_t ready = ts_node_end_byte(value);
  TSNode outermost{};  // the top-level function around the read, if any
  for (TSNode a : node::Ancestors(n)) {
    if (node::IsFunction(a)) outermost = a;
  }
  bool early = ts_node_is_null(outermost)
                   ? ts_node_start_byte(n) < ready
                   : RunsBefore(outermost, ready, module.text);
  return early && IsClassicScript(module.tree.Root(), module.text);
}

// `n.other` where `other` is a plain property name and not `member`.
bool ReadsAnotherMember(TSNode n, std::string_view member,
                        std::string_view source) {
  TSNode access = node::Parent(n);
  if (!node::Is(access, "member_expression") ||
      !ts_node_eq(node::Field(access, "object"), n))
    return false;
  TSNode property = node::Field(access, "property");
  return node::Is(property, "property_identifier") &&
         node::Text(property, source) != member;
}

// The first place where the JavaScript or TypeScript `module` refers to
// the page's global `name`: an identifier that no declaration of the
// module binds, or a property of the global object (`window.name`).
// Other property names, strings and comments do not count, nor
// does a script that declares `name` itself, once its own value is in
// place: what it reads then is its own object (a page running both has
// them clobber each other already). With `member`, a read of another
// member (`LegacyPayloads.konbini` when asking about `klarna`) does not
// count either: it reaches another function of the object. npos when
// nothing does.
size_t FirstGlobalUse(const Module& module, std::string_view name,
                      std::string_view member = {}) {
  TSNode root = module.tree.Root();
  for (size_t at : WordsAt(module.text, name)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    if (IsGlobalObjectProperty(n, module.text)) return at;
    std::string_view type = node::Type(n);
    if (type != "identifier" && type != "shorthand_property_identifier")
      continue;
    if (!member.empty() && ReadsAnotherMember(n, member, module.text))
      continue;
    Binding b = ResolveName(name, n, module.text);
    if (b.kind == Binding::Kind::kNotFound || NamesTheGlobal(b, module) ||
        ReadsBeforeOwnValue(b, n, module))
      return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string> Linker::GlobalReaders(
    const std::string& script, const std::string& name,
    const std::set<std::string>& besides, const std::string& member) {
  std::string self = AbsolutePath(script);
  std::vector<std::string> readers;
  for (const auto& [file, reader] : ReadersOfGlobal(name, member)) {
    if (file != self && !besides.contains(file)) readers.push_back(reader);
  }
  return readers;
}

const std::vector<std::pair<std::string, std::string>>& Linker::ReadersOfGlobal(
    const std::string& name, const std::string& member) {
  std::string key = member.empty() ? name : name + "." + member;
  auto known = global_name_readers_.find(key);
  if (known != global_name_readers_.end()) return known->second;
  std::vector<std::pair<std::string, std::string>>& readers =
      global_name_readers_[key];
  Parser parser;
  std::vector<uint32_t> candidates = FilesNaming(name);
  for (uint32_t i : candidates) {
    const std::string& file = ProjectFiles()[i];
    std::string absolute = AbsolutePath(file);
    if (files_declaring_.contains({name, i})) continue;
    std::optional<Language> language = LanguageForPath(absolute);
    size_t at = std::string::npos;
    std::string_view text;
    if (language && *language != Language::kPhp) {
      const Module* module = cache_.Load(absolute);
      if (!module) continue;
      at = FirstGlobalUse(*module, name, member);
      // Code in a string the page may run (`setTimeout("show(payload)")`).
      if (at == std::string::npos &&
          !GlobalNamedInString(name, module->tree.Root(), module->text,
                               /*only_evaluated_names=*/true)
               .empty()) {
        std::vector<size_t> words = WordsAt(module->text, name);
        if (!words.empty()) at = words[0];
      }
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
      if (IsOpaqueTemplate(absolute)) {
        std::vector<size_t> words = WordsAt(read.text, name);
        if (!words.empty())
          readers.emplace_back(absolute,
                               options_.display(file) + ":" +
                                   std::to_string(LineOf(read.text, words[0])));
        continue;
      }
      ScriptView view =
          MaskScriptContainer(read.text, IslandKindsFor(absolute));
      page.emplace();
      page->path = absolute;
      page->text = std::move(view.text);
      page->tree = parser.Parse(view.language, page->text);
      if (!page->tree.ok()) continue;
      at = FirstGlobalUse(*page, name, member);
      text = page->text;
    }
    if (at != std::string::npos)
      readers.emplace_back(absolute, options_.display(file) + ":" +
                                         std::to_string(LineOf(text, at)));
  }
  return readers;
}

std::vector<std::string> Linker::PhpCallers(
    const std::string& file, const std::string& name,
    const std::vector<std::string>& path, int* calls,
    int* create_source_calls) {
  int found = 0;
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
    std::vector<std::vector<std::string>> sent;
    for (size_t at : WordsAt(module->text, name)) {
      TSNode n = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + name.size()));
      if (php::IsCallableString(n, name, module->text)) {
        uses.push_back(options_.display(absolute) + ":" +
                       std::to_string(LineOf(module->text, at)) +
                       ": names it in a string (`call_user_func`, a "
                       "callable array), a call the tool cannot follow");
        continue;
      }
      if (!node::Is(n, "name")) continue;
      TSNode call = node::Parent(n);
      if (node::Is(call, "qualified_name")) call = node::Parent(call);
      std::string_view type = node::Type(call);
      if (std::find(kCalls.begin(), kCalls.end(), type) == kCalls.end())
        continue;
      ++found;
      php::Flow flow = php::FollowValue(call, path, module->text);
      if (flow.kind == php::Flow::Kind::kResponse) {
        sent.push_back(flow.path);  // what its pages read, below
        continue;
      }
      if (flow.kind == php::Flow::Kind::kPage) {  // what its scripts read
        for (const PayloadObserver& o : PrintedValueReads(
                 module->text, ts_node_start_byte(flow.at), flow.path,
                 options_.display(absolute), create_source_calls)) {
          uses.push_back(o.what);
        }
        continue;
      }
      uses.push_back(options_.display(absolute) + ":" +
                     std::to_string(LineOf(module->text, at)) + ": " +
                     flow.what);
    }
    // A caller that sends the array to the browser: the pages reading its
    // response see it.
    if (!sent.empty()) {
      for (const PayloadObserver& o :
           BrowserReaders(absolute, sent, create_source_calls))
        uses.push_back(options_.display(absolute) + ": " + o.what);
    }
  }
  if (calls) *calls = found;
  return uses;
}

namespace {

// Whether the word at `at` of `text` is a member of something other than
// `this`: `x.name`, `x?.name`, `x['name']`.
bool MemberOfOtherThanThis(std::string_view text, size_t at, size_t length) {
  size_t k = at;
  if (k >= 2 && (text[k - 1] == '\'' || text[k - 1] == '"') &&
      text[k - 2] == '[' && at + length < text.size() &&
      text[at + length] == text[k - 1]) {
    k -= 2;  // `x['name']`
  } else if (k >= 1 && text[k - 1] == '.') {
    k -= 1;
    if (k >= 1 && text[k - 1] == '?') --k;  // `x?.name`
  } else {
    return false;
  }
  size_t end = k;
  while (k > 0 && IsIdentifierByte(text[k - 1])) --k;
  return text.substr(k, end - k) != "this";
}

}  // namespace

bool Linker::ReadThroughInstance(const Module& module, size_t at, size_t length,
                                 const std::string& self) {
  TSNode n = ts_node_descendant_for_byte_range(
      module.tree.Root(), static_cast<uint32_t>(at),
      static_cast<uint32_t>(at + length));
  TSNode member = node::Parent(n);
  if (node::Is(n, "string_fragment")) {  // `x['name']`
    member = node::Parent(member);
    if (!node::Is(member, "subscript_expression")) return false;
  } else if (!node::Is(n, "property_identifier") ||
             !node::Is(member, "member_expression")) {
    return false;  // a comment, a string, a declaration
  }
  TSNode up = node::Parent(member);
  if (node::Is(up, "assignment_expression") &&
      ts_node_eq(node::Field(up, "left"), member))
    return false;  // `exports.name = function ...` defines it
  TSNode object = node::Unwrap(node::Field(member, "object"));
  if (node::Is(object, "this") || node::Is(object, "super")) return false;
  std::string_view object_text = node::Text(object, module.text);
  if (object_text == "exports" || object_text == "module.exports")
    return false;  // the file's own export of that name
  if (!node::Is(object, "identifier")) return true;
  std::string_view name = node::Text(object, module.text);
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, object, module.text), name, module.text);
  if (!ref) return true;
  std::optional<std::string> resolved =
      paths_.Resolve(module.path, ref->specifier);
  return !resolved || AbsolutePath(*resolved) == self;
}

std::vector<std::string> Linker::MemberNamers(
    const std::string& file, const std::set<std::string>& also_skip,
    const std::string& method, size_t limit) {
  std::vector<std::string> found;
  std::string self = AbsolutePath(file);
  Parser parser;
  for (uint32_t i : FilesNaming(method)) {
    const std::string& path = ProjectFiles()[i];
    std::string absolute = AbsolutePath(path);
    if (absolute == self || also_skip.contains(absolute)) continue;
    std::optional<Module> page;
    const Module* module = ScriptsOf(path, parser, &page);
    if (!module || IsToolReport(module->text)) continue;
    for (size_t at : WordsAt(module->text, method)) {
      if (!MemberOfOtherThanThis(module->text, at, method.size()) ||
          !ReadThroughInstance(*module, at, method.size(), self))
        continue;
      found.push_back(options_.display(path) + ":" +
                      std::to_string(LineOf(module->text, at)));
      break;
    }
    if (found.size() >= limit) break;
  }
  return found;
}

std::vector<std::string> Linker::OtherFilesNaming(const std::string& file,
                                                  const std::string& word,
                                                  size_t limit) {
  std::vector<std::string> found;
  std::string self = AbsolutePath(file);
  for (uint32_t i : FilesNaming(word)) {
    const std::string& path = ProjectFiles()[i];
    if (AbsolutePath(path) == self) continue;
    SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text) ||
        WordsAt(read.text, word).empty())
      continue;
    found.push_back(options_.display(path));
    if (found.size() >= limit) break;
  }
  return found;
}

}  // namespace psm
