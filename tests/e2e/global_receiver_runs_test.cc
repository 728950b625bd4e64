// A createSource receiver that is a global another script sets (`ShopApi`,
// `Tracked`) is judged from the scripts that may give it a createSource of
// its own. A run over the whole project takes them from what it read
// (LinkOptions::definers); a run over some of its files reads the project
// for the name. Both must reach the same answer, wherever the script that
// sets the global lies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kCheckout =
    "function payShop(cart) {\n"
    "  return ShopApi.createSource({type: 'payPal', amount: cart.total,\n"
    "    currency: 'USD', payPal: {returnUrl: cart.ok}});\n"
    "}\n"
    "function payTracked(cart) {\n"
    "  return Tracked.createSource({type: 'payPal', amount: cart.total,\n"
    "    currency: 'USD', payPal: {returnUrl: cart.ok}});\n"
    "}\n"
    "function payDr(cart) {\n"
    "  return dr.createSource({type: 'payPal', amount: cart.total,\n"
    "    currency: 'USD', payPal: {returnUrl: cart.ok}});\n"
    "}\n";

// The shop's own client, which posts the payload to the shop.
constexpr const char* kShopApi =
    "var ShopApi = {\n"
    "  createSource: function (payload) {\n"
    "    return $.post('/api/sources', payload);\n"
    "  }\n"
    "};\n";

// DigitalRiver.js behind a createSource that reads the payload first.
constexpr const char* kTracked =
    "var Tracked = DigitalRiver('pk');\n"
    "var realCreate = Tracked.createSource.bind(Tracked);\n"
    "Tracked.createSource = function (payload) {\n"
    "  console.log('paying', payload.amount);\n"
    "  return realCreate(payload);\n"
    "};\n";

// "line status" of each site `--check --json-report -` finds for `paths`.
std::vector<std::string> SitesOf(const ScratchDir& dir,
                                 const std::string& paths) {
  Outcome run = Shell(dir.path(), "{bin} --check --json-report - " + paths);
  EXPECT_EQ(run.status, 1) << paths << "\n" << run.err;
  std::vector<std::string> sites;
  nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
  if (!report.contains("sites")) {
    ADD_FAILURE() << paths << ": no report\n" << run.out;
    return sites;
  }
  for (const auto& s : report["sites"]) {
    std::string line = s.value("file", "") + ":" +
                       std::to_string(s.value("line", 0)) + " " +
                       s.value("status", "");
    for (const auto& reason : s.value("reasons", nlohmann::json::array())) {
      if (reason.get<std::string>().find("createSource of its own") !=
          std::string::npos)
        line += " (own createSource)";
    }
    sites.push_back(line);
  }
  return sites;
}

class GlobalReceiverRunsTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    dir_.Write("package.json", "{\"name\": \"shop\"}\n");
    dir_.Write("js/checkout.js", kCheckout);
  }
  ScratchDir dir_;
};

// Each run names different paths: the whole project, a directory above or
// beside the scripts that set the globals, one file, or the whole project
// with something excluded or only some files included (then the run did
// not read all of it).
TEST_P(GlobalReceiverRunsTest, EveryRunFindsTheScriptsThatSetTheGlobal) {
  std::string where = GetParam();
  if (where == "page") {
    dir_.Write("pages/checkout.html", std::string("<html><body>\n<script>\n") +
                                          kShopApi + kTracked +
                                          "</script>\n</body></html>\n");
  } else {
    dir_.Write(where + "/shop-api.js", kShopApi);
    dir_.Write(where + "/tracked.js", kTracked);
  }
  const std::vector<std::string> expected = {
      // ShopApi's call is no DigitalRiver.js site at all.
      "js/checkout.js:6 needs-review (own createSource)",
      "js/checkout.js:10 migrated"};
  for (const char* paths : {".", "js", "js/checkout.js",
                            "--exclude 'vendor/**' .", "--include 'js/*' ."}) {
    EXPECT_EQ(SitesOf(dir_, paths), expected) << "paths: " << paths;
  }
}

INSTANTIATE_TEST_SUITE_P(Placements, GlobalReceiverRunsTest,
                         ::testing::Values("lib", "js", "page"));

// The caller's payload as the helper tests write it.
constexpr const char* kShopCall =
    "var payload = {type: 'payPal', amount: 10, currency: 'USD',\n"
    "  payPal: {returnUrl: 'a', cancelUrl: 'b'}};\n"
    "ShopApi.createSource(payload);\n";

// Magento: each module has its own composer.json, the repository holds
// them all; a module's run must still see the shop client another module
// sets.
TEST(GlobalReceiverProjectTest, AClientInAnotherModuleOfTheRepository) {
  ScratchDir dir;
  dir.Write("composer.json", "{}\n");
  ASSERT_EQ(Shell(dir.path(), "git init -q .").status, 0);
  const std::string module = "app/code/Acme/Checkout/";
  dir.Write(module + "composer.json", "{}\n");
  dir.Write(module + "view/frontend/web/js/pay.js", kShopCall);
  dir.Write("app/code/Acme/ShopApi/composer.json", "{}\n");
  dir.Write("app/code/Acme/ShopApi/view/frontend/web/js/shop-api.js", kShopApi);
  for (const std::string& paths : std::vector<std::string>{
           ".", module, module + "view/frontend/web/js/pay.js"}) {
    EXPECT_EQ(Shell(dir.path(), "{bin} --check " + paths).status, 0) << paths;
  }
}

