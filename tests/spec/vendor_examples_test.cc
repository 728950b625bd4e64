// Checks the tool against the vendor page's own before/after examples
// (shared/seeds/payment-sessions.md, beside the repository): for every
// payment method section, migrating the "Without payment sessions" code
// must give a payload with exactly the keys of the "With payment sessions"
// code, nested keys included, with every kept value unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

const fs::path kSpec = fs::path(PSM_SOURCE_DIR) / ".." / "shared" / "seeds" /
                       "payment-sessions.md";

struct Example {
  std::string method_heading;
  std::string without;
  std::string with;
};

// The two code blocks under each "#### Method" heading of the migration part.
std::vector<Example> ReadExamples() {
  std::ifstream in(kSpec);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::vector<Example> examples;
  size_t at = text.find("## Migrating to payment sessions");
  std::regex block(
      R"(\{% tab title="(Without|With) payment sessions" %\}\s*```javascript\n([\s\S]*?)```)");
  while ((at = text.find("\n#### ", at)) != std::string::npos) {
    size_t end = text.find("\n#### ", at + 1);
    std::string section = text.substr(
        at, end == std::string::npos ? std::string::npos : end - at);
    Example example;
    example.method_heading = section.substr(6, section.find('\n', 1) - 6);
    for (std::sregex_iterator it(section.begin(), section.end(), block), stop;
         it != stop; ++it) {
      ((*it)[1] == "Without" ? example.without : example.with) = (*it)[2];
    }
    if (!example.without.empty() && !example.with.empty())
      examples.push_back(example);
    at = end == std::string::npos ? text.size() : end;
  }
  return examples;
}

// path -> value text of the first object literal with a `type` key.
void Flatten(TSNode object, std::string_view source, const std::string& prefix,
             std::map<std::string, std::string>* out) {
  uint32_t count = ts_node_named_child_count(object);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode pair = ts_node_named_child(object, i);
    if (!node::Is(pair, "pair")) continue;
    std::string key(node::Text(node::Field(pair, "key"), source));
    if (key.size() >= 2 && (key[0] == '"' || key[0] == '\''))
      key = key.substr(1, key.size() - 2);
    TSNode value = node::Field(pair, "value");
    (*out)[prefix + key] = std::string(node::Text(value, source));
    if (node::Is(value, "object"))
      Flatten(value, source, prefix + key + ".", out);
  }
}

std::map<std::string, std::string> PayloadOf(const std::string& code) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, code);
  std::map<std::string, std::string> keys;
  std::vector<TSNode> stack = {tree.Root()};
  while (!stack.empty() && keys.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node::Is(n, "object") &&
        node::Text(n, code).find("\"type\"") != std::string::npos) {
      Flatten(n, code, "", &keys);
      break;
    }
    for (uint32_t i = ts_node_named_child_count(n); i > 0; --i)
      stack.push_back(ts_node_named_child(n, i - 1));
  }
  return keys;
}

std::vector<std::string> Keys(const std::map<std::string, std::string>& m) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : m) keys.push_back(k);
  return keys;
}

TEST(VendorExamplesTest, EveryMethodMigratesToTheDocumentedKeySet) {
  if (!fs::exists(kSpec)) GTEST_SKIP() << "no vendor page at " << kSpec;
  std::vector<Example> examples = ReadExamples();
  EXPECT_EQ(examples.size(), 13u) << "method sections with before/after code";
  for (const Example& example : examples) {
    SCOPED_TRACE(example.method_heading);
    PlanOptions options;
    options.session_id = "\"ea03bf6f-84ef-4993-b1e7-b7d5ecf71d1f\"";
    Parser parser;
    Migration m =
        MigrateText("example.js", example.without, Language::kJavaScript,
                    BuiltinRules(), options, parser);
    ASSERT_EQ(m.result.sites.size(), 1u);
    EXPECT_EQ(StatusName(m.result.sites[0].status), "migrated");
    auto before = PayloadOf(example.without);
    auto after = PayloadOf(std::string(m.migrated_text()));
    auto documented = PayloadOf(example.with);
    ASSERT_GT(documented.size(), 2u) << "the documented payload was not found";
    // Nested values are compared through their own keys: drop object texts.
    EXPECT_EQ(Keys(after), Keys(documented));
    for (const auto& [path, value] : after) {
      if (path == "sessionId" || value.starts_with("{")) continue;
      EXPECT_EQ(value, before[path]) << path;
    }
  }
}

}  // namespace
}  // namespace psm
