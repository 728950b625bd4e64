#include "php/php_effects.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "common/strings.h"
#include "find/object_builder.h"
#include "php/php_callback_builtins.h"
#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// PHP built-ins that only compute a value from their arguments.
constexpr std::string_view kPureBuiltins[] = {
    "abs", "array_chunk", "array_column", "array_combine", "array_diff",
    "array_fill", "array_filter", "array_flip", "array_intersect",
    "array_key_exists", "array_key_first", "array_key_last", "array_keys",
    "array_map", "array_merge", "array_merge_recursive", "array_reduce",
    "array_replace", "array_reverse", "array_search", "array_slice",
    "array_sum", "array_unique", "array_values", "base64_encode", "bcadd",
    "bcdiv", "bcmul", "bcsub", "boolval", "ceil", "count", "date", "empty",
    "explode", "floatval", "floor", "gmdate", "html_entity_decode",
    "htmlspecialchars", "http_build_query", "implode", "in_array", "intval",
    "is_array", "is_null", "is_numeric", "is_string", "isset", "join",
    "json_encode", "lcfirst", "ltrim", "max", "mb_strlen", "mb_substr", "min",
    "number_format", "rawurlencode", "round", "rtrim", "sizeof", "sprintf",
    "str_pad", "str_replace", "strlen", "strtolower", "strtotime", "strtoupper",
    "strval", "substr", "trim", "ucfirst", "ucwords", "urlencode", "__",
    // Framework accessors and URL builders that only read: Magento 1's
    // Mage::app()/helper(), WordPress, WooCommerce and Laravel helpers.
    "app", "helper", "site_url", "home_url", "admin_url", "rest_url", "WC",
    "wc_get_checkout_url", "wc_get_cart_url", "wc_format_decimal", "url",
    "route", "config", "trans", "asset"};

// Prefixes of names that read by convention: getters and formatters.
constexpr std::string_view kReadingPrefixes[] = {
    "get", "is",      "has",    "can",   "format",    "to",
    "as",  "convert", "escape", "round", "calculate", "esc"};

// Nodes whose evaluation always does something.
constexpr std::string_view kEffectNodes[] = {
    "assignment_expression",           "augmented_assignment_expression",
    "reference_assignment_expression", "update_expression",
    "object_creation_expression",      "include_expression",
    "include_once_expression",         "require_expression",
    "require_once_expression",         "print_intrinsic",
    "shell_command_expression",        "throw_expression"};

constexpr int kMaxDepth = 3;  // functions of the file followed into

template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&list)[N]) {
  for (std::string_view item : list) {
    if (s == item) return true;
  }
  return false;
}

// Variables every function shares with the request: a write to one is
// seen outside the function.
bool IsSuperglobal(std::string_view variable) {
  return variable == "GLOBALS" || variable.starts_with("_");
}

// Built-ins of kPureBuiltins that write an argument they are given by
// reference when given that many: `str_replace($a, $b, $s, $count)`.
constexpr std::pair<std::string_view, size_t> kWritesArgumentFrom[] = {
    {"str_replace", 3}};

// The pure built-ins that count an object they are given (its `count`);
// any other may turn one into a string (its `__toString`).
bool MayCountObject(std::string_view name) {
  return name == "count" || name == "sizeof";
}

class EffectFinder {
 public:
  EffectFinder(std::string_view source, const FileIndex& index)
      : source_(source), index_(index) {}

  std::string Of(TSNode n, int depth) {
    std::string_view type = node::Type(n);
    if (type == "anonymous_function" || type == "arrow_function") return "";
    if (OneOf(type, kEffectNodes) || type == "yield_expression" ||
        type == "exit_statement") {
      return Quote(node::Text(n, source_)) + " has an effect";
    }
    if (IsCall(n)) return OfCall(n, depth);
    if (type == "clone_expression" && !index_.MethodsNamed("__clone").empty())
      return Quote(node::Text(n, source_)) +
             " may run the `__clone` this file defines";
    if (std::string why = OfMagicRead(n); !why.empty()) return why;
    for (TSNode child : node::NamedChildren(n)) {
      std::string why = Of(child, depth);
      if (!why.empty()) return why;
    }
    return "";
  }

