#include "find/request_handlers.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// jQuery's `$.post(url, data, cb)`, `$.get`, `$.getJSON`: a handler may
// stand in any place after the URL.
bool IsJQueryShorthand(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression")) return false;
  std::string_view object = node::Text(node::Field(callee, "object"), source);
  std::string_view method = MethodName(call, source);
  return (object == "$" || object == "jQuery") &&
         (method == "post" || method == "get" || method == "getJSON");
}

class HandlerReader {
 public:
  explicit HandlerReader(std::string_view source) : source_(source) {}

  Handlers Of(TSNode call) {
    std::string_view method = MethodName(call, source_);
    // `.fail(jqXHR => ...)`, `.catch(error => ...)`: an error, not the
    // array the server sends on success.
    if (method == "fail" || method == "catch") return {};
    bool answer = IsAnswerMethod(method);
    bool shorthand = IsJQueryShorthand(call, source_);
    bool pipe = method == "pipe";
    std::vector<TSNode> args = node::Arguments(call);
    for (size_t i = 0; i < args.size(); ++i) {
      if (method == "then" && i > 0) break;  // `.then(ok, onError)`
      TSNode arg = node::Unwrap(args[i]);
      if (pipe && node::Is(arg, "call_expression")) {
        Handlers inner = HandlerReader(source_).Of(arg);  // `map((r) => ...)`
        for (TSNode f : inner.functions) found_.functions.push_back(f);
      } else if (TSNode options = OptionsObject(arg);
                 !ts_node_is_null(options)) {
        Options(options);
      } else {
        Handler(arg, answer || (shorthand && i > 0));
      }
    }
    return std::move(found_);
  }

 private:
  // `{...}`, or a variable set to one (`$.ajax(settings)`).
  TSNode OptionsObject(TSNode arg) const {
    if (node::Is(arg, "object")) return arg;
    if (!node::Is(arg, "identifier")) return TSNode{};
    Binding binding = ResolveName(node::Text(arg, source_), arg, source_);
    if (binding.kind != Binding::Kind::kVariable) return TSNode{};
    TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
    return node::Is(value, "object") ? value : TSNode{};
  }

  // `$.ajax({success: ..., complete(r) {...}, statusCode: {200: ...},
  // error: ...})`.
  void Options(TSNode object) {
    for (TSNode member : node::NamedChildren(object)) {
      std::string_view key = node::Text(node::Field(member, "name"), source_);
      if (node::Is(member, "pair"))
        key = node::Text(node::Field(member, "key"), source_);
      if (key == "error" || key == "fail") continue;
      if (node::Is(member, "method_definition")) {
        found_.functions.push_back(member);
        continue;
      }
      if (!node::Is(member, "pair")) continue;
      TSNode value = node::Unwrap(node::Field(member, "value"));
      if (key == "statusCode" && node::Is(value, "object")) {
        for (TSNode code : node::NamedChildren(value)) {
          if (node::Is(code, "pair")) Handler(node::Field(code, "value"), true);
          if (node::Is(code, "method_definition"))
            found_.functions.push_back(code);
        }
        continue;
      }
      bool answer = key == "success" || key == "complete" || key == "done";
      Handler(value, answer);
    }
  }

