#include "find/server_response.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/strings.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Words of the APIs that ask a server for something: jQuery's `$.ajax`,
// `$.post`, `$.getJSON`, Magento's `mage/storage`, `fetch(...)` and
// `res.json()`, axios, `XMLHttpRequest`'s `responseText`, Angular's
// `http`. Matched against the camel-case words of the names in a call.
// Not `get` or `api`: `getPayload()` and `api.build()` are builders of the
// page more often than requests.
constexpr std::array<std::string_view, 10> kRequestWords = {
    "ajax",    "fetch", "post", "json", "axios",
    "storage", "http",  "send", "xhr",  "put"};
// Words that only count in the name of the function called (`request(u)`,
// `this.request(u)`): a `request` object (`new PayPalRequest(...)`,
// `request.build()`) is a payload's builder as often as not.
constexpr std::array<std::string_view, 2> kCalledRequestWords = {"request",
                                                                 "response"};

template <size_t N>
bool IsOneOf(std::string_view word,
             const std::array<std::string_view, N>& words) {
  for (std::string_view known : words) {
    if (word.size() != known.size()) continue;
    bool same = true;
    for (size_t i = 0; i < word.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(word[i])) == known[i];
    }
    if (same) return true;
  }
  return false;
}

// `getJSON` -> get, JSON; `responseText` -> response, Text; `$fetch` ->
// fetch (Nuxt), `$http` -> http (Vue, AngularJS).
bool NameHasRequestWord(std::string_view name, bool called) {
  size_t begin = 0;
  while (begin < name.size() && (name[begin] == '$' || name[begin] == '_'))
    ++begin;
  for (size_t i = begin + 1; i <= name.size(); ++i) {
    bool boundary = i == name.size() || name[i] == '_' || name[i] == '$' ||
                    (std::isupper(static_cast<unsigned char>(name[i])) &&
                     !std::isupper(static_cast<unsigned char>(name[i - 1])));
    if (!boundary) continue;
    std::string_view word = name.substr(begin, i - begin);
    if (IsOneOf(word, kRequestWords) ||
        (called && IsOneOf(word, kCalledRequestWords))) {
      return true;
    }
    begin = i < name.size() && (name[i] == '_' || name[i] == '$') ? i + 1 : i;
  }
  return false;
}

// The name of the function `callee` calls: `f`, `x.f`; null for others.
TSNode CalledName(TSNode callee) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "member_expression"))
    return node::Field(callee, "property");
  return node::Is(callee, "identifier") ? callee : TSNode{};
}

bool CalledNameAsks(TSNode callee, std::string_view source) {
  TSNode name = CalledName(callee);
  callee = node::Unwrap(callee);
  if (node::Is(callee, "member_expression") &&
      node::Text(name, source) == "get") {  // jQuery's `$.get(url, cb)`
    std::string_view object = node::Text(node::Field(callee, "object"), source);
    if (object == "$" || object == "jQuery") return true;
  }
  return !ts_node_is_null(name) &&
         NameHasRequestWord(node::Text(name, source), true);
}

// Whether the names in `n` (not inside its arguments' functions) say it
// talks to a server: `$.ajax`, `fetch(url).then`, `storage.post(...).done`.
// Of the arguments of the calls along the chain only calls count
// (`$.when($.ajax(...)).done`): the data a call is given (`{requestShipping:
// false}`) says nothing of what it is. A chain through DigitalRiver.js's
// `createSource(...)` gets its result, not a server's answer.
bool NamesAsk(TSNode n, std::string_view source) {
  if (ts_node_is_null(n)) return false;
  std::string_view type = node::Type(n);
  if (type == "identifier" || type == "property_identifier")
    return NameHasRequestWord(node::Text(n, source), false);
  if (node::IsFunction(n)) return false;
  if (type == "call_expression") {
    TSNode function = node::Field(n, "function");
    TSNode name = CalledName(function);
    if (node::Text(name, source) == "createSource") return false;
    if (CalledNameAsks(function, source)) return true;
  }
  bool arguments = type == "arguments";
  for (TSNode child : node::NamedChildren(n)) {
    if (arguments && !node::Is(node::Unwrap(child), "call_expression"))
      continue;
    if (NamesAsk(child, source)) return true;
  }
  return false;
}

bool AsksServerWithin(TSNode callee, std::string_view source, int depth);

