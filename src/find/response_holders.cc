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

// `obs.pipe(map(fn), tap(fn))`: RxJS operators hand the response to the
// functions given to them.
bool IsPipe(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  return node::Is(callee, "member_expression") &&
         node::Text(node::Field(callee, "property"), source) == "pipe";
}

// The functions written into a call's arguments: `f(function (r) {})`,
// `f({success: (r) => {}})`, `f({success(r) {}})`, `pipe(map((r) => ...))`.
std::vector<TSNode> InlineCallbacks(TSNode call, std::string_view source) {
  std::vector<TSNode> functions;
  bool pipe = IsPipe(call, source);
  for (TSNode arg : node::Arguments(call)) {
    arg = node::Unwrap(arg);
    if (pipe && node::Is(arg, "call_expression")) {
      for (TSNode f : InlineCallbacks(arg, source)) functions.push_back(f);
    } else if (node::IsFunction(arg)) {
      functions.push_back(arg);
    } else if (node::Is(arg, "object")) {
      for (TSNode member : node::NamedChildren(arg)) {
        TSNode value = node::Unwrap(node::Field(member, "value"));
        if (node::Is(member, "method_definition")) {
          functions.push_back(member);
        } else if (node::Is(member, "pair") && node::IsFunction(value)) {
          functions.push_back(value);
        }
      }
    }
  }
  return functions;
}

// The functions a call's identifier arguments name: `.done(showTotal)`.
std::vector<TSNode> NamedCallbacks(TSNode call, std::string_view source) {
  std::vector<TSNode> functions;
  for (TSNode arg : node::Arguments(call)) {
    arg = node::Unwrap(arg);
    if (!node::Is(arg, "identifier")) continue;
    Binding binding = ResolveName(node::Text(arg, source), arg, source);
    if (binding.kind == Binding::Kind::kFunction) {
      functions.push_back(binding.declarator);
    } else if (binding.kind == Binding::Kind::kVariable) {
      TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
      if (node::IsFunction(value)) functions.push_back(value);
    }
  }
  return functions;
}

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

TSNode UpThroughWrappers(TSNode n) {
  TSNode up = node::Parent(n);
  while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  return up;
}

}  // namespace

std::vector<ResponseHolder> ResponseHolders(TSNode root,
                                            std::string_view source) {
  std::vector<ResponseHolder> holders;
  ForEachDescendant(root, true, [&](TSNode call) {
    if (!node::Is(call, "call_expression")) return;
    TSNode callee = node::Field(call, "function");
    if (ParsesResponse(call, source)) {
      holders.push_back({call, call});
      return;
    }
    bool named = NamesRequestApi(callee, source);
    TSNode up = UpThroughWrappers(call);
    if (named && node::Is(up, "await_expression") && !IsFetchCall(call, source))
      holders.push_back({up, call});
    std::vector<TSNode> callbacks = InlineCallbacks(call, source);
    if (!named && (callbacks.empty() || !AsksServer(callee, source))) return;
    if (GetsFetchResponse(call, source)) return;
    if (named) {
      for (TSNode f : NamedCallbacks(call, source)) callbacks.push_back(f);
    }
    for (TSNode function : callbacks) {
      for (TSNode parameter : ParametersOf(function))
        holders.push_back({parameter, call});
    }
  });
  return holders;
}

}  // namespace psm