  // One value handed a request's answer; `answer`: in a place that takes a
  // handler (so anything there but a function is not followed).
  void Handler(TSNode value, bool answer) {
    value = node::Unwrap(value);
    if (node::Is(value, "array")) {  // `.done([f, g])`
      for (TSNode element : node::NamedChildren(value))
        Handler(element, answer);
      return;
    }
    // `.then(ok ? show : hide)`, `.then(custom || show)`: either may run.
    if (node::Is(value, "ternary_expression")) {
      Handler(node::Field(value, "consequence"), answer);
      Handler(node::Field(value, "alternative"), answer);
      return;
    }
    if (node::Is(value, "binary_expression")) {
      std::string_view op = node::Text(node::Field(value, "operator"), source_);
      if (op == "||" || op == "&&" || op == "??") {
        Handler(node::Field(value, "left"), answer);
        Handler(node::Field(value, "right"), answer);
        return;
      }
    }
    TSNode target = Bound(value);
    if (node::IsFunction(target)) {
      found_.functions.push_back(target);
      return;
    }
    TSNode function = node::Is(target, "identifier") ? FunctionNamed(target)
                                                     : MethodOfThis(target);
    if (!ts_node_is_null(function)) {
      found_.functions.push_back(function);
      return;
    }
    bool value_like = node::Is(target, "identifier") ||
                      node::Is(target, "member_expression") ||
                      node::Is(target, "subscript_expression") ||
                      node::Is(value, "call_expression");
    if (answer && value_like && !IsDataObject(target))
      found_.opaque.push_back(value);
  }

  // `f.bind(this)` and `$.proxy(f, this)` call `f`.
  TSNode Bound(TSNode value) const {
    if (!node::Is(value, "call_expression")) return value;
    TSNode callee = node::Unwrap(node::Field(value, "function"));
    std::string_view method = MethodName(value, source_);
    if (method == "bind") return node::Unwrap(node::Field(callee, "object"));
    if (method == "proxy") {
      std::vector<TSNode> args = node::Arguments(value);
      return args.empty() ? value : node::Unwrap(args[0]);
    }
    return value;
  }

  // The function `name` is bound to in this file, or null.
  TSNode FunctionNamed(TSNode name) const {
    Binding binding = ResolveName(node::Text(name, source_), name, source_);
    if (binding.kind == Binding::Kind::kFunction) return binding.declarator;
    if (binding.kind == Binding::Kind::kVariable) {
      TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
      if (node::IsFunction(value)) return value;
    }
    return TSNode{};
  }

  // `this.afterStart`: the method `afterStart` of the object literal or
  // class the call is written in (a knockout component's), or null.
  TSNode MethodOfThis(TSNode member) const {
    if (!node::Is(member, "member_expression") ||
        !node::Is(node::Field(member, "object"), "this")) {
      return TSNode{};
    }
    std::string_view name =
        node::Text(node::Field(member, "property"), source_);
    TSNode up = member;
    for (int steps = 0; steps < node::kMaxClimb; ++steps) {
      up = node::Parent(up);
      if (ts_node_is_null(up)) break;
      if (!node::Is(up, "object") && !node::Is(up, "class_body")) continue;
      for (TSNode m : node::NamedChildren(up)) {
        if (node::Is(m, "method_definition") &&
            node::Text(node::Field(m, "name"), source_) == name) {
          return m;
        }
        TSNode value = node::Unwrap(node::Field(m, "value"));
        if (node::Is(m, "pair") &&
            node::Text(node::Field(m, "key"), source_) == name &&
            node::IsFunction(value)) {
          return value;
        }
      }
    }
    return TSNode{};
  }

  // A variable set to an object literal: data sent (`$.post(url, data)`),
  // not a handler.
  bool IsDataObject(TSNode target) const {
    if (!node::Is(target, "identifier")) return false;
    Binding binding = ResolveName(node::Text(target, source_), target, source_);
    if (binding.kind != Binding::Kind::kVariable) return false;
    TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
    return node::Is(value, "object") || node::Is(value, "string") ||
           node::Is(value, "array");
  }

  std::string_view source_;
  Handlers found_;
};

}  // namespace

std::string_view MethodName(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression")) return {};
  return node::Text(node::Field(callee, "property"), source);
}

bool IsAnswerMethod(std::string_view method) {
  for (std::string_view m :
       {"then", "done", "always", "subscribe", "success", "complete"}) {
    if (method == m) return true;
  }
  return false;
}

Handlers HandlersOf(TSNode call, std::string_view source) {
  return HandlerReader(source).Of(call);
}

}  // namespace psm
