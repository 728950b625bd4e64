// Generator-based property test of the per-file pipeline.
//
// For every payment method in the built-in rule table, generates random
// legacy payloads in random formatting -- key quotes (none, single, double),
// comments before and after properties, trailing commas or not, one line or
// many (or a mix), CRLF or LF, tabs or spaces, blank lines, `:` spacing,
// shorthand properties, random order, the method sub-object with kept and
// removed fields, decoys (kept fields named like removed ones elsewhere),
// multi-line values -- and embeds each as `dr.createSource(el, {...})` or
// `var p = {...}; dr.createSource(p);`. Runs MigrateText with session id `S`
// and checks, by re-parsing the output with tree-sitter independently of
// the tool's own finder:
//   - the output has no syntax errors;
//   - top-level keys = input's - the rule's removed top-level keys
//     + `sessionId` (right after `type`, value `S`); the order of the kept
//     keys is unchanged;
//   - each method sub-object's keys = input's - the removed nested keys;
//   - every kept property's value text is byte-identical to the input's;
//   - the text outside the payload object is byte-identical;
//   - a second MigrateText changes nothing.
// Deterministic: case i of method m uses seed (base ^ hash(m)) + i. On
// failure the message gives the method, the case index, the seed and the
// input and output. Environment: PSM_PROPERTY_CASES (cases per method,
// default 2000), PSM_PROPERTY_FIRST (first case index, default 0),
// PSM_PROPERTY_SEED (base seed).
#include <gtest/gtest.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "edit/site_plan.h"
#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

constexpr const char* kSession = "S";
constexpr uint64_t kDefaultSeed = 0x5e55'10a1'd0c0'ffeeULL;

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  if (!value || !*value) return fallback;
  return std::strtoull(value, nullptr, 0);
}

// ---------------------------------------------------------------------------
// Random source: explicit arithmetic so the cases are the same everywhere.

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  size_t Below(size_t n) {
    return n == 0 ? 0 : static_cast<size_t>(engine_() % n);
  }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------
// The generator.

struct FileStyle {
  std::string eol;     // "\n" or "\r\n"
  std::string indent;  // one level: two or four spaces, or a tab
};

struct ObjectStyle {
  bool one_line = false;
  bool comma_first = false;  // `{ a: 1\n, b: 2\n}` (npm style), multi-line only
  bool trailing_comma = false;
  bool inner_spaces = true;  // `{ a: 1 }` rather than `{a: 1}` on one line
  bool hug_open = false;     // multi-line, first member on the `{` line
  bool hug_close = false;    // multi-line, `}` on the last member's line
};

// One generated member; `text` is rendered except for `object`, which is
// rendered with the enclosing object's depth.
struct GenMember {
  std::string text;                    // e.g. `"amount": cart.total`
  std::string head;                    // key and separator when `object` is set
  struct GenObject* object = nullptr;  // the method sub-object
  std::string
      variable;  // set: `object` is declared as this const, the member names it
};

struct GenObject {
  std::vector<GenMember> members;
  ObjectStyle style;
};

const std::vector<std::string> kBlockComments = {"/* note */",
                                                 "/* a, b */",
                                                 "/* } */",
                                                 "/* amount: 1, */",
                                                 "/**/",
                                                 "/* TODO: drop */",
                                                 "/* caf\u00e9 \u20ac */"};
const std::vector<std::string> kLineComments = {
    "// note", "// a, b",          "// }",          "// amount: 1,",
    "//",      "// TODO(x): y, z", "// \"quoted\"", "// \u00fcber \u20ac"};

class Generator {
 public:
  Generator(Rng& rng, const FileStyle& file) : rng_(rng), file_(file) {}

  std::string Indent(int depth) const {
    std::string out;
    for (int i = 0; i < depth; ++i) out += file_.indent;
    return out;
  }

  std::string Key(const std::string& name) {
    bool identifier = name.find('-') == std::string::npos;
    int quote = identifier ? static_cast<int>(rng_.Below(3))
                           : 1 + static_cast<int>(rng_.Below(2));
    if (quote == 1) return "\"" + name + "\"";
    if (quote == 2) return "'" + name + "'";
    return name;
  }

  std::string Separator() {
    static const std::vector<std::string> kSeparators = {": ", ": ",  ": ",
                                                         ":",  " : ", ":  "};
    return rng_.Pick(kSeparators);
  }

