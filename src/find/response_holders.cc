#include "find/response_holders.h"

#include "common/strings.h"
#include "find/request_handlers.h"
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
  if (args.empty()) return false;
  TSNode text = node::Unwrap(args[0]);  // `JSON.parse(await res.text())` too
  return NamesRequestApi(text, source) || IsPendingRequest(text, source);
}

// Whether a `.then(fn)` hands on the answer rather than using it: `fn`
// returns what starts from its parameter (`(r) => r.json()`, `(r) =>
// r.data`), not something else (`(r) => dr.createSource(r.payload)`).
bool PassesAnswerOn(TSNode fn, std::string_view source) {
  TSNode parameter = node::Field(fn, "parameter");
  if (ts_node_is_null(parameter)) {
    parameter = ts_node_named_child(node::Field(fn, "parameters"), 0);
    if (node::Is(parameter, "required_parameter"))
      parameter = node::Field(parameter, "pattern");
  }
  if (ts_node_is_null(parameter)) return true;
  // The names the parameter binds (`r`, or those of `({data, status})`).
  std::vector<std::string_view> names;
  if (node::Is(parameter, "identifier"))
    names.push_back(node::Text(parameter, source));
  ForEachDescendant(parameter, false, [&](TSNode n) {
    if (node::Is(n, "identifier") ||
        node::Is(n, "shorthand_property_identifier_pattern")) {
      names.push_back(node::Text(n, source));
    }
  });
  auto starts_from_parameter = [&](TSNode value) {
    value = node::Unwrap(value);
    while (node::Is(value, "await_expression"))
      value = node::Unwrap(ts_node_named_child(value, 0));
    std::string_view text = node::Text(value, source);
    for (std::string_view name : names) {
      if (text.starts_with(name) &&
          (text.size() == name.size() || text[name.size()] == '.' ||
           text[name.size()] == '[' || text[name.size()] == '?')) {
        return true;
      }
    }
    return false;
  };
  TSNode body = node::Field(fn, "body");
  if (!node::Is(body, "statement_block")) return starts_from_parameter(body);
  bool holds = false;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (node::Is(n, "return_statement") && ts_node_named_child_count(n) > 0)
      holds = holds || starts_from_parameter(ts_node_named_child(n, 0));
  });
  return holds;
}

// Whether the value of the chain ending in `call` is an answer no step of
// it has used yet: `storage.post(u)`, `fetch(u).then((r) => r.json())`.
// A chain with a handler (`.done((r) => dr.createSource(r.payload))`,
// `.then((r) => show(r))`) is returned for sequencing, its answer used
// where it is written.
bool HoldsUnusedAnswer(TSNode call, std::string_view source) {
  for (int steps = 0; steps < 64 && node::Is(call, "call_expression");
       ++steps) {
    std::string_view method = MethodName(call, source);
    std::vector<TSNode> args = node::Arguments(call);
    TSNode fn = args.empty() ? TSNode{} : node::Unwrap(args[0]);
    if (IsAnswerMethod(method) && node::IsFunction(fn) &&
        !(method == "then" && PassesAnswerOn(fn, source))) {
      return false;
    }
    TSNode callee = node::Unwrap(node::Field(call, "function"));
    if (!node::Is(callee, "member_expression")) break;
    call = node::Unwrap(node::Field(callee, "object"));
  }
  return true;
}

