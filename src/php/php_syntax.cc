#include "php/php_syntax.h"

#include <cctype>
#include <cstdint>
#include <string>

#include "common/strings.h"
#include "php/php_callback_builtins.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// `text` as a number in `base`; false when empty or not all digits.
bool Digits(std::string_view text, int base, unsigned long* value) {
  if (text.empty() || text.size() > 8) return false;
  *value = 0;
  for (char c : text) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : base;
    if (d >= base) return false;
    *value = *value * base + static_cast<unsigned long>(d);
  }
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// PHP's double-quoted escapes; an unknown one stays as written.
void DecodeEscape(std::string_view e, std::string* out) {
  if (e.size() < 2) {
    *out += e;
    return;
  }
  switch (e[1]) {
    case 'n':
      *out += '\n';
      return;
    case 't':
      *out += '\t';
      return;
    case 'r':
      *out += '\r';
      return;
    case 'v':
      *out += '\v';
      return;
    case 'f':
      *out += '\f';
      return;
    case 'e':
      *out += '\x1b';
      return;
    case '\\':
      *out += '\\';
      return;
    case '$':
      *out += '$';
      return;
    case '"':
      *out += '"';
      return;
    default:
      break;
  }
  // `\x6f`, `\157`, `\u{6f}`: a key written so reads as the key it spells
  // (`"am\x6funt"` is `amount`).
  unsigned long code = 0;
  if (e[1] == 'x' && Digits(e.substr(2), 16, &code)) {
    *out += static_cast<char>(code);
    return;
  }
  if (e[1] >= '0' && e[1] <= '7' && Digits(e.substr(1), 8, &code)) {
    *out += static_cast<char>(code & 0xff);  // PHP wraps `\400` to a byte
    return;
  }
  if (e.size() > 4 && e.substr(0, 3) == "\\u{" && e.back() == '}' &&
      Digits(e.substr(3, e.size() - 4), 16, &code) && code <= 0x10FFFF) {
    AppendUtf8(static_cast<uint32_t>(code), out);
    return;
  }
  *out += e;
}

bool SingleQuoted(std::string_view text, std::string* out) {
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'')
    return false;
  std::string_view body = text.substr(1, text.size() - 2);
  out->clear();
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size() &&
        (body[i + 1] == '\\' || body[i + 1] == '\'')) {
      ++i;
    }
    *out += body[i];
  }
  return true;
}

bool DoubleQuoted(TSNode n, std::string_view source, std::string* out) {
  std::string_view text = node::Text(n, source);
  if (text.size() < 2 || text.front() != '"') return false;
  out->clear();
  for (TSNode child : node::NamedChildren(n)) {
    if (node::Is(child, "string_content")) {
      *out += node::Text(child, source);
    } else if (node::Is(child, "escape_sequence")) {
      DecodeEscape(node::Text(child, source), out);
    } else {
      return false;  // interpolation
    }
  }
  return true;
}

}  // namespace

bool StringValue(TSNode n, std::string_view source, std::string* out) {
  n = Unparen(n);
  if (node::Is(n, "string")) return SingleQuoted(node::Text(n, source), out);
  if (node::Is(n, "encapsed_string")) return DoubleQuoted(n, source, out);
  return false;
}

std::string_view VariableName(TSNode n, std::string_view source) {
  if (!node::Is(n, "variable_name")) return {};
  std::string_view text = node::Text(n, source);
  return text.starts_with("$") ? text.substr(1) : std::string_view();
}

TSNode Unparen(TSNode n) {
  while (node::Is(n, "parenthesized_expression")) {
    std::vector<TSNode> inner = node::NamedChildren(n);
    if (inner.size() != 1) break;
    n = inner[0];
  }
  return n;
}

bool IsFunction(TSNode n) {
  std::string_view t = node::Type(n);
  return t == "function_definition" || t == "method_declaration" ||
         t == "anonymous_function" || t == "arrow_function";
}

TSNode ScopeOf(TSNode n) {
  std::vector<TSNode> up = node::Ancestors(n);
  for (TSNode a : up) {
    if (IsFunction(a)) return a;
  }
  return up.empty() ? n : up.back();
}

std::optional<AccessPath> ReadAccessPath(TSNode n, std::string_view source) {
  std::vector<TSNode> chain;
  while (node::Is(n, "subscript_expression")) {
    chain.push_back(n);
    n = ts_node_named_child(n, 0);
  }
  if (!node::Is(n, "variable_name")) return std::nullopt;
  AccessPath path;
  path.variable = n;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (ts_node_named_child_count(*it) < 2) {
      path.push = true;  // `[]`, only last in a valid write
      continue;
    }
    TSNode key = ts_node_named_child(*it, 1);
    std::string value;
    if (StringValue(key, source, &value)) {
      path.keys.push_back(std::move(value));
    } else if (node::Is(key, "integer")) {
      path.keys.emplace_back(node::Text(key, source));
    } else {
      path.dynamic = true;
      break;
    }
  }
  return path;
}

TSNode ChainTop(TSNode variable) {
  TSNode top = variable;
  for (TSNode a : node::Ancestors(variable)) {
    if (!node::Is(a, "subscript_expression") ||
        !ts_node_eq(ts_node_named_child(a, 0), top)) {
      break;
    }
    top = a;
  }
  return top;
}