  // A value expression written at `depth` (the depth of its member's line).
  std::string Value(int depth, bool allow_multiline = true) {
    const std::string& eol = file_.eol;
    switch (rng_.Below(allow_multiline ? 16 : 12)) {
      case 0:
        return rng_.Pick(
            std::vector<std::string>{"120.99", "0", "-1", "1e3", "0x1F"});
      case 1:
        return rng_.Pick(std::vector<std::string>{
            "\"USD\"", "'EUR'", "\"a, b\"", "'}'", "\"// not a comment\"",
            "'amount: 1, currency: 2'", "\"it\\\"s\"", "'it\\'s'", "\"\""});
      case 2:
        return rng_.Pick(std::vector<std::string>{"`x`", "`${cart.total}`",
                                                  "`a, ${b}, {c}`"});
      case 3:
        return rng_.Pick(std::vector<std::string>{
            "cart.total", "basket.lines[0]", "location.href + \"?ok\"",
            "amount", "currency", "cart.amount"});
      // Values with effects (calls, `new`) keep their member and make the
      // site need review: the fixtures and the differential test cover that;
      // here every value is one the tool may remove.
      case 4:
        return rng_.Pick(std::vector<std::string>{"fmt", "a.b.c", "typeof x",
                                                  "quote[cart].total"});
      case 5:
        return rng_.Pick(std::vector<std::string>{
            "[1, 2, 3]", "[]", "[{ sku: 'a' }, { sku: \"b\" }]"});
      case 6:
        return rng_.Pick(std::vector<std::string>{"{ line1: a, amount: 2 }",
                                                  "{}", "{ currency: c, }"});
      case 7:
        return rng_.Pick(
            std::vector<std::string>{"true", "false", "null", "undefined",
                                     "\"\u20ac \u00e9\"", "'\u65e5\u672c'"});
      case 8:
        return "a ? b : c";
      case 9:
        return "(x) => ({ a: x, b: [1, 2] })";
      case 10:
        return "/,}/g";
      case 11:
        return "!0";
      case 12:
        return "lines.map(function (l) {" + eol + Indent(depth + 1) +
               "return { name: l.name, qty: l.qty };" + eol + Indent(depth) +
               "})";
      case 13:
        return "{" + eol + Indent(depth + 1) + "recipient: s.name," + eol +
               Indent(depth + 1) + "address: { line1: s.l1, city: s.city }" +
               eol + Indent(depth) + "}";
      case 14:
        return "[" + eol + Indent(depth + 1) + "a," + eol + Indent(depth + 1) +
               "b" + eol + Indent(depth) + "]";
      default:
        return "cond" + eol + Indent(depth + 1) + "? one" + eol +
               Indent(depth + 1) + ": two";
    }
  }

  GenMember Pair(const std::string& name, int depth) {
    return {Key(name) + Separator() + Value(depth), "", nullptr};
  }

  // `name` or `name: value`: shorthands only for identifiers.
  GenMember PairOrShorthand(const std::string& name, int depth) {
    if (name.find('-') == std::string::npos && rng_.Chance(20))
      return {name, "", nullptr};
    return Pair(name, depth);
  }

  ObjectStyle RandomObjectStyle() {
    ObjectStyle s;
    s.one_line = rng_.Chance(25);
    s.comma_first = !s.one_line && rng_.Chance(8);
    s.trailing_comma = !s.comma_first && rng_.Chance(50);
    s.inner_spaces = rng_.Chance(80);
    s.hug_open = !s.one_line && !s.comma_first && rng_.Chance(10);
    s.hug_close = !s.one_line && !s.comma_first && rng_.Chance(10);
    return s;
  }

