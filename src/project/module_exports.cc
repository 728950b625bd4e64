#include "project/module_exports.h"

#include <algorithm>
#include <vector>

#include "common/strings.h"
#include "find/module_factory.h"
#include "find/object_writes.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// A class, TypeScript's abstract ones included.
bool IsClass(TSNode n) {
  return node::Is(n, "class_declaration") || node::Is(n, "class") ||
         node::Is(n, "abstract_class_declaration");
}

std::string KeyText(TSNode key, std::string_view source) {
  std::string value;
  if (node::StringLiteralValue(key, source, &value)) return value;
  return std::string(node::Text(key, source));
}

// The named declaration `name` of an `export <declaration>`.
TSNode FromDeclaration(TSNode declaration, std::string_view name,
                       std::string_view source) {
  std::string_view type = node::Type(declaration);
  if (type == "function_declaration" || IsClass(declaration) ||
      type == "generator_function_declaration") {
    return node::Text(node::Field(declaration, "name"), source) == name
               ? declaration
               : TSNode{};
  }
  for (TSNode d : node::NamedChildren(declaration)) {
    if (node::Is(d, "variable_declarator") &&
        node::Text(node::Field(d, "name"), source) == name) {
      return node::Unwrap(node::Field(d, "value"));
    }
  }
  return TSNode{};
}

std::optional<std::string> SourceOf(TSNode statement, std::string_view source) {
  std::string value;
  if (node::StringLiteralValue(node::Field(statement, "source"), source,
                               &value)) {
    return value;
  }
  return std::nullopt;
}

ExportedValue FromExportStatement(TSNode statement, std::string_view source,
                                  std::string_view exported) {
  ExportedValue found;
  TSNode declaration = node::Field(statement, "declaration");
  std::string_view text = node::Text(statement, source);
  bool is_default = text.starts_with("export default");
  if (is_default && exported == "default") {
    TSNode value = node::Field(statement, "value");
    found.node = ts_node_is_null(value) ? declaration : node::Unwrap(value);
    found.node = ValueOf(found.node, source);
    return found;
  }
  if (!ts_node_is_null(declaration) && !is_default) {
    found.node = FromDeclaration(declaration, exported, source);
    return found;
  }
  std::optional<std::string> from = SourceOf(statement, source);
  for (TSNode child : node::NamedChildren(statement)) {
    if (node::Is(child, "export_clause")) {
      for (TSNode spec : node::NamedChildren(child)) {
        if (!node::Is(spec, "export_specifier")) continue;
        TSNode name = node::Field(spec, "name");
        TSNode alias = node::Field(spec, "alias");
        std::string as = KeyText(ts_node_is_null(alias) ? name : alias, source);
        if (as != exported) continue;
        std::string local = KeyText(name, source);
        if (from) {
          found.passed_on = ModuleRef{*from, local};
        } else {
          found.node = ValueOf(name, source);
        }
        return found;
      }
    } else if (node::Is(child, "namespace_export") && from) {
      // `export * as ns from './b'`
      if (KeyText(ts_node_named_child(child, 0), source) == exported)
        found.passed_on = ModuleRef{*from, "*"};
      return found;
    }
  }
  // `export * from './b'`: every name of b but its default.
  if (from && text.find('*') != std::string_view::npos &&
      exported != "default") {
    found.passed_on = ModuleRef{*from, std::string(exported)};
    found.from_star = true;
  }
  return found;
}

// `module.exports`, `module.exports.x`, `exports.x`: the export it sets.
std::optional<std::string> CommonJsTarget(TSNode left,
                                          std::string_view source) {
  std::string_view text = node::Text(left, source);
  if (text == "module.exports") return "*";
  for (std::string_view prefix : {"module.exports.", "exports."}) {
    if (text.starts_with(prefix)) {
      std::string_view rest = text.substr(prefix.size());
      if (rest.find_first_of(".[") == std::string_view::npos)
        return std::string(rest);
    }
  }
  return std::nullopt;
}

// The value an AMD `define(...)` gives: its object, or what its factory
// returns (first return at the factory's own level).
TSNode AmdModuleValue(TSNode call, std::string_view source) {
  std::vector<TSNode> args = node::Arguments(call);
  if (args.empty()) return TSNode{};
  TSNode last = node::Unwrap(args.back());
  if (node::Is(last, "object")) return last;
  if (!node::IsFunction(last)) return TSNode{};
  TSNode body = node::Field(last, "body");
  if (!node::Is(body, "statement_block")) return node::Unwrap(body);
  TSNode value{};
  ForEachDescendant(body, false, [&](TSNode n) {
    if (ts_node_is_null(value) && node::Is(n, "return_statement") &&
        ts_node_named_child_count(n) > 0) {
      value = ValueOf(node::Unwrap(ts_node_named_child(n, 0)), source);
    }
  });
  return value;
}

}  // namespace

