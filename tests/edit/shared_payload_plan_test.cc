#include <gtest/gtest.h>

#include <string>

#include "edit/edit.h"
#include "edit/site_plan.h"
#include "find/payload_resolver.h"
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The base class's method `build` of `source`, resolved as a builder.
struct Base {
  std::string source;
  Tree tree;
  CallSite site;
};

void ResolveBase(Base* base, BuiltPayloadOptions options = {}) {
  Parser parser;
  base->tree = parser.Parse(Language::kJavaScript, base->source);
  size_t at = base->source.find("build()");
  TSNode n = ts_node_descendant_for_byte_range(base->tree.Root(),
                                               static_cast<uint32_t>(at),
                                               static_cast<uint32_t>(at + 5));
  while (!node::Is(n, "method_definition")) n = ts_node_parent(n);
  ResolveBuiltPayload(base->source, base->tree.Root(), n, true, &base->site,
                      options);
}

PayloadUser User(std::string name, std::string method, bool sets_type) {
  PayloadUser u;
  u.name = std::move(name);
  u.where = "src/" + u.name + ".js:3";
  u.method = std::move(method);
  u.sets_type = sets_type;
  return u;
}

std::string Planned(const Base& base, const SitePlan& plan) {
  return ApplyEdits(base.source, plan.edits);
}

const char kBaseFields[] =
    "class BaseRequest {\n"
    "  build() {\n"
    "    return {\n"
    "      amount: this.cart.total,\n"
    "      currency: this.cart.currency,\n"
    "      owner: this.cart.owner,\n"
    "    };\n"
    "  }\n"
    "}\n";

TEST(SharedPayloadPlanTest, UsersThatDropTheSameFieldsMigrateTheBase) {
  Base base{kBaseFields, {}, {}};
  ResolveBase(&base);
  base.site.users = {User("PayPalRequest", "payPal", true),
                     User("KlarnaRequest", "klarnaCredit", true)};
  SitePlan plan =
      PlanSharedPayload(base.site, base.source, BuiltinRules(), PlanOptions{});
  EXPECT_EQ(plan.status, SiteStatus::kMigrated);
  // sessionId goes where each user sets its type, not here.
  EXPECT_EQ(Planned(base, plan),
            "class BaseRequest {\n"
            "  build() {\n"
            "    return {\n"
            "      owner: this.cart.owner,\n"
            "    };\n"
            "  }\n"
            "}\n");
}

TEST(SharedPayloadPlanTest, ACardUserKeepsTheBaseWholeAndNamesEveryUser) {
  Base base{kBaseFields, {}, {}};
  ResolveBase(&base);
  base.site.users = {User("CardRequest", "creditCard", true),
                     User("PayPalRequest", "payPal", true)};
  SitePlan plan =
      PlanSharedPayload(base.site, base.source, BuiltinRules(), PlanOptions{});
  EXPECT_EQ(plan.status, SiteStatus::kNeedsReview);
  EXPECT_TRUE(plan.edits.empty());
  ASSERT_EQ(plan.reasons.size(), 1u);
  EXPECT_NE(plan.reasons[0].find("CardRequest (src/CardRequest.js:3, "
                                 "creditCard), PayPalRequest "
                                 "(src/PayPalRequest.js:3, payPal)"),
            std::string::npos)
      << plan.reasons[0];
}

TEST(SharedPayloadPlanTest, AUserWhoseTypeIsUnknownKeepsTheBaseWhole) {
  Base base{kBaseFields, {}, {}};
  ResolveBase(&base);
  PayloadUser unknown = User("Mystery", "", true);
  unknown.why_unknown = "sets no string type";
  base.site.users = {User("PayPalRequest", "payPal", true), unknown};
  SitePlan plan =
      PlanSharedPayload(base.site, base.source, BuiltinRules(), PlanOptions{});
  EXPECT_EQ(plan.status, SiteStatus::kNeedsReview);
  EXPECT_TRUE(plan.edits.empty());
  EXPECT_NE(plan.reasons[0].find("payment type unknown: sets no string type"),
            std::string::npos);
}

