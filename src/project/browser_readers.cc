// Linker::BrowserReaders: the browser code of a project that reads what a
// PHP file sends it. A payload array put in a response (`setData`,
// `json_encode` + `echo`) reaches a page's `createSource(response.payload)`,
// and the page may also show `response.payload.amount`: removing `amount`
// in PHP would break that page, so every such read is an observer of the
// array, whichever browser file does it.

#include <algorithm>
#include <array>
#include <optional>

#include "common/report_marker.h"
#include "common/strings.h"
#include "common/text_lines.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/server_response.h"
#include "io/file_io.h"
#include "project/module_linker.h"
#include "project/response_match.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

// How deep a response's keys are followed (an envelope of two keys, the
// key paths the PHP finder reports and a field or two below).
constexpr size_t kMaxKeys = 8;
// How many variables a payload is followed through (`const p =
// res.payload; const q = p;`).
constexpr int kMaxHops = 3;

// Words, lower-cased, of which a file that reads a server response has one
// (see ServerResponseRead): the others cannot hold such a read.
constexpr std::array<std::string_view, 12> kRequestWords = {
    "ajax",    "fetch", "post", "json", "axios", "request",
    "storage", "http",  "send", "xhr",  "put",   "response"};

bool MayAskServer(std::string_view text) {
  return std::any_of(kRequestWords.begin(), kRequestWords.end(),
                     [&](std::string_view w) {
                       return FindNoCase(text, w) != std::string_view::npos;
                     });
}

bool IsCreateSourceCall(TSNode call, std::string_view text) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (node::Is(callee, "member_expression"))
    callee = node::Field(callee, "property");
  return node::Text(callee, text) == "createSource";
}

// The reads of the payload arrays one PHP file sends, in one browser file.
class ResponseReads {
 public:
  ResponseReads(const Module& page, std::string shown,
                const std::vector<std::vector<std::string>>& sent,
                std::function<bool(const ServerRead&)> may_get_this)
      : page_(page),
        text_(page.text),
        shown_(std::move(shown)),
        sent_(sent),
        may_get_this_(std::move(may_get_this)) {}

  std::vector<PayloadObserver> Find() {
    IndexedTree indexed(page_.tree.Root(), text_);
    ForEachDescendant(page_.tree.Root(), true, [&](TSNode n) {
      if (node::Is(n, "identifier") && StartsChain(n)) FollowChain(n);
    });
    return std::move(found_);
  }

 private:
  // An identifier read as a value: not a name being declared or assigned
  // (a parameter, a variable, a pattern's part, an import).
  static bool StartsChain(TSNode id) {
    TSNode parent = node::Parent(id);
    std::string_view type = node::Type(parent);
    if (type == "formal_parameters" || type.ends_with("_pattern") ||
        type.ends_with("_parameter") || type.starts_with("import") ||
        type.starts_with("export") || type == "namespace_import") {
      return false;
    }
    for (const char* field : {"name", "parameter", "left", "label"}) {
      if (ts_node_eq(node::Field(parent, field), id)) return false;
    }
    return true;
  }

  // From a response variable up its keys: each prefix that gets a sent
  // array is a payload, and what is done with it is looked at.
  void FollowChain(TSNode root) {
    std::optional<ServerRead> read = ServerResponseRead(root, text_);
    if (!read || !may_get_this_(*read)) return;
    std::vector<std::string> keys;
    TSNode e = root;
    while (keys.size() <= kMaxKeys) {
      if (std::any_of(sent_.begin(), sent_.end(), [&](const auto& sent) {
            return ReadGetsSent(keys, sent);
          })) {
        UseOfPayload(e, 0);
      }
      TSNode up = Up(e);
      std::string key;
      if (!KeyOf(up, e, &key)) return;
      keys.push_back(std::move(key));
      e = up;
    }
  }

  // `up` reads the key `*key` of `e` (`e.key`, `e['key']`).
  bool KeyOf(TSNode up, TSNode e, std::string* key) const {
    if (node::Is(up, "member_expression") &&
        ts_node_eq(node::Unwrap(node::Field(up, "object")), e)) {
      TSNode property = node::Field(up, "property");
      if (!node::Is(property, "property_identifier")) return false;
      *key = std::string(node::Text(property, text_));
      return true;
    }
    return node::Is(up, "subscript_expression") &&
           ts_node_eq(node::Unwrap(node::Field(up, "object")), e) &&
           node::StringLiteralValue(node::Field(up, "index"), text_, key);
  }

