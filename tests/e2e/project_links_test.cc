// Payloads built in another module (issue 11), end to end: the builder is
// migrated where it is built, in every module system the tool follows,
// and left alone, with the reason, wherever something else may see it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kPayPalBuilderBody =
    "  return {\n"
    "    type: 'payPal',\n"
    "    amount: cart.total,\n"
    "    currency: cart.currency,\n"
    "    payPal: {returnUrl: cart.ok, cancelUrl: cart.back},\n"
    "  };\n";

constexpr const char* kMigratedBody =
    "  return {\n"
    "    type: 'payPal',\n"
    "    sessionId: S,\n"
    "    payPal: {returnUrl: cart.ok, cancelUrl: cart.back},\n"
    "  };\n";

class ProjectLinksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("package.json", "{\"name\": \"shop\"}\n");
  }

  // --write, then the same run again must find nothing more to do.
  Outcome WriteTwice(const std::string& paths = "src") {
    Outcome first = Shell(dir_.path(), "{bin} --write --session-id S " + paths);
    Outcome again = Shell(dir_.path(), "{bin} --check --session-id S " + paths);
    EXPECT_EQ(again.status, 0) << again.out << again.err;
    Outcome parse = Shell(dir_.path(),
                          "for f in $(find src -name '*.js'); do "
                          "node --check \"$f\" || exit 1; done");
    EXPECT_EQ(parse.status, 0) << parse.err;
    return first;
  }

  ScratchDir dir_;
};

TEST_F(ProjectLinksTest, AnHtmlReportKeptInTheProjectIsNotAUserOfTheBuilder) {
  dir_.Write("src/payloads/paypal.js",
             std::string("export function buildPayPal(cart) {\n") +
                 kPayPalBuilderBody + "}\n");
  dir_.Write("src/checkout.js",
             "import {buildPayPal} from './payloads/paypal.js';\n"
             "export function pay(dr, cart) {\n"
             "  return dr.createSource(buildPayPal(cart));\n"
             "}\n");
  // The report names the builder and its module in its excerpts.
  Outcome report = Shell(
      dir_.path(), "{bin} --check --session-id S --html-report src/r.html src");
  ASSERT_EQ(report.status, 1) << report.err;
  ASSERT_NE(dir_.Read("src/r.html").find("buildPayPal"), std::string::npos);
  WriteTwice();
  EXPECT_EQ(dir_.Read("src/payloads/paypal.js"),
            std::string("export function buildPayPal(cart) {\n") +
                kMigratedBody + "}\n");
}

TEST_F(ProjectLinksTest, ASubclassElsewhereReadingTheBuildersFieldKeepsIt) {
  dir_.Write("src/paypal-request.js",
             "export class PayPalRequest {\n"
             "  constructor(cart) {\n"
             "    this.payload = {type: 'payPal', amount: cart.total,\n"
             "      currency: cart.currency, payPal: {returnUrl: cart.ok}};\n"
             "  }\n"
             "  build() { return this.payload; }\n"
             "}\n");
  // Never calls createSource, never names `build`: it reads the field.
  dir_.Write("src/audited-request.js",
             "import {PayPalRequest} from './paypal-request.js';\n"
             "export class AuditedRequest extends PayPalRequest {\n"
             "  audit(log) { log(this.payload.amount); }\n"
             "}\n");
  dir_.Write("src/checkout.js",
             "import {PayPalRequest} from './paypal-request.js';\n"
             "export function pay(dr, cart) {\n"
             "  return dr.createSource(new PayPalRequest(cart).build());\n"
             "}\n");
  std::string before = dir_.Read("src/paypal-request.js");
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/paypal-request.js"), before);
  std::string said = run.out + run.err;
  EXPECT_NE(said.find("`this.payload` of `build` in src/paypal-request.js "
                      "is also named in src/audited-request.js"),
            std::string::npos)
      << said;
}

