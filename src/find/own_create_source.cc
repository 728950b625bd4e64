#include "find/own_create_source.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "common/strings.h"
#include "find/scope.h"
#include "find/site_finder.h"
#include "find/tree_memo.h"
#include "syntax/node.h"

namespace psm {
namespace {

bool IsFunctionValue(TSNode n) {
  n = node::Unwrap(n);
  return node::Is(n, "function_expression") || node::Is(n, "function") ||
         node::Is(n, "arrow_function");
}

// Functions that copy their later arguments' members onto their first
// (jQuery's and angular's `extend` may take a `true` for deep first).
constexpr std::string_view kMixers[] = {
    "Object.assign", "Object.defineProperties",
    "$.extend",      "jQuery.extend",
    "_.assign",      "_.extend",
    "_.merge",       "angular.extend",
    "angular.merge"};

bool IsMixer(std::string_view callee) {
  return std::find(std::begin(kMixers), std::end(kMixers), callee) !=
         std::end(kMixers);
}

// The arguments of a mixer call: the target, then the sources.
std::vector<TSNode> MixedArguments(TSNode call, std::string_view source) {
  std::vector<TSNode> args =
      node::NamedChildren(node::Field(call, "arguments"));
  if (!args.empty() &&
      (node::Is(args[0], "true") || node::Is(args[0], "false")))
    args.erase(args.begin());  // `$.extend(true, X, ...)`
  return args;
}

// `X` when `object` is an argument after the target of a mixer call
// (`Object.assign(X, ...)`, `$.extend(X, ...)`); null otherwise.
TSNode ObjectAssignedTo(TSNode object, std::string_view source) {
  TSNode arguments = node::Parent(object);
  if (!node::Is(arguments, "arguments")) return TSNode{};
  TSNode call = node::Parent(arguments);
  if (!IsMixer(node::Text(node::Field(call, "function"), source)))
    return TSNode{};
  std::vector<TSNode> args = MixedArguments(call, source);
  if (args.size() < 2 || ts_node_eq(args[0], object)) return TSNode{};
  return node::Unwrap(args[0]);
}

// The objects this file writes a createSource function onto, with the
// assignment: "DRGC" for `DRGC.createSource = function ...`,
// "ShopApi.prototype" for the prototype forms. Worked out once per file.
using GivenObjects = std::vector<std::pair<std::string, TSNode>>;
GivenObjects ObjectsGivenCreateSource(TSNode root, std::string_view source) {
  GivenObjects objects;
  for (size_t at : WordsAt(source, kCreateSource)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kCreateSource.size()));
    TSNode up = node::Parent(n);
    TSNode assignment = node::Parent(up);
    if (node::Is(up, "member_expression") &&
        ts_node_eq(node::Field(up, "property"), n) &&
        node::Is(assignment, "assignment_expression") &&
        ts_node_eq(node::Field(assignment, "left"), up) &&
        IsFunctionValue(node::Field(assignment, "right"))) {
      objects.emplace_back(node::Text(node::Field(up, "object"), source),
                           assignment);
      continue;
    }
    // `X.prototype = { createSource: function () {}, ... }` or
    // `{ createSource() {} }`
    bool key =
        (node::Is(up, "pair") && ts_node_eq(node::Field(up, "key"), n)) ||
        (node::Is(up, "method_definition") &&
         ts_node_eq(node::Field(up, "name"), n));
    TSNode object = node::Parent(up);
    assignment = node::Parent(object);
    if (key && node::Is(object, "object") &&
        node::Is(assignment, "assignment_expression") &&
        ts_node_eq(node::Unwrap(node::Field(assignment, "right")), object)) {
      std::string_view left =
          node::Text(node::Field(assignment, "left"), source);
      if (left.ends_with(".prototype")) objects.emplace_back(left, assignment);
    }
    // `Object.assign(X, { createSource })`: a function of the file, named
    if (node::Is(n, "shorthand_property_identifier") &&
        node::Is(up, "object")) {
      TSNode target = ObjectAssignedTo(up, source);
      if (!ts_node_is_null(target))
        objects.emplace_back(node::Text(target, source), node::Parent(up));
      continue;
    }
    // `Object.assign(X, { createSource: function () {} })`
    if (key && node::Is(object, "object")) {
      TSNode target = ObjectAssignedTo(object, source);
      if (!ts_node_is_null(target))
        objects.emplace_back(node::Text(target, source), node::Parent(object));
    }
    // `X['createSource'] = function ...`, `Object.defineProperty(X,
    // 'createSource', { value: function ... })`
    TSNode string = node::Parent(n);
    if (node::Is(n, "string_fragment") && node::Is(string, "string")) {
      TSNode holder = node::Parent(string);
      TSNode assigned = node::Parent(holder);
      if (node::Is(holder, "subscript_expression") &&
          node::Is(assigned, "assignment_expression") &&
          ts_node_eq(node::Field(assigned, "left"), holder) &&
          IsFunctionValue(node::Field(assigned, "right"))) {
        objects.emplace_back(node::Text(node::Field(holder, "object"), source),
                             assigned);
      }
      TSNode call = node::Parent(holder);
      std::vector<TSNode> args = node::Is(holder, "arguments")
                                     ? node::NamedChildren(holder)
                                     : std::vector<TSNode>{};
      std::string_view callee =
          node::Text(node::Field(call, "function"), source);
      if (args.size() == 3 && ts_node_eq(args[1], string) &&
          (callee == "Object.defineProperty" ||
           callee == "Reflect.defineProperty")) {
        objects.emplace_back(node::Text(args[0], source), call);
      }
    }
  }
  return objects;
}