TSNode ValueOf(TSNode n, std::string_view source) {
  n = node::Unwrap(n);
  if (!node::Is(n, "identifier")) return n;
  Binding b = ResolveName(node::Text(n, source), n, source);
  switch (b.kind) {
    case Binding::Kind::kFunction:
    case Binding::Kind::kClass:
      return b.declarator;
    case Binding::Kind::kVariable: {
      if (!b.assignments.empty()) return TSNode{};
      return InPlaceValue(node::Unwrap(node::Field(b.declarator, "value")));
    }
    default:
      return TSNode{};
  }
}

namespace {

// `Object.assign(exports, ...)`, `Object.defineProperty(module.exports,
// ...)` and the like: calls that set exports of a CommonJS module.
bool SetsExports(TSNode call, std::string_view source) {
  std::string_view callee = node::Text(node::Field(call, "function"), source);
  if (callee != "Object.assign" && callee != "Object.defineProperty" &&
      callee != "Object.defineProperties")
    return false;
  std::vector<TSNode> args = node::Arguments(call);
  if (args.empty()) return false;
  std::string_view target = node::Text(node::Unwrap(args[0]), source);
  return target == "exports" || target == "module.exports";
}

// Whether the export-setting `call` may set `exported` (a
// `defineProperty` of another name does not).
bool MaySet(TSNode call, std::string_view source, std::string_view exported) {
  if (node::Text(node::Field(call, "function"), source) !=
      "Object.defineProperty")
    return true;
  std::vector<TSNode> args = node::Arguments(call);
  std::string name;
  if (exported == "*" || args.size() < 2 ||
      !node::StringLiteralValue(node::Unwrap(args[1]), source, &name))
    return true;
  return name == exported;
}

// What one top-level statement gives for `exported`: sets `found` (a
// later statement overrides an earlier one, as at run time) or the module
// value of a CommonJS or AMD module.
void GiveExport(TSNode statement, std::string_view source,
                std::string_view exported, ExportedValue* found,
                TSNode* module_value, bool* replaced,
                std::vector<ModuleRef>* stars) {
  if (node::Is(statement, "export_statement")) {
    ExportedValue here = FromExportStatement(statement, source, exported);
    if (here.from_star) {
      stars->push_back(*here.passed_on);
    } else if (!ts_node_is_null(here.node) || here.passed_on) {
      *found = here;
    }
    return;
  }
  TSNode e = node::Unwrap(ts_node_named_child(statement, 0));
  if (node::Is(e, "assignment_expression")) {
    std::optional<std::string> target =
        CommonJsTarget(node::Field(e, "left"), source);
    if (!target || (*target != "*" && *target != exported)) return;
    TSNode value = ValueOf(node::Field(e, "right"), source);
    bool through_alias =
        node::Text(node::Field(e, "left"), source).starts_with("exports.");
    if (*target == "*") {
      // A new module object: what `exports.x =` set before is gone, and
      // `exports` (the old object) now sets nothing either.
      *module_value = value;
      if (exported != "*") found->node = TSNode{};
      found->unsure.clear();
      *replaced = true;
    } else if (!(through_alias && *replaced)) {
      found->node = value;
      found->unsure.clear();
    }
  } else if (node::Is(e, "call_expression") && SetsExports(e, source)) {
    if (!MaySet(e, source, exported)) return;
    found->node = TSNode{};
    found->unsure =
        "sets its exports with " +
        std::string(node::Text(node::Field(e, "function"), source)) +
        " on line " + std::to_string(ts_node_start_point(e).row + 1) +
        ", which the tool does not follow; migrate by hand";
  } else if (node::Is(e, "call_expression") &&
             node::Text(node::Field(e, "function"), source) == "define") {
    *module_value = AmdModuleValue(e, source);
  }
}

// Whether `statement` may give any export whatever its name: `export
// default`, `export *`, `module.exports = ...`, `define(...)`. Adds the
// words of the others, under which they may give one, to `words`.
bool GivesAnyName(TSNode statement, std::string_view source,
                  std::vector<std::string_view>* words) {
  std::string_view text = node::Text(statement, source);
  if (node::Is(statement, "export_statement")) {
    if (text.starts_with("export default") || text.find('*') != text.npos)
      return true;
    ForEachWord(text, [&](std::string_view w) { words->push_back(w); });
    return false;
  }
  if (!node::Is(statement, "expression_statement")) return false;
  TSNode e = node::Unwrap(ts_node_named_child(statement, 0));
  if (node::Is(e, "call_expression"))
    return node::Text(node::Field(e, "function"), source) == "define" ||
           SetsExports(e, source);
  if (!node::Is(e, "assignment_expression")) return false;
  std::optional<std::string> target =
      CommonJsTarget(node::Field(e, "left"), source);
  if (target && *target == "*") return true;
  if (target) words->push_back(node::Text(node::Field(e, "left"), source));
  return false;
}

// The line of a write of the CommonJS export `exported` (or of the whole
// `module.exports`) that GiveExport does not follow in order: below the top
// level (`if (c) module.exports.build = wire;`, in a function), through a
// computed key (`exports['build']`, `module['exports']`), by a merge or a
// destructuring, or through an alias (`const self = module.exports;`).
// Which value an importer gets then depends on the run. 0 when none.
uint32_t NestedExportWrite(TSNode root, std::string_view source,
                           std::string_view exported) {
  constexpr std::string_view kWord = "exports";
  auto top_level = [](TSNode expression) {
    TSNode statement = node::Parent(expression);
    return node::Is(statement, "expression_statement") &&
           node::Is(node::Parent(statement), "program");
  };
  for (size_t at = source.find(kWord); at != std::string_view::npos;
       at = source.find(kWord, at + kWord.size())) {
    if (!IsWholeIdentifierAt(source, at, kWord.size())) continue;
    TSNode target = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kWord.size()));
    // `exports` is the object of `exports.build`, the property of
    // `module.exports`, or the key of `module['exports']`; the write's
    // target is the chain around it.
    while (node::Is(target, "string_fragment") || node::Is(target, "string"))
      target = node::Parent(target);
    while (node::Is(node::Parent(target), "member_expression") ||
           node::Is(node::Parent(target), "subscript_expression"))
      target = node::Parent(target);
    std::string_view text = node::Text(target, source);
    bool whole = text == "module.exports" || text == "exports";
    if (!whole && !text.starts_with("module") && !text.starts_with("exports"))
      continue;  // `cart.exports`, a string
    TSNode parent = node::Parent(target);
    uint32_t line = ts_node_start_point(parent).row + 1;
    if (node::Is(parent, "assignment_expression") &&
        ts_node_eq(node::Field(parent, "left"), target)) {
      std::optional<std::string> name = CommonJsTarget(target, source);
      if (name && *name != "*" && *name != exported) continue;
      if (name && top_level(parent)) continue;  // GiveExport's
      return line;
    }
    if (node::Is(parent, "augmented_assignment_expression") ||
        node::IsPatternPart(parent))
      return line;
    if (whole && (node::Is(parent, "variable_declarator") ||
                  node::Is(parent, "assignment_expression")))
      return line;  // an alias of the module object, written through later
    // Handed to a call that may write through it, other than the
    // top-level `Object.assign(exports, ...)` GiveExport follows
    // (`(function () { this.build = wire; }).call(exports)`).
    TSNode call = node::Parent(parent);
    if (whole && node::Is(parent, "arguments") &&
        (SetsExports(call, source) ? !top_level(call)
                                   : MayWriteThrough(call, target, source)))
      return line;
  }
  return 0;
}

}  // namespace

