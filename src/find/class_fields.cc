#include "find/class_fields.h"

#include <cctype>

#include "common/strings.h"
#include "find/class_bases.h"
#include "find/declared_type.h"
#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "find/tree_memo.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The class body whose method `this` at `n` refers to: the first enclosing
// function that is not an arrow (arrows keep the `this` of their place)
// must be a method of a class. Null otherwise.
TSNode ThisClass(TSNode n) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    if (!node::IsFunction(p) || node::Is(p, "arrow_function")) continue;
    TSNode body = node::Parent(p);
    if (node::Is(p, "method_definition") && node::Is(body, "class_body"))
      return body;
    return TSNode{};
  }
  return TSNode{};
}

// `this.name` with a plain property.
bool IsThisField(TSNode n, std::string_view source, std::string_view name) {
  return node::Is(n, "member_expression") &&
         node::Is(node::Field(n, "object"), "this") &&
         node::Text(node::Field(n, "property"), source) == name;
}

// The assignment or update that writes `target`, or null.
TSNode WriteOf(TSNode target) {
  TSNode parent = node::Parent(target);
  if (node::Is(parent, "update_expression")) return parent;
  if ((node::Is(parent, "assignment_expression") ||
       node::Is(parent, "augmented_assignment_expression")) &&
      ts_node_eq(node::Field(parent, "left"), target)) {
    return parent;
  }
  return TSNode{};
}

// The value of `write` when it is `this.name = value;` as a statement of
// the constructor's own block.
TSNode ConstructorValue(TSNode write, std::string_view source) {
  if (!node::Is(write, "assignment_expression")) return TSNode{};
  TSNode statement = node::Parent(write);
  TSNode block = node::Parent(statement);
  TSNode method = node::Parent(block);
  if (!node::Is(statement, "expression_statement") ||
      !node::Is(method, "method_definition") ||
      node::Text(node::Field(method, "name"), source) != "constructor") {
    return TSNode{};
  }
  return node::Unwrap(node::Field(write, "right"));
}

// The instance field declaration `name = value;` (or `name;`, `name: T`)
// in the class body, or null. Static fields are not `this.name`.
TSNode InitializerOf(TSNode body, std::string_view name,
                     std::string_view source) {
  for (TSNode member : node::NamedChildren(body)) {
    if (!node::Is(member, "field_definition") &&
        !node::Is(member, "public_field_definition")) {
      continue;
    }
    TSNode key = node::Field(member, "property");
    if (ts_node_is_null(key)) key = node::Field(member, "name");
    if (node::Text(key, source) != name) continue;
    bool is_static = false;
    for (TSNode c : node::Children(member)) is_static |= node::Is(c, "static");
    if (!is_static) return member;
  }
  return TSNode{};
}

// `get name() {...}` or `set name(v) {...}` (`n`, a method definition).
bool IsAccessorNamed(TSNode n, std::string_view name, std::string_view source) {
  if (!node::Is(n, "method_definition") ||
      node::Text(node::Field(n, "name"), source) != name)
    return false;
  for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
    TSNode c = ts_node_child(n, i);
    if (node::Is(c, "get") || node::Is(c, "set")) return true;
  }
  return false;
}

// `this` handed on whole: an argument, a value, a spread; not `this.x`.
bool HandsOnThis(TSNode n) {
  TSNode parent = node::Parent(n);
  if (node::Is(parent, "member_expression") &&
      ts_node_eq(node::Field(parent, "object"), n)) {
    return false;
  }
  // `return this` (a chaining builder) gives the instance back to its
  // caller, who had it already.
  return !node::Is(parent, "expression_statement") &&
         !node::Is(parent, "return_statement");
}

std::string AtLine(TSNode n) {
  return " (line " + std::to_string(node::Line(n)) + ")";
}

// "line 4, line 9" for the writes of a field.
std::string LinesOf(const std::vector<TSNode>& nodes) {
  std::string lines;
  for (TSNode n : nodes)
    lines +=
        (lines.empty() ? "line " : ", line ") + std::to_string(node::Line(n));
  return lines;
}

// Whether `text` holds `word` as a whole identifier.
bool HasWord(std::string_view text, std::string_view word) {
  auto part = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
  };
  for (size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at == 0 || !part(text[at - 1])) &&
        (end == text.size() || !part(text[end]))) {
      return true;
    }
  }
  return false;
}

