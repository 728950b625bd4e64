#include "find/response_holders.h"

#include "find/scope.h"
#include "find/server_response.h"
#include "syntax/node.h"

namespace psm {
namespace {

// `fetch(url)` or `window.fetch(url)`: its value is a `Response`.
bool IsFetchCall(TSNode call, std::string_view source) {
  if (!node::Is(call, "call_expression")) return false;
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (node::Is(callee, "member_expression"))
    callee = node::Field(callee, "property");
  return node::Text(callee, source) == "fetch";
}

// `fetch(url).then(cb)`: `cb` gets the `Response`, not the body.
bool GetsFetchResponse(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  return node::Is(callee, "member_expression") &&
         IsFetchCall(node::Unwrap(node::Field(callee, "object")), source);
}

// `JSON.parse(xhr.responseText)`, `$.parseJSON(response)`: the body of a
// response read as text.
bool ParsesResponse(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression")) return false;
  std::string_view method = node::Text(node::Field(callee, "property"), source);
  if (method != "parse" && method != "parseJSON") return false;
  std::vector<TSNode> args = node::Arguments(call);
  return !args.empty() && NamesRequestApi(args[0], source);
}

std::string_view MethodName(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression")) return {};
  return node::Text(node::Field(callee, "property"), source);
}

// Methods of a promise or an observable that hand it the answer.
bool IsAnswerMethod(std::string_view method) {
  for (std::string_view m :
       {"then", "done", "always", "subscribe", "success", "complete"}) {
    if (method == m) return true;
  }
  return false;
}

// What a request hands its answer to: functions whose parameters get it,
// and values the search cannot follow (`this.onStart`, `started.resolve`,
// a parameter, React's `setStart`), which then see it whole.
struct Handlers {
  std::vector<TSNode> functions;
  std::vector<TSNode> opaque;
};

class HandlerReader {
 public:
  explicit HandlerReader(std::string_view source) : source_(source) {}

  Handlers Of(TSNode call) {
    std::string_view method = MethodName(call, source_);
    // `.fail(jqXHR => ...)`, `.catch(error => ...)`: an error, not the
    // array the server sends on success.
    if (method == "fail" || method == "catch") return {};
    bool answer = IsAnswerMethod(method);
    bool pipe = method == "pipe";
    std::vector<TSNode> args = node::Arguments(call);
    for (size_t i = 0; i < args.size(); ++i) {
      if (method == "then" && i > 0) break;  // `.then(ok, onError)`
      TSNode arg = node::Unwrap(args[i]);
      if (pipe && node::Is(arg, "call_expression")) {
        Handlers inner = Of(arg);  // `map((r) => ...)`
        for (TSNode f : inner.functions) found_.functions.push_back(f);
      } else if (node::Is(arg, "object")) {
        Options(arg);
      } else {
        Handler(arg, answer);
      }
    }
    return std::move(found_);
  }

 private:
  // `$.ajax({success: ..., complete(r) {...}, error: ...})`.
  void Options(TSNode object) {
    for (TSNode member : node::NamedChildren(object)) {
      std::string_view key = node::Text(node::Field(member, "name"), source_);
      if (node::Is(member, "pair"))
        key = node::Text(node::Field(member, "key"), source_);
      if (key == "error" || key == "fail") continue;
      if (node::Is(member, "method_definition")) {
        found_.functions.push_back(member);
      } else if (node::Is(member, "pair")) {
        bool answer = key == "success" || key == "complete" || key == "done";
        Handler(node::Field(member, "value"), answer);
      }
    }
  }

