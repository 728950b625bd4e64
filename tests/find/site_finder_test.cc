#include "find/site_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The callee of each site FindCallSites reports in `source`, in order.
std::vector<std::string> Callees(const std::string& source,
                                 Language language = Language::kJavaScript) {
  Parser parser;
  Tree tree = parser.Parse(language, source);
  std::vector<std::string> callees;
  for (const CallSite& site : FindCallSites(source, tree.Root())) {
    callees.push_back(site.callee);
  }
  return callees;
}

using Names = std::vector<std::string>;

TEST(SiteFinderTest, LongerNamesContainingCreateSourceAreOtherMethods) {
  // echarts' SourceManager imports a `createSource` of its own and calls
  // its method `_createSource()`: neither is DigitalRiver.js's.
  EXPECT_EQ(Callees("import { createSource } from './Source.js';\n"
                    "function a() { this._createSource(); }\n"
                    "x.createSourceUrl(); y.$createSource({});"),
            Names{});
}

TEST(SiteFinderTest, FindsTheMethodTakenByAComputedKey) {
  EXPECT_EQ(Callees("dr['createSource']({}); dr?.[\"createSource\"]({});"),
            (Names{"dr['createSource']", "dr?.[\"createSource\"]"}));
}

TEST(SiteFinderTest, FindsCallsThroughADestructuredMethod) {
  EXPECT_EQ(Callees("const { createSource } = dr; createSource({});"),
            Names{"createSource"});
  EXPECT_EQ(Callees("const { a, createSource: cs = f } = dr; cs.call(dr, {});"),
            Names{"cs"});
  EXPECT_EQ(Callees("const { 'createSource': cs } = dr; cs({});"), Names{"cs"});
}

TEST(SiteFinderTest, FindsCallsThroughAliasesAndBoundCopies) {
  EXPECT_EQ(Callees("const cs = dr.createSource.bind(dr);\ncs({});"),
            Names{"cs"});
  EXPECT_EQ(Callees("const cs = dr.createSource; const again = cs;\n"
                    "again.apply(dr, [{}]);"),
            Names{"again"});
  EXPECT_EQ(Callees("dr.createSource.bind(dr)({});"),
            Names{"dr.createSource.bind(dr)"});
}

// The payload of each site: the text of its one literal, or "?" with the
// first blind spot when there is none.
std::vector<std::string> Payloads(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::vector<std::string> payloads;
  for (const CallSite& site : FindCallSites(source, tree.Root())) {
    if (site.payloads.size() == 1) {
      payloads.push_back(std::string(site.payloads[0].object.range.In(source)));
    } else {
      payloads.push_back("?" +
                         (site.blind_spots.empty() ? "" : site.blind_spots[0]));
    }
  }
  return payloads;
}

TEST(SiteFinderTest, ArgumentsBoundInAdvanceComeBeforeTheCallsOwn) {
  EXPECT_EQ(Payloads("const cs = dr.createSource.bind(dr, card); cs({a: 1});"),
            Names{"{a: 1}"});
  // The payload itself bound in advance.
  EXPECT_EQ(Payloads("dr.createSource.bind(dr, card, {b: 2})();"),
            Names{"{b: 2}"});
}

TEST(SiteFinderTest, FollowsAliasesMadeByAssignment) {
  EXPECT_EQ(Callees("let cs; cs = dr.createSource.bind(dr); cs({});"),
            Names{"cs"});
  EXPECT_EQ(Callees("class P { constructor() { this.cs = dr.createSource; }\n"
                    "  go() { return this.cs({}); } }\n"
                    "class Q { go() { return this.cs({}); } }"),
            Names{"this.cs"});
  EXPECT_EQ(Callees("api.cs = dr.createSource.bind(dr); api.cs({});"),
            Names{"api.cs"});
}

TEST(SiteFinderTest, FindsCallsThroughADestructuredParameter) {
  EXPECT_EQ(Callees("function pay({ createSource }) { createSource({}); }"),
            Names{"createSource"});
  EXPECT_EQ(Callees("const pay = ({ createSource: cs } = dr) => cs({});"),
            Names{"cs"});
}

TEST(SiteFinderTest, AMethodHandedOnOutOfSightNeedsReview) {
  std::vector<std::string> found = Payloads(
      "const dr = DigitalRiver('pk');\n"
      "run(dr.createSource.bind(dr));\n"
      "const api = { create: dr.createSource };\n"
      "function get() { return dr.createSource; }");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_NE(found[0].find("is handed on to `run("), std::string::npos)
      << found[0];
  EXPECT_NE(found[1].find("handed on to `{ create"), std::string::npos);
  EXPECT_NE(found[2].find("`return dr.createSource;`"), std::string::npos);
}

TEST(SiteFinderTest, HandingOnIsNoAlarmOutsideDigitalRiverOrInTests) {
  // Another library's createSource passed around, in a file that does not
  // name DigitalRiver.js.
  EXPECT_EQ(Callees("run(media.createSource.bind(media));"), Names{});
  // Assertions look at the method without calling it.
  EXPECT_EQ(Callees("const dr = DigitalRiver('pk');\n"
                    "expect(dr.createSource).toHaveBeenCalled();\n"
                    "sinon.assert.calledOnce(dr.createSource);"),
            Names{});
}