// Whether `call` is what a function returns (`return storage.post(...)`,
// `() => fetch(u).then((r) => r.json())`) to callers the search does not
// follow; not a promise handler's return, which the chain goes on with.
bool ReturnedToCallers(TSNode call) {
  TSNode up = node::Parent(call);
  while (node::Is(up, "parenthesized_expression") ||
         node::Is(up, "await_expression")) {
    up = node::Parent(up);
  }
  TSNode function{};  // null unless found below
  if (node::Is(up, "return_statement")) {
    function = up;
    for (int steps = 0; steps < 256 && !ts_node_is_null(function) &&
                        !node::IsFunction(function);
         ++steps) {
      function = node::Parent(function);
    }
  } else if (node::Is(up, "arrow_function")) {
    function = up;
  }
  if (!node::IsFunction(function)) return false;
  TSNode holder = node::Parent(function);
  if (node::Is(holder, "pair"))
    holder = node::Parent(holder);  // `{queryFn: ...}`
  return !node::Is(holder, "arguments") ||
         node::Is(node::Parent(function), "pair");
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
    if (node::Is(p, "rest_pattern"))
      p = ts_node_named_child(p, 0);  // `...args`
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

// Whether a function (not an arrow) reads its `arguments`.
bool UsesArguments(TSNode function, std::string_view source) {
  if (node::Is(function, "arrow_function")) return false;
  return !WordsAt(node::Text(function, source), "arguments").empty();
}

TSNode UpThroughWrappers(TSNode n) {
  TSNode up = node::Parent(n);
  while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  return up;
}

// What the request `call` (the end of its chain) is handed to when that is
// not followed, or null: an argument (`show(fetch(u).then(...))`,
// `Promise.all([...]).then(...)`), an array's element, an object's value,
// a property (`window.pending = ...`). `$.when(...)` is followed.
TSNode HandedElsewhere(TSNode call, std::string_view source) {
  TSNode up = UpThroughWrappers(call);
  TSNode at = up;
  if (node::Is(up, "arguments")) {
    TSNode outer = node::Parent(up);
    std::string_view callee =
        node::Text(node::Field(outer, "function"), source);
    if (callee == "$.when" || callee == "jQuery.when") return TSNode{};
    return outer;
  }
  if (node::Is(up, "array") || node::Is(up, "pair") ||
      node::Is(up, "spread_element"))
    return at;
  if (node::Is(up, "assignment_expression") &&
      ts_node_eq(node::Unwrap(node::Field(up, "right")), call) &&
      !node::Is(node::Field(up, "left"), "identifier"))
    return up;
  // `var pending = fetch(u).then(...)`: followed where it is awaited or
  // chained on (`await pending`, `pending.then(...)`), not where it is
  // handed on (`show(pending)`).
  if (node::Is(up, "variable_declarator") &&
      node::Is(node::Field(up, "name"), "identifier")) {
    TSNode name = node::Field(up, "name");
    std::string_view text = node::Text(name, source);
    Binding b = ResolveName(text, name, source);
    for (TSNode use : UsesOf(b, text, source)) {
      if (ts_node_eq(use, name)) continue;
      TSNode around = UpThroughWrappers(use);
      bool awaited = node::Is(around, "await_expression");
      bool chained =
          node::Is(around, "member_expression") &&
          ts_node_eq(node::Unwrap(node::Field(around, "object")), use);
      if (!awaited && !chained)
        return node::Is(around, "arguments") ? node::Parent(around) : around;
    }
  }
  return TSNode{};
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
    auto add_handlers = [&](TSNode call) {
      Handlers handlers = HandlersOf(call, source);
      for (TSNode function : handlers.functions) {
        if (UsesArguments(function, source)) {  // `arguments[0].payload`
          holders.push_back({function, call, /*handed_on=*/true});
          continue;
        }
        for (TSNode parameter : ParametersOf(function))
          holders.push_back({parameter, call});
      }
      for (TSNode value : handlers.opaque)
        holders.push_back({value, call, /*handed_on=*/true});
    };
    // `new Ajax.Request(url, { onSuccess: function (t) {...} })`.
    if (node::Is(n, "new_expression")) {
      if (NamesRequestApi(node::Field(n, "constructor"), source))
        add_handlers(n);
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
    if (named && ReturnedToCallers(call) && HoldsUnusedAnswer(call, source)) {
      holders.push_back({call, call, /*handed_on=*/true, /*returned=*/true});
    }
    TSNode up = UpThroughWrappers(call);
    if (named && node::Is(up, "await_expression") && !IsFetchCall(call, source))
      holders.push_back({up, call});
    bool answer = IsAnswerMethod(MethodName(call, source)) ||
                  MethodName(call, source) == "pipe";
    if (!named && !(answer && AsksServer(callee, source))) return;
    if (TSNode to = HandedElsewhere(call, source);
        !ts_node_is_null(to) && HoldsUnusedAnswer(call, source)) {
      holders.push_back({to, call, /*handed_on=*/true});
      return;
    }
    if (GetsFetchResponse(call, source)) return;
    add_handlers(call);
  });
  return holders;
}

}  // namespace psm
