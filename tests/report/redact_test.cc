#include "report/redact.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(RedactTest, RedactsEmailAddressesInEveryQuoteStyle) {
  EXPECT_EQ(Redact(R"(note: "mail jane.doe@example.co.uk",)"),
            R"(note: "[redacted]",)");
  EXPECT_EQ(Redact("x = 'ops+shop@example.com';"), "x = '[redacted]';");
  EXPECT_EQ(Redact("x = `jane@example.de`;"), "x = `[redacted]`;");
}

TEST(RedactTest, RedactsPhoneNumbers) {
  EXPECT_EQ(Redact(R"(contact: "+1 (555) 123-4567")"),
            R"(contact: "[redacted]")");
  EXPECT_EQ(Redact(R"(contact: '030 1234 5678')"), R"(contact: '[redacted]')");
  EXPECT_EQ(Redact(R"(contact: "555.123.4567")"), R"(contact: "[redacted]")");
  EXPECT_EQ(Redact(R"(contact: "call 5551234567 today")"),
            R"(contact: "[redacted]")");
}

TEST(RedactTest, RedactsLuhnValidCardNumbers) {
  EXPECT_EQ(Redact(R"(card: "4111 1111 1111 1111")"), R"(card: "[redacted]")");
  EXPECT_EQ(Redact(R"(card: '4242-4242-4242-4242')"), R"(card: '[redacted]')");
  EXPECT_EQ(Redact(R"(card: "378282246310005")"), R"(card: "[redacted]")");
}

TEST(RedactTest, RedactsStreetAddresses) {
  EXPECT_EQ(Redact(R"(where: "1234 Fake Street")"), R"(where: "[redacted]")");
  EXPECT_EQ(Redact(R"(where: '52-58 Neue Mainzer Straße')"),
            R"(where: '[redacted]')");
  EXPECT_EQ(Redact(R"(where: "Hauptstraße 5")"), R"(where: "[redacted]")");
  EXPECT_EQ(Redact(R"(where: "10 Downing St.")"), R"(where: "[redacted]")");
}

TEST(RedactTest, RedactsAnyValueOfAPersonalKey) {
  EXPECT_EQ(
      Redact(
          R"({ firstName: 'Jane', "lastName": "O\'Brien", city: `Berlin` })"),
      R"({ firstName: '[redacted]', "lastName": "[redacted]", city: `[redacted]` })");
  EXPECT_EQ(
      Redact(R"(postalCode: "10115", line2: "Apt 4", phone: "n/a")"),
      R"(postalCode: "[redacted]", line2: "[redacted]", phone: "[redacted]")");
  EXPECT_EQ(Redact(R"(owner.email = "someone")"),
            R"(owner.email = "[redacted]")");
}

TEST(RedactTest, RedactsPersonalKeysOfPhpArrays) {
  EXPECT_EQ(Redact(R"(['firstName' => 'Jane', "city"=>"Berlin"])"),
            R"(['firstName' => '[redacted]', "city"=>"[redacted]"])");
  EXPECT_EQ(Redact(R"($p['owner']['lastName'] = 'Doe';)"),
            R"($p['owner']['lastName'] = '[redacted]';)");
}

TEST(RedactTest, KeepsProductNamesAmountsDatesAndIds) {
  const std::string code =
      R"({ name: "Jane's Blue T-Shirt", description: "2 Pack Socks", amount: "120.99",)"
      R"( locale: "en_US", start: "2024-01-31", end: "31.12.2025", sku: "SKU-1234567",)"
      R"( order: "1234567812345678", type: 'payPal', empty: "" })";
  EXPECT_EQ(Redact(code), code);
}

TEST(RedactTest, LeavesCommentsCodeAndTemplatesWithSubstitutionsAlone) {
  const std::string code =
      "// don't call 555-123-4567\n"
      "/* jane@example.com */ var to = `${user.email} 1234 Fake Street`;\n"
      "send(user.email, 'it\\'s', \"open";
  EXPECT_EQ(Redact(code), code);
}

TEST(RedactTest, AnApostropheInACommentDoesNotHideTheNextLine) {
  EXPECT_EQ(Redact("// customer's data\nemail: 'a@b.de'\n"),
            "// customer's data\nemail: '[redacted]'\n");
}

}  // namespace
}  // namespace psm
