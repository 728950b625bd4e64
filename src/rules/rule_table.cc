#include "rules/rule_table.h"

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "rules/builtin_rules.h"
#include "rules/json_text.h"

namespace psm {
namespace {

using Json = nlohmann::json;

// Thrown only inside this file, turned into a RulesError at the boundary.
struct Invalid {
  std::string where;
  std::string message;
};

std::string Require(const Json& value, Json::value_t type, const char* expected,
                    const std::string& where) {
  if (value.type() != type) {
    throw Invalid{where, std::string("expected ") + expected + ", got " +
                             value.type_name()};
  }
  return where;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok =
        std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    if (!ok) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(s[0]));
}

void CheckPath(const std::string& path, const std::string& where) {
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    std::string_view segment = std::string_view(path).substr(
        start, dot == std::string::npos ? dot : dot - start);
    if (!IsIdentifier(segment)) {
      throw Invalid{where,
                    "\"" + path + "\" is not a dotted path of property names"};
    }
    if (dot == std::string::npos) return;
    start = dot + 1;
  }
}

// The payload's `type` says which rule applies and `sessionId` is what the
// migration adds: a rule removing either (or a field of it) would delete
// the user's own sessionId, or the method, and undo itself at the next run.
// Whether removing `outer` removes `path` too: the same path, or a field
// under it.
bool Covers(std::string_view outer, std::string_view path) {
  return path == outer ||
         (path.size() > outer.size() && path.starts_with(outer) &&
          path[outer.size()] == '.');
}

void CheckRemovable(const std::string& path, const std::string& where) {
  for (const char* kept : {"type", "sessionId"}) {
    if (Covers(kept, path)) {
      throw Invalid{where, "\"" + path +
                               "\" cannot be removed: the "
                               "migration keeps \"" +
                               std::string(kept) + "\""};
    }
  }
}

std::string OptionalString(const Json& entry, const char* key,
                           const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end()) return "";
  Require(*it, Json::value_t::string, "a string", where + "/" + key);
  return it->get<std::string>();
}

MethodRule ParseMethod(const std::string& type, const Json& entry,
                       const std::string& where) {
  if (!IsIdentifier(type)) {
    throw Invalid{where, "\"" + type + "\" is not a valid payment method type"};
  }
  Require(entry, Json::value_t::object, "an object", where);
  static const char* kKnown[] = {"name", "addSessionId", "remove", "assumption",
                                 "note"};
  for (const auto& [key, value] : entry.items()) {
    bool known = false;
    for (const char* k : kKnown) known = known || key == k;
    if (!known)
      throw Invalid{where + "/" + JsonPointerToken(key),
                    "unknown field \"" + key + "\""};
  }
  MethodRule rule;
  rule.type = type;
  rule.name = OptionalString(entry, "name", where);
  if (rule.name.empty()) rule.name = type;
  rule.assumption = OptionalString(entry, "assumption", where);
  rule.note = OptionalString(entry, "note", where);
  if (auto it = entry.find("addSessionId"); it != entry.end()) {
    Require(*it, Json::value_t::boolean, "true or false",
            where + "/addSessionId");
    rule.add_session_id = it->get<bool>();
  }
  auto remove = entry.find("remove");
  if (remove == entry.end()) return rule;  // adds sessionId only, like cards
  Require(*remove, Json::value_t::array, "an array", where + "/remove");
  for (size_t i = 0; i < remove->size(); ++i) {
    std::string at = where + "/remove/" + std::to_string(i);
    Require((*remove)[i], Json::value_t::string, "a string", at);
    std::string path = (*remove)[i].get<std::string>();
    CheckPath(path, at);
    CheckRemovable(path, at);
    for (const std::string& earlier : rule.remove) {
      // An object and a field of it (or a path twice) would be two edits of
      // the same bytes: every site would fail.
      if (Covers(earlier, path) || Covers(path, earlier)) {
        throw Invalid{at, "\"" + path + "\" overlaps \"" + earlier +
                              "\", removed already"};
      }
    }
    rule.remove.push_back(path);
  }
  return rule;
}

RuleTable ParseDocument(const Json& doc) {
  Require(doc, Json::value_t::object, "an object", "/");
  for (const auto& [key, value] : doc.items()) {
    if (key != "version" && key != "methods" && key != "source") {
      throw Invalid{"/" + JsonPointerToken(key),
                    "unknown field \"" + key + "\""};
    }
  }
  if (auto v = doc.find("version"); v != doc.end() && *v != 1) {
    throw Invalid{"/version",
                  "unsupported version " + v->dump() + " (expected 1)"};
  }
  auto methods = doc.find("methods");
  if (methods == doc.end()) throw Invalid{"/", "missing field \"methods\""};
  Require(*methods, Json::value_t::object, "an object", "/methods");
  RuleTable table;
  for (const auto& [type, entry] : methods->items()) {
    table.Put(ParseMethod(type, entry, "/methods/" + JsonPointerToken(type)));
  }
  return table;
}

}  // namespace

const MethodRule* RuleTable::Find(std::string_view type) const {
  auto it = methods_.find(type);
  return it == methods_.end() ? nullptr : &it->second;
}

void RuleTable::Put(MethodRule rule) {
  std::string type = rule.type;
  methods_[type] = std::move(rule);
}

void RuleTable::Merge(const RuleTable& overrides) {
  for (const auto& [type, rule] : overrides.methods_) methods_[type] = rule;
}

std::string RulesError::ToString() const {
  return OneLine(file + ": " + where + ": " + message);
}

RulesResult ParseRules(std::string_view text, std::string_view file) {
  RulesResult result;
  result.error.file = file;
  JsonText read = ReadJsonText(text);
  if (!read.doc) {
    result.error.where = read.where;
    result.error.message = read.message;
    return result;
  }
  try {
    result.table = ParseDocument(*read.doc);
  } catch (const Invalid& invalid) {
    result.error.where = invalid.where;
    result.error.message = invalid.message;
  } catch (const Json::exception& e) {
    result.error.where = "/";
    result.error.message = e.what();
  }
  return result;
}

const RuleTable& BuiltinRules() {
  static const RuleTable table = [] {
    RulesResult result = ParseRules(kBuiltinRulesJson, "built-in rules");
    return result.table ? *result.table : RuleTable();
  }();
  return table;
}

}  // namespace psm