// The top-level statements of `n`'s file that export or assign to a global
// property (`export ...`, `window.X = ...`), found once per file: every
// site whose payload is a class field asks about its class.
std::vector<TSNode> StatementsLeavingFile(TSNode n) {
  thread_local TreeMemo<std::vector<TSNode>> memo;
  return memo.Get(n, "", [&] {
    std::vector<TSNode> found;
    for (TSNode statement : node::NamedChildren(ts_tree_root_node(n.tree))) {
      TSNode e = node::Unwrap(ts_node_named_child(statement, 0));
      bool exported = node::Is(statement, "export_statement");
      bool global = node::Is(statement, "expression_statement") &&
                    node::Is(e, "assignment_expression") &&
                    !node::Is(node::Field(e, "left"), "identifier");
      if (exported || global) found.push_back(statement);
    }
    return found;
  });
}

}  // namespace

TSNode ClassLeavesFile(TSNode body, std::string_view source) {
  TSNode klass = node::Parent(body);
  TSNode up = node::Parent(klass);
  if (node::Is(up, "export_statement")) return up;
  std::string_view name = node::Text(node::Field(klass, "name"), source);
  if (name.empty()) return TSNode{};
  for (TSNode statement : StatementsLeavingFile(klass)) {
    if (HasWord(node::Text(statement, source), name)) return statement;
  }
  return TSNode{};
}

namespace {

// The field `name` of the class whose body is `body`, every `this.name` of
// the class among its reads: a function of the two alone.
ClassField FieldOfBody(TSNode body, std::string name, std::string_view source) {
  ClassField field;
  field.body = body;
  field.name = std::move(name);
  TSNode root = ts_tree_root_node(body.tree);
  // What a walk of the whole file would look at below: `this` in the body
  // and nodes naming the field, found from their words (not a walk per
  // use: files of many classes were quadratic).
  auto visit = [&](TSNode n) {
    bool mine = false;
    if (node::Is(n, "this")) {
      if (HandsOnThis(n) && ts_node_eq(ThisClass(n), body))
        field.outside.push_back(n);
      return;
    }
    if ((node::Is(n, "field_definition") ||
         node::Is(n, "public_field_definition")) &&
        !ts_node_eq(node::Parent(n), body) &&
        ts_node_eq(n, InitializerOf(node::Parent(n), field.name, source)) &&
        Inherits(node::Parent(node::Parent(n)), node::Parent(body), source)) {
      field.outside.push_back(n);  // a subclass's `payload = ...`
      return;
    }
    // `set payload(v) {...}` (or a getter) of the class or a class it
    // shares instances with: `this.payload = {...}` hands it the object.
    if (IsAccessorNamed(n, field.name, source) &&
        Related(node::Parent(n), body, source)) {
      field.outside.push_back(n);
      return;
    }
    if (!node::Is(n, "member_expression") ||
        node::Text(node::Field(n, "property"), source) != field.name) {
      return;
    }
    bool this_field = IsThisField(n, source, field.name);
    TSNode owner = this_field ? ThisClass(n) : TSNode{};
    mine = this_field && ts_node_eq(owner, body);
    // `this.name` in an unrelated class of the file is that class's own;
    // in a subclass or a base class it may be the same instance's.
    if (this_field && !mine && !ts_node_is_null(owner) &&
        !Related(owner, body, source)) {
      return;
    }
    if (!mine) {
      field.outside.push_back(n);
    } else if (TSNode write = WriteOf(n); !ts_node_is_null(write)) {
      field.writes.push_back(write);
    } else {
      field.reads.push_back(n);
    }
  };
  if (field.name.empty()) {
    ForEachDescendant(root, true, visit);
  } else {
    // A `this` outside the body is not the body's own.
    for (TSNode n :
         NodesAtWords(root, {{"this", body}, {field.name, {}}}, source))
      visit(n);
  }
  field.initializer = InitializerOf(body, field.name, source);
  TSNode initial = node::Unwrap(node::Field(field.initializer, "value"));
  if (field.writes.empty() && !ts_node_is_null(initial)) {
    field.constructor_value = initial;  // `payload = {...};` in the body
  } else if (field.writes.size() == 1 && ts_node_is_null(initial)) {
    field.constructor_value = ConstructorValue(field.writes[0], source);
  }
  return field;
}

}  // namespace

ClassField FieldOf(TSNode use, std::string_view source) {
  use = node::Unwrap(use);
  if (!node::Is(use, "member_expression") ||
      !node::Is(node::Field(use, "object"), "this")) {
    return ClassField();
  }
  TSNode body = ThisClass(use);
  if (ts_node_is_null(body)) return ClassField();
  std::string name(node::Text(node::Field(use, "property"), source));
  // Every site whose payload is the field asks: the answer is the class's.
  thread_local TreeMemo<ClassField> memo;
  ClassField field = memo.Get(use, NodeKey(body, name),
                              [&] { return FieldOfBody(body, name, source); });
  std::erase_if(field.reads, [&](TSNode n) { return ts_node_eq(n, use); });
  return field;
}