TEST(SiteFinderTest, FindsReflectApplyAndTypeScriptWrappers) {
  EXPECT_EQ(Callees("Reflect.apply(dr.createSource, dr, [{}]);"),
            Names{"dr.createSource"});
  EXPECT_EQ(Callees("dr.createSource!({}); (dr.createSource as any)({});"
                    "(<any>dr.createSource)({});",
                    Language::kTypeScript),
            (Names{"dr.createSource", "dr.createSource", "dr.createSource"}));
}

TEST(SiteFinderTest, UsesOfAShadowingNameAreNotAliasCalls) {
  EXPECT_EQ(Callees("const cs = dr.createSource;\n"
                    "function f(cs) { return cs({}); }"),
            Names{});
}

TEST(SiteFinderTest, ReportsAliasCallsInSourceOrder) {
  std::string source =
      "function pay() { return cs({ a: 1 }); }\n"
      "dr.createSource({ b: 2 });\n"
      "const cs = dr['createSource'];\n";
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::vector<CallSite> sites = FindCallSites(source, tree.Root());
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(sites[0].callee, "cs");
  EXPECT_EQ(sites[1].callee, "dr.createSource");
}

TEST(SiteFinderTest, ALocalFunctionNamedCreateSourceIsNotTheMethod) {
  // Its callers' payloads reach the call inside through the parameter.
  EXPECT_EQ(Callees("function createSource(p) { return dr.createSource(p); }\n"
                    "createSource({ type: 'bPay' });"),
            Names{"dr.createSource"});
  EXPECT_EQ(Callees("import { createSource } from './api'; createSource({});"
                    "const { createSource: c } = require('./api'); c({});"),
            Names{});
}

TEST(SiteFinderTest, LeavesOutCallsOnObjectsThatAreNotDigitalRiver) {
  EXPECT_EQ(Callees("const dr = { createSource: jest.fn() };"
                    "dr.createSource({});"),
            Names{});
  EXPECT_EQ(Callees("class Api { createSource(p) {} }\n"
                    "const { createSource } = new Api(); createSource({});"),
            Names{});
  EXPECT_EQ(Callees("window.Omise.createSource('paypay', {}, done);"
                    "const { createSource } = useOmise(); createSource({});"),
            Names{});
}

TEST(SiteFinderTest, LeavesOutAliasesOfAnotherSdkAndCallbackStyleCalls) {
  // Omise.js's createSource(type, options, callback), through an alias.
  EXPECT_EQ(Callees("const gateway = window.Omise;\n"
                    "gateway.createSource({ type: 'konbini', amount: 1 });\n"
                    "const g = Omise; g.createSource({ amount: 1 });"),
            Names{});
  EXPECT_EQ(Callees("pay.createSource('econtext', { amount: 1 },\n"
                    "  (status, response) => done(response));\n"
                    "pay.createSource('econtext', {}, function (s, r) {});"),
            Names{});
  // Only the name an alias ends with counts: `shopStripe.dr` may be it.
  EXPECT_EQ(Callees("const dr = shopStripe.dr; dr.createSource({});"),
            Names{"dr.createSource"});
}

TEST(SiteFinderTest, LeavesOutObjectsAnotherSdkHandsToACallback) {
  EXPECT_EQ(Callees("braintree.client.create({ authorization: k }, "
                    "function (err, client) { client.createSource({}); });\n"
                    "braintree.client.create(o).then(function (client) {\n"
                    "  return client.createSource({ type: 'card' }); });"),
            Names{});
  EXPECT_EQ(Callees("withStripeAndDr(function (stripe, dr) {\n"
                    "  dr.createSource({ type: 'payPal' }); });\n"
                    "load('/stripe.js').then(function (dr) {\n"
                    "  dr.createSource({}); });"),
            (Names{"dr.createSource", "dr.createSource"}))
      << "only the SDK's own global at the root of the callee counts";
}

TEST(SiteFinderTest, AnEmptyObjectGivenTheMethodLaterStaysASite) {
  EXPECT_EQ(Callees("const holder = {};\n"
                    "holder.createSource = dr.createSource.bind(dr);\n"
                    "holder.createSource({});"),
            Names{"holder.createSource"});
}

TEST(SiteFinderTest, KeepsReceiversWhoseOriginIsUnknown) {
  EXPECT_EQ(Callees("promise.createSource({}); drjs.createSource({});"
                    "function f(client) { client.createSource({}); }"),
            (Names{"promise.createSource", "drjs.createSource",
                   "client.createSource"}));
}

TEST(SiteFinderTest, LeavesOutCallsThroughATestDouble) {
  EXPECT_EQ(Callees("dr.createSource = vi.fn(); dr.createSource({});"
                    "other.createSource({});"),
            Names{"other.createSource"});
  EXPECT_EQ(Callees("jest.spyOn(dr, 'createSource'); dr.createSource({});"),
            Names{"dr.createSource"})
      << "a spy without a fake calls through to DigitalRiver.js";
}

TEST(SiteFinderTest, AReceiverDeclaredWithoutAValueNextToAPatchDoesNotCrash) {
  // `var dr =;` parses with the declarator's value missing: the receiver's
  // first value is then null. With a createSource written elsewhere in the
  // file, the check for a patched createSource once read that null node
  // (a segfault the fuzzer found).
  EXPECT_EQ(Callees("var shop = {};\n"
                    "shop.createSource = function (p) { return p; };\n"
                    "var dr =;new DigitalRiver('pk');\n"
                    "dr.createSource({ type: 'bPay', amount: 5 });\n"),
            Names{"dr.createSource"});
}

}  // namespace
}  // namespace psm
