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

TEST(SiteFinderTest, FollowsNoBindThatFixesArgumentsInAdvance) {
  // The payload's position is no longer the call's last argument alone.
  EXPECT_EQ(Callees("const cs = dr.createSource.bind(dr, card); cs({});"),
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

}  // namespace
}  // namespace psm