// The offset of the first character at or after `k` that is not blank or
// in a comment.
size_t PastTrivia(std::string_view text, size_t k) {
  for (;;) {
    k = text.find_first_not_of(" \t\r\n", k);
    if (k == std::string_view::npos || text.compare(k, 1, "/") != 0 ||
        k + 1 >= text.size())
      return k;
    if (text[k + 1] == '*') {
      size_t end = text.find("*/", k + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      k = end + 2;
    } else if (text[k + 1] == '/') {
      k = text.find('\n', k);
      if (k == std::string_view::npos) return k;
    } else {
      return k;
    }
  }
}

}  // namespace

bool MayDefineCreateSource(std::string_view text) {
  // A mixer call may copy a createSource in from an object made elsewhere.
  if (MayMixIn(text)) return true;
  for (size_t at = text.find(kCreateSource); at != std::string_view::npos;
       at = text.find(kCreateSource, at + kCreateSource.size())) {
    if (!IsWholeIdentifierAt(text, at, kCreateSource.size())) continue;
    size_t k = PastTrivia(text, at + kCreateSource.size());
    if (k == std::string_view::npos) break;
    // A quoted key or a computed member: `'createSource': ...`,
    // `api['createSource'] = ...`.
    if (text[k] == '\'' || text[k] == '"' || text[k] == '`') {
      k = PastTrivia(text, k + 1);
      if (k != std::string_view::npos && text[k] == ']')
        k = PastTrivia(text, k + 1);
      if (k == std::string_view::npos) break;
    }
    // `createSource: ...`, `createSource = ...`, `createSource(d) {`
    if (text[k] == ':' || (text[k] == '=' && text.compare(k, 2, "==") != 0))
      return true;
    // A shorthand member or a name handed on as a key: `Object.assign(dr,
    // { createSource })`, `Object.defineProperty(dr, 'createSource', {...})`.
    if (text[k] == ',' || text[k] == '}' || text[k] == ')') {
      size_t before = at;
      if (before > 0 && (text[before - 1] == '\'' || text[before - 1] == '"' ||
                         text[before - 1] == '`'))
        --before;
      while (before > 0 &&
             std::isspace(static_cast<unsigned char>(text[before - 1])))
        --before;
      if (before > 0 && (text[before - 1] == '{' || text[before - 1] == ',' ||
                         text[before - 1] == '('))
        return true;
    }
    if (text[k] == '(') {
      size_t close = text.find(')', k);
      size_t open = close == std::string_view::npos
                        ? close
                        : text.find_first_not_of(" \t\r\n", close + 1);
      if (open != std::string_view::npos && text[open] == '{') return true;
    }
  }
  return false;
}

TSNode OpaqueMixinInto(std::string_view object, TSNode root,
                       std::string_view source) {
  if (object.empty() || !MayMixIn(source)) return TSNode{};
  for (std::string_view mixer : kMixers) {
    for (size_t at = FindText(source, mixer); at != std::string_view::npos;
         at = FindText(source, mixer, at + mixer.size())) {
      TSNode callee = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + mixer.size()));
      while (!ts_node_is_null(callee) &&
             node::Text(callee, source).size() < mixer.size())
        callee = node::Parent(callee);
      TSNode call = node::Parent(callee);
      if (!node::Is(call, "call_expression") ||
          !ts_node_eq(node::Field(call, "function"), callee))
        continue;
      std::vector<TSNode> args = MixedArguments(call, source);
      if (args.size() < 2 ||
          node::Text(node::Unwrap(args[0]), source) != object)
        continue;
      for (size_t i = 1; i < args.size(); ++i) {
        TSNode from = node::Unwrap(args[i]);
        bool opaque = !node::Is(from, "object");
        for (uint32_t k = 0; !opaque && k < ts_node_named_child_count(from);
             ++k) {
          opaque = node::Is(ts_node_named_child(from, k), "spread_element");
        }
        if (opaque) return call;
      }
    }
  }
  return TSNode{};
}

