// Where a file hands the instances of a class besides `new X()` and its
// own exports: a registry or service locator of another module filled
// with a factory (`register('paypal', (c) => PayPalRequest.create(c))`),
// an instance handed to an imported function (`submit(new PayPalRequest(c))`)
// or stored in an imported object (`requests.paypal = PayPalRequest`). What
// that module hands out may then be an instance, and whoever imports it may
// read the payload field without naming the class. Handed to code the tool
// cannot follow (a global, a package, a parameter), an instance may reach
// any file.
//
// The value is followed up the tree from each use of a carrier (the class,
// or the names a file imports from a module handing out instances) while it
// stays a maker of instances (the class, `X.create`, a function returning
// one, an object or array holding one) or an instance (`new X()`,
// `X.create(c)`): a method's result or a field read (`new X(c).build()`)
// is no longer one. Names bound to it (`const make = (c) => new X(c)`) and
// the parameters of the file's functions it is passed to are followed too.

#include "project/instance_escapes.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "find/module_request.h"
#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "project/escape_builtins.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Bounds the names followed in one file: enough for aliases of aliases.
constexpr size_t kMaxCarriers = 32;

enum class Held { kMaker, kInstance };

// The name a call's callee ends with: `b` of `a.b`, `a` of `a`.
std::string_view LastName(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "member_expression"))
    return node::Text(node::Field(callee, "property"), source);
  return node::Is(callee, "identifier") ? node::Text(callee, source) : "";
}

// The identifier (or `this`) a member chain `a.b.c` or `a['b']` starts at.
TSNode RootOf(TSNode n) {
  n = node::Unwrap(n);
  while (node::Is(n, "member_expression") ||
         node::Is(n, "subscript_expression") ||
         node::Is(n, "call_expression")) {
    n = node::Unwrap(node::Is(n, "call_expression") ? node::Field(n, "function")
                                                    : node::Field(n, "object"));
  }
  return n;
}

bool IsField(TSNode parent, std::string_view field, TSNode n) {
  return ts_node_eq(node::Field(parent, field), n);
}

// `a || b`, `a ?? b`, `a && b`: either operand may be the value.
bool IsLogical(TSNode n) {
  if (!node::Is(n, "binary_expression")) return false;
  std::string_view op = node::Type(node::Field(n, "operator"));
  return op == "||" || op == "??" || op == "&&";
}

}  // namespace

class EscapeWalk {
 public:
  EscapeWalk(Linker& linker, const Module& file,
             std::vector<EscapeFound>* found)
      : linker_(linker), file_(file), found_(found) {}