  // Renders `object` whose closing brace sits at `depth`.
  std::string Render(const GenObject& object, int depth) {
    const std::string& eol = file_.eol;
    const auto& members = object.members;
    const ObjectStyle& style = object.style;
    std::string out = "{";
    if (members.empty())
      return style.one_line ? "{}" : "{" + eol + Indent(depth) + "}";
    auto member_text = [&](const GenMember& m, int member_depth) {
      if (!m.object) return m.text;
      if (!m.variable.empty()) return m.head + m.variable;
      return m.head + Render(*m.object, member_depth);
    };
    if (style.one_line) {
      out += style.inner_spaces ? " " : "";
      for (size_t i = 0; i < members.size(); ++i) {
        bool last = i + 1 == members.size();
        if (rng_.Chance(8)) out += rng_.Pick(kBlockComments) + " ";
        out += member_text(members[i], depth);
        if (rng_.Chance(8)) out += " " + rng_.Pick(kBlockComments);
        if (!last || style.trailing_comma) out += ",";
        if (rng_.Chance(5)) out += " " + rng_.Pick(kBlockComments);
        if (!last) out += " ";
      }
      out += style.inner_spaces ? " }" : "}";
      return out;
    }
    if (style.hug_open) {
      out += style.inner_spaces ? " " : "";
    } else {
      out += eol;
    }
    if (style.comma_first) {
      for (size_t i = 0; i < members.size(); ++i) {
        out += Indent(depth + 1) + (i == 0 ? "  " : ", ") +
               member_text(members[i], depth + 1);
        if (rng_.Chance(10)) out += " " + rng_.Pick(kLineComments);
        out += eol;
      }
      return out + Indent(depth) + "}";
    }
    bool line_open = style.hug_open;
    for (size_t i = 0; i < members.size(); ++i) {
      bool last = i + 1 == members.size();
      if (line_open && i == 0) {
        // first member hugging `{`: nothing to separate
      } else if (!line_open) {
        if (i > 0 && rng_.Chance(10))
          out += rng_.Chance(70) ? eol : Indent(depth + 1) + eol;
        if (rng_.Chance(12)) {
          std::string c = rng_.Chance(60) ? rng_.Pick(kLineComments)
                                          : rng_.Pick(kBlockComments);
          out += Indent(depth + 1) + c + eol;
        }
        out += Indent(depth + 1);
      } else {
        out += " ";
      }
      if (rng_.Chance(5)) out += rng_.Pick(kBlockComments) + " ";
      out += member_text(members[i], depth + 1);
      if (rng_.Chance(5)) out += " " + rng_.Pick(kBlockComments);
      if (!last || style.trailing_comma) out += ",";
      if (last && style.hug_close) {
        if (rng_.Chance(20)) out += " " + rng_.Pick(kBlockComments);
        return out + (style.inner_spaces ? " }" : "}");
      }
      bool newline = last || rng_.Chance(85);
      if (newline) {
        if (rng_.Chance(12)) {
          out += " " + (rng_.Chance(60) ? rng_.Pick(kLineComments)
                                        : rng_.Pick(kBlockComments));
        }
        if (rng_.Chance(4))
          out += rng_.Chance(50) ? "  " : "\t";  // trailing blanks
        out += eol;
        line_open = false;
      } else {
        line_open = true;
      }
    }
    if (rng_.Chance(6))
      out += Indent(depth + 1) + rng_.Pick(kLineComments) + eol;
    out += Indent(depth) + "}";
    return out;
  }

 private:
  Rng& rng_;
  const FileStyle& file_;
};

// The rule split into what the payload loses at the top and in each
// sub-object.
struct RuleShape {
  std::set<std::string> top_removed;
  std::map<std::string, std::set<std::string>>
      nested_removed;  // prefix -> keys
  std::vector<std::string>
      sub_objects;  // prefixes to generate, the type's own first
};

RuleShape ShapeOf(const MethodRule& rule) {
  RuleShape shape;
  shape.sub_objects.push_back(rule.type);
  for (const std::string& path : rule.remove) {
    size_t dot = path.find('.');
    if (dot == std::string::npos) {
      shape.top_removed.insert(path);
      continue;
    }
    std::string prefix = path.substr(0, dot);
    std::string rest = path.substr(dot + 1);
    if (rest.find('.') != std::string::npos)
      continue;  // deeper paths: not generated
    shape.nested_removed[prefix].insert(rest);
    if (std::find(shape.sub_objects.begin(), shape.sub_objects.end(), prefix) ==
        shape.sub_objects.end()) {
      shape.sub_objects.push_back(prefix);
    }
  }
  return shape;
}

struct GeneratedCase {
  std::string text;
  bool has_spread = false;
  bool had_session_id = false;
};

// Kept keys: ordinary fields, and decoys named like fields removed elsewhere.
const std::vector<std::string> kTopKept = {
    "owner",        "metadata", "upstreamId", "usage",  "flow",
    "email",        "items",    "taxAmount",  "locale", "amounts",
    "currencyCode", "shipping", "x-custom",   "mandate"};