  static TSNode Up(TSNode e) {
    TSNode up = node::Parent(e);
    while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
    return up;
  }

  // What the code does with `payload`, an expression holding the array.
  void UseOfPayload(TSNode payload, int hops) {
    TSNode up = Up(payload);
    std::string key;
    if (KeyOf(up, payload, &key)) {
      ReadField(up, key);
      return;
    }
    if (node::Is(up, "arguments") &&
        IsCreateSourceCall(node::Parent(up), text_)) {
      return;  // the call the array is sent for
    }
    if (node::Is(up, "variable_declarator") &&
        ts_node_eq(node::Unwrap(node::Field(up, "value")), payload) &&
        hops < kMaxHops) {
      Declared(up, hops);
      return;
    }
    switch (Tested(payload, up)) {
      case Test::kOnlyTested:
        return;
      case Test::kPassesOn:
        UseOfPayload(up, hops);
        return;
      case Test::kNo:
        break;
    }
    Whole(payload, up, "uses " + Quote(node::Text(up, text_)));
  }

  enum class Test { kNo, kOnlyTested, kPassesOn };

  // Whether `up` only tests `payload` (`if (r.payload)`, `!r.payload`,
  // `r.payload === undefined`), which reads none of its fields, or hands
  // it on as its own value (`r.success && r.payload`, `c ? r.payload :
  // x`), which is then looked at in turn.
  Test Tested(TSNode payload, TSNode up) const {
    auto is = [&](const char* field) {
      return ts_node_eq(node::Unwrap(node::Field(up, field)), payload);
    };
    std::string_view op = node::Text(node::Field(up, "operator"), text_);
    if ((node::Is(up, "if_statement") || node::Is(up, "while_statement") ||
         node::Is(up, "do_statement")) &&
        is("condition")) {
      return Test::kOnlyTested;
    }
    if (node::Is(up, "ternary_expression"))
      return is("condition") ? Test::kOnlyTested : Test::kPassesOn;
    if (node::Is(up, "unary_expression") &&
        (op == "!" || op == "typeof" || op == "void")) {
      return Test::kOnlyTested;
    }
    if (node::Is(up, "binary_expression")) {
      if (op == "==" || op == "!=" || op == "===" || op == "!==")
        return Test::kOnlyTested;
      if (op == "&&" || op == "||" || op == "??") return Test::kPassesOn;
    }
    if (node::Is(up, "expression_statement")) return Test::kOnlyTested;
    return Test::kNo;
  }

  // `read` reads the field `key` of the payload: deeper keys narrow it,
  // a method called on it (`payload.items.map(...)`) does not.
  void ReadField(TSNode read, std::string path) {
    TSNode e = read;
    for (std::string key; KeyOf(Up(e), e, &key); e = Up(e)) {
      if (node::Is(Up(Up(e)), "call_expression")) break;  // a method of it
      path += "." + key;
    }
    if (node::Is(Up(read), "call_expression") &&
        ts_node_eq(node::Field(Up(read), "function"), read)) {
      Whole(read, Up(read), "calls " + Quote(node::Text(read, text_)));
      return;
    }
    Add(path, read, "reads " + Quote(node::Text(e, text_)));
  }

  // `const p = response.payload` or `const {amount} = response.payload`.
  void Declared(TSNode declarator, int hops) {
    TSNode name = node::Field(declarator, "name");
    if (node::Is(name, "identifier")) {
      std::string_view id = node::Text(name, text_);
      Binding binding = ResolveName(id, name, text_);
      for (TSNode use : UsesOf(binding, id, text_)) {
        if (!ts_node_eq(use, name)) UseOfPayload(use, hops + 1);
      }
      return;
    }
    if (!node::Is(name, "object_pattern")) {
      Whole(name, declarator, "takes it apart");
      return;
    }
    for (TSNode part : node::NamedChildren(name)) {
      if (node::Is(part, "shorthand_property_identifier_pattern")) {
        Add(std::string(node::Text(part, text_)), part,
            "takes " + Quote(node::Text(part, text_)));
      } else if (node::Is(part, "pair_pattern") &&
                 node::Is(node::Field(part, "key"), "property_identifier")) {
        TSNode key = node::Field(part, "key");
        Add(std::string(node::Text(key, text_)), part,
            "takes " + Quote(node::Text(key, text_)));
      } else if (node::Is(part, "object_assignment_pattern")) {
        TSNode left = node::Field(part, "left");
        Add(std::string(node::Text(left, text_)), part,
            "takes " + Quote(node::Text(left, text_)));
      } else {
        Whole(part, declarator, "takes " + Quote(node::Text(part, text_)));
      }
    }
  }