// Whether `value`, through `await`, is a call asking a server.
bool IsRequestCall(TSNode value, std::string_view source, int depth) {
  value = node::Unwrap(value);
  while (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  return node::Is(value, "call_expression") &&
         AsksServerWithin(node::Field(value, "function"), source, depth);
}

// Whether `function` returns a request: `() => $.post(...)`, `function
// start() { return storage.post(...); }`.
bool ReturnsRequest(TSNode function, std::string_view source, int depth) {
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block"))
    return IsRequestCall(body, source, depth);
  bool found = false;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (!found && node::Is(n, "return_statement"))
      found = IsRequestCall(ts_node_named_child(n, 0), source, depth);
  });
  return found;
}

// Whether `name` is bound to a request or a function returning one.
bool HoldsRequest(TSNode name, std::string_view source, int depth) {
  Binding binding = ResolveName(node::Text(name, source), name, source);
  TSNode declarator = binding.declarator;
  if (binding.kind == Binding::Kind::kFunction)
    return ReturnsRequest(declarator, source, depth);
  if (binding.kind != Binding::Kind::kVariable ||
      !node::Is(declarator, "variable_declarator")) {
    return false;
  }
  TSNode value = node::Unwrap(node::Field(declarator, "value"));
  if (node::IsFunction(value)) return ReturnsRequest(value, source, depth);
  return IsRequestCall(value, source, depth);
}

// The name a chain of calls and members starts from, when it is called
// through a member (`pending.done`, `start().done`; not `start(cb)`,
// whose callbacks get whatever `start` gives them).
TSNode ChainStart(TSNode callee) {
  TSNode n = node::Unwrap(callee);
  bool through_member = false;
  for (int steps = 0; steps < 64; ++steps) {
    if (node::Is(n, "member_expression")) {
      through_member = true;
      n = node::Unwrap(node::Field(n, "object"));
    } else if (node::Is(n, "call_expression")) {
      n = node::Unwrap(node::Field(n, "function"));
    } else {
      break;
    }
  }
  return through_member && node::Is(n, "identifier") ? n : TSNode{};
}

bool AsksServerWithin(TSNode callee, std::string_view source, int depth) {
  if (NamesRequestApi(callee, source)) return true;
  TSNode start = ChainStart(callee);
  return depth < 2 && !ts_node_is_null(start) &&
         HoldsRequest(start, source, depth + 1);
}

// The path segments a URL ends with whatever comes before `tail`, its
// written-out end (`BASE_URL + 'drpay/paypal/start'`): those after its
// first `/` (before it may be the end of a longer segment), as a path
// ("/paypal/start"); "" when fewer than two are, which cannot tell one
// Magento action from another.
std::string WholeSegmentsOfTail(std::string_view tail) {
  if (tail.find_first_of("?#") != std::string_view::npos) return "";
  size_t slash = tail.find('/');
  if (slash == std::string_view::npos) return "";
  std::string_view whole = tail.substr(slash);
  size_t segments = 0;
  for (std::string_view part : SplitOn(whole, '/')) segments += !part.empty();
  return segments >= 2 ? std::string(whole) : "";
}

// The URL `+` ends with when its right side is written out, or "".
bool HasSubstitution(TSNode template_string) {
  for (TSNode part : node::NamedChildren(template_string))
    if (node::Is(part, "template_substitution")) return true;
  return false;
}

// The URL a `+` or a template string (`${BASE_URL}drpay/paypal/start`)
// ends with when its end is written out, or "".
std::string KnownEndOf(TSNode url, std::string_view source) {
  if (node::Is(url, "template_string")) {
    std::vector<TSNode> parts = node::NamedChildren(url);
    if (parts.empty() || !node::Is(parts.back(), "string_fragment")) return "";
    return WholeSegmentsOfTail(node::Text(parts.back(), source));
  }
  if (node::Text(node::Field(url, "operator"), source) != "+") return "";
  std::string tail;
  if (!node::StringLiteralValue(node::Field(url, "right"), source, &tail))
    return "";
  return WholeSegmentsOfTail(tail);
}