TEST(SharedPayloadPlanTest, AFieldOneUserReadsStaysAndTheRestGoes) {
  Base base{kBaseFields, {}, {}};
  ResolveBase(&base);
  base.site.users = {User("PayPalRequest", "payPal", true),
                     User("KlarnaRequest", "klarnaCredit", true)};
  base.site.observers.push_back(
      {"amount", "in KlarnaRequest: `payload.amount` is read at line 8"});
  SitePlan plan =
      PlanSharedPayload(base.site, base.source, BuiltinRules(), PlanOptions{});
  EXPECT_EQ(plan.status, SiteStatus::kNeedsReview);
  std::string after = Planned(base, plan);
  EXPECT_NE(after.find("amount: this.cart.total"), std::string::npos);
  EXPECT_EQ(after.find("currency"), std::string::npos);
}

TEST(SharedPayloadPlanTest, ATypeFromEachUsersConstructorGetsSessionIdHere) {
  Base base{
      "class BaseRequest {\n"
      "  build() {\n"
      "    return {type: this.type, amount: this.cart.total};\n"
      "  }\n"
      "}\n",
      {},
      {}};
  BuiltPayloadOptions options;
  options.type_from_users = true;
  ResolveBase(&base, options);
  EXPECT_TRUE(base.site.blind_spots.empty());
  base.site.users = {User("KonbiniRequest", "konbini", false),
                     User("BankTransferRequest", "bankTransfer", false)};
  PlanOptions session;
  session.session_id = "sid";
  SitePlan plan =
      PlanSharedPayload(base.site, base.source, BuiltinRules(), session);
  EXPECT_EQ(plan.status, SiteStatus::kMigrated);
  EXPECT_NE(Planned(base, plan).find("{type: this.type, sessionId: sid}"),
            std::string::npos)
      << Planned(base, plan);
}

TEST(SharedPayloadPlanTest,
     AnObjectBuiltPiecewiseOnSuperGetsSessionIdAfterType) {
  Base base{
      "class KlarnaRequest extends BaseRequest {\n"
      "  build() {\n"
      "    const payload = super.build();\n"
      "    payload.type = 'klarnaCredit';\n"
      "    payload.klarnaCredit = {returnUrl: '/ok', locale: 'en_US'};\n"
      "    return payload;\n"
      "  }\n"
      "}\n",
      {},
      {}};
  BuiltPayloadOptions options;
  options.super_member = "build";
  options.covered = "migrated in base.js";
  ResolveBase(&base, options);
  EXPECT_TRUE(base.site.blind_spots.empty());
  EXPECT_TRUE(base.site.mutations.empty());
  PlanOptions session;
  session.session_id = "sid";
  SitePlan plan = PlanSite(base.site, base.source, BuiltinRules(), session);
  EXPECT_EQ(plan.status, SiteStatus::kMigrated);
  EXPECT_NE(Planned(base, plan)
                .find("    payload.type = 'klarnaCredit';\n"
                      "    payload.sessionId = sid;\n"
                      "    payload.klarnaCredit = {returnUrl: "
                      "'/ok'};\n"),
            std::string::npos)
      << Planned(base, plan);
}

TEST(SharedPayloadPlanTest, SuperIsABlindSpotWhenTheProjectDoesNotFollowIt) {
  Base base{
      "class PayPalRequest extends BaseRequest {\n"
      "  build() {\n"
      "    return {...super.build(), type: 'payPal'};\n"
      "  }\n"
      "}\n",
      {},
      {}};
  ResolveBase(&base);
  ASSERT_FALSE(base.site.blind_spots.empty());
  EXPECT_NE(base.site.blind_spots[0].find("super.build()"), std::string::npos);
}

}  // namespace
}  // namespace psm