  // Follows each use of `name` at the whole words of the file.
  void FromWord(const std::string& name) {
    TSNode root = file_.tree.Root();
    for (size_t at : WordsAt(file_.text, name)) {
      TSNode n = ts_node_named_descendant_for_byte_range(
          root, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + name.size()));
      if (!node::Is(n, "identifier") &&
          !node::Is(n, "shorthand_property_identifier"))
        continue;
      if (!ts_node_is_null(node::EnclosingOfType(n, "import_statement")))
        continue;
      TSNode parent = node::Parent(n);
      if (IsField(parent, "name", n)) continue;  // a declaration
      Climb(n, Held::kMaker);
    }
  }

 private:
  // Follows the value at `n` up while it stays a maker or an instance.
  void Climb(TSNode n, Held held) {
    for (int step = 0; step < node::kMaxClimb; ++step) {
      TSNode p = node::Parent(n);
      if (ts_node_is_null(p)) return;
      std::string_view type = node::Type(p);
      if (type == "parenthesized_expression" || type == "await_expression" ||
          type == "as_expression" || type == "satisfies_expression" ||
          type == "non_null_expression" || type == "ternary_expression" ||
          type == "sequence_expression" || type == "extends_clause" ||
          IsLogical(p)) {
        if (type == "ternary_expression" && IsField(p, "condition", n)) return;
        n = p;
      } else if (type == "new_expression" && IsField(p, "constructor", n)) {
        if (held != Held::kMaker) return;
        held = Held::kInstance;
        n = p;
      } else if (type == "call_expression" && IsField(p, "function", n)) {
        if (held != Held::kMaker) return;
        held = Held::kInstance;
        n = p;
      } else if ((type == "member_expression" ||
                  type == "subscript_expression") &&
                 IsField(p, "object", n)) {
        if (held != Held::kMaker) return;  // `new X(c).build()`
        n = p;                             // `X.create`, `makers.paypal`
      } else if (type == "arguments") {
        Handed(node::Parent(p), n, held);
        return;
      } else if (type == "arrow_function" && IsField(p, "body", n)) {
        held = Held::kMaker;
        n = p;
      } else if (type == "return_statement") {
        TSNode fn = EnclosingFunction(p);
        if (ts_node_is_null(fn) || !Returned(fn)) return;
        held = Held::kMaker;
        n = fn;
      } else if (type == "variable_declarator" && IsField(p, "value", n)) {
        Alias(node::Field(p, "name"), held);
        return;
      } else if (type == "assignment_expression" && IsField(p, "right", n)) {
        Assigned(node::Field(p, "left"), held);
        return;
      } else if (type == "spread_element" && held == Held::kInstance) {
        Note(EscapeFound::Kind::kWhole, "", p,
             "copies every field of an instance in");
        return;
      } else if (type == "pair" || type == "array" || type == "object" ||
                 type == "spread_element") {
        if (type == "pair" && !IsField(p, "value", n)) return;
        held = Held::kMaker;
        n = p;
      } else if (type == "class_heritage") {
        // A subclass's instances carry the field too.
        TSNode klass = node::Parent(p);
        if (node::Is(klass, "class_declaration")) {
          Alias(node::Field(klass, "name"), Held::kMaker);
          return;
        }
        held = Held::kMaker;
        n = klass;
      } else if (type == "jsx_expression") {
        JsxHanded(p, n);
        return;
      } else {
        return;
      }
    }
  }

  // A function whose value is what its `return` gives: an expression
  // (`(c) => { return new X(c); }`); a declared function is followed
  // through its name. A method is its class's, in this file.
  bool Returned(TSNode fn) {
    if (node::Is(fn, "function_declaration")) {
      Alias(node::Field(fn, "name"), Held::kMaker);
      return false;
    }
    return node::Is(fn, "arrow_function") ||
           node::Is(fn, "function_expression") || node::Is(fn, "function");
  }

  static TSNode EnclosingFunction(TSNode n) {
    for (TSNode up : node::Ancestors(n)) {
      if (node::IsFunction(up)) return up;
    }
    return TSNode{};
  }

  // `const make = <value>`: the uses of `make` carry it too.
  void Alias(TSNode name, Held held) {
    if (!node::Is(name, "identifier") || carriers_ >= kMaxCarriers) return;
    std::string_view text = node::Text(name, file_.text);
    Binding b = ResolveName(text, name, file_.text);
    if (ts_node_is_null(b.scope)) return;
    if (!followed_.insert(ts_node_start_byte(name)).second) return;
    ++carriers_;
    for (TSNode use : UsesOf(b, text, file_.text)) {
      if (!ts_node_eq(use, name)) Climb(use, held);
    }
  }

  // `target.x = <value>`, `target = <value>`.
  void Assigned(TSNode left, Held held) {
    left = node::Unwrap(left);
    if (node::Is(left, "identifier")) {
      Binding b = ResolveName(node::Text(left, file_.text), left, file_.text);
      if (b.kind == Binding::Kind::kNotFound)
        Note(EscapeFound::Kind::kUnknown, "", left, "stores it in");
      else if (b.kind == Binding::Kind::kVariable)
        Alias(node::Field(b.declarator, "name"), held);
      return;
    }
    TSNode root = RootOf(left);
    std::string_view name = node::Text(root, file_.text);
    if (node::Is(root, "this") || name == "module" || name == "exports") return;
    Into(root, left, "stores it in");
  }

  // `callee(..., <value>, ...)` or `new Callee(..., <value>)`.
  void Handed(TSNode call, TSNode arg, Held held) {
    TSNode callee = node::Field(
        call, node::Is(call, "new_expression") ? "constructor" : "function");
    std::string_view written = node::Text(node::Unwrap(callee), file_.text);
    if (KeepsItLocal(written) || PassesItOn(LastName(callee, file_.text))) {
      Climb(call, Held::kMaker);
      return;
    }
    if (ReadsEveryField(written)) {
      if (held == Held::kInstance)
        Note(EscapeFound::Kind::kWhole, "", call,
             "reads every field of an instance in");
      std::vector<TSNode> args = node::Arguments(call);
      // `Object.assign(registry, { paypal: ... })`: into the target.
      if (written == "Object.assign" && !args.empty() &&
          !ts_node_eq(args[0], arg)) {
        TSNode target = RootOf(args[0]);
        if (node::Is(target, "identifier"))
          Into(target, args[0], "stores it in");
      }
      return;
    }
    TSNode root = RootOf(callee);
    std::string_view name = node::Text(root, file_.text);
    if (!node::Is(root, "identifier") || HandsToNoOne(name) ||
        written.ends_with("createSource"))
      return;
    Binding b = ResolveName(name, root, file_.text);
    if (TSNode fn = FunctionBoundTo(b);
        !ts_node_is_null(fn) && ts_node_eq(node::Unwrap(callee), root)) {
      ToParameter(fn, call, arg, held);
      return;
    }
    Into(root, callee, "hands it to");
  }

  // A function of the file called with the value: its parameter carries it.
  void ToParameter(TSNode fn, TSNode call, TSNode arg, Held held) {
    std::vector<TSNode> args = node::Arguments(call);
    TSNode single = node::Field(fn, "parameter");  // `f => ...`
    std::vector<TSNode> params =
        ts_node_is_null(single)
            ? node::NamedChildren(node::Field(fn, "parameters"))
            : std::vector<TSNode>{single};
    for (size_t i = 0; i < args.size() && i < params.size(); ++i) {
      if (!ts_node_eq(args[i], arg)) continue;
      TSNode param = params[i];
      if (!node::Is(param, "identifier"))
        param = node::Field(param, "pattern");  // TypeScript's
      Alias(param, held);
    }
  }

  // `<Checkout request={new PayPalRequest(cart)} />`: the component gets
  // it as a prop.
  void JsxHanded(TSNode expression, TSNode value) {
    (void)value;
    for (TSNode up : node::Ancestors(expression)) {
      if (!node::Is(up, "jsx_self_closing_element") &&
          !node::Is(up, "jsx_opening_element") && !node::Is(up, "jsx_element"))
        continue;
      TSNode tag = node::Is(up, "jsx_element")
                       ? node::Field(node::Field(up, "open_tag"), "name")
                       : node::Field(up, "name");
      TSNode root = RootOf(tag);
      if (node::Is(root, "identifier")) Into(root, tag, "hands it to");
      return;
    }
  }

  // The value goes into what `root` (the start of `target`) names: an
  // import of a module of the project, or code the tool cannot follow. A
  // local object or function of the file keeps it in the file, whose
  // exports are searched already.
  void Into(TSNode root, TSNode target, std::string_view verb) {
    std::string_view name = node::Text(root, file_.text);
    Binding b = ResolveName(name, root, file_.text);
    std::optional<ModuleRef> ref = ImportedAs(b, name, file_.text);
    if (!ref && b.kind == Binding::Kind::kVariable)
      ref = MadeByImport(b.declarator);
    if (ref && !ref->specifier.empty()) {
      std::optional<std::string> module =
          linker_.paths_.Resolve(file_.path, ref->specifier);
      if (module) {
        Note(EscapeFound::Kind::kModule, *module, target, verb);
      } else {
        Note(EscapeFound::Kind::kUnknown, "", target, verb);
      }
      return;
    }
    if (b.kind == Binding::Kind::kNotFound ||
        b.kind == Binding::Kind::kParameter)
      Note(EscapeFound::Kind::kUnknown, "", target, verb);
  }

  // `const registry = createRegistry()` with `createRegistry` imported:
  // the object comes from that module.
  std::optional<ModuleRef> MadeByImport(TSNode declarator) {
    TSNode value = node::Unwrap(node::Field(declarator, "value"));
    if (!node::Is(value, "call_expression") &&
        !node::Is(value, "new_expression"))
      return std::nullopt;
    TSNode root = RootOf(node::Field(value, node::Is(value, "call_expression")
                                                ? "function"
                                                : "constructor"));
    if (!node::Is(root, "identifier")) return std::nullopt;
    std::string_view name = node::Text(root, file_.text);
    return ImportedAs(ResolveName(name, root, file_.text), name, file_.text);
  }

  void Note(EscapeFound::Kind kind, std::string module, TSNode at,
            std::string_view verb) {
    std::string what(node::Text(at, file_.text).substr(0, 60));
    found_->push_back({kind, std::move(module),
                       linker_.options_.display(file_.path), node::Line(at),
                       std::string(verb) + " " + Quote(what)});
  }

  Linker& linker_;
  const Module& file_;
  std::vector<EscapeFound>* found_;
  std::set<uint32_t> followed_;
  size_t carriers_ = 0;
};