// The path-like strings in `n`, outside the functions in it, that hold a
// `/` or name a `.php` file.
void CollectUrls(TSNode n, std::string_view source,
                 std::vector<std::string>* urls) {
  if (ts_node_is_null(n) || node::IsFunction(n)) return;
  // `'drpay/paypal/' + action`, `` `/api/${x}` ``: a URL not all written
  // out, marked by an empty entry (it may name any file). One whose end
  // is written out (`BASE_URL + 'drpay/paypal/start'`) is known by the
  // segments it ends with.
  if (node::Is(n, "binary_expression") || node::Is(n, "template_string")) {
    std::string end = KnownEndOf(n, source);
    if (!end.empty() &&
        (node::Is(n, "binary_expression") || HasSubstitution(n))) {
      urls->push_back(std::move(end));
      return;
    }
    if (node::Is(n, "binary_expression")) urls->emplace_back();
  }
  if (node::Is(n, "template_substitution")) urls->emplace_back();
  if (node::Is(n, "string_fragment")) {
    std::string_view text = node::Text(n, source);
    if (text.find('/') != std::string_view::npos ||
        text.find(".php") != std::string_view::npos) {
      urls->emplace_back(text);
    }
    return;
  }
  for (TSNode child : node::NamedChildren(n)) CollectUrls(child, source, urls);
}

// `$.when(a, b)`, `Promise.all([a, b])`: every argument is a request.
bool JoinsRequests(TSNode call, std::string_view source) {
  std::string_view name =
      node::Text(CalledName(node::Field(call, "function")), source);
  return name == "when" || name == "all" || name == "allSettled" ||
         name == "race" || name == "any";
}

// The URL arguments of one call: its first argument, or the `url` of an
// options object (`$.ajax({url: ..., data: {...}})`); every argument of a
// join of requests.
void CollectCallUrls(TSNode call, std::string_view source,
                     std::vector<std::string>* urls) {
  std::vector<TSNode> args = node::Arguments(call);
  bool join = JoinsRequests(call, source);
  for (size_t i = 0; i < args.size(); ++i) {
    TSNode arg = node::Unwrap(args[i]);
    if (!node::Is(arg, "object")) {
      if (i == 0 || join) CollectUrls(arg, source, urls);
      continue;
    }
    for (TSNode pair : node::NamedChildren(arg)) {
      std::string key;
      if (node::Is(pair, "pair") &&
          (node::Text(node::Field(pair, "key"), source) == "url" ||
           (node::StringLiteralValue(node::Field(pair, "key"), source, &key) &&
            key == "url"))) {
        CollectUrls(node::Field(pair, "value"), source, urls);
      }
    }
  }
}

// `res.json()`, `res.text()`: the body of the answer read, no request of
// its own (`fetch(url).then(r => r.json()).then(...)` is one request).
bool ReadsBody(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression") || !node::Arguments(call).empty())
    return false;
  std::string_view name = node::Text(node::Field(callee, "property"), source);
  return name == "json" || name == "text";
}

// Whether a function handed to a call along a chain makes a request of its
// own (`.then(() => storage.post(b))`): the answer further down the chain
// may be that request's, whose URL is not the chain's.
bool HandsOnToAnotherRequest(TSNode call, std::string_view source) {
  for (TSNode arg : node::Arguments(call)) {
    arg = node::Unwrap(arg);
    if (!node::IsFunction(arg)) continue;
    bool asks = false;
    ForEachDescendant(arg, false, [&](TSNode n) {
      asks = asks || (node::Is(n, "call_expression") && !ReadsBody(n, source) &&
                      NamesAsk(node::Field(n, "function"), source));
    });
    if (asks) return true;
  }
  return false;
}

// The URLs of the calls along `request`'s chain (`storage.post(url).done`);
// none when a step of it makes another request.
std::vector<std::string> ChainUrls(TSNode request, std::string_view source) {
  std::vector<std::string> urls;
  TSNode call = request;
  for (int steps = 0; steps < 64 && !ts_node_is_null(call); ++steps) {
    if (node::Is(call, "new_expression")) {
      CollectCallUrls(call, source, &urls);
      break;
    }
    if (node::Is(call, "call_expression")) {
      if (!ts_node_eq(call, request) && HandsOnToAnotherRequest(call, source))
        return {};
      CollectCallUrls(call, source, &urls);
      call = node::Unwrap(node::Field(call, "function"));
    } else if (node::Is(call, "member_expression")) {
      call = node::Unwrap(node::Field(call, "object"));
    } else {
      break;
    }
  }
  return urls;
}

// The call a callback is handed to: `f(cb)`, `f({success: cb})`.
TSNode CallTaking(TSNode function) {
  TSNode up = node::Parent(function);
  if (node::Is(up, "pair")) up = node::Parent(node::Parent(up));
  if (!node::Is(up, "arguments")) return TSNode{};
  return node::Parent(up);
}

