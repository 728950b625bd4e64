#include "rules/rule_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace psm {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(BuiltinRulesTest, CoversEveryMethodOfTheSpec) {
  const char* kMethods[] = {"creditCard",    "payPal",
                            "payPalBilling", "payPalCredit",
                            "directDebit",   "wireTransfer",
                            "codJapan",      "payco",
                            "bankTransfer",  "onlineBanking",
                            "bPay",          "konbini",
                            "klarnaCredit",  "klarnaCreditRecurring"};
  for (const char* method : kMethods) {
    const MethodRule* rule = BuiltinRules().Find(method);
    ASSERT_NE(rule, nullptr) << method;
    EXPECT_TRUE(rule->add_session_id) << method;
  }
  EXPECT_EQ(BuiltinRules().methods().size(), std::size(kMethods));
}

TEST(BuiltinRulesTest, CardsOnlyGainSessionId) {
  EXPECT_TRUE(BuiltinRules().Find("creditCard")->remove.empty());
}

TEST(BuiltinRulesTest, BPayIsMarkedAsAnAssumption) {
  const MethodRule* bpay = BuiltinRules().Find("bPay");
  EXPECT_EQ(bpay->remove, (std::vector<std::string>{"amount", "currency"}));
  EXPECT_FALSE(bpay->assumption.empty());
}

TEST(BuiltinRulesTest, PayPalBillingRemovesUnderBothKeys) {
  const auto& remove = BuiltinRules().Find("payPalBilling")->remove;
  for (const char* field :
       {"items", "taxAmount", "shippingAmount", "amountsEstimated",
        "requestShipping", "shipping"}) {
    EXPECT_NE(
        std::find(remove.begin(), remove.end(), std::string("payPal.") + field),
        remove.end());
    EXPECT_NE(std::find(remove.begin(), remove.end(),
                        std::string("payPalBilling.") + field),
              remove.end());
  }
}

TEST(BuiltinRulesTest, KlarnaRemovesFifteenNestedFields) {
  for (const char* method : {"klarnaCredit", "klarnaCreditRecurring"}) {
    const auto& remove = BuiltinRules().Find(method)->remove;
    EXPECT_EQ(remove.size(), 17u) << method;
    EXPECT_EQ(remove[0], "amount");
    EXPECT_EQ(remove[2], std::string(method) + ".items");
  }
}

// The README's method table is documentation of rules/payment-methods.json;
// this keeps the two from drifting apart.
TEST(BuiltinRulesTest, ReadmeTableMatchesTheRuleFile) {
  std::string readme = Slurp(std::string(PSM_SOURCE_DIR) + "/README.md");
  size_t start = readme.find("<!-- rules-table:start -->");
  size_t end = readme.find("<!-- rules-table:end -->");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  std::istringstream table(readme.substr(start, end - start));
  std::regex row(R"(^\| `(\w+)` \| ([^|]+) \| ([^|]+) \| ([^|]*) \|$)");
  std::map<std::string, bool> seen;
  for (std::string line; std::getline(table, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row) || m[1] == "type") continue;  // header
    const MethodRule* rule = BuiltinRules().Find(m[1].str());
    ASSERT_NE(rule, nullptr) << "README lists unknown method " << m[1];
    seen[rule->type] = true;
    EXPECT_EQ(m[2].str(), rule->name);
    std::vector<std::string> listed;
    std::string cell = m[3].str();
    std::regex path("`([\\w.]+)`");
    if (cell.find("adds `sessionId` only") == std::string::npos) {
      for (std::sregex_iterator it(cell.begin(), cell.end(), path), stop;
           it != stop; ++it) {
        listed.push_back((*it)[1].str());
      }
    }
    EXPECT_EQ(listed, rule->remove) << "README row for " << rule->type;
    EXPECT_EQ(m[4].str().find("Assumption") != std::string::npos,
              !rule->assumption.empty())
        << rule->type;
  }
  EXPECT_EQ(seen.size(), BuiltinRules().methods().size())
      << "README misses a method";
}

TEST(ParseRulesTest, ReadsAMinimalEntry) {
  RulesResult r = ParseRules(
      R"({"methods": {"alipay": {"remove": ["amount"]}}})", "x.json");
  ASSERT_TRUE(r.table);
  EXPECT_EQ(r.table->Find("alipay")->remove,
            std::vector<std::string>{"amount"});
  EXPECT_TRUE(r.table->Find("alipay")->add_session_id);
}

struct BadRules {
  const char* text;
  const char* where;
  const char* message;
};