const std::vector<std::string> kNestedKept = {
    "returnUrl", "cancelUrl", "reference",       "accountHolder", "amount",
    "currency",  "name",      "purchaseCountry", "x-flag",        "items2"};

GeneratedCase Generate(const MethodRule& rule, const RuleShape& shape,
                       uint64_t seed) {
  Rng rng(seed);
  FileStyle file;
  file.eol = rng.Chance(30) ? "\r\n" : "\n";
  file.indent =
      rng.Pick(std::vector<std::string>{"  ", "    ", "\t", "  ", "    "});
  Generator gen(rng, file);
  GeneratedCase out;

  // Where the payload literal goes, and how deep its closing brace sits.
  bool in_function = rng.Chance(60);
  bool via_variable = rng.Chance(45);
  int depth = in_function ? 1 : 0;
  int member_depth = depth + 1;  // approximate: used for multi-line values

  std::vector<GenMember> members;
  // type, possibly through a const.
  bool const_type = rng.Chance(10);
  std::string type_value;
  if (const_type) {
    type_value = "METHOD";
  } else {
    std::string q =
        rng.Pick(std::vector<std::string>{"\"", "'", "`", "'", "\""});
    type_value = q + rule.type + q;
  }
  members.push_back(
      {gen.Key("type") + gen.Separator() + type_value, "", nullptr});
  if (rng.Chance(10)) {
    out.had_session_id = true;
    members.push_back(
        {gen.Key("sessionId") + gen.Separator() + "existing.session.id", "",
         nullptr});
  }
  for (const std::string& key : shape.top_removed) {
    if (rng.Chance(65))
      members.push_back(gen.PairOrShorthand(key, member_depth));
  }
  for (const std::string& key : kTopKept) {
    if (rng.Chance(20))
      members.push_back(gen.PairOrShorthand(key, member_depth));
  }
  if (rng.Chance(4)) {
    out.has_spread = true;
    members.push_back({"...extra", "", nullptr});
  }
  if (rng.Chance(4)) members.push_back({"toJSON() { return 1; }", "", nullptr});
  if (rng.Chance(3))
    members.push_back({"get label() { return 2; }", "", nullptr});
  if (rng.Chance(3)) members.push_back({"7: \"seven\"", "", nullptr});

  // Method sub-objects: the type's own usually, the others (payPal for
  // payPalBilling) sometimes.
  std::vector<std::unique_ptr<GenObject>> sub_objects;
  for (size_t s = 0; s < shape.sub_objects.size(); ++s) {
    const std::string& prefix = shape.sub_objects[s];
    if (!rng.Chance(s == 0 ? 80 : 45)) continue;
    auto object = std::make_unique<GenObject>();
    object->style = gen.RandomObjectStyle();
    auto removed = shape.nested_removed.find(prefix);
    if (removed != shape.nested_removed.end()) {
      for (const std::string& key : removed->second) {
        if (rng.Chance(55))
          object->members.push_back(gen.PairOrShorthand(key, member_depth + 1));
      }
    }
    for (const std::string& key : kNestedKept) {
      if (rng.Chance(25))
        object->members.push_back(gen.PairOrShorthand(key, member_depth + 1));
    }
    rng.Shuffle(object->members);
    GenMember member;
    member.head = gen.Key(prefix) + gen.Separator();
    member.object = object.get();
    if (rng.Chance(12)) member.variable = "details" + std::to_string(s);
    members.push_back(member);
    sub_objects.push_back(std::move(object));
  }
  rng.Shuffle(members);

  GenObject payload;
  payload.members = std::move(members);
  payload.style = gen.RandomObjectStyle();
  if (payload.members.size() > 6 && rng.Chance(70))
    payload.style.one_line = false;

  const std::string& eol = file.eol;
  std::string ind = gen.Indent(depth);
  std::string text;
  if (rng.Chance(30)) text += "// checkout" + eol;
  if (const_type) text += "const METHOD = \"" + rule.type + "\";" + eol;
  if (rng.Chance(40)) text += "var dr = DigitalRiver(\"pk_test_1\");" + eol;
  if (in_function) text += "function pay(el, cart) {" + eol;
  for (const GenMember& m : payload.members) {
    if (m.variable.empty()) continue;
    text += ind + "const " + m.variable + " = " + gen.Render(*m.object, depth) +
            ";" + eol;
  }
  std::string object_text = gen.Render(payload, depth);
  std::string args = rng.Chance(50) ? "el, " : "";
  if (via_variable) {
    std::string keyword =
        rng.Pick(std::vector<std::string>{"var", "let", "const"});
    text += ind + keyword + " p = " + object_text + ";" + eol;
    if (rng.Chance(20)) text += eol;
    text +=
        ind + (in_function ? "return " : "") + "dr.createSource(" + args + "p)";
  } else {
    text += ind + (in_function ? "return " : "") + "dr.createSource(" + args +
            object_text + ")";
  }
  if (rng.Chance(30)) text += ".then(function (r) { show(r); })";
  text += ";" + eol;
  if (in_function) text += "}" + eol;
  if (rng.Chance(10))
    text.resize(text.size() - eol.size());  // no line break at the end
  out.text = std::move(text);
  return out;
}

