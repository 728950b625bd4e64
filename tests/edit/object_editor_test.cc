#include "edit/object_editor.h"

#include <gtest/gtest.h>

#include <string>

namespace psm {
namespace {

// A member `key => value` (or `key: value`) found in `text` by its key's
// text and its value's text; `whole` is the member's own text when it is
// more than key to value (a statement `$p['k'] = v;`).
Member At(const std::string& text, const std::string& key,
          const std::string& value, const std::string& whole = "") {
  Member m;
  uint32_t key_at = static_cast<uint32_t>(text.find(key));
  uint32_t value_at = static_cast<uint32_t>(text.find(value, key_at));
  m.key = key.substr(1, key.size() - 2);
  m.key_quote = key[0];
  m.key_range = {key_at, key_at + static_cast<uint32_t>(key.size())};
  m.value_range = {value_at, value_at + static_cast<uint32_t>(value.size())};
  m.range = {m.key_range.begin, m.value_range.end};
  if (!whole.empty()) {
    uint32_t at = static_cast<uint32_t>(text.rfind(whole, key_at));
    m.range = {at, at + static_cast<uint32_t>(whole.size())};
  }
  uint32_t after = m.range.end;
  if (after < text.size() && text[after] == ',') m.comma = {{after, after + 1}};
  return m;
}

std::string Edited(const std::string& text, const ObjectLiteral& object,
                   const std::vector<size_t>& remove,
                   const std::optional<NewMember>& add) {
  std::optional<EditSet> edits = EditObject(text, object, remove, add);
  return edits ? ApplyEdits(text, *edits) : "<conflict>";
}

TEST(ObjectEditorTest, StatementsGoWithTheirLinesAndGainAStatement) {
  std::string text =
      "$p['type'] = 'konbini';\n$p['amount'] = 1;\n$p['currency'] = 'JPY';\n";
  ObjectLiteral object;
  object.statements = true;
  object.members.push_back(
      At(text, "'type'", "'konbini'", "$p['type'] = 'konbini';"));
  object.members.push_back(At(text, "'amount'", "1", "$p['amount'] = 1;"));
  object.members.push_back(
      At(text, "'currency'", "'JPY'", "$p['currency'] = 'JPY';"));
  object.range = {0, static_cast<uint32_t>(text.size())};
  EXPECT_EQ(Edited(text, object, {1, 2}, NewMember{"sessionId", "$sid", 0}),
            "$p['type'] = 'konbini';\n$p['sessionId'] = $sid;\n");
}

TEST(ObjectEditorTest, StatementsSharingALineGoAlone) {
  std::string text = "$p['type'] = 'x'; $p['amount'] = 1; f();\n";
  ObjectLiteral object;
  object.statements = true;
  object.members.push_back(At(text, "'type'", "'x'", "$p['type'] = 'x';"));
  object.members.push_back(At(text, "'amount'", "1", "$p['amount'] = 1;"));
  EXPECT_EQ(Edited(text, object, {1}, std::nullopt),
            "$p['type'] = 'x'; f();\n");
}

// `text` with 'amount' replaced by 'sessionId' => $s after 'type'.
std::string TypeGainsSessionId(const std::string& text) {
  ObjectLiteral object;
  object.range = {0, static_cast<uint32_t>(text.size())};
  object.members.push_back(At(text, "'type'", "'x'"));
  object.members.push_back(At(text, "'amount'", "1"));
  return Edited(text, object, {1}, NewMember{"sessionId", "$s", 0});
}

TEST(ObjectEditorTest, AnAlignedArrowKeepsItsColumnWhenTheKeyFits) {
  EXPECT_EQ(TypeGainsSessionId(
                "[\n  'type'          => 'x',\n  'amount'        => 1,\n]"),
            "[\n  'type'          => 'x',\n  'sessionId'     => $s,\n]");
}

TEST(ObjectEditorTest, AnAlignedArrowTooNarrowForTheKeyGetsOneBlank) {
  EXPECT_EQ(TypeGainsSessionId("[\n  'type'   => 'x',\n  'amount' => 1,\n]"),
            "[\n  'type'   => 'x',\n  'sessionId' => $s,\n]");
}

TEST(ObjectEditorTest, ALastMemberBeforeTheClosingBracketTakesTheCommaBefore) {
  std::string text = "f(array(\n  'a' => 1,\n  'amount' => 2));\n";
  ObjectLiteral object;
  object.range = {2, static_cast<uint32_t>(text.find("))") + 1)};
  object.members.push_back(At(text, "'a'", "1"));
  object.members.push_back(At(text, "'amount'", "2"));
  EXPECT_EQ(Edited(text, object, {1}, std::nullopt),
            "f(array(\n  'a' => 1));\n");
}

}  // namespace
}  // namespace psm