TEST_F(ProjectLinksTest, EsModuleFunctionIsMigratedWhereItIsBuilt) {
  dir_.Write("src/payloads/paypal.js",
             std::string("export function buildPayPal(cart) {\n") +
                 kPayPalBuilderBody + "}\n");
  std::string checkout =
      "import {buildPayPal as build} from './payloads/paypal.js';\n"
      "export async function pay(dr, cart) {\n"
      "  const payload = await build(cart);\n"
      "  return dr.createSource(payload);\n"
      "}\n";
  dir_.Write("src/checkout.js", checkout);
  // The call is the site; the report says where its payload is built.
  Outcome check = Shell(
      dir_.path(), "{bin} --check --session-id S --json-report r.json src");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("src/checkout.js:4:10: payPal payload (built at "
                           "src/payloads/paypal.js:1:8) needs migrating: add "
                           "sessionId; remove amount, currency"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.err.find("1 would change (1 for calls in other files); 1 "
                           "call site: 1 to migrate"),
            std::string::npos)
      << check.err;
  nlohmann::json report = nlohmann::json::parse(dir_.Read("r.json"));
  const nlohmann::json& site = report["sites"][0];
  EXPECT_EQ(site["builtAt"], (nlohmann::json{{"file", "src/payloads/paypal.js"},
                                             {"line", 1},
                                             {"column", 8}}));
  ASSERT_EQ(site["via"].size(), 2u);
  EXPECT_EQ(site["via"][0], "src/checkout.js:4: `build(cart)` (line 3)");
  EXPECT_EQ(report["summary"]["filesChangedForOtherFiles"], 1);
  Outcome md = Shell(dir_.path(),
                     "{bin} --check --session-id S "
                     "--markdown-report - src");
  EXPECT_NE(md.out.find("  - Built at `src/payloads/paypal.js:1:8`, via "),
            std::string::npos)
      << md.out;
  Outcome out = WriteTwice();
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(dir_.Read("src/payloads/paypal.js"),
            std::string("export function buildPayPal(cart) {\n") +
                kMigratedBody + "}\n");
  EXPECT_EQ(dir_.Read("src/checkout.js"), checkout);
}

// What a pre-commit hook without --staged runs: --check on the caller
// alone. Nothing is written, so its builder in another module is judged
// with it: a migrated builder passes (it needed review, for ever, since
// the hook never names the builder), a legacy one fails naming its file.
// --diff still leaves what it would not print for review.
TEST_F(ProjectLinksTest, CheckOnTheCallerAloneJudgesItsBuilder) {
  dir_.Write("src/payloads/paypal.js",
             std::string("export function buildPayPal(cart) {\n") +
                 kPayPalBuilderBody + "}\n");
  dir_.Write("src/checkout.js",
             "import {buildPayPal} from './payloads/paypal.js';\n"
             "export function pay(dr, cart) {\n"
             "  return dr.createSource(buildPayPal(cart));\n"
             "}\n");
  Outcome legacy =
      Shell(dir_.path(), "{bin} --check --session-id S src/checkout.js");
  EXPECT_EQ(legacy.status, 1) << legacy.err;
  EXPECT_NE(legacy.out.find("src/checkout.js:3:10: payPal payload (built at "
                            "src/payloads/paypal.js:1:8) needs migrating"),
            std::string::npos)
      << legacy.out;
  Outcome diff =
      Shell(dir_.path(), "{bin} --diff --session-id S src/checkout.js");
  EXPECT_EQ(diff.out, "");
  EXPECT_NE(diff.err.find("outside the paths given"), std::string::npos)
      << diff.err;
  ASSERT_EQ(Shell(dir_.path(), "{bin} --write --session-id S src").status, 0);
  Outcome migrated =
      Shell(dir_.path(), "{bin} --check --session-id S src/checkout.js");
  EXPECT_EQ(migrated.status, 0) << migrated.out << migrated.err;
  EXPECT_NE(migrated.err.find("1 already migrated"), std::string::npos)
      << migrated.err;
}

TEST_F(ProjectLinksTest, CommonJsObjectOfFunctions) {
  dir_.Write("src/payloads.js", std::string("function buildPayPal(cart) {\n") +
                                    kPayPalBuilderBody +
                                    "}\nmodule.exports = { buildPayPal };\n");
  dir_.Write(
      "src/checkout.js",
      "const { buildPayPal } = require('./payloads');\n"
      "module.exports = (dr, cart) => dr.createSource(buildPayPal(cart));\n");
  WriteTwice();
  EXPECT_NE(dir_.Read("src/payloads.js").find(kMigratedBody),
            std::string::npos);
}

