// End-to-end over PHP: every PHP fixture through the built binary as a user
// runs it (--diff applied with `git apply`, --write, --check, a second
// run), `php -l` over the result, and every report format on PHP sites.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/cli_harness.h"
#include "php/php_lint.h"

namespace psm::testing_cli {
namespace {

namespace fs = std::filesystem;

fs::path WithStem(const fs::path& dir, const std::string& stem) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().stem() == stem) return entry.path();
  }
  return {};
}

std::vector<std::string> PhpFixtures() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(fs::path(PSM_SOURCE_DIR) / "fixtures")) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("php-") || name.starts_with("phtml-"))
      names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The fixture's session-id options, quoted for the shell. A fixture is one
// PHP file without the page that gets its arrays: --php-pages-elsewhere
// says so, as a user whose pages live in another repository would.
std::string SessionOptions(const fs::path& dir) {
  nlohmann::json spec = nlohmann::json::parse(ReadFile(dir / "report.json"));
  std::string options = "--php-pages-elsewhere --session-id '" +
                        spec.value("sessionId", std::string()) + "'";
  if (spec.contains("phpSessionId")) {
    options +=
        " --php-session-id '" + spec["phpSessionId"].get<std::string>() + "'";
  }
  return options;
}

class PhpFixtureCliTest : public testing::TestWithParam<std::string> {};

TEST_P(PhpFixtureCliTest, DiffAppliesWriteMatchesAndASecondRunIsQuiet) {
  fs::path dir = fs::path(PSM_SOURCE_DIR) / "fixtures" / GetParam();
  fs::path input = WithStem(dir, "input");
  fs::path expected_path = WithStem(dir, "expected");
  std::string expected =
      ReadFile(expected_path.empty() ? input : expected_path);
  std::string file = "case" + input.extension().string();
  std::string options = SessionOptions(dir);
  ScratchDir scratch;
  scratch.Write(file, ReadFile(input));

  Outcome diff = Shell(scratch.path(),
                       "{bin} -q " + options + " " + file + " > change.diff");
  ASSERT_EQ(diff.status, 0) << diff.err;
  if (!scratch.Read("change.diff").empty()) {
    Outcome apply = Shell(scratch.path(),
                          "git init -q . && git apply --check change.diff && "
                          "git apply change.diff");
    ASSERT_EQ(apply.status, 0) << apply.err;
  }
  EXPECT_EQ(scratch.Read(file), expected);

  scratch.Write(file, ReadFile(input));
  Outcome write =
      Shell(scratch.path(), "{bin} -q --write " + options + " " + file);
  EXPECT_EQ(write.status, 0) << write.err;
  EXPECT_EQ(scratch.Read(file), expected);
  if (testing_php::HavePhp() && expected != ReadFile(input)) {
    EXPECT_EQ(testing_php::PhpLint(expected), "");
  }

  Outcome again = Shell(scratch.path(), "{bin} -q " + options + " " + file);
  EXPECT_EQ(again.status, 0);
  EXPECT_EQ(again.out, "") << "a second run changes nothing";
}