// The request a callback parameter gets the response of, or null.
TSNode RequestOfCallback(TSNode parameter, std::string_view source) {
  TSNode function = parameter;
  for (int i = 0;
       i < 4 && !ts_node_is_null(function) && !node::IsFunction(function);
       ++i) {
    function = node::Parent(function);
  }
  if (!node::IsFunction(function)) return TSNode{};
  TSNode call = CallTaking(function);
  // `new Ajax.Request(url, { onSuccess: function (t) {...} })`
  // (Prototype.js, Magento 1) is a request too.
  bool made = node::Is(call, "new_expression");
  if ((!node::Is(call, "call_expression") && !made) ||
      !AsksServer(node::Field(call, made ? "constructor" : "function"),
                  source)) {
    return TSNode{};
  }
  return call;
}

// The call a variable is set from, through `await`: `const data = await
// res.json()`, `const {data} = await axios.post(...)`; null when it is not
// a request.
TSNode RequestOfVariable(TSNode declarator, std::string_view source) {
  if (!node::Is(declarator, "variable_declarator")) return TSNode{};
  TSNode value = node::Unwrap(node::Field(declarator, "value"));
  while (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (!node::Is(value, "call_expression") ||
      !AsksServer(node::Field(value, "function"), source)) {
    return TSNode{};
  }
  return value;
}

TSNode RequestOf(TSNode name, std::string_view source) {
  Binding binding = ResolveName(node::Text(name, source), name, source);
  switch (binding.kind) {
    case Binding::Kind::kParameter:
      return RequestOfCallback(binding.declarator, source);
    case Binding::Kind::kVariable:
    case Binding::Kind::kOther:
      return RequestOfVariable(binding.declarator, source);
    default:
      return TSNode{};
  }
}

}  // namespace

std::optional<ServerRead> ServerResponseRead(TSNode value,
                                             std::string_view source) {
  ServerRead read;
  TSNode n = node::Unwrap(value);
  for (int steps = 0; steps < 16; ++steps) {
    if (node::Is(n, "member_expression")) {
      TSNode property = node::Field(n, "property");
      if (!node::Is(property, "property_identifier")) return std::nullopt;
      read.keys.insert(read.keys.begin(),
                       std::string(node::Text(property, source)));
      n = node::Unwrap(node::Field(n, "object"));
    } else if (node::Is(n, "subscript_expression")) {
      std::string key;
      if (!node::StringLiteralValue(node::Field(n, "index"), source, &key))
        return std::nullopt;
      read.keys.insert(read.keys.begin(), std::move(key));
      n = node::Unwrap(node::Field(n, "object"));
    } else {
      break;
    }
  }
  if (!node::Is(n, "identifier")) return std::nullopt;
  TSNode request = RequestOf(n, source);
  if (ts_node_is_null(request)) return std::nullopt;
  read.urls = RequestUrls(request, source);
  return read;
}

bool MayNameRequestApi(std::string_view text) {
  auto named = [&](std::string_view word) {
    return FindNoCase(text, word) != std::string_view::npos;
  };
  return std::any_of(kRequestWords.begin(), kRequestWords.end(), named) ||
         std::any_of(kCalledRequestWords.begin(), kCalledRequestWords.end(),
                     named);
}

bool NamesRequestApi(TSNode callee, std::string_view source) {
  return CalledNameAsks(callee, source) || NamesAsk(callee, source);
}

bool IsPendingRequest(TSNode name, std::string_view source) {
  if (!node::Is(name, "identifier")) return false;
  Binding binding = ResolveName(node::Text(name, source), name, source);
  return binding.kind == Binding::Kind::kVariable &&
         node::Is(binding.declarator, "variable_declarator") &&
         IsRequestCall(node::Field(binding.declarator, "value"), source, 1);
}

bool AsksServer(TSNode callee, std::string_view source) {
  return AsksServerWithin(callee, source, 0);
}

std::vector<std::string> RequestUrls(TSNode request, std::string_view source) {
  std::vector<std::string> urls = ChainUrls(request, source);
  // `res.json()` on `const res = await fetch('/x')`.
  TSNode object = node::Field(node::Field(request, "function"), "object");
  if (urls.empty() && node::Is(object, "identifier")) {
    TSNode earlier = RequestOf(object, source);
    if (!ts_node_is_null(earlier)) urls = ChainUrls(earlier, source);
  }
  return urls;
}

}  // namespace psm
