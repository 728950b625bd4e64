#include "find/effects.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/strings.h"
#include "find/defined_accessors.h"
#include "find/dynamic_scope.h"
#include "find/name_reach.h"
#include "find/object_builder.h"
#include "find/reactive_reads.h"
#include "find/scope.h"
#include "find/syntax_getters.h"
#include "find/tree_memo.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the file defines `valueOf`, `toString` or `Symbol.toPrimitive`
// for its objects: arithmetic, concatenation and template literals on them
// then run that code. Methods (`valueOf() {`), properties and assignments
// (`valueOf: function`, `.toString = () =>`) count; calls do not.
bool ScanForConversions(std::string_view source) {
  bool defines = FindText(source, "toPrimitive") != std::string_view::npos;
  for (std::string_view name : {"valueOf", "toString"}) {
    for (size_t k = FindText(source, name);
         !defines && k != std::string_view::npos;
         k = FindText(source, name, k + 1)) {
      if (!IsWholeIdentifierAt(source, k, name.size())) continue;
      size_t next = source.find_first_not_of(" \t", k + name.size());
      if (next == std::string_view::npos) break;
      char c = source[next];
      if (c == ':' || (c == '=' && source.compare(next, 2, "==") != 0)) {
        defines = true;
      } else if (c == '(') {
        size_t close = source.find_first_not_of(" \t", next + 1);
        size_t open = close == std::string_view::npos
                          ? close
                          : source.find_first_not_of(" \t\r\n", close + 1);
        defines = close != std::string_view::npos && source[close] == ')' &&
                  open != std::string_view::npos && source[open] == '{';
      }
    }
  }
  return defines;
}

bool DefinesConversions(TSNode at, std::string_view source) {
  thread_local TreeMemo<bool> memo;  // once per file
  return memo.Get(at, "", [source] { return ScanForConversions(source); });
}

// Whether the file defines iterators (generators, `[Symbol.iterator]`):
// spreading an object (`[...it]`, `f(...cart)`) may then run its code, or
// use up a generator something else reads later.
bool DefinesIterators(TSNode at, std::string_view source) {
  thread_local TreeMemo<bool> memo;  // once per file
  return memo.Get(at, "", [source] {
    return FindText(source, "Symbol.iterator") != std::string_view::npos ||
           !WordsAt(source, "yield").empty();
  });
}

// Whether an accessor written as syntax may end up on the global object,
// where a plain read of a name (`amount`) runs it: a `with` block reads
// names off its object, and an object may become the global's prototype or
// lend it its accessors' descriptors.
bool SyntaxAccessorsMayReachGlobals(std::string_view source) {
  return MayHoldWithStatement(source) ||
         FindText(source, "setPrototypeOf") != std::string_view::npos ||
         FindText(source, "__proto__") != std::string_view::npos ||
         FindText(source, "getOwnPropertyDescriptor") != std::string_view::npos;
}

// The names the file defines accessors for, by syntax or by call
// (AddDefinedAccessors): reading `x.total` then runs code. With
// `globals`, only those that may be the global object's (a plain read of
// `total`): an object literal's `get total()` is not, unless the file may
// put it there (SyntaxAccessorsMayReachGlobals); otherwise a payload
// literal's own getter made a shorthand `total` of another payload need
// review, and once the migration removed that getter, the next run
// removed `total`. Once per file and thread.
const std::unordered_set<std::string>& GetterNames(TSNode at,
                                                   std::string_view source,
                                                   bool globals = false) {
  struct Names {
    uint64_t cached_for = 0;
    std::unordered_set<std::string> any, global;
  };
  thread_local Names n;
  uint64_t id = IndexedTreeId(at);
  if (id == 0 || id != n.cached_for) {
    n.cached_for = id;
    n.global.clear();
    AddDefinedAccessors(source, &n.global);
    n.any = n.global;
    AddSyntaxGetterNames(ts_tree_root_node(at.tree), source, &n.any);
    if (n.any.size() > n.global.size() &&
        SyntaxAccessorsMayReachGlobals(source))
      n.global = n.any;
  }
  return globals ? n.global : n.any;
}