TEST_F(ProjectLinksTest, ClassMethodThroughNewAndADefaultExport) {
  dir_.Write("src/PayPalPayload.ts",
             std::string("export default class PayPalPayload {\n"
                         "  constructor(private cart: any) {}\n"
                         "  build() {\n    const cart = this.cart;\n") +
                 kPayPalBuilderBody + "  }\n}\n");
  dir_.Write("src/checkout.ts",
             "import PayPalPayload from './PayPalPayload';\n"
             "export function pay(dr: any, cart: any) {\n"
             "  const request = new PayPalPayload(cart);\n"
             "  return dr.createSource(request.build());\n"
             "}\n");
  Outcome out = Shell(dir_.path(), "{bin} --diff --session-id S src");
  EXPECT_NE(out.out.find("+    sessionId: S,"), std::string::npos)
      << out.out << out.err;
  EXPECT_NE(out.out.find("-    amount: cart.total,"), std::string::npos);
}

TEST_F(ProjectLinksTest, MagentoRequireJsModuleById) {
  dir_.Write("app/code/Acme/Pay/registration.php",
             "<?php\n\\Magento\\Framework\\Component\\ComponentRegistrar::"
             "register(\\Magento\\Framework\\Component\\ComponentRegistrar::"
             "MODULE, 'Acme_Pay', __DIR__);\n");
  dir_.Write("app/code/Acme/Pay/view/frontend/web/js/model/payload.js",
             std::string("define([], function () {\n  'use strict';\n"
                         "  return {\n    paypal: function (cart) {\n") +
                 kPayPalBuilderBody + "    }\n  };\n});\n");
  dir_.Write("app/code/Acme/Pay/view/frontend/web/js/view/pay.js",
             "define(['jquery', 'Acme_Pay/js/model/payload'], function ($, "
             "payload) {\n"
             "  return function (dr, cart) {\n"
             "    return dr.createSource(payload.paypal(cart));\n"
             "  };\n});\n");
  Outcome out = Shell(dir_.path(), "{bin} --diff --session-id S app");
  EXPECT_NE(out.out.find("model/payload.js"), std::string::npos)
      << out.out << out.err;
  EXPECT_NE(out.out.find("+    sessionId: S,"), std::string::npos);
  Outcome apply = Shell(dir_.path(),
                        "git init -q . && {bin} --diff "
                        "--session-id S app > p.diff; "
                        "git apply --check p.diff");
  EXPECT_EQ(apply.status, 0) << apply.err;
}

TEST_F(ProjectLinksTest, TsConfigPathsAndABarrelReExport) {
  dir_.Write("tsconfig.json",
             "{ // comments are allowed here\n"
             "  \"compilerOptions\": {\"baseUrl\": \".\", \"paths\": "
             "{\"@payloads/*\": [\"src/payloads/*\"]}}}\n");
  dir_.Write("src/payloads/paypal.ts",
             std::string("export const buildPayPal = (cart: any) => {\n") +
                 kPayPalBuilderBody + "};\n");
  dir_.Write("src/payloads/index.ts",
             "export { buildPayPal } from './paypal';\n");
  dir_.Write("src/checkout.ts",
             "import * as payloads from '@payloads/index';\n"
             "export const pay = (dr: any, cart: any) =>\n"
             "  payloads.buildPayPal(cart).then ? null : "
             "dr.createSource(payloads.buildPayPal(cart));\n");
  Outcome out = Shell(dir_.path(), "{bin} --check --session-id S src");
  // `payloads.buildPayPal(cart).then` reads the builder's result outside
  // the call: the builder is left alone, with that reason.
  EXPECT_NE(out.out.find("src/checkout.ts:3:"), std::string::npos)
      << out.out << out.err;
  EXPECT_NE(out.out.find("(built at src/payloads/paypal.ts:1:"),
            std::string::npos);
  EXPECT_NE(out.out.find("is also used at line 3"), std::string::npos);
  EXPECT_NE(out.out.find("needs review"), std::string::npos);
}