  void Whole(TSNode payload, TSNode at, const std::string& does) {
    Add("", at,
        does + " with " + Quote(node::Text(payload, text_)) +
            ", which the tool does not follow");
  }

  void Add(std::string path, TSNode at, const std::string& does) {
    std::string where =
        shown_ + ":" +
        std::to_string(text::LineAt(text_, ts_node_start_byte(at)));
    found_.push_back(
        {std::move(path), "the array is sent to the browser, and " + where +
                              " " + does + " of the response"});
  }

  const Module& page_;
  std::string_view text_;
  std::string shown_;
  const std::vector<std::vector<std::string>>& sent_;
  std::function<bool(const ServerRead&)> may_get_this_;
  std::vector<PayloadObserver> found_;
};

}  // namespace

std::vector<PayloadObserver> Linker::BrowserReaders(
    const std::string& file,
    const std::vector<std::vector<std::string>>& sent) {
  std::string self = AbsolutePath(file);
  const std::string& root = paths_.root();
  std::vector<std::string> php_files;  // relative to the root
  for (const std::string& f : ProjectFiles()) {
    std::string absolute = AbsolutePath(f);
    if (IsPhpFile(absolute) && absolute.starts_with(root))
      php_files.push_back(absolute.substr(root.size()));
  }
  std::string self_relative =
      self.starts_with(root) ? self.substr(root.size()) : self;
  // A read whose request's URL names other PHP files of the project, and
  // not this one, gets their arrays.
  auto may_get_this = [&](const ServerRead& read) {
    bool elsewhere = false;
    for (const std::string& url : read.urls) {
      if (UrlNamesFile(url, self_relative)) return true;
      elsewhere = elsewhere || std::any_of(php_files.begin(), php_files.end(),
                                           [&](const std::string& f) {
                                             return UrlNamesFile(url, f);
                                           });
    }
    return !elsewhere;
  };
  // A file reading a keyed array names its last key; one sent as the whole
  // response may be read by any page asking a server for something.
  std::vector<uint32_t> candidates;
  std::vector<std::string> keys;
  bool whole = false;
  for (const std::vector<std::string>& path : sent) {
    if (path.empty()) {
      whole = true;
      continue;
    }
    keys.push_back(path.back());
    for (uint32_t i : FilesNaming(path.back())) candidates.push_back(i);
  }
  if (whole) {
    candidates.resize(ProjectFiles().size());
    for (uint32_t i = 0; i < candidates.size(); ++i) candidates[i] = i;
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()),
                   candidates.end());
  std::vector<PayloadObserver> readers;
  Parser parser;
  for (uint32_t i : candidates) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text)) continue;
    std::string shown = options_.display(path);
    if (IsOpaqueTemplate(path)) {
      // Its scripts are not picked out: naming the key is reading it.
      for (const std::string& key : keys) {
        if (!WordsAt(read.text, key).empty()) {
          readers.push_back(
              {"", "the array is sent to the browser, and " + shown +
                       " names " + Quote(key) +
                       ", a template whose scripts the tool does not read"});
          break;
        }
      }
      continue;
    }
    if (!MayAskServer(read.text)) continue;
    std::optional<Module> page =
        BrowserScript(path, std::move(read.text), parser);
    if (!page) continue;
    ResponseReads reads(*page, shown, sent, may_get_this);
    for (PayloadObserver& o : reads.Find()) readers.push_back(std::move(o));
  }
  return readers;
}

std::optional<Module> Linker::BrowserScript(const std::string& path,
                                            std::string text, Parser& parser) {
  std::optional<Language> language = LanguageForPath(path);
  bool container = IsScriptContainer(path);
  if (!container && (!language || *language == Language::kPhp))
    return std::nullopt;
  Module page;
  page.path = path;
  if (container) {
    ScriptView view = MaskScriptContainer(text);
    page.text = std::move(view.text);
    page.tree = parser.Parse(view.language, page.text);
  } else {
    page.text = std::move(text);
    page.tree = parser.Parse(*language, page.text);
  }
  if (!page.tree.ok()) return std::nullopt;
  return page;
}

}  // namespace psm