bool MayMixIn(std::string_view text) {
  // One pass over the calls (each `(`), looking at the word before it: a
  // search per mixer's name cost 9 instructions a byte, asked of every file
  // a pre-commit run keeps in the word store.
  for (const char* p =
           static_cast<const char*>(std::memchr(text.data(), '(', text.size()));
       p != nullptr;
       p = static_cast<const char*>(std::memchr(
           p + 1, '(',
           text.size() - static_cast<size_t>(p + 1 - text.data())))) {
    size_t open = static_cast<size_t>(p - text.data());
    size_t end = open;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    size_t begin = end;
    while (begin > 0 && IsIdentifierByte(text[begin - 1])) --begin;
    std::string_view word = text.substr(begin, end - begin);
    if (word != "assign" && word != "extend" && word != "merge" &&
        word != "defineProperties")
      continue;
    // `Object.assign({}, base, extra)` fills a fresh object, which no
    // global is: most payload builders do that.
    size_t k = text.find_first_not_of(" \t\r\n", open + 1);
    for (std::string_view deep : {"true", "false"}) {
      if (k != std::string_view::npos &&
          text.compare(k, deep.size(), deep) == 0)
        k = text.find_first_not_of(" \t\r\n,", k + deep.size());
    }
    if (k != std::string_view::npos && text[k] != '{' && text[k] != '[')
      return true;
  }
  return false;
}

TSNode OwnCreateSourceAssignment(std::string_view object, TSNode root,
                                 std::string_view source) {
  if (object.empty() || source.find(kCreateSource) == std::string_view::npos)
    return TSNode{};
  thread_local TreeMemo<GivenObjects> memo;
  const GivenObjects& objects = memo.Get(
      root, "", [&] { return ObjectsGivenCreateSource(root, source); });
  for (const auto& [given, assignment] : objects) {
    if (given == object) return assignment;
  }
  return TSNode{};
}

bool AssignsOwnCreateSource(std::string_view object, bool through_prototype,
                            TSNode root, std::string_view source) {
  std::string wanted(object);
  if (through_prototype) wanted += ".prototype";
  return !ts_node_is_null(OwnCreateSourceAssignment(wanted, root, source));
}

bool CallMakesOwnCreateSource(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  std::string_view name = node::Text(callee, source);
  // DigitalRiver.js is never a jQuery object: its createSource there is a
  // plugin's, defined in this file or another script of the page.
  for (std::string_view jquery : {"$", "jQuery", "window.$", "window.jQuery"})
    if (name == jquery) return true;
  if (!node::Is(callee, "identifier")) return false;
  TSNode root = ts_tree_root_node(call.tree);
  return AssignsOwnCreateSource(std::string(name) + ".fn", false, root,
                                source) ||
         AssignsOwnCreateSource(name, true, root, source);
}

bool KeepsOriginalCreateSource(std::string_view object, TSNode root,
                               std::string_view source) {
  for (size_t at : WordsAt(source, kCreateSource)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kCreateSource.size()));
    TSNode member = node::Parent(n);
    if (!node::Is(member, "member_expression") ||
        !ts_node_eq(node::Field(member, "property"), n))
      continue;
    std::string_view of = node::Text(node::Field(member, "object"), source);
    if (of != object && !of.ends_with("DigitalRiver.prototype")) continue;
    TSNode parent = node::Parent(member);
    bool written = node::Is(parent, "assignment_expression") &&
                   ts_node_eq(node::Field(parent, "left"), member);
    bool called = node::Is(parent, "call_expression") &&
                  ts_node_eq(node::Field(parent, "function"), member);
    if (!written && !called) return true;  // the function itself, kept
  }
  return false;
}

bool InsideOwnCreateSource(TSNode call, std::string_view object,
                           std::string_view source) {
  TSNode assignment =
      OwnCreateSourceAssignment(object, ts_tree_root_node(call.tree), source);
  return !ts_node_is_null(assignment) &&
         ts_node_start_byte(assignment) <= ts_node_start_byte(call) &&
         ts_node_end_byte(call) <= ts_node_end_byte(assignment);
}

}  // namespace psm