  // One value handed a request's answer; `answer`: in a place that only
  // takes a handler (so anything there but a function is not followed).
  void Handler(TSNode value, bool answer) {
    value = node::Unwrap(value);
    TSNode target = Bound(value);
    if (node::IsFunction(target)) {
      found_.functions.push_back(target);
      return;
    }
    if (node::Is(target, "identifier")) {
      TSNode function = FunctionNamed(target);
      if (!ts_node_is_null(function)) {
        found_.functions.push_back(function);
        return;
      }
    }
    bool value_like = node::Is(target, "identifier") ||
                      node::Is(target, "member_expression") ||
                      node::Is(value, "call_expression");
    if (answer && value_like) found_.opaque.push_back(value);
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

  std::string_view source_;
  Handlers found_;
};

// The names or patterns a function's parameters bind.
std::vector<TSNode> ParametersOf(TSNode function) {
  std::vector<TSNode> bound;
  TSNode single = node::Field(function, "parameter");  // `r => ...`
  if (!ts_node_is_null(single)) bound.push_back(single);
  for (TSNode p : node::NamedChildren(node::Field(function, "parameters"))) {
    if (node::Is(p, "required_parameter") || node::Is(p, "optional_parameter"))
      p = node::Field(p, "pattern");
    if (node::Is(p, "assignment_pattern")) p = node::Field(p, "left");
    if (node::Is(p, "identifier") || node::Is(p, "object_pattern") ||
        node::Is(p, "array_pattern")) {
      bound.push_back(p);
    }
  }
  return bound;
}

// `Promise.all([fetch(a).then(...), storage.post(b)])` and the like: an
// array of answers, one of them a request's.
bool AwaitsRequests(TSNode awaited, std::string_view source) {
  if (!node::Is(awaited, "call_expression")) return false;
  TSNode callee = node::Unwrap(node::Field(awaited, "function"));
  if (!node::Is(callee, "member_expression") ||
      node::Text(node::Field(callee, "object"), source) != "Promise") {
    return false;
  }
  for (TSNode arg : node::Arguments(awaited)) {
    for (TSNode element : node::NamedChildren(node::Unwrap(arg))) {
      element = node::Unwrap(element);
      if (node::Is(element, "call_expression") &&
          AsksServer(node::Field(element, "function"), source)) {
        return true;
      }
    }
  }
  return false;
}

// `x.response` of `const x = new XMLHttpRequest()`: with `responseType =
// 'json'`, the answer itself.
bool IsXhrResponse(TSNode member, std::string_view source) {
  if (node::Text(node::Field(member, "property"), source) != "response")
    return false;
  TSNode object = node::Unwrap(node::Field(member, "object"));
  if (!node::Is(object, "identifier")) return false;
  Binding binding = ResolveName(node::Text(object, source), object, source);
  if (binding.kind != Binding::Kind::kVariable) return false;
  TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
  return node::Is(value, "new_expression") &&
         node::Text(node::Field(value, "constructor"), source) ==
             "XMLHttpRequest";
}

TSNode UpThroughWrappers(TSNode n) {
  TSNode up = node::Parent(n);
  while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  return up;
}

}  // namespace

std::vector<ResponseHolder> ResponseHolders(TSNode root,
                                            std::string_view source) {
  std::vector<ResponseHolder> holders;
  ForEachDescendant(root, true, [&](TSNode n) {
    if (node::Is(n, "await_expression")) {
      // `await pending`, `await Promise.all([fetch(a).then(...), ...])`.
      TSNode awaited = node::Unwrap(ts_node_named_child(n, 0));
      if (IsPendingRequest(awaited, source) || AwaitsRequests(awaited, source))
        holders.push_back({n, awaited});
      return;
    }
    if (node::Is(n, "member_expression") && IsXhrResponse(n, source)) {
      holders.push_back({n, n});  // `xhr.response` of a JSON request
      return;
    }
    if (!node::Is(n, "call_expression")) return;
    TSNode call = n;
    TSNode callee = node::Field(call, "function");
    if (ParsesResponse(call, source)) {
      holders.push_back({call, call});
      return;
    }
    bool named = NamesRequestApi(callee, source);
    TSNode up = UpThroughWrappers(call);
    if (named && node::Is(up, "await_expression") && !IsFetchCall(call, source))
      holders.push_back({up, call});
    bool answer = IsAnswerMethod(MethodName(call, source)) ||
                  MethodName(call, source) == "pipe";
    if (!named && !(answer && AsksServer(callee, source))) return;
    if (GetsFetchResponse(call, source)) return;
    Handlers handlers = HandlerReader(source).Of(call);
    for (TSNode function : handlers.functions) {
      for (TSNode parameter : ParametersOf(function))
        holders.push_back({parameter, call});
    }
    for (TSNode value : handlers.opaque)
      holders.push_back({value, call, /*handed_on=*/true});
  });
  return holders;
}

}  // namespace psm