namespace {

// Whether only the class itself may write the field: `#private`, or
// TypeScript's `readonly` / `private`.
bool ClassOnlyWrites(const ClassField& field, std::string_view source) {
  if (field.name.starts_with("#")) return true;
  for (TSNode c : node::Children(field.initializer)) {
    std::string_view word = node::Text(c, source);
    if (word == "readonly" ||
        (node::Is(c, "accessibility_modifier") && word == "private"))
      return true;
  }
  return false;
}

// Where code outside the class may write the field: the class leaving the
// file (an instance elsewhere, `c.method = 'creditCard'`, or a subclass of
// another module), or a class of the file extending it
// (`this.method = 'creditCard'` in its constructor). Null when nowhere.
TSNode OutsideWriter(const ClassField& field, std::string_view source) {
  if (ClassOnlyWrites(field, source)) return TSNode{};
  TSNode gone = ClassLeavesFile(field.body, source);
  if (!ts_node_is_null(gone)) return gone;
  TSNode name = node::Field(node::Parent(field.body), "name");
  if (ts_node_is_null(name)) return TSNode{};
  TSNode root = ts_tree_root_node(field.body.tree);
  std::string_view text = node::Text(name, source);
  for (size_t at : WordsAt(source, text)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + text.size()));
    for (TSNode a : node::Ancestors(n)) {
      if (node::Is(a, "class_heritage")) return a;
      if (!node::Is(a, "extends_clause") && !node::Is(a, "identifier") &&
          !node::Is(a, "member_expression"))
        break;
    }
  }
  return TSNode{};
}

}  // namespace

bool TraceFieldToString(TSNode use, std::string_view source,
                        std::string* value) {
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body) || ts_node_is_null(field.constructor_value))
    return false;
  for (TSNode other : field.outside) {
    // Another object's `x.type = ...` may be an instance's; `this` handed
    // on may be written through.
    if (node::Is(other, "this") || !ts_node_is_null(WriteOf(other)))
      return false;
  }
  return node::StringLiteralValue(field.constructor_value, source, value);
}

FieldPayload PayloadOfField(TSNode use, std::string_view source) {
  FieldPayload out;
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body)) return out;
  out.is_field = true;
  std::string what = Quote("this." + field.name);
  if (ts_node_is_null(field.constructor_value)) {
    std::vector<TSNode> sets = field.writes;
    if (!ts_node_is_null(node::Field(field.initializer, "value")))
      sets.insert(sets.begin(), field.initializer);
    out.blind = "the payload is " + what + AtLine(use) + ", which its class " +
                (sets.empty() ? "does not set in this file"
                              : "sets at " + LinesOf(sets) +
                                    ", not once in the constructor or its "
                                    "declaration") +
                "; the tool cannot tell which object it holds";
    return out;
  }
  TSNode value = field.constructor_value;
  if (node::Is(value, "identifier")) {
    std::string_view name = node::Text(value, source);
    if (ResolveName(name, value, source).kind == Binding::Kind::kParameter) {
      // `constructor(data) { this.payload = data; }`: whoever makes the
      // instance builds it.
      out.blind = "the payload is " + what + AtLine(use) +
                  ", set from the constructor's parameter " + Quote(name) +
                  AtLine(value) +
                  ": built elsewhere, by the code that makes the instance; "
                  "migrate it where it is built";
      return out;
    }
  }
  out.value = field.constructor_value;
  // The type the class declares the field with (`payload: T;`).
  if (!ts_node_is_null(field.initializer))
    out.declared = AnnotatedType(field.initializer, "type", source);
  out.origin = field.writes.empty()
                   ? "field " + what + " declared" + AtLine(field.initializer)
                   : "field " + what + " set in the constructor" +
                         AtLine(field.writes[0]);
  for (TSNode read : field.reads) {
    out.observers.push_back({"", what + ", the payload, is also used at line " +
                                     std::to_string(node::Line(read)) + " (" +
                                     StatementAround(read, source) + ")"});
  }
  for (TSNode other : field.outside) {
    if (node::Is(other, "method_definition")) {
      std::string_view head = node::Text(other, source);
      head = head.substr(0, head.find('{'));
      while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
      out.observers.push_back(
          {"", what + " is an accessor of its class (" + Quote(head) +
                   " at line " + std::to_string(node::Line(other)) +
                   "): setting or reading it runs code that sees the "
                   "object"});
      continue;
    }
    out.observers.push_back(
        {"", node::Is(other, "this")
                 ? "the object holding the payload field " + what +
                       " is handed on at line " +
                       std::to_string(node::Line(other)) + " (" +
                       StatementAround(other, source) + ")"
                 : Quote(node::Text(other, source)) + " at line " +
                       std::to_string(node::Line(other)) +
                       " may be the payload field " + what + " (" +
                       StatementAround(other, source) + ")"});
  }
  return out;
}

