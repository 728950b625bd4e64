#ifndef PSM_RULES_JSON_TEXT_H_
#define PSM_RULES_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace psm {

// A JSON document as the rules and config files are read: strictly. A key
// given twice in one object is an error, not the last one winning in
// silence (`"remove": [...], "remove": []` dropped the first list).
struct JsonText {
  std::optional<nlohmann::json> doc;  // nothing when it could not be read
  // Where it could not: "line L, column C" for a syntax error, the JSON
  // pointer of the repeated key for a duplicate.
  std::string where;
  std::string message;
};

JsonText ReadJsonText(std::string_view text);

// `key` as one reference token of a JSON pointer (RFC 6901: `~` and `/`
// escaped).
std::string JsonPointerToken(std::string_view key);

}  // namespace psm

#endif  // PSM_RULES_JSON_TEXT_H_