// Methods and functions of the language's own objects that compute a value
// and change nothing (given arguments without effects): `lines.map(toItem)`
// and `total.toFixed(2)` are as harmless to remove as `cart.total`.
constexpr std::array<std::string_view, 34> kPureMethods = {
    "map",       "filter",      "slice",       "concat",      "join",
    "toFixed",   "toString",    "toLowerCase", "toUpperCase", "trim",
    "replace",   "replaceAll",  "split",       "substring",   "substr",
    "padStart",  "padEnd",      "includes",    "indexOf",     "find",
    "findIndex", "some",        "every",       "flat",        "flatMap",
    "reduce",    "charAt",      "startsWith",  "endsWith",    "toPrecision",
    "valueOf",   "toISOString", "at",          "trimEnd"};
constexpr std::array<std::string_view, 16> kPureFunctions = {
    "Number",        "String",         "Boolean",    "parseFloat",
    "parseInt",      "Math.round",     "Math.floor", "Math.ceil",
    "Math.max",      "Math.min",       "Math.abs",   "Object.keys",
    "Object.values", "Object.entries", "Array.from", "JSON.stringify"};

// Whether the identifier `n` is read where it stands: not the operand of
// `typeof`, which gives "undefined" for an undeclared name.
bool IsPlainRead(TSNode n, std::string_view source) {
  TSNode parent = node::Parent(n);
  return !node::Is(parent, "unary_expression") ||
         node::Text(ts_node_child(parent, 0), source) != "typeof";
}

// Whether `text` applies `typeof` to `name` (`typeof ship !==
// 'undefined' ? ship : false`): a read it guards does not throw.
bool TypeofIn(std::string_view text, std::string_view name) {
  for (size_t at = FindText(text, "typeof"); at != std::string_view::npos;
       at = FindText(text, "typeof", at + 6)) {
    size_t word = text.find_first_not_of(" \t\r\n(", at + 6);
    if (word != std::string_view::npos &&
        text.compare(word, name.size(), name) == 0 &&
        IsWholeIdentifierAt(text, word, name.size()))
      return true;
  }
  return false;
}