  // A function body is free of effects when it writes only its own local
  // variables and calls only what is free of effects.
  std::string OfBody(TSNode function, int depth) {
    const FunctionInfo* info = index_.FunctionAt(function);
    if (!info || info->by_ref_parameter) return "it can write its arguments";
    judging_.push_back(function);
    std::string effect = OfStatements(node::Field(function, "body"), depth);
    judging_.pop_back();
    return effect;
  }

 private:
  // A function or method the file defines is judged by its body, whatever
  // its name (a private `getGrandTotal()` that calls `collectTotals()` and
  // `save()`); one it does not, by its name (getters and formatters read).
  std::string OfCall(TSNode call, int depth) {
    std::string_view name = CalledName(call, source_);
    std::string why = Quote(node::Text(call, source_)) + " is a call";
    bool creates = node::Is(call, "object_creation_expression");
    const FunctionInfo* callee = index_.Callee(call);
    if (callee && depth < kMaxDepth) {
      std::string inside = OfBody(callee->node, depth + 1);
      if (!inside.empty()) {
        return why +
               (creates ? ""
                        : " of a function this file defines, where " + inside);
      }
      return OfParts(call, depth);
    }
    if (std::string of_methods = OfMethodsNamed(call, name, depth);
        !of_methods.empty())
      return why + of_methods;
    if (!creates && IsReadOnlyCallName(name)) {
      if (std::string hidden = OfBuiltinsHiddenWork(call, name, depth);
          !hidden.empty())
        return why + ": " + hidden;
      return OfParts(call, depth);
    }
    return why;
  }

  // `$q->getGrandTotal()` on an object the index does not follow: any
  // method of that name of the file's classes may run, judged by its body
  // (a getter that counts its calls has an effect), and `__call` /
  // `__callStatic` answer a method the classes do not define. "" when
  // none of them can do anything.
  std::string OfMethodsNamed(TSNode call, std::string_view name, int depth) {
    std::string_view type = node::Type(call);
    bool member = type == "member_call_expression" ||
                  type == "nullsafe_member_call_expression";
    if (!member && type != "scoped_call_expression") return "";
    std::vector<const FunctionInfo*> methods = index_.MethodsNamed(name);
    for (const FunctionInfo* m : methods) {
      // Being judged already (`getGrandTotal()` returning
      // `$this->quote->getGrandTotal()`): its other statements decide.
      if (std::any_of(judging_.begin(), judging_.end(),
                      [&](TSNode j) { return ts_node_eq(j, m->node); }))
        continue;
      if (depth >= kMaxDepth) return " of a method this file defines";
      if (std::string inside = OfBody(m->node, depth + 1); !inside.empty())
        return " that may run " + m->class_name + "::" + m->name +
               " of this file, where " + inside;
    }
    if (!methods.empty()) return "";
    std::string_view magic = member ? "__call" : "__callStatic";
    if (!index_.MethodsNamed(magic).empty())
      return " that the `" + std::string(magic) +
             "` this file defines may answer";
    return "";
  }

  // What a built-in that only computes does with its arguments besides:
  // writes one by reference, calls one given by name (`array_map('log',
  // $a)`), or runs the `__toString` or `count` an object of the file has.
  std::string OfBuiltinsHiddenWork(TSNode call, std::string_view name,
                                   int depth) {
    std::vector<TSNode> args = ArgumentValues(call);
    for (auto [builtin, from] : kWritesArgumentFrom) {
      if (name == builtin && args.size() > from)
        return "it writes its argument " +
               Quote(node::Text(args[from], source_));
    }
    if (const CallbackBuiltin* taker = FindCallbackBuiltin(name);
        taker && taker->runs_it && args.size() > taker->callable_at) {
      if (std::string why = OfNamedCallback(args[taker->callable_at], depth);
          !why.empty())
        return why;
    }
    bool strings = Defines("__tostring") && !MayCountObject(name);
    bool counts = Defines("count") && MayCountObject(name);
    if (!strings && !counts) return "";
    for (TSNode arg : args) {
      std::string_view type = node::Type(arg);
      if (type == "string" || type == "integer" || type == "float" ||
          type == "boolean" || type == "null" ||
          type == "array_creation_expression")
        continue;
      return Quote(node::Text(arg, source_)) + " may be an object whose `" +
             (strings ? "__toString" : "count") + "` this file defines";
    }
    return "";
  }