TEST_F(ProjectLinksTest, AnotherImporterKeepsTheBuilderAsItIs) {
  std::string builder = std::string("export function buildPayPal(cart) {\n") +
                        kPayPalBuilderBody + "}\n";
  dir_.Write("src/payloads/paypal.js", builder);
  dir_.Write(
      "src/checkout.js",
      "import {buildPayPal} from './payloads/paypal';\n"
      "export const pay = (dr, cart) => dr.createSource(buildPayPal(cart));\n");
  dir_.Write("src/analytics.js",
             "import {buildPayPal} from './payloads/paypal';\n"
             "export const track = (cart) => fetch('/t', {body: "
             "JSON.stringify(buildPayPal(cart))});\n");
  Outcome out = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/payloads/paypal.js"), builder);
  EXPECT_NE(out.err.find("is also named in src/analytics.js"),
            std::string::npos)
      << out.out << out.err;
}

TEST_F(ProjectLinksTest, BuilderOutsideThePathsGivenIsNamed) {
  std::string builder = std::string("export function buildPayPal(cart) {\n") +
                        kPayPalBuilderBody + "}\n";
  dir_.Write("lib/paypal.js", builder);
  dir_.Write(
      "src/checkout.js",
      "import {buildPayPal} from '../lib/paypal';\n"
      "export const pay = (dr, cart) => dr.createSource(buildPayPal(cart));\n");
  Outcome out =
      Shell(dir_.path(), "{bin} --write --session-id S src/checkout.js");
  EXPECT_EQ(out.status, 0) << out.err;  // --write: review is not a failure
  EXPECT_EQ(dir_.Read("lib/paypal.js"), builder);
  EXPECT_NE(out.err.find("lib/paypal.js:1"), std::string::npos) << out.err;
  EXPECT_NE(
      out.err.find("outside the paths given (or ignored); add it to them"),
      std::string::npos);
  Outcome no_follow =
      Shell(dir_.path(), "{bin} --check --no-follow --session-id S src");
  EXPECT_NE(no_follow.out.find("is built in module `../lib/paypal`"),
            std::string::npos)
      << no_follow.out;
}

// A call answered by a PHP array gets the PHP `sessionId` expression, and
// the JSON report says so.
TEST_F(ProjectLinksTest, ACallAnsweredByPhpReportsThePhpSessionExpression) {
  dir_.Write("composer.json", "{}\n");
  dir_.Write("api/paypal.php",
             "<?php\n"
             "$payload = ['type' => 'payPal', 'amount' => 10, 'currency' => "
             "'USD', 'payPal' => ['returnUrl' => 'r', 'cancelUrl' => 'c']];\n"
             "echo json_encode(['payload' => $payload]);\n");
  dir_.Write("js/pay.js",
             "export async function pay(dr) {\n"
             "  const res = await fetch('/api/paypal.php');\n"
             "  const body = await res.json();\n"
             "  return dr.createSource(body.payload);\n}\n");
  Outcome run = Shell(dir_.path(),
                      "{bin} --check --session-id js.sid --php-session-id "
                      "'$sid' --json-report r.json .");
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  nlohmann::json report = nlohmann::json::parse(dir_.Read("r.json"));
  ASSERT_EQ(report["sites"].size(), 2u) << report.dump();
  for (const nlohmann::json& site : report["sites"]) {
    EXPECT_EQ(site["status"], "migrated") << site.dump();
    EXPECT_EQ(site["sessionExpression"]["expression"], "$sid") << site.dump();
    EXPECT_EQ(site["sessionExpression"]["from"], "--php-session-id");
  }
}

