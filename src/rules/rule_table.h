#ifndef PSM_RULES_RULE_TABLE_H_
#define PSM_RULES_RULE_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// What migrating one payment method means: the payload's dotted paths to
// remove, and whether it gains `sessionId`.
struct MethodRule {
  std::string type;  // the payload's `type`, e.g. "payPal"
  std::string name;  // for people, e.g. "PayPal"
  bool add_session_id = true;
  std::vector<std::string> remove;  // "amount", "payPal.items", ...
  std::string assumption;  // set when the entry is not stated by the spec
  std::string note;
};

// The rule table: one entry per payment method `type`.
class RuleTable {
 public:
  const MethodRule* Find(std::string_view type) const;
  const std::map<std::string, MethodRule, std::less<>>& methods() const {
    return methods_;
  }
  void Put(MethodRule rule);
  // Entries of `overrides` replace or extend this table's.
  void Merge(const RuleTable& overrides);

 private:
  std::map<std::string, MethodRule, std::less<>> methods_;
};

// A rules file that could not be used: where and why.
struct RulesError {
  std::string file;
  std::string
      where;  // JSON pointer ("/methods/payPal/remove/2") or "line L, column C"
  std::string message;
  std::string ToString() const;
};

struct RulesResult {
  std::optional<RuleTable> table;
  RulesError error;
};

// Parses and validates a rules document; `file` names it in errors.
RulesResult ParseRules(std::string_view text, std::string_view file);

// The table compiled into the binary from rules/payment-methods.json.
const RuleTable& BuiltinRules();

}  // namespace psm

#endif  // PSM_RULES_RULE_TABLE_H_