std::string FieldLeavesFile(TSNode use, std::string_view source) {
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body) || field.name.starts_with("#")) return "";
  // TypeScript's `private details: T`: other modules do not compile with a
  // read of it.
  for (TSNode c : node::NamedChildren(field.initializer)) {
    if (node::Is(c, "accessibility_modifier") &&
        node::Text(c, source) == "private") {
      return "";
    }
  }
  TSNode gone = ClassLeavesFile(field.body, source);
  if (ts_node_is_null(gone)) return "";
  return "its class leaves the file at line " +
         std::to_string(node::Line(gone)) + " (" +
         StatementAround(gone, source) +
         "): code elsewhere that holds an instance can read " +
         Quote("this." + field.name);
}

std::string UnprovenFieldType(TSNode use, std::string_view source) {
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body)) return "";
  std::string what = Quote("this." + field.name);
  if (field.writes.empty() && ts_node_is_null(field.initializer))
    return "the payment type is " + what + AtLine(use) +
           ", which its class does not set in this file; the tool cannot "
           "tell the payment method";
  std::vector<TSNode> sets = field.writes;
  if (!ts_node_is_null(field.initializer))
    sets.insert(sets.begin(), field.initializer);
  return "the payment type is " + what + AtLine(use) +
         ", which its class sets at " + LinesOf(sets) +
         ": not once, in the constructor, to a string literal nothing else "
         "may overwrite; the tool cannot tell the payment method";
}

std::string FieldTypeOpenToOthers(TSNode use, TSNode call,
                                  std::string_view source) {
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body) ||
      !node::Range(field.body).Contains(node::Range(call)))
    return "";
  TSNode writer = OutsideWriter(field, source);
  if (ts_node_is_null(writer)) return "";
  return "the payment type is " + Quote("this." + field.name) + AtLine(use) +
         ", and `this` may be an instance of a subclass or one that code "
         "elsewhere changes: " +
         StatementAround(writer, source) + " (line " +
         std::to_string(node::Line(writer)) +
         ") lets other code write the field (make it `readonly` or "
         "`#private` if nothing does); left unchanged";
}

std::string SuperCallReason(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression") ||
      !node::Is(node::Field(callee, "object"), "super")) {
    return "";
  }
  TSNode body = ThisClass(callee);
  TSNode base{};
  if (ts_node_is_null(body)) return "";
  for (TSNode c : node::NamedChildren(node::Parent(body))) {
    if (node::Is(c, "class_heritage")) base = ts_node_named_child(c, 0);
  }
  if (node::Is(base, "extends_clause")) base = node::Field(base, "value");
  base = node::Unwrap(base);
  std::string from = "its base class";
  if (!ts_node_is_null(base)) {
    std::string_view name = node::Text(base, source);
    from += " " + Quote(name);
    if (node::Is(base, "identifier")) {
      std::optional<ModuleRef> ref =
          ImportedAs(ResolveName(name, base, source), name, source);
      if (ref) from += ", imported from " + Quote(ref->specifier);
    }
  }
  return "the payload is built by " + Quote(node::Text(call, source)) +
         AtLine(call) + ", the method of " + from +
         ", which the tool does not follow; migrate the object it returns "
         "there and the fields added here together, by hand";
}

std::optional<uint32_t> ClassOfImportedBase(TSNode use,
                                            std::string_view source) {
  TSNode body = ThisClass(node::Unwrap(use));
  if (ts_node_is_null(body)) return std::nullopt;
  TSNode klass = node::Parent(body);
  for (int depth = 0; depth < 8; ++depth) {
    TSNode base = ExtendedBy(klass);
    if (!node::Is(base, "identifier")) return std::nullopt;
    Binding b = ResolveName(node::Text(base, source), base, source);
    if (b.kind == Binding::Kind::kImported)
      return ts_node_start_byte(node::Parent(body));
    if (b.kind != Binding::Kind::kClass) return std::nullopt;
    klass = b.declarator;
  }
  return std::nullopt;
}

}  // namespace psm