class ParseRulesErrorTest : public testing::TestWithParam<BadRules> {};

TEST_P(ParseRulesErrorTest, NamesFilePlaceAndCause) {
  RulesResult r = ParseRules(GetParam().text, "my-rules.json");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.error.file, "my-rules.json");
  EXPECT_EQ(r.error.where, GetParam().where);
  EXPECT_NE(r.error.message.find(GetParam().message), std::string::npos)
      << r.error.message;
  EXPECT_EQ(r.error.ToString().find('\n'), std::string::npos) << "one line";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseRulesErrorTest,
    testing::Values(
        BadRules{"{\"methods\": {\n  \"payPal\": {\"remove\": [1,]}}}",
                 "line 2, column 27", "invalid JSON"},
        BadRules{"[]", "/", "expected an object, got array"},
        BadRules{"{}", "/", "missing field \"methods\""},
        BadRules{R"({"methods": []})", "/methods",
                 "expected an object, got array"},
        BadRules{R"({"methods": {"payPal": {"remove": ["amount", 2]}}})",
                 "/methods/payPal/remove/1", "expected a string, got number"},
        BadRules{R"({"methods": {"payPal": {"remove": "amount"}}})",
                 "/methods/payPal/remove", "expected an array"},
        BadRules{R"({"methods": {"payPal": {"remove": ["payPal..items"]}}})",
                 "/methods/payPal/remove/0", "not a dotted path"},
        BadRules{R"({"methods": {"payPal": {"remvoe": []}}})",
                 "/methods/payPal/remvoe", "unknown field"},
        BadRules{R"({"methods": {"payPal": {"addSessionId": "yes"}}})",
                 "/methods/payPal/addSessionId", "expected true or false"},
        BadRules{R"({"version": 2, "methods": {}})", "/version",
                 "unsupported version"},
        BadRules{R"({"methods": {"pay pal": {}}})", "/methods/pay pal",
                 "not a valid payment method"},
        // Removing what the migration keeps would delete the user's own
        // sessionId (and add it back at the next run), or the method.
        BadRules{R"({"methods": {"payPal": {"remove": ["sessionId"]}}})",
                 "/methods/payPal/remove/0", "the migration keeps"},
        BadRules{R"({"methods": {"payPal": {"remove": ["amount", "type"]}}})",
                 "/methods/payPal/remove/1", "the migration keeps"},
        BadRules{R"({"methods": {"payPal": {"remove": ["sessionId.x"]}}})",
                 "/methods/payPal/remove/0", "the migration keeps"},
        // Two edits of the same bytes: every site would fail.
        BadRules{
            R"({"methods": {"payPal": {"remove": ["payPal", "payPal.items"]}}})",
            "/methods/payPal/remove/1", "overlaps"},
        BadRules{
            R"({"methods": {"payPal": {"remove": ["payPal.items", "payPal"]}}})",
            "/methods/payPal/remove/1", "overlaps"},
        BadRules{R"({"methods": {"payPal": {"remove": ["amount", "amount"]}}})",
                 "/methods/payPal/remove/1", "overlaps"},
        // JSON leaves repeated keys open; nlohmann kept the last one in
        // silence, dropping the first list or method entry.
        BadRules{R"({"methods": {"payPal": {"remove": ["amount"],
                                             "remove": []}}})",
                 "/methods/payPal/remove", "duplicate key \"remove\""},
        BadRules{R"({"methods": {"payPal": {"remove": ["amount"]},
                                 "payPal": {}}})",
                 "/methods/payPal", "duplicate key \"payPal\""}));

TEST(ParseRulesTest, TakesFieldsThatOnlyShareAPrefix) {
  RulesResult r = ParseRules(
      R"({"methods": {"payPal": {"remove": ["payPal", "payPalExtra", "types"]}}})",
      "x.json");
  ASSERT_TRUE(r.table) << r.error.ToString();
  EXPECT_EQ(r.table->Find("payPal")->remove.size(), 3u);
}

TEST(RuleTableTest, MergeOverridesAndAdds) {
  RuleTable table = BuiltinRules();
  RulesResult extra = ParseRules(
      R"({"methods": {"payPal": {"remove": ["amount"]}, "alipay": {"remove": []}}})",
      "x");
  ASSERT_TRUE(extra.table);
  table.Merge(*extra.table);
  EXPECT_EQ(table.Find("payPal")->remove, std::vector<std::string>{"amount"});
  EXPECT_NE(table.Find("alipay"), nullptr);
  EXPECT_NE(table.Find("konbini"), nullptr);
}

}  // namespace
}  // namespace psm