bool IsCall(TSNode n) {
  std::string_view t = node::Type(n);
  return t == "function_call_expression" || t == "member_call_expression" ||
         t == "nullsafe_member_call_expression" ||
         t == "scoped_call_expression" || t == "object_creation_expression";
}

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string_view CalledName(TSNode call, std::string_view source) {
  TSNode name{};
  if (node::Is(call, "function_call_expression")) {
    name = node::Field(call, "function");
  } else if (node::Is(call, "object_creation_expression")) {
    for (TSNode child : node::NamedChildren(call)) {
      if (node::Is(child, "name") || node::Is(child, "qualified_name")) {
        name = child;
        break;
      }
    }
  } else if (IsCall(call)) {
    name = node::Field(call, "name");
  }
  if (!node::Is(name, "name") && !node::Is(name, "qualified_name")) return {};
  std::string_view text = node::Text(name, source);
  size_t slash = text.rfind('\\');
  return slash == std::string_view::npos ? text : text.substr(slash + 1);
}

TSNode StatementOf(TSNode n) {
  auto is_statement = [](TSNode s) {
    std::string_view t = node::Type(s);
    return t.ends_with("_statement") && t != "compound_statement";
  };
  if (is_statement(n)) return n;
  for (TSNode p : node::Ancestors(n)) {
    if (IsFunction(p)) return TSNode{};
    if (is_statement(p)) return p;
  }
  return TSNode{};
}

ValuePieces SplitValue(TSNode value, std::string_view source) {
  ValuePieces split;
  value = Unparen(value);
  std::string_view name = CalledName(value, source);
  if (node::Is(value, "function_call_expression") &&
      (SameName(name, "array_merge") || SameName(name, "array_replace"))) {
    split.kind = ValuePieces::Kind::kMerge;
    for (TSNode argument : node::NamedChildren(node::Field(value, "arguments")))
      split.pieces.push_back(ts_node_named_child(argument, 0));
    return split;
  }
  if (node::Is(value, "conditional_expression")) {  // `?:` gives the condition
    TSNode body = node::Field(value, "body");
    split.kind = ValuePieces::Kind::kChoice;
    split.pieces = {
        ts_node_is_null(body) ? node::Field(value, "condition") : body,
        node::Field(value, "alternative")};
    return split;
  }
  split.pieces = {value};
  return split;
}

std::vector<TSNode> ReturnedValues(TSNode function) {
  std::vector<TSNode> values;
  std::vector<TSNode> todo{node::Field(function, "body")};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (IsFunction(n)) continue;
    if (node::Is(n, "return_statement")) {
      TSNode value = ts_node_named_child(n, 0);
      if (!ts_node_is_null(value)) values.push_back(value);  // not `return;`
      continue;
    }
    for (TSNode child : node::NamedChildren(n)) todo.push_back(child);
  }
  return values;
}

TSNode ValueAtKeys(TSNode array, const std::vector<std::string>& keys,
                   std::string_view source) {
  for (const std::string& key : keys) {
    array = Unparen(array);
    if (!node::Is(array, "array_creation_expression")) return TSNode{};
    TSNode found{};
    for (TSNode element : node::NamedChildren(array)) {
      std::vector<TSNode> parts = node::NamedChildren(element);
      std::string text;
      if (parts.size() == 2 && StringValue(parts[0], source, &text) &&
          text == key) {
        found = parts[1];
      }
    }
    if (ts_node_is_null(found)) return TSNode{};
    array = found;
  }
  return array;
}

bool IsBlockStatement(TSNode statement) {
  std::string_view parent = node::Type(node::Parent(statement));
  return parent == "compound_statement" || parent == "program" ||
         parent == "colon_block";
}

bool IsShortEcho(TSNode statement, std::string_view source) {
  TSNode before = ts_node_prev_sibling(statement);
  while (node::Is(before, "comment")) before = ts_node_prev_sibling(before);
  if (node::Is(before, "text_interpolation")) {  // `?> html <?=`
    uint32_t count = ts_node_child_count(before);
    before = count ? ts_node_child(before, count - 1) : TSNode{};
  }
  return node::Is(before, "php_tag") && node::Text(before, source) == "<?=";
}

bool IsCallableString(TSNode n, std::string_view name, std::string_view text) {
  while (!ts_node_is_null(n) && !node::Is(n, "string") &&
         !node::Is(n, "encapsed_string") && !node::Is(n, "program"))
    n = node::Parent(n);
  if (!node::Is(n, "string") && !node::Is(n, "encapsed_string")) return false;
  std::string_view quoted = node::Text(n, text);
  if (quoted.size() < name.size() + 2) return false;
  std::string_view inside = quoted.substr(1, quoted.size() - 2);
  // `'build'`, or a static method: `'Pay::build'`.
  std::string_view tail = inside.substr(inside.size() - name.size());
  if (!SameName(tail, name) ||
      (tail.size() != inside.size() &&
       !inside.substr(0, inside.size() - name.size()).ends_with("::")))
    return false;
  TSNode up = node::Parent(n);
  if (node::Is(up, "array_element_initializer")) {
    TSNode array = node::Parent(up);
    std::vector<TSNode> items = node::NamedChildren(array);
    return items.size() == 2 && ts_node_eq(items[1], up);
  }
  if (node::Is(up, "argument")) {
    TSNode call = node::Parent(node::Parent(up));
    // Any argument: which one a built-in takes the callable as is not
    // worth the risk of a wrong table entry here.
    return FindCallbackBuiltin(CalledName(call, text)) != nullptr;
  }
  return false;
}

TSNode CallableStringNaming(TSNode root, std::string_view name,
                            std::string_view text) {
  // In lower case, for a string that spells the name otherwise
  // (`'BUILD'`); ASCII lowering keeps every byte where it was.
  for (size_t at : WordsAt(Lowered(text), Lowered(name))) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    if (!IsCallableString(n, name, text)) continue;
    while (!node::Is(n, "string") && !node::Is(n, "encapsed_string"))
      n = node::Parent(n);
    return n;
  }
  return TSNode{};
}

}  // namespace psm::php
