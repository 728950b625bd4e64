#include "find/parameter_receiver.h"

#include <deque>
#include <set>
#include <string>
#include <vector>

#include "common/byte_range.h"
#include "find/member_chain.h"     // KeyBinding
#include "find/receiver_origin.h"  // IsParameterProperty
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

constexpr int kMaxHops = 8;

class ParameterTrace {
 public:
  explicit ParameterTrace(std::string_view source) : source_(source) {}

  bool From(TSNode value, int hops) {
    if (ts_node_is_null(value) || hops >= kMaxHops) return false;
    TSNode root = node::Unwrap(value);
    std::string_view property;  // the one read on `root` itself
    for (;;) {
      TSNode inner{};
      std::string_view type = node::Type(root);
      if (type == "member_expression") {
        inner = node::Field(root, "object");
        property = node::Text(node::Field(root, "property"), source_);
      } else if (type == "subscript_expression") {
        inner = node::Field(root, "object");
        std::string key;
        node::StringLiteralValue(node::Field(root, "index"), source_, &key);
        property = key.empty() ? std::string_view() : Keep(std::move(key));
      } else if (type == "await_expression" || type == "non_null_expression") {
        inner = ts_node_named_child(root, 0);
      } else if (type == "call_expression" &&
                 node::Is(node::Field(root, "function"), "member_expression")) {
        inner = node::Field(root, "function");  // `deps.get('client')`
      } else {
        break;
      }
      root = node::Unwrap(inner);
    }
    std::string_view type = node::Type(root);
    if (type == "binary_expression") {
      std::string_view op = node::Text(node::Field(root, "operator"), source_);
      return (op == "||" || op == "??" || op == "&&") &&
             (From(node::Field(root, "left"), hops + 1) ||
              From(node::Field(root, "right"), hops + 1));
    }
    if (type == "ternary_expression") {
      return From(node::Field(root, "consequence"), hops + 1) ||
             From(node::Field(root, "alternative"), hops + 1);
    }
    if (type == "sequence_expression")
      return From(
          ts_node_named_child(root, ts_node_named_child_count(root) - 1),
          hops + 1);
    if (type == "this") return ThisField(property, root, hops);
    if (type == "identifier") return FromName(root, property, hops);
    return false;
  }

 private:
  bool FromName(TSNode name, std::string_view property, int hops) {
    std::string_view text = node::Text(name, source_);
    Binding b = ResolveName(text, name, source_);
    if (b.kind == Binding::Kind::kParameter) return true;
    if (b.kind == Binding::Kind::kNotFound) return text == "arguments";
    // A name destructured in a declaration comes from its value; one of a
    // loop head or a catch clause is not followed.
    bool destructured = b.kind == Binding::Kind::kOther &&
                        node::Is(b.declarator, "variable_declarator");
    if (!destructured && b.kind != Binding::Kind::kVariable) return false;
    // Each binding is followed once per trace: `c = c || d` written many
    // times must not multiply the work.
    if (!FirstVisit('v', ts_node_start_byte(b.declarator), text)) return false;
    TSNode init = node::Unwrap(node::Field(b.declarator, "value"));
    if (node::Is(init, "this")) {  // `self = this`, `{ client } = this`
      std::string_view field =
          destructured
              ? KeyBinding(node::Field(b.declarator, "name"), text, source_)
              : property;
      if (ThisField(field, init, hops + 1)) return true;
    } else if (From(init, hops + 1)) {
      return true;
    }
    for (TSNode assignment : b.assignments) {
      if (From(node::Field(assignment, "right"), hops + 1)) return true;
    }
    return false;
  }

  // The field `field` of `this` (at `at`): a component's props or context,
  // a Vue component's props or injections, a TypeScript parameter property,
  // or set (`this.field = v`, a class field `field = v`) from a parameter
  // in the class around `at`, or in the file outside classes.
  bool ThisField(std::string_view field, TSNode at, int hops) {
    if (field.empty()) return false;
    TSNode body = node::EnclosingOfType(at, "class_body");
    if (field == "props" || field == "context") {
      return !ts_node_is_null(body) && Extends(node::Parent(body));
    }
    TSNode root = ts_tree_root_node(at.tree);
    ByteRange within = node::Range(ts_node_is_null(body) ? root : body);
    if (!FirstVisit('f', within.begin, field)) return false;
    for (uint32_t word : WholeWordsOf(root, field, source_, within)) {
      std::vector<TSNode> path =
          node::PathTo(root, word, static_cast<uint32_t>(word + field.size()));
      if (path.size() >= 2 && SetsFromParameter(path, hops)) return true;
    }
    return source_.find("Object.assign(this") != std::string_view::npos;
  }

  // What stands at the end of `path` (a word naming the field) sets it
  // from a parameter, or says a caller gives it.
  bool SetsFromParameter(const std::vector<TSNode>& path, int hops) {
    TSNode word = path.back();
    TSNode holder = path.end()[-2];
    if (node::Is(holder, "member_expression") &&
        IsThis(node::Field(holder, "object")) && path.size() >= 3 &&
        node::Is(path.end()[-3], "assignment_expression") &&
        ts_node_eq(node::Field(path.end()[-3], "left"), holder)) {
      return From(node::Field(path.end()[-3], "right"), hops + 1);
    }
    if (node::Is(holder, "field_definition") ||
        node::Is(holder, "public_field_definition")) {
      return From(node::Field(holder, "value"), hops + 1);
    }
    if ((node::Is(holder, "required_parameter") ||
         node::Is(holder, "optional_parameter")) &&
        IsParameterProperty(holder)) {
      return true;
    }
    return IsVueOption(path, word);
  }

  // `this`, or a name bound to it (`var self = this`).
  bool IsThis(TSNode object) {
    object = node::Unwrap(object);
    if (node::Is(object, "this")) return true;
    if (!node::Is(object, "identifier")) return false;
    Binding b = ResolveName(node::Text(object, source_), object, source_);
    return b.kind == Binding::Kind::kVariable &&
           node::Is(node::Unwrap(node::Field(b.declarator, "value")), "this");
  }

  // `props: ['client']`, `props: { client: Object }`, `inject: [...]`.
  bool IsVueOption(const std::vector<TSNode>& path, TSNode word) {
    size_t k = path.size() - 1;
    for (int up = 0; up < 4 && k-- > 0;) {
      TSNode n = path[k];
      if (node::Is(n, "pair")) {
        std::string_view key = node::Text(node::Field(n, "key"), source_);
        if ((key == "props" || key == "inject") &&
            !ts_node_eq(node::Field(n, "key"), word))
          return true;
        ++up;
      }
      if (node::IsFunction(n)) return false;
    }
    return false;
  }

  // Whether the class `klass` extends another (a component base).
  static bool Extends(TSNode klass) {
    for (TSNode c : node::NamedChildren(klass)) {
      if (node::Is(c, "class_heritage")) return true;
    }
    return false;
  }

  // Whether (kind, at, name) is asked for the first time in this trace.
  bool FirstVisit(char kind, uint32_t at, std::string_view name) {
    std::string key(1, kind);
    key.append(std::to_string(at)).append(":").append(name);
    return visited_.insert(std::move(key)).second;
  }

  std::string_view Keep(std::string text) {
    kept_.push_back(std::move(text));
    return kept_.back();
  }

  std::string_view source_;
  std::deque<std::string> kept_;   // subscript keys read as properties (stable)
  std::set<std::string> visited_;  // bindings and fields followed
};

}  // namespace

bool ComesFromParameter(TSNode receiver, std::string_view source) {
  return ParameterTrace(source).From(receiver, 0);
}

}  // namespace psm