// Another project given on the same command line is not this one's: its
// shop client does not pass this project's DigitalRiver.js call over.
TEST(GlobalReceiverProjectTest, AnotherProjectGivenAlongIsNotThisOnes) {
  ScratchDir dir;
  dir.Write("a/package.json", "{}\n");
  dir.Write("a/checkout.js", kShopCall);
  dir.Write("b/package.json", "{}\n");
  dir.Write("b/api.js", kShopApi);
  for (const char* paths : {".", ". ../b", "checkout.js"}) {
    Outcome run =
        Shell(dir.path() / "a", "{bin} --check " + std::string(paths));
    EXPECT_EQ(run.status, 1) << paths;
    EXPECT_NE(run.out.find("needs migrating"), std::string::npos)
        << paths << "\n"
        << run.out;
  }
}

// A test's fake of the global (`window.digitalriver = { createSource() {
// return ok } }` in __tests__/) is not what the page calls: the shop's real
// call is still migrated, not passed over.
TEST(GlobalReceiverProjectTest, ATestsFakeOfTheGlobalIsNotThePagesClient) {
  ScratchDir dir;
  dir.Write("package.json", "{}\n");
  dir.Write("checkout.js",
            "var payload = {type: 'payPal', amount: 10, currency: 'USD',\n"
            "  payPal: {returnUrl: 'a', cancelUrl: 'b'}};\n"
            "digitalriver.createSource(payload);\n");
  dir.Write("__tests__/mock.js",
            "window.digitalriver = { createSource: function (p) {\n"
            "  return Promise.resolve({ state: 'chargeable' }); } };\n");
  dir.Write("test/checkout.spec.js",
            "window.digitalriver = { createSource: () => ok };\n");
  for (const char* paths : {".", "checkout.js"}) {
    Outcome run = Shell(dir.path(), "{bin} --check " + std::string(paths));
    EXPECT_EQ(run.status, 1) << paths;
    EXPECT_NE(run.out.find("needs migrating"), std::string::npos)
        << paths << "\n"
        << run.out;
  }
}

// A client in an ignored folder (Magento's vendor/) is seen with
// --no-ignore, by a run over one file as by a run over the project.
TEST(GlobalReceiverProjectTest, NoIgnoreReadsTheIgnoredFoldersToo) {
  ScratchDir dir;
  dir.Write("composer.json", "{}\n");
  dir.Write(".gitignore", "/vendor/\n");
  ASSERT_EQ(Shell(dir.path(), "git init -q .").status, 0);
  dir.Write("vendor/acme/shop-api/web/js/shop-api.js", kShopApi);
  dir.Write("app/design/web/js/pay.js", kShopCall);
  for (const char* paths : {".", "app/design/web/js/pay.js"}) {
    Outcome run =
        Shell(dir.path(), "{bin} --check --no-ignore " + std::string(paths));
    EXPECT_EQ(run.status, 0) << paths << "\n" << run.out;
  }
}

// The shop's client written in the other ways scripts write one: the call
// on it is never migrated as DigitalRiver.js's (passed over, or left for
// review).
class GlobalClientSpellingsTest : public ::testing::TestWithParam<const char*> {
};

TEST_P(GlobalClientSpellingsTest, TheCallOnItIsNotMigrated) {
  ScratchDir dir;
  dir.Write("package.json", "{}\n");
  dir.Write("js/api.js", GetParam());
  for (const char* call : {"ShopApi.createSource(payload);\n",
                           "window['ShopApi'].createSource(payload);\n"}) {
    dir.Write("js/checkout.js",
              std::string("var payload = {type: 'payPal', amount: 10, "
                          "currency: 'USD',\n  payPal: {returnUrl: 'a'}};\n") +
                  call);
    for (const char* paths : {".", "js/checkout.js"}) {
      Outcome run = Shell(dir.path(), "{bin} --check " + std::string(paths));
      EXPECT_EQ(run.out.find("needs migrating"), std::string::npos)
          << GetParam() << call << paths << "\n"
          << run.out;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Spellings, GlobalClientSpellingsTest,
    ::testing::Values(
        "var ShopApi = { 'createSource': function (p) {\n"
        "  return $.post('/api', p); } };\n",
        "var ShopApi = {\n  createSource /* legacy */ : /* x */ function (p) "
        "{\n    return $.post('/api', p); }\n};\n",
        "var ShopApi = {};\nShopApi['createSource'] = function (p) {\n"
        "  return $.post('/api', p); };\n",
        "window['ShopApi'] = { createSource(p) {\n"
        "  return $.post('/api', p); } };\n",
        "window[\"ShopApi\"] = { createSource: function (p) {\n"
        "  return $.post('/api', p); } };\n"));

}  // namespace
}  // namespace psm::testing_cli