// ---------------------------------------------------------------------------
// The checker: reads payload objects back with plain tree-sitter calls.

std::string_view Text(TSNode n, std::string_view source) {
  return source.substr(ts_node_start_byte(n),
                       ts_node_end_byte(n) - ts_node_start_byte(n));
}

bool Is(TSNode n, const char* type) {
  return !ts_node_is_null(n) && std::string_view(ts_node_type(n)) == type;
}

TSNode Field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name,
                                     static_cast<uint32_t>(std::strlen(name)));
}

struct Property {
  std::string key;
  std::string value;  // the value's text (whole member for methods/spreads)
  TSNode value_node;
};

std::vector<Property> Properties(TSNode object, std::string_view source) {
  std::vector<Property> out;
  uint32_t count = ts_node_named_child_count(object);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_named_child(object, i);
    std::string_view type = ts_node_type(child);
    if (type == "comment") continue;
    Property p;
    if (type == "pair") {
      TSNode key = Field(child, "key");
      std::string_view k = Text(key, source);
      if (Is(key, "string")) k = k.substr(1, k.size() - 2);
      p.key = std::string(k);
      p.value_node = Field(child, "value");
      p.value = std::string(Text(p.value_node, source));
    } else if (type == "shorthand_property_identifier") {
      p.key = p.value = std::string(Text(child, source));
      p.value_node = child;
    } else if (type == "method_definition") {
      p.key = std::string(Text(Field(child, "name"), source));
      p.value = std::string(Text(child, source));
      p.value_node = child;
    } else {  // spread_element
      p.key = std::string(Text(child, source));
      p.value = p.key;
      p.value_node = child;
    }
    out.push_back(std::move(p));
  }
  return out;
}

template <typename F>
void Visit(TSNode n, F&& f) {
  f(n);
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) Visit(ts_node_named_child(n, i), f);
}

// The object literal a `const`/`let`/`var` named `name` is initialised with.
TSNode DeclaredObject(TSNode root, std::string_view source,
                      std::string_view name) {
  TSNode value{};
  Visit(root, [&](TSNode n) {
    if (ts_node_is_null(value) && Is(n, "variable_declarator") &&
        Text(Field(n, "name"), source) == name) {
      value = Field(n, "value");
    }
  });
  return Is(value, "object") ? value : TSNode{};
}

// The text with the byte ranges `cut` (sorted, disjoint) left out.
std::string Outside(std::string_view text,
                    std::vector<std::pair<uint32_t, uint32_t>> cut) {
  std::sort(cut.begin(), cut.end());
  std::string out;
  uint32_t at = 0;
  for (auto [begin, end] : cut) {
    if (begin < at) continue;  // nested in a range already cut
    out.append(text.substr(at, begin - at));
    out += "\x01";
    at = end;
  }
  out.append(text.substr(at));
  return out;
}

// The payload object of the file's one createSource call.
TSNode PayloadObject(TSNode root, std::string_view source) {
  TSNode call{};
  Visit(root, [&](TSNode n) {
    if (!ts_node_is_null(call) || !Is(n, "call_expression")) return;
    TSNode callee = Field(n, "function");
    if (Is(callee, "member_expression") &&
        Text(Field(callee, "property"), source) == "createSource") {
      call = n;
    }
  });
  if (ts_node_is_null(call)) return {};
  TSNode args = Field(call, "arguments");
  TSNode last{};
  for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i) {
    TSNode a = ts_node_named_child(args, i);
    if (!Is(a, "comment")) last = a;
  }
  if (Is(last, "object")) return last;
  if (!Is(last, "identifier")) return {};
  return DeclaredObject(root, source, Text(last, source));
}