// A PHP array sent to the browser is only migrated once the pages reading
// the response were searched and one hands it to createSource (or the user
// says the pages live elsewhere): under --no-follow it keeps its fields.
TEST_F(ProjectLinksTest, NoFollowKeepsWhatAPhpFileSendsTheBrowser) {
  dir_.Write("composer.json", "{}\n");
  dir_.Write("api/config.php", "<?php\n// DigitalRiver.js keys\n");
  dir_.Write("api/paypal.php",
             "<?php\n"
             "$payload = ['type' => 'payPal', 'amount' => 10, 'currency' => "
             "'USD', 'payPal' => ['returnUrl' => 'r', 'cancelUrl' => 'c']];\n"
             "echo json_encode(['payload' => $payload]);\n");
  Outcome follow = Shell(dir_.path(), "{bin} --check api");
  EXPECT_NE(follow.out.find("needs review: no script of the project hands "
                            "the array to createSource"),
            std::string::npos)
      << follow.out;
  Outcome elsewhere =
      Shell(dir_.path(), "{bin} --check --php-pages-elsewhere api");
  EXPECT_NE(elsewhere.out.find("needs migrating"), std::string::npos)
      << elsewhere.out;
  dir_.Write("web/pay.js",
             "export async function pay(dr, url) {\n"
             "  const r = await (await fetch(url)).json();\n"
             "  return dr.createSource(r.payload);\n"
             "}\n");
  Outcome page = Shell(dir_.path(), "{bin} --check api");
  EXPECT_NE(page.out.find("api/paypal.php:2:12: payPal payload array needs "
                          "migrating"),
            std::string::npos)
      << page.out;
  Outcome no_follow = Shell(dir_.path(), "{bin} --check --no-follow api");
  EXPECT_NE(no_follow.out.find("api/paypal.php:2"), std::string::npos)
      << no_follow.out;
  EXPECT_NE(no_follow.out.find("under --no-follow the pages that read it "
                               "are not searched"),
            std::string::npos)
      << no_follow.out;
  EXPECT_EQ(no_follow.out.find("needs migrating"), std::string::npos);
}

// Calls that are not DigitalRiver.js are no sites at all, but --verbose
// says which ones were passed over and why, in this file or through the
// project model.
TEST_F(ProjectLinksTest, VerboseListsCallsThatAreNotDigitalRiver) {
  dir_.Write("src/rest-client.js",
             "export class RestClient {\n"
             "  createSource(body) { return fetch('/sources', body); }\n"
             "}\n");
  dir_.Write("src/checkout.js",
             "import {RestClient} from './rest-client.js';\n"
             "const stripe = Stripe('pk');\n"
             "stripe.createSource({type: 'card', amount: 1});\n"
             "new RestClient().createSource({type: 'payPal', amount: 1});\n");
  Outcome quiet = Shell(dir_.path(), "{bin} --check src");
  EXPECT_EQ(quiet.status, 0) << quiet.out << quiet.err;
  EXPECT_EQ(quiet.err.find("not DigitalRiver.js"), std::string::npos);
  Outcome verbose = Shell(dir_.path(), "{bin} --check --verbose src");
  EXPECT_EQ(verbose.status, 0) << verbose.out << verbose.err;
  EXPECT_NE(verbose.err.find("src/checkout.js:3:1: createSource, not "
                             "DigitalRiver.js: `stripe` is made by another "
                             "library"),
            std::string::npos)
      << verbose.err;
  EXPECT_NE(verbose.err.find("src/checkout.js:4:1: createSource, not "
                             "DigitalRiver.js: `new RestClient()`"),
            std::string::npos)
      << verbose.err;
  EXPECT_NE(verbose.err.find("src/rest-client.js:2"), std::string::npos)
      << verbose.err;
}

// A base class whose object two subclasses build on (`super.build()`).
class SuperBuildTest : public ProjectLinksTest {
 protected:
  void SetUp() override {
    ProjectLinksTest::SetUp();
    dir_.Write("src/base.js",
               "export class Base {\n"
               "  constructor(cart) { this.cart = cart; }\n"
               "  build() {\n"
               "    return {amount: this.cart.total, currency: 'EUR'};\n"
               "  }\n"
               "}\n");
    dir_.Write("src/paypal.js",
               "import {Base} from './base.js';\n"
               "export class PayPal extends Base {\n"
               "  build() { return {...super.build(), type: 'payPal'}; }\n"
               "}\n");
    dir_.Write("src/checkout.js",
               "import {PayPal} from './paypal.js';\n"
               "export function pay(dr, cart) {\n"
               "  return dr.createSource(new PayPal(cart).build());\n"
               "}\n");
  }
};