ExportIndex::ExportIndex(TSNode root, std::string_view source)
    : source_(source),
      root_(root),
      statements_(node::NamedChildren(root)),
      this_writes_(ModuleThisWrites(root, source)) {
  std::vector<std::string_view> words;
  for (uint32_t i = 0; i < statements_.size(); ++i) {
    words.clear();
    if (GivesAnyName(statements_[i], source, &words)) {
      any_name_.push_back(i);
      continue;
    }
    for (std::string_view w : words) {
      std::vector<uint32_t>& list = by_word_[std::string(w)];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
}

ExportedValue ExportIndex::Find(std::string_view exported) const {
  // An export statement is listed under each of its words (`export {a
  // as b}`: a, as, b); `exports.build = ...` under its left side.
  std::vector<uint32_t> candidates = any_name_;
  std::string name(exported);
  for (const std::string& key :
       {name, "module.exports." + name, "exports." + name}) {
    auto it = by_word_.find(key);
    if (it != by_word_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());  // in source order
  candidates.erase(std::unique(candidates.begin(), candidates.end()),
                   candidates.end());
  ExportedValue found;
  TSNode module_value{};
  bool replaced = false;  // `module.exports = ...` seen
  std::vector<ModuleRef> stars;
  for (uint32_t i : candidates)
    GiveExport(statements_[i], source_, exported, &found, &module_value,
               &replaced, &stars);
  if (!found.unsure.empty()) return found;
  if (uint32_t line = NestedExportWrite(root_, source_, exported)) {
    found = ExportedValue();
    found.unsure = "sets its exports again on line " + std::to_string(line) +
                   ", under a condition or in a function, so what an "
                   "importer gets depends on the run; migrate by hand";
    return found;
  }
  if (uint32_t line = ThisWriteOf(this_writes_, exported)) {
    found = ExportedValue();
    found.unsure = "writes its exports again through the module's `this` "
                   "on line " + std::to_string(line) +
                   ", so what an importer gets depends on the order of the "
                   "writes; migrate by hand";
    return found;
  }
  // An explicit export (`export { build } from './v2'`) wins over every
  // `export *`, before or after it.
  if (ts_node_is_null(found.node) && !found.passed_on && !stars.empty()) {
    found.passed_on = stars.front();
    found.from_star = true;
    found.other_stars.assign(stars.begin() + 1, stars.end());
    return found;
  }
  if (ts_node_is_null(found.node) && !found.passed_on &&
      !ts_node_is_null(module_value)) {
    if (exported == "*" || exported == "default") {
      found.node = module_value;
    } else {
      found.node = MemberOf(module_value, exported, false, source_);
    }
  }
  return found;
}

ExportedValue FindExport(TSNode root, std::string_view source,
                         std::string_view exported) {
  return ExportIndex(root, source).Find(exported);
}

namespace {

// The method `name` (`name() {}`), or the function a field `name` holds
// (`name = async (body) => {...}`), that the class member `m` defines;
// null otherwise.
TSNode ClassMember(TSNode m, std::string_view name, std::string_view source) {
  if (node::Is(m, "method_definition"))
    return KeyText(node::Field(m, "name"), source) == name ? m : TSNode{};
  if (!node::Is(m, "field_definition") &&
      !node::Is(m, "public_field_definition")) {
    return TSNode{};
  }
  TSNode key = node::Field(m, "property");                 // JavaScript
  if (ts_node_is_null(key)) key = node::Field(m, "name");  // TypeScript
  TSNode value = node::Unwrap(node::Field(m, "value"));
  return KeyText(key, source) == name && node::IsFunction(value) ? value
                                                                 : TSNode{};
}

}  // namespace

TSNode MemberOf(TSNode entity, std::string_view name, bool instance,
                std::string_view source) {
  entity = node::Unwrap(entity);
  if (node::Is(entity, "object")) {
    for (TSNode m : node::NamedChildren(entity)) {
      if (node::Is(m, "pair") &&
          KeyText(node::Field(m, "key"), source) == name) {
        return ValueOf(node::Field(m, "value"), source);
      }
      if (node::Is(m, "method_definition") &&
          KeyText(node::Field(m, "name"), source) == name) {
        return m;
      }
      if (node::Is(m, "shorthand_property_identifier") &&
          node::Text(m, source) == name) {
        Binding b = ResolveName(name, m, source);
        if (b.kind == Binding::Kind::kFunction) return b.declarator;
        if (b.kind == Binding::Kind::kVariable && b.assignments.empty())
          return node::Unwrap(node::Field(b.declarator, "value"));
      }
    }
    return TSNode{};
  }
  if (!IsClass(entity)) return TSNode{};
  for (int depth = 0; depth < 8 && !ts_node_is_null(entity); ++depth) {
    TSNode body = node::Field(entity, "body");
    for (TSNode m : node::NamedChildren(body)) {
      TSNode member = ClassMember(m, name, source);
      bool is_static = node::Text(m, source).starts_with("static");
      if (!ts_node_is_null(member) && is_static != instance) return member;
    }
    // `class PayPal extends BasePayload`: a base class of this file.
    TSNode base = BaseClassOf(entity);
    if (ts_node_is_null(base)) break;
    entity = ValueOf(base, source);
    if (!IsClass(entity)) break;
  }
  return TSNode{};
}

TSNode BaseClassOf(TSNode klass) {
  for (TSNode c : node::NamedChildren(klass)) {
    if (node::Is(c, "class_heritage")) {
      TSNode base = ts_node_named_child(c, 0);
      // TypeScript: `extends_clause` holds the value.
      if (node::Is(base, "extends_clause")) base = node::Field(base, "value");
      return node::Unwrap(base);
    }
  }
  return TSNode{};
}

TSNode LastLocalClass(TSNode klass, std::string_view source) {
  for (int depth = 0; depth < 8; ++depth) {
    TSNode base = BaseClassOf(klass);
    if (ts_node_is_null(base)) return TSNode{};
    TSNode local = ValueOf(base, source);
    if (!IsClass(local)) return klass;
    klass = local;
  }
  return TSNode{};
}

}  // namespace psm