INSTANTIATE_TEST_SUITE_P(PhpFixtures, PhpFixtureCliTest,
                         testing::ValuesIn(PhpFixtures()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

constexpr const char* kController = R"(<?php
class Payload
{
    public function execute()
    {
        $result['payload'] = [
            'type' => 'payPal',
            'amount' => $this->quote->getGrandTotal(),
            'currency' => $this->quote->getQuoteCurrencyCode(),
            'payPal' => ['returnUrl' => '/ok', 'items' => $this->getItems()],
        ];
        return $this->json->setData($result);
    }
}
)";

class PhpCliTest : public testing::Test {
 protected:
  void SetUp() override { dir_.Write("Controller/Payload.php", kController); }
  Outcome Tool(const std::string& args) {
    return Shell(dir_.path(), "{bin} " + args);
  }
  ScratchDir dir_;
};

// Nothing of the project hands the array to createSource: it may be an
// order's or an API's data, so it stays as it is, for review (the project
// names DigitalRiver elsewhere: its pages may live in another repository).
TEST_F(PhpCliTest, WithoutAPageTheArrayIsLeftForReview) {
  dir_.Write("etc/config.php",
             "<?php\nreturn ['payment/digitalriver/public_key' => '...'];\n");
  Outcome check = Tool("--check .");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("Controller/Payload.php:6:30: payPal payload array "
                           "needs review: no script of the project hands the "
                           "array to createSource"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("rerun with --php-pages-elsewhere"),
            std::string::npos);
  Outcome write = Tool("-q --write .");
  EXPECT_EQ(write.status, 0) << write.err;
  EXPECT_EQ(dir_.Read("Controller/Payload.php"), kController);
}

// In a project where no file calls createSource or names DigitalRiver, an
// array with a payload's shape is an order's or an API's data: no site, and
// a check (a hook's) passes; --verbose says why it was passed over.
TEST_F(PhpCliTest, WithoutAnyTraceOfDigitalRiverTheArrayIsNoSite) {
  Outcome check = Tool("--check .");
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_EQ(check.out.find("payPal payload array"), std::string::npos)
      << check.out;
  Outcome verbose = Tool("--check --verbose .");
  EXPECT_NE(verbose.err.find("Controller/Payload.php:6:30: payload-shaped "
                             "array, not DigitalRiver.js: no file of the "
                             "project calls createSource or names "
                             "DigitalRiver"),
            std::string::npos)
      << verbose.err;
  Outcome elsewhere = Tool("--check --php-pages-elsewhere .");
  EXPECT_EQ(elsewhere.status, 1);
  EXPECT_NE(elsewhere.out.find("needs migrating"), std::string::npos)
      << elsewhere.out;
}

TEST_F(PhpCliTest, CheckListsThePhpSiteAndFails) {
  Outcome check = Tool("--check --php-pages-elsewhere .");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("Controller/Payload.php:6:30: payPal payload array "
                           "needs migrating: add sessionId; remove amount, "
                           "currency, payPal.items"),
            std::string::npos)
      << check.out;
}

TEST_F(PhpCliTest, EveryReportShowsThePhpSite) {
  Outcome run = Tool(
      "-q --php-pages-elsewhere "
      "--php-session-id '$this->session->getDrSessionId()' "
      "--json-report r.json --markdown-report r.md --html-report r.html "
      "--sarif-report r.sarif .");
  ASSERT_EQ(run.status, 0) << run.err;
  nlohmann::json json = nlohmann::json::parse(dir_.Read("r.json"));
  ASSERT_EQ(json["sites"].size(), 1u);
  EXPECT_EQ(json["sites"][0]["language"], "php");
  EXPECT_EQ(json["sites"][0]["status"], "migrated");
  std::string markdown = dir_.Read("r.md");
  EXPECT_NE(markdown.find("$this->session->getDrSessionId()"),
            std::string::npos);
  EXPECT_NE(markdown.find("Controller/Payload.php"), std::string::npos);
  EXPECT_NE(dir_.Read("r.html").find("Controller/Payload.php"),
            std::string::npos);
  nlohmann::json sarif = nlohmann::json::parse(dir_.Read("r.sarif"));
  const auto& result = sarif["runs"][0]["results"][0];
  EXPECT_NE(result["message"]["text"].get<std::string>().find(
                "payPal payload array needs migrating"),
            std::string::npos);
  EXPECT_FALSE(result["fixes"].empty());
}

TEST_F(PhpCliTest, APhpSessionIdThatIsNotAnExpressionStopsTheRun) {
  Outcome broken = Tool("--php-session-id 'getId(' .");
  EXPECT_EQ(broken.status, 2);
  EXPECT_NE(broken.err.find("--php-session-id"), std::string::npos);
  Outcome leaves = Tool("--php-session-id '$id ?>' .");
  EXPECT_EQ(leaves.status, 2);
  EXPECT_EQ(dir_.Read("Controller/Payload.php"), kController);
}

TEST_F(PhpCliTest, TheConfigGivesThePhpSessionId) {
  dir_.Write(".payment-session-migrate.json",
             R"json({"phpSessionId": "$this->drSession()",
                     "phpPagesElsewhere": true})json");
  Outcome run = Tool("-q --write .");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(dir_.Read("Controller/Payload.php")
                .find("'sessionId' => $this->drSession(),"),
            std::string::npos);
}

}  // namespace
}  // namespace psm::testing_cli