template <size_t N>
bool Listed(const std::array<std::string_view, N>& list,
            std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

class EffectFinder {
 public:
  explicit EffectFinder(std::string_view source) : source_(source) {}

  // Why evaluating `n` may have an effect, or "". One walk over `n`, not
  // into the functions written in it (they are only created).
  std::string Of(TSNode n) {
    if (ts_node_is_null(n) || node::IsFunction(n)) return "";
    value_ = node::Text(n, source_);
    std::string effect = Visit(n);
    if (!effect.empty()) return effect;
    // A number, a name, a plain string, `[]`: nothing below them can have
    // an effect, and most payload values are such (issue 14).
    if (ts_node_named_child_count(n) == 0 || node::Is(n, "string"))
      return effect;
    ForEachDescendant(n, false, [&](TSNode d) {
      if (effect.empty()) effect = Visit(d);
    });
    return effect;
  }

 private:
  static constexpr int kMaxDepth = 50;

  std::string Visit(TSNode d) {
    return node::Is(d, "call_expression") ? OfCall(d) : Own(d);
  }

  bool MayBeGetter(TSNode d, std::string_view property,
                   bool global = false) const {
    const std::unordered_set<std::string>& names =
        GetterNames(d, source_, global);
    return names.contains(std::string(property)) ||
           names.contains(std::string(kAnyGetterName));
  }

  std::string Found(TSNode n, std::string_view what) {
    return Quote(node::Text(n, source_)) + " is " + std::string(what);
  }

  // A call to a listed pure method or function, or to a function of the
  // file whose body has no effect; the callbacks it runs must have none
  // either. Its callee and arguments are visited by the walk in Of.
  std::string OfCall(TSNode call) {
    TSNode callee = node::Unwrap(node::Field(call, "function"));
    bool pure = Listed(kPureFunctions, node::Text(callee, source_));
    if (!pure && node::Is(callee, "member_expression")) {
      pure = Listed(kPureMethods,
                    node::Text(node::Field(callee, "property"), source_));
    }
    if (!pure && node::Is(callee, "identifier")) {
      pure = OfCallback(callee).empty();
    }
    if (!pure) return Found(call, "a call");
    // `[cart].join('')`, `String(cart)`, `Math.max(price, 0)` turn objects
    // into primitives too.
    if (DefinesConversions(call, source_))
      return Found(call,
                   "a call that may run the `valueOf` or `toString` this "
                   "file defines");
    if (node::Text(callee, source_) == "Array.from" &&
        DefinesIterators(call, source_))
      return Found(call, "a call that may run an iterator this file defines");
    for (TSNode arg : node::Arguments(call)) {
      std::string e;
      if (node::IsFunction(arg)) e = OfBody(arg);
      if (node::Is(arg, "identifier")) e = OfCallback(arg);
      if (!e.empty()) return e;
    }
    return "";
  }

  // `[...unsent]`, `[...queue.unsent]`, `[...drain()]` with `unsent`,
  // `queue` or `drain` imported, or `[...it]` with `it = drain()`: what
  // another module gives (an array most often, but maybe a generator).
  bool GivenByAnotherModule(TSNode operand) {
    TSNode root = node::Unwrap(operand);
    if (node::Is(root, "call_expression"))
      root = node::Unwrap(node::Field(root, "function"));
    while (node::Is(root, "member_expression"))
      root = node::Unwrap(node::Field(root, "object"));
    if (!node::Is(root, "identifier")) return false;
    Binding b = ResolveName(node::Text(root, source_), root, source_);
    if (b.kind == Binding::Kind::kImported) return true;
    if (b.kind != Binding::Kind::kVariable || !b.assignments.empty())
      return false;
    TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
    return node::Is(value, "call_expression") &&
           ts_node_start_byte(value) != ts_node_start_byte(operand) &&
           GivenByAnotherModule(value);
  }

  // `lines.map(toItem)`: the function `toItem` names, run by the call.
  std::string OfCallback(TSNode name) {
    Binding binding = ResolveName(node::Text(name, source_), name, source_);
    TSNode function = FunctionBoundTo(binding);
    if (ts_node_is_null(function) && !binding.assignments.empty()) {
      uint32_t line = ts_node_start_point(binding.assignments.back()).row + 1;
      return Found(name, "assigned another value (line " +
                             std::to_string(line) +
                             "), which the call may run");
    }
    if (ts_node_is_null(function) &&
        node::Is(binding.declarator, "function_declaration")) {
      return Found(name,
                   "declared more than once in its scope: the call may run "
                   "another function than the one at line " +
                       std::to_string(
                           ts_node_start_point(binding.declarator).row + 1));
    }
    if (ts_node_is_null(function)) {
      return Found(name, "a function the tool cannot see, run by the call");
    }
    return OfBody(function);
  }

  std::string OfBody(TSNode function) {
    if (depth_ >= kMaxDepth) return Found(function, "too deep to follow");
    ++depth_;
    std::string effect;
    ForEachDescendant(function, false, [&](TSNode d) {
      if (effect.empty()) effect = Visit(d);
    });
    --depth_;
    return effect;
  }

  // The effect the node itself has (not its children), or "".
  std::string Own(TSNode d) {
    std::string_view t = node::Type(d);
    if (t == "new_expression") return Found(d, "a `new`");
    if (t == "assignment_expression" || t == "augmented_assignment_expression")
      return Found(d, "an assignment");
    if (t == "update_expression") return Found(d, "an update");
    if (t == "identifier" || t == "shorthand_property_identifier")
      return OfName(d);
    if (t == "await_expression") return Found(d, "an `await`");
    if (t == "spread_element" && !node::Is(node::Parent(d), "object") &&
        !node::Is(node::Unwrap(ts_node_named_child(d, 0)), "array")) {
      if (DefinesIterators(d, source_))
        return Found(d, "a spread that may run an iterator this file defines");
      if (GivenByAnotherModule(ts_node_named_child(d, 0)))
        return Found(d,
                     "a spread of what another module gives, which may be an "
                     "iterator that runs its code (a generator draining a "
                     "queue)");
    }
    if (t == "yield_expression") return Found(d, "a `yield`");
    if (t == "unary_expression" &&
        node::Text(ts_node_child(d, 0), source_) == "delete") {
      return Found(d, "a `delete`");
    }
    if (t == "member_expression") {
      std::string_view property =
          node::Text(node::Field(d, "property"), source_);
      if (!property.empty() && MayBeGetter(d, property))
        return Found(d, "a getter");
      if (std::string reactive = ReactiveRead(d, source_); !reactive.empty())
        return Found(d, reactive);
    }
    if (t == "subscript_expression") {  // `basket['total']`, `lines[0]`
      std::string property;
      TSNode index = node::Unwrap(node::Field(d, "index"));
      if (node::Is(index, "number")) property = node::Text(index, source_);
      node::StringLiteralValue(index, source_, &property);
      if (!property.empty() && MayBeGetter(d, property))
        return Found(d, "a getter");
      if (std::string reactive = ReactiveRead(d, source_); !reactive.empty())
        return Found(d, reactive);
    }
    if ((t == "binary_expression" || t == "unary_expression" ||
         t == "template_substitution") &&
        DefinesConversions(d, source_) && Converts(d, t) && !Literal(d)) {
      return Found(d,
                   "a conversion that may run the `valueOf` or "
                   "`toString` this file defines");
    }
    return "";
  }

  // A read of a name the file declares, but only in functions that do
  // not hold the read: it throws a ReferenceError today (unless the page
  // has a global of that name), which removing the read would hide.
  std::string OfName(TSNode d) {
    std::string_view name = node::Text(d, source_);
    if (std::string tracked = TrackedNameRead(d, source_); !tracked.empty())
      return Found(d, tracked);
    if (std::string tdz = InDeadZone(d, name); !tdz.empty()) return tdz;
    // A global the file gives a getter (`Object.defineProperty(window,
    // 'cartTotal', { get() {...} })`): reading it runs the getter.
    if (MayBeGetter(d, name, /*global=*/true) && IsPlainRead(d, source_) &&
        ResolveName(name, d, source_).kind == Binding::Kind::kNotFound)
      return Found(d, "a global the file may give a getter");
    uint32_t line = LineDeclaredOutOfReach(d, name, source_);
    if (line == 0 || !IsPlainRead(d, source_) || TypeofIn(value_, name))
      return "";
    return Found(d,
                 "declared in this file only where it cannot be seen "
                 "from here (line " +
                     std::to_string(line) +
                     "): reading it throws a ReferenceError unless the "
                     "page has a global of that name");
  }

  // `amount: later` before `let later = 1;` in the same function (or both
  // at the top level): the read throws a ReferenceError (the temporal dead
  // zone), which the removal would turn into a created source.
  std::string InDeadZone(TSNode d, std::string_view name) {
    uint32_t line = LineInDeadZone(d, name, source_);
    if (line == 0 || TypeofIn(value_, name)) return "";
    return Found(d, "declared further on (line " + std::to_string(line) +
                        "): reading it here throws a ReferenceError");
  }

  // An operation that turns an object into a primitive (`price * 1`,
  // `-price`, `${price}`, `price + ''`), calling its `valueOf` or
  // `toString`; `&&`, `===`, `typeof`, `!` do not.
  bool Converts(TSNode d, std::string_view type) const {
    if (type == "template_substitution") return true;
    if (type != "binary_expression" && type != "unary_expression") return false;
    std::string_view op = node::Text(node::Field(d, "operator"), source_);
    static constexpr std::array<std::string_view, 20> kConverting = {
        "+",  "-",   "*", "/", "%",  "**", "&",  "|",  "^", "<<",
        ">>", ">>>", "<", ">", "<=", ">=", "==", "!=", "~", "+="};
    return std::find(kConverting.begin(), kConverting.end(), op) !=
           kConverting.end();
  }

  // A unary or binary expression of literals only (`-1`, `2 * 100`): no
  // object of the file takes part in it.
  static bool Literal(TSNode d) {
    bool only_literals = true;
    ForEachDescendant(d, false, [&](TSNode n) {
      std::string_view type = node::Type(n);
      if (ts_node_is_named(n) && type != "number" && type != "string" &&
          type != "string_fragment" && type != "true" && type != "false" &&
          type != "null" && type != "unary_expression" &&
          type != "binary_expression" && type != "parenthesized_expression")
        only_literals = false;
    });
    return only_literals;
  }

  std::string_view source_;
  std::string_view value_;  // the value Of was asked about
  int depth_ = 0;
};

}  // namespace

std::string SideEffectOf(TSNode n, std::string_view source) {
  return EffectFinder(source).Of(n);
}

}  // namespace psm
