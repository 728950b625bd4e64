#include "find/server_response.h"

#include <array>
#include <cctype>

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
constexpr std::array<std::string_view, 12> kRequestWords = {
    "ajax",    "fetch", "post", "json", "axios", "request",
    "storage", "http",  "send", "xhr",  "put",   "response"};

bool IsRequestWord(std::string_view word) {
  for (std::string_view known : kRequestWords) {
    if (word.size() != known.size()) continue;
    bool same = true;
    for (size_t i = 0; i < word.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(word[i])) == known[i];
    }
    if (same) return true;
  }
  return false;
}

// `getJSON` -> get, JSON; `responseText` -> response, Text.
bool NameHasRequestWord(std::string_view name) {
  size_t begin = 0;
  for (size_t i = 1; i <= name.size(); ++i) {
    bool boundary = i == name.size() || name[i] == '_' || name[i] == '$' ||
                    (std::isupper(static_cast<unsigned char>(name[i])) &&
                     !std::isupper(static_cast<unsigned char>(name[i - 1])));
    if (!boundary) continue;
    if (IsRequestWord(name.substr(begin, i - begin))) return true;
    begin = i < name.size() && (name[i] == '_' || name[i] == '$') ? i + 1 : i;
  }
  return false;
}

// Whether the names in `callee` (not inside its arguments' functions) say
// it talks to a server: `$.ajax`, `fetch(url).then`, `storage.post(...).done`.
bool AsksServer(TSNode callee, std::string_view source) {
  if (ts_node_is_null(callee)) return false;
  std::string_view type = node::Type(callee);
  if (type == "identifier" || type == "property_identifier")
    return NameHasRequestWord(node::Text(callee, source));
  if (node::IsFunction(callee)) return false;
  for (TSNode child : node::NamedChildren(callee)) {
    if (AsksServer(child, source)) return true;
  }
  return false;
}

// The path-like strings of a request: its string literals outside the
// functions handed to it that hold a `/` or name a `.php` file.
void CollectUrls(TSNode n, std::string_view source,
                 std::vector<std::string>* urls) {
  if (ts_node_is_null(n) || node::IsFunction(n)) return;
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
  if (!node::Is(call, "call_expression") ||
      !AsksServer(node::Field(call, "function"), source)) {
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

// The URLs of `request`, and of the response it reads when it is
// `res.json()` on `const res = await fetch('/x')`.
std::vector<std::string> UrlsOf(TSNode request, std::string_view source) {
  std::vector<std::string> urls;
  CollectUrls(request, source, &urls);
  TSNode object = node::Field(node::Field(request, "function"), "object");
  if (urls.empty() && node::Is(object, "identifier")) {
    TSNode earlier = RequestOf(object, source);
    if (!ts_node_is_null(earlier)) CollectUrls(earlier, source, &urls);
  }
  return urls;
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
  read.urls = UrlsOf(request, source);
  return read;
}

}  // namespace psm