  // A callback given by name: `'trim'` (a pure built-in) does nothing
  // else; a function of the file is judged by its body; any other name, a
  // method (`'F::f'`, `[F::class, 'f']`) or a variable is not followed.
  std::string OfNamedCallback(TSNode callback, int depth) {
    std::string_view type = node::Type(callback);
    if (type == "anonymous_function" || type == "arrow_function") return "";
    std::string name;
    if (type == "string" && StringValue(callback, source_, &name)) {
      if (OneOf(name, kPureBuiltins)) return "";
      if (const FunctionInfo* f = index_.FunctionNamed(name);
          f && depth < kMaxDepth) {
        std::string inside = OfBody(f->node, depth + 1);
        return inside.empty() ? ""
                              : "it calls " + Quote(name) +
                                    ", a function of this file where " + inside;
      }
    }
    return "it calls " + Quote(node::Text(callback, source_)) +
           ", which the tool does not follow";
  }

  // The values of a call's arguments, in order.
  std::vector<TSNode> ArgumentValues(TSNode call) {
    std::vector<TSNode> values;
    for (TSNode argument :
         node::NamedChildren(node::Field(call, "arguments"))) {
      std::vector<TSNode> parts = node::NamedChildren(argument);
      if (!parts.empty()) values.push_back(parts.back());
    }
    return values;
  }

  // Reads that run code of the file: a property of an object whose class
  // defines `__get`, an element of an `ArrayAccess` one (`offsetGet`), a
  // string conversion of one with `__toString`. Which object a read is of
  // is not known: once the file defines one of these, each such read
  // counts.
  std::string OfMagicRead(TSNode n) {
    std::string_view type = node::Type(n);
    std::string_view magic =
        type == "member_access_expression" ||
                type == "nullsafe_member_access_expression"
            ? "__get"
        : type == "subscript_expression" ? "offsetGet"
        : (type == "cast_expression" &&
           node::Text(n, source_).find("string") != std::string_view::npos) ||
                type == "encapsed_string" ||
                (type == "binary_expression" &&
                 node::Text(node::Field(n, "operator"), source_) == ".")
            ? "__toString"
            : "";
    if (magic.empty() || !Defines(magic)) return "";
    // `$this->quote` runs `__get` only in a class that has one.
    TSNode object = node::Field(n, "object");
    if (magic == "__get" && node::Text(object, source_) == "$this") {
      TSNode klass = node::EnclosingOfType(n, "class_declaration");
      if (!ts_node_is_null(klass) &&
          FindNoCase(node::Text(klass, source_), "function __get") ==
              std::string_view::npos)
        return "";
    }
    return Quote(node::Text(n, source_)) + " may run the `" +
           std::string(magic) + "` this file defines";
  }

  bool Defines(std::string_view magic) {
    auto [known, added] = defines_.try_emplace(std::string(magic), false);
    if (added) {
      std::string needle = "function " + Lowered(magic);
      known->second = FindNoCase(source_, needle) != std::string_view::npos;
    }
    return known->second;
  }

  // The receiver and the arguments; callbacks passed inline are run by the
  // built-in, so their bodies count.
  std::string OfParts(TSNode call, int depth) {
    for (TSNode child : node::NamedChildren(call)) {
      if (node::Is(child, "name")) continue;
      std::string why = node::Is(child, "arguments") ? OfArguments(child, depth)
                                                     : Of(child, depth);
      if (!why.empty()) return why;
    }
    return "";
  }

  std::string OfArguments(TSNode arguments, int depth) {
    for (TSNode argument : node::NamedChildren(arguments)) {
      for (TSNode value : node::NamedChildren(argument)) {
        std::string_view type = node::Type(value);
        std::string why =
            type == "anonymous_function" || type == "arrow_function"
                ? OfCallback(value, depth)
                : Of(value, depth);
        if (!why.empty()) return why;
      }
    }
    return "";
  }

