#include "find/receiver_origin.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "find/receiver.h"
#include "find/site_finder.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The receiver request of the one site FindCallSites reports in `source`,
// as "access specifier#export", or "none".
std::string RequestOf(const std::string& source,
                      Language language = Language::kJavaScript) {
  Parser parser;
  Tree tree = parser.Parse(language, source);
  std::vector<CallSite> sites = FindCallSites(source, tree.Root());
  if (sites.size() != 1) return std::to_string(sites.size()) + " sites";
  const std::optional<ModuleRequest>& r = sites[0].receiver;
  if (!r) return "none";
  std::string access =
      r->access == ModuleRequest::Access::kReceiverInstance ? "instance"
      : r->access == ModuleRequest::Access::kReceiverObject ? "object"
                                                            : "other";
  return access + " " + r->ref.specifier + "#" + r->ref.exported;
}

TEST(ReceiverOriginTest, AnInstanceOfAnImportedClassAsksTheProject) {
  EXPECT_EQ(RequestOf("import { DrClient } from './dr-client';\n"
                      "const dr = new DrClient(key);\n"
                      "dr.createSource({ settings, payload });"),
            "instance ./dr-client#DrClient");
  EXPECT_EQ(RequestOf("const Client = require('./client');\n"
                      "const c = new Client();\n"
                      "c.createSource({ type: 'payPal' });"),
            "instance ./client#*");
  EXPECT_EQ(RequestOf("import Client from './client';\n"
                      "class Page { constructor() { this.c = new Client(); }\n"
                      "  pay() { return this.c.createSource({}); } }"),
            "instance ./client#default");
  EXPECT_EQ(RequestOf("import Api from './api';\n"
                      "new Api().createSource({ type: 'payPal' });"),
            "instance ./api#default");
}

TEST(ReceiverOriginTest, AnImportedObjectAsksTheProject) {
  EXPECT_EQ(RequestOf("const sources = require('./sources');\n"
                      "sources.createSource({ type: 'payPal' });"),
            "object ./sources#*");
  EXPECT_EQ(RequestOf("import { useDigitalRiver } from './dr';\n"
                      "const dr = useDigitalRiver();\n"
                      "dr.createSource({ type: 'payPal' });"),
            "object ./dr#useDigitalRiver");
  EXPECT_EQ(RequestOf("import { DrContext } from './DrContext';\n"
                      "const { createSource } = useContext(DrContext);\n"
                      "createSource(element);"),
            "object ./DrContext#DrContext");
}

TEST(ReceiverOriginTest, AnInjectedServiceAsksTheProjectByItsType) {
  EXPECT_EQ(RequestOf("import { PaymentService } from './payment.service';\n"
                      "class C { constructor(private payments: "
                      "PaymentService) {}\n"
                      "  pay() { this.payments.createSource(el, {}); } }",
                      Language::kTypeScript),
            "instance ./payment.service#PaymentService");
}

TEST(ReceiverOriginTest, ReceiversMadeInTheFileOrUnknownAskNothing) {
  EXPECT_EQ(RequestOf("const dr = new DigitalRiver(key);\n"
                      "dr.createSource({});"),
            "none");
  EXPECT_EQ(RequestOf("function pay(client) { client.createSource({}); }"),
            "none");
  EXPECT_EQ(RequestOf("class C { constructor(private dr: DrService) {}\n"
                      "  pay() { this.dr.createSource({}); } }",
                      Language::kTypeScript),
            "none")
      << "an injected instance of unknown provenance: the payload decides";
}

TEST(ReceiverOriginTest, ServicesOfAnotherSdkAreNotSites) {
  EXPECT_EQ(RequestOf("import { StripeService as S } from 'ngx-stripe';\n"
                      "class C { constructor(private pay: S) {}\n"
                      "  go() { this.pay.createSource(el, {}); } }",
                      Language::kTypeScript),
            "0 sites");
  EXPECT_EQ(RequestOf("import { Checkout } from '@adyen/adyen-web';\n"
                      "const c = new Checkout(); c.createSource({});"),
            "0 sites");
  EXPECT_EQ(RequestOf("class Api { createSource(d) { return fetch(u); } }\n"
                      "class C { constructor(private api: Api) {}\n"
                      "  go() { this.api.createSource({}); } }",
                      Language::kTypeScript),
            "0 sites");
}

bool OnlyOthers(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  return OnlyOtherCreateSources(tree.Root(), source);
}

TEST(ReceiverOriginTest, TellsModulesThatCannotCallDigitalRiver) {
  EXPECT_TRUE(
      OnlyOthers("export class Rest {\n"
                 "  createSource(body) { return fetch(u, body); }\n"
                 "}  // createSource over REST"));
  EXPECT_TRUE(
      OnlyOthers("module.exports = { createSource: (b) => post(b),\n"
                 "  s: (e, d) => Stripe(k).createSource(e, d) };"));
  EXPECT_FALSE(
      OnlyOthers("class W { constructor() { this.dr = "
                 "DigitalRiver(k); }\n"
                 "  createSource(d) { return this.dr.createSource(d); "
                 "} }"));
  EXPECT_FALSE(
      OnlyOthers("class W { createSource(d) { return "
                 "this.client.createSource(d); } }"))
      << "a receiver of unknown origin may be DigitalRiver.js";
  EXPECT_FALSE(OnlyOthers("const m = 'createSource'; obj[m](d);"));
}

}  // namespace
}  // namespace psm