TEST_F(SuperBuildTest, ASubclassFileThatCannotBeWrittenKeepsTheBaseAsItIs) {
  std::string base = dir_.Read("src/base.js");
  ASSERT_EQ(::chmod((dir_.path() / "src/paypal.js").c_str(), 0444), 0);
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/base.js"), base);
  EXPECT_NE((run.out + run.err)
                .find("src/paypal.js, which builds on its "
                      "object, cannot be"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(SuperBuildTest, AReadOnlyBaseLeavesTheSubclassAsItIs) {
  std::string paypal = dir_.Read("src/paypal.js");
  ASSERT_EQ(::chmod((dir_.path() / "src/base.js").c_str(), 0444), 0);
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/paypal.js"), paypal);
  EXPECT_NE((run.out + run.err)
                .find("needs review: the file that builds the fields of "
                      "`super.build()` (src/base.js) was not changed"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(SuperBuildTest, BothFilesAreMigratedWhenTheOnlyUserAgrees) {
  WriteTwice();
  EXPECT_EQ(dir_.Read("src/paypal.js"),
            "import {Base} from './base.js';\n"
            "export class PayPal extends Base {\n"
            "  build() { return {...super.build(), type: 'payPal', "
            "sessionId: S}; }\n"
            "}\n");
  EXPECT_NE(dir_.Read("src/base.js").find("return {};"), std::string::npos)
      << dir_.Read("src/base.js");
}

TEST_F(SuperBuildTest, ASubclassOfASubclassIsAUserToo) {
  // Reaches Base's object through PayPal's `build`, but uses `super` again.
  dir_.Write("src/card.js",
             "import {PayPal} from './paypal.js';\n"
             "export class Card extends PayPal {\n"
             "  build() { return {...super.build(), type: 'creditCard'}; }\n"
             "}\n");
  std::string base = dir_.Read("src/base.js");
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/base.js"), base);
  EXPECT_NE((run.out + run.err)
                .find("Card (src/card.js:2, payment type unknown: extends "
                      "PayPal and uses `super.build`"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(SuperBuildTest, ABaseMethodUsedElsewhereInItsClassKeepsBothFiles) {
  dir_.Write("src/base.js",
             "export class Base {\n"
             "  constructor(cart) { this.cart = cart; }\n"
             "  build() {\n"
             "    return {amount: this.cart.total, currency: 'EUR'};\n"
             "  }\n"
             "  toJSON() { return this.build(); }\n"
             "}\n");
  std::string base = dir_.Read("src/base.js");
  std::string paypal = dir_.Read("src/paypal.js");
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/base.js"), base);
  EXPECT_EQ(dir_.Read("src/paypal.js"), paypal);
  EXPECT_NE((run.out + run.err)
                .find("returns an object the tool left as it is: `build` of "
                      "src/paypal.js is also reached through `this.build` at "
                      "line 6 of its base class `Base` (src/base.js:1)"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(ProjectLinksTest, ATypeSetTwoLevelsDownIsThatUsersMethod) {
  dir_.Write("src/base.js",
             "export class Base {\n"
             "  constructor(cart) { this.cart = cart; }\n"
             "  build() {\n"
             "    return {type: this.type, amount: this.cart.total};\n"
             "  }\n"
             "}\n");
  dir_.Write("src/konbini.js",
             "import {Base} from './base.js';\n"
             "export class Konbini extends Base {\n"
             "  constructor(cart) { super(cart); this.type = 'konbini'; }\n"
             "}\n");
  dir_.Write("src/card.js",
             "import {Konbini} from './konbini.js';\n"
             "export class Card extends Konbini {\n"
             "  constructor(cart) { super(cart); this.type = 'creditCard'; }\n"
             "}\n");
  dir_.Write("src/checkout.js",
             "import {Konbini} from './konbini.js';\n"
             "export function pay(dr, cart) {\n"
             "  return dr.createSource(new Konbini(cart).build());\n"
             "}\n");
  std::string base = dir_.Read("src/base.js");
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id S src");
  EXPECT_EQ(dir_.Read("src/base.js"), base);
  EXPECT_NE((run.out + run.err)
                .find("Konbini (src/konbini.js:2, konbini), Card "
                      "(src/card.js:2, creditCard)"),
            std::string::npos)
      << run.out << run.err;
}

}  // namespace
}  // namespace psm::testing_cli