  std::string OfCallback(TSNode function, int depth) {
    TSNode body = node::Field(function, "body");
    std::string why = node::Is(body, "compound_statement")
                          ? OfStatements(body, depth)
                          : Of(body, depth);
    return why.empty() ? "" : "its callback " + why;
  }

  std::string OfStatements(TSNode body, int depth) {
    std::vector<TSNode> todo = node::NamedChildren(body);
    while (!todo.empty()) {
      TSNode n = todo.back();
      todo.pop_back();
      std::string_view type = node::Type(n);
      if (type == "anonymous_function" || type == "arrow_function") continue;
      if (type == "assignment_expression" ||
          type == "augmented_assignment_expression" ||
          type == "update_expression") {
        std::string why = OfLocalWrite(n, depth);
        if (!why.empty()) return why;
        continue;
      }
      if (type == "echo_statement" || type == "global_declaration" ||
          type == "function_static_declaration" || type == "unset_statement" ||
          OneOf(type, kEffectNodes) || type == "exit_statement" ||
          type == "yield_expression") {
        return Quote(node::Text(n, source_)) + " has an effect";
      }
      if (IsCall(n)) {
        std::string why = OfCall(n, depth);
        if (!why.empty()) return why;
        continue;
      }
      for (TSNode child : node::NamedChildren(n)) todo.push_back(child);
    }
    return "";
  }

  // `$x = v`, `$x['k'][] = v`, `$i++`: only the function's own variable.
  std::string OfLocalWrite(TSNode n, int depth) {
    TSNode target = node::Is(n, "update_expression")
                        ? node::Field(n, "argument")
                        : node::Field(n, "left");
    std::optional<AccessPath> path = ReadAccessPath(target, source_);
    if (!path || VariableName(path->variable, source_) == "this" ||
        IsSuperglobal(VariableName(path->variable, source_))) {
      return Quote(node::Text(n, source_)) + " writes outside the function";
    }
    TSNode right = node::Field(n, "right");
    return ts_node_is_null(right) ? "" : Of(right, depth);
  }

  std::string_view source_;
  const FileIndex& index_;
  std::vector<TSNode> judging_;          // the bodies OfBody is in
  std::map<std::string, bool> defines_;  // magic method -> the file has it
};

}  // namespace

// Words that say a getter also changes something: Magento's sequence
// `getNextValue()` advances a database counter; `getAndIncrement()`,
// `getOrCreate($quote)`, `get_new_token()`. Whole words of the camelCase or
// snake_case name (`getCreatedAt` reads).
bool NamesAChange(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "next",     "increment", "decrement", "incr",     "decr",    "create",
      "generate", "new",       "reserve",   "allocate", "consume", "pop",
      "shift",    "save",      "persist",   "insert",   "delete",  "remove",
      "send",     "dispatch",  "flush",     "reset",    "claim",   "acquire"};
  std::string word;
  auto ends_a_change = [&] {
    bool change = OneOf(word, kWords);
    word.clear();
    return change;
  };
  for (size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c == '_' || (std::isupper(c) && !word.empty())) {
      if (ends_a_change()) return true;
    }
    if (c != '_') word += static_cast<char>(std::tolower(c));
  }
  return ends_a_change();
}

bool IsReadOnlyCallName(std::string_view name) {
  if (OneOf(name, kPureBuiltins)) return true;
  if (NamesAChange(name)) return false;
  for (std::string_view prefix : kReadingPrefixes) {
    if (!name.starts_with(prefix)) continue;
    if (name.size() == prefix.size()) return true;
    char next = name[prefix.size()];
    if (std::isupper(static_cast<unsigned char>(next)) || next == '_')
      return true;
  }
  return false;
}

std::string PhpSideEffectOf(TSNode n, std::string_view source,
                            const FileIndex& index) {
  return EffectFinder(source, index).Of(n, 0);
}

}  // namespace psm::php