std::vector<EscapeFound> Linker::InstanceEscapes(
    const Module& file, const std::vector<std::string>& carriers) {
  std::vector<EscapeFound> found;
  EscapeWalk walk(*this, file, &found);
  for (const std::string& name : carriers) walk.FromWord(name);
  return found;
}

std::vector<std::string> Linker::NamesBoundBy(const Module& file,
                                              TSNode specifier) {
  std::vector<std::string> names;
  auto bound = [&](TSNode n) {
    TSNode p = node::Parent(n);
    bool renamed = node::Is(p, "import_specifier") &&
                   !ts_node_is_null(node::Field(p, "alias")) &&
                   !IsField(p, "alias", n);
    if ((node::Is(n, "identifier") && !renamed) ||
        node::Is(n, "shorthand_property_identifier_pattern"))
      names.emplace_back(node::Text(n, file.text));
  };
  for (TSNode up : node::Ancestors(specifier)) {
    if (node::Is(up, "import_statement")) {
      ForEachDescendant(up, false, bound);
      break;
    }
    if (node::Is(up, "variable_declarator")) {
      TSNode name = node::Field(up, "name");
      if (node::Is(name, "identifier")) bound(name);
      ForEachDescendant(name, false, bound);
      break;
    }
    if (node::Is(up, "statement_block") || node::IsFunction(up)) break;
  }
  return names;
}

}  // namespace psm