std::string Keys(const std::vector<Property>& props) {
  std::string out = "[";
  for (const Property& p : props) out += (out.size() > 1 ? ", " : "") + p.key;
  return out + "]";
}

const Property* FindKey(const std::vector<Property>& props,
                        const std::string& key) {
  for (const Property& p : props) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

// Checks one case; returns the problems found (empty when it holds).
std::vector<std::string> CheckCase(const MethodRule& rule,
                                   const RuleShape& shape,
                                   const GeneratedCase& gen, Parser& tool,
                                   Parser& check) {
  std::vector<std::string> problems;
  const std::string& input = gen.text;
  PlanOptions options;
  options.session_id = kSession;
  Migration first = MigrateText("case.js", input, Language::kJavaScript,
                                BuiltinRules(), options, tool);
  std::string_view output = first.migrated_text();

  Tree in_tree = check.Parse(Language::kJavaScript, input);
  if (CountSyntaxErrors(in_tree.Root()) != 0) {
    return {"generator bug: the input has syntax errors"};
  }
  TSNode in_object = PayloadObject(in_tree.Root(), input);
  if (ts_node_is_null(in_object))
    return {"generator bug: no payload object in the input"};
  std::vector<Property> in_props = Properties(in_object, input);

  Tree out_tree = check.Parse(Language::kJavaScript, output);
  if (int errors = CountSyntaxErrors(out_tree.Root()); errors != 0) {
    problems.push_back("the output has " + std::to_string(errors) +
                       " syntax error(s)");
    return problems;
  }
  TSNode out_object = PayloadObject(out_tree.Root(), output);
  if (ts_node_is_null(out_object)) return {"no payload object in the output"};
  std::vector<Property> out_props = Properties(out_object, output);

  // A spread after `type` may change the method: nothing is removed. A
  // field after a spread overrides what the spread may hold: kept.
  bool spread_after_type = false, seen_type = false;
  size_t first_spread = in_props.size();
  for (size_t i = 0; i < in_props.size(); ++i) {
    if (in_props[i].key == "type") seen_type = true;
    if (!in_props[i].key.starts_with("...")) continue;
    spread_after_type = spread_after_type || seen_type;
    first_spread = std::min(first_spread, i);
  }
  auto removed_here = [&](size_t i) {
    return !spread_after_type && i < first_spread &&
           shape.top_removed.count(in_props[i].key) > 0;
  };

  // Top level: kept keys in input order, sessionId right after type --
  // unless a spread before type may already bring one, which the added
  // sessionId would replace: then none is added.
  std::vector<std::string> expected;
  bool spread_before_type = false;
  for (size_t i = 0; i < in_props.size() && in_props[i].key != "type"; ++i)
    spread_before_type = spread_before_type || i >= first_spread;
  for (size_t i = 0; i < in_props.size(); ++i) {
    const Property& p = in_props[i];
    if (removed_here(i)) continue;
    expected.push_back(p.key);
    if (p.key == "type" && !gen.had_session_id && rule.add_session_id &&
        !spread_before_type) {
      expected.push_back("sessionId");
    }
  }
  std::vector<std::string> actual;
  for (const Property& p : out_props) actual.push_back(p.key);
  std::set<std::string> expected_set(expected.begin(), expected.end());
  std::set<std::string> actual_set(actual.begin(), actual.end());
  if (expected_set != actual_set) {
    problems.push_back("top-level key set: input " + Keys(in_props) +
                       ", output " + Keys(out_props));
  } else if (expected != actual) {
    problems.push_back("top-level key order: input " + Keys(in_props) +
                       ", output " + Keys(out_props));
  }
  if (std::count(actual.begin(), actual.end(), "sessionId") > 1) {
    problems.push_back("more than one sessionId");
  }
  if (!gen.had_session_id) {
    const Property* added = FindKey(out_props, "sessionId");
    if (added && added->value != kSession) {
      problems.push_back("sessionId is `" + added->value + "`, not `S`");
    }
  }

  // Kept values are byte-identical; sub-objects lose exactly their removed
  // keys.
  std::vector<std::pair<uint32_t, uint32_t>> in_cut = {
      {ts_node_start_byte(in_object), ts_node_end_byte(in_object)}};
  std::vector<std::pair<uint32_t, uint32_t>> out_cut = {
      {ts_node_start_byte(out_object), ts_node_end_byte(out_object)}};
  for (size_t i = 0; i < in_props.size(); ++i) {
    const Property& in = in_props[i];
    if (removed_here(i)) continue;
    const Property* out = FindKey(out_props, in.key);
    if (!out) continue;  // reported above
    auto nested = shape.nested_removed.find(in.key);
    bool sub_object =
        std::find(shape.sub_objects.begin(), shape.sub_objects.end(), in.key) !=
        shape.sub_objects.end();
    TSNode in_sub = in.value_node, out_sub = out->value_node;
    if (sub_object &&
        Is(in_sub, "identifier")) {  // `payPal: details`, followed
      if (in.value != out->value) {
        problems.push_back("value of `" + in.key + "` changed: `" + in.value +
                           "` -> `" + out->value + "`");
      }
      in_sub = DeclaredObject(in_tree.Root(), input, in.value);
      out_sub = Is(out_sub, "identifier")
                    ? DeclaredObject(out_tree.Root(), output, out->value)
                    : TSNode{};
      if (!ts_node_is_null(in_sub)) {
        in_cut.push_back(
            {ts_node_start_byte(in_sub), ts_node_end_byte(in_sub)});
      }
      if (!ts_node_is_null(out_sub)) {
        out_cut.push_back(
            {ts_node_start_byte(out_sub), ts_node_end_byte(out_sub)});
      }
    }
    if (!sub_object || !Is(in_sub, "object")) {
      if (in.value != out->value) {
        problems.push_back("value of `" + in.key + "` changed: `" + in.value +
                           "` -> `" + out->value + "`");
      }
      continue;
    }
    if (!Is(out_sub, "object")) {
      problems.push_back("`" + in.key + "` is no longer an object literal");
      continue;
    }
    static const std::set<std::string> kNone;
    const std::set<std::string>& removed =
        nested == shape.nested_removed.end() || spread_after_type
            ? kNone
            : nested->second;
    std::vector<Property> in_nested = Properties(in_sub, input);
    std::vector<Property> out_nested = Properties(out_sub, output);
    std::vector<std::string> want, got;
    for (const Property& p : in_nested) {
      if (!removed.count(p.key)) want.push_back(p.key);
    }
    for (const Property& p : out_nested) got.push_back(p.key);
    if (std::set<std::string>(want.begin(), want.end()) !=
        std::set<std::string>(got.begin(), got.end())) {
      problems.push_back("keys of `" + in.key + "`: input " + Keys(in_nested) +
                         ", output " + Keys(out_nested));
    } else if (want != got) {
      problems.push_back("key order of `" + in.key + "`: input " +
                         Keys(in_nested) + ", output " + Keys(out_nested));
    }
    for (const Property& p : in_nested) {
      if (removed.count(p.key)) continue;
      const Property* o = FindKey(out_nested, p.key);
      if (o && o->value != p.value) {
        problems.push_back("value of `" + in.key + "." + p.key +
                           "` changed: `" + p.value + "` -> `" + o->value +
                           "`");
      }
    }
  }

  // Nothing outside the payload object (and the sub-objects it names) moves.
  if (Outside(input, in_cut) != Outside(output, out_cut)) {
    problems.push_back("text outside the payload object changed");
  }

  // What the report says.
  if (first.result.sites.size() != 1) {
    problems.push_back("expected 1 site, got " +
                       std::to_string(first.result.sites.size()));
  } else if (!gen.has_spread) {
    SiteStatus status = first.result.sites[0].status;
    SiteStatus want = first.result.changed ? SiteStatus::kMigrated
                                           : SiteStatus::kAlreadyMigrated;
    if (status != want) {
      problems.push_back("site status is " + std::string(StatusName(status)) +
                         ", expected " + std::string(StatusName(want)));
    }
  }
  if (!first.result.error.empty())
    problems.push_back("error: " + first.result.error);

  Migration second = MigrateText("case.js", output, Language::kJavaScript,
                                 BuiltinRules(), options, tool);
  if (second.migrated_text() != output) {
    problems.push_back("not idempotent; second output:\n" +
                       std::string(second.migrated_text()));
  }
  return problems;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Visible(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r')
      out += "\\r";
    else
      out += text[i];
  }
  return out;
}

std::vector<std::string> MethodTypes() {
  std::vector<std::string> types;
  for (const auto& [type, rule] : BuiltinRules().methods())
    types.push_back(type);
  return types;
}

class PayloadPropertyTest : public testing::TestWithParam<std::string> {};

TEST_P(PayloadPropertyTest, MigrationKeepsWhatItShouldAndIsIdempotent) {
  const MethodRule* rule = BuiltinRules().Find(GetParam());
  ASSERT_NE(rule, nullptr);
  RuleShape shape = ShapeOf(*rule);
  const uint64_t first = EnvNumber("PSM_PROPERTY_FIRST", 0);
  const uint64_t cases = EnvNumber("PSM_PROPERTY_CASES", 2000);
  const uint64_t base =
      EnvNumber("PSM_PROPERTY_SEED", kDefaultSeed) ^ Fnv1a(rule->type);
  Parser tool, check;
  int failures = 0;
  uint64_t migrated = 0;
  for (uint64_t i = first; i < first + cases && failures < 5; ++i) {
    uint64_t seed = base + i;
    GeneratedCase gen = Generate(*rule, shape, seed);
    std::vector<std::string> problems =
        CheckCase(*rule, shape, gen, tool, check);
    if (problems.empty()) {
      ++migrated;
      continue;
    }
    ++failures;
    std::ostringstream message;
    message << "method " << rule->type << ", case " << i << " (seed " << seed
            << "); rerun alone: PSM_PROPERTY_FIRST=" << i
            << " PSM_PROPERTY_CASES=1 psm_tests "
               "--gtest_filter='*PayloadPropertyTest*/"
            << rule->type << "'\n";
    for (const std::string& p : problems) message << "  - " << p << "\n";
    Parser again;
    PlanOptions options;
    options.session_id = kSession;
    Migration m = MigrateText("case.js", gen.text, Language::kJavaScript,
                              BuiltinRules(), options, again);
    message << "--- input ---\n"
            << Visible(gen.text) << "--- output ---\n"
            << Visible(m.migrated_text()) << "---";
    ADD_FAILURE() << message.str();
  }
  RecordProperty("cases", std::to_string(cases));
  RecordProperty("passed", std::to_string(migrated));
  EXPECT_EQ(failures, 0) << "(stopped after 5 failing cases)";
}

INSTANTIATE_TEST_SUITE_P(EveryMethod, PayloadPropertyTest,
                         testing::ValuesIn(MethodTypes()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

// The generator must produce what it promises, or the property proves
// little: every formatting feature shows up across the cases.
TEST(PayloadGeneratorTest, CoversTheFormattingVariants) {
  const MethodRule* rule = BuiltinRules().Find("payPal");
  ASSERT_NE(rule, nullptr);
  RuleShape shape = ShapeOf(*rule);
  std::map<std::string, int> seen;
  for (uint64_t i = 0; i < 400; ++i) {
    std::string t = Generate(*rule, shape, kDefaultSeed + i).text;
    auto note = [&](const char* what, bool present) {
      seen[what] += present ? 1 : 0;
    };
    note("crlf", t.find("\r\n") != std::string::npos);
    note("tabs", t.find("\n\t") != std::string::npos);
    note("double-quoted key", t.find("\"amount\"") != std::string::npos);
    note("single-quoted key", t.find("'currency'") != std::string::npos);
    note("line comment", t.find("// ") != std::string::npos);
    note("block comment", t.find("/* ") != std::string::npos);
    note("trailing comma", t.find(",\n}") != std::string::npos ||
                               t.find(", }") != std::string::npos);
    note("variable", t.find(" p = {") != std::string::npos);
    note("inline", t.find("createSource(el, {") != std::string::npos);
    note("shorthand", t.find(" amount,") != std::string::npos);
    note("nested payPal", t.find("payPal") != t.rfind("payPal"));
  }
  for (const auto& [what, count] : seen) EXPECT_GT(count, 10) << what;
}

}  // namespace
}  // namespace psm
