// Loads the HTML report in a real headless Chromium: the page must run its
// script without console errors and show the expected counts.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/html_report.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";

SiteResult Site(SiteStatus status, std::string method, uint32_t line) {
  SiteResult site;
  site.line = line;
  site.column = 3;
  site.status = status;
  site.method = std::move(method);
  site.excerpt_line = line;
  site.before = "  type: '" + site.method + "',\n  amount: cart.total,\n";
  site.after = "  type: '" + site.method + "',\n  sessionId: s,\n";
  return site;
}

std::vector<FileResult> Sample() {
  SiteResult review = Site(SiteStatus::kNeedsReview, "", 30);
  review.reasons = {"type is `t`, </script><b>not</b> a literal"};
  review.after = review.before;
  return {FileResult{"src/checkout.js",
                     {Site(SiteStatus::kMigrated, "payPal", 10),
                      Site(SiteStatus::kMigrated, "klarnaCredit", 20), review},
                     true,
                     "",
                     false},
          FileResult{"src/old.js",
                     {Site(SiteStatus::kAlreadyMigrated, "payPal", 5),
                      Site(SiteStatus::kUnknownMethod, "alipay", 9)},
                     false,
                     "",
                     false},
          FileResult{"src/broken.js", {}, false, "cannot read", false}};
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh directory per test, for the page, the profile and the output.
class HtmlBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) {
      GTEST_SKIP()
          << kChromium << " is missing: install Debian's chromium package "
          << "(apt-get install chromium) to run the HTML report browser tests";
    }
    std::string pattern =
        (fs::temp_directory_path() / "psm-html-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string WritePage(const std::string& html) {
    std::ofstream(dir_ / "report.html", std::ios::binary) << html;
    return "file://" + (dir_ / "report.html").string();
  }

  // Runs Chromium on `url`; returns the DOM after scripts ran, keeps the log.
  std::string Load(const std::string& url) {
    std::string command =
        std::string("timeout 120 ") + kChromium +
        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
        " --disable-background-networking --disable-component-update "
        "--disable-sync"
        " --user-data-dir='" +
        (dir_ / "profile").string() +
        "' --enable-logging=stderr --v=0 --dump-dom '" + url + "' > '" +
        (dir_ / "dom.html").string() + "' 2> '" + (dir_ / "log.txt").string() +
        "'";
    int status = std::system(command.c_str());
    log_ = ReadFile(dir_ / "log.txt");
    EXPECT_EQ(status, 0) << command << "\n" << log_;
    return ReadFile(dir_ / "dom.html");
  }

  // The log lines that show console output or an uncaught exception.
  std::string ConsoleLines() const {
    std::istringstream lines(log_);
    std::string line, found;
    while (std::getline(lines, line)) {
      if (line.find("CONSOLE") != std::string::npos ||
          line.find("Uncaught") != std::string::npos) {
        found += line + "\n";
      }
    }
    return found;
  }

  std::string Report() {
    std::vector<FileResult> files = Sample();
    RunSummary summary;
    for (const FileResult& file : files) summary.Add(file);
    return HtmlReport(files, summary, {});
  }

  fs::path dir_;
  std::string log_;
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int CountMatches(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<int>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re),
                    std::sregex_iterator()));
}

TEST_F(HtmlBrowserTest, PageLoadsWithoutConsoleErrorsAndShowsTheCounts) {
  std::string dom = Load(WritePage(Report()));
  EXPECT_EQ(ConsoleLines(), "");
  EXPECT_TRUE(Has(dom, "data-ready=\"true\""))
      << "the page's script did not finish\n"
      << dom;
  EXPECT_TRUE(Has(dom, "id=\"count-files\" data-key=\"files\">3<")) << dom;
  EXPECT_TRUE(Has(dom, "id=\"count-sites\" data-key=\"sites\">5<")) << dom;
  EXPECT_TRUE(Has(dom, "id=\"count-migrated\" data-key=\"migrated\">2<"))
      << dom;
  EXPECT_TRUE(
      Has(dom, "id=\"count-already-migrated\" data-key=\"alreadyMigrated\">1<"))
      << dom;
  EXPECT_TRUE(Has(dom, "id=\"count-needs-review\" data-key=\"needsReview\">1<"))
      << dom;
  EXPECT_TRUE(
      Has(dom, "id=\"count-unknown-method\" data-key=\"unknownMethod\">1<"))
      << dom;
  EXPECT_TRUE(Has(dom, "id=\"count-errors\" data-key=\"errors\">1<")) << dom;
  EXPECT_TRUE(Has(dom, "<span id=\"shown-count\">5</span>")) << dom;
  EXPECT_EQ(CountMatches(dom, "<article class=\"site\""), 5);
  EXPECT_EQ(CountMatches(dom, "<b>not</b>"), 0) << "a reason was not escaped";
}

TEST_F(HtmlBrowserTest, LocationHashPresetsTheFilters) {
  std::string dom = Load(WritePage(Report()) +
                         "#status=migrated,unknown-method&method=payPal");
  EXPECT_EQ(ConsoleLines(), "");
  EXPECT_TRUE(Has(dom, "<span id=\"shown-count\">1</span>")) << dom;
  EXPECT_EQ(CountMatches(dom, "<article class=\"site\"[^>]*hidden"), 4) << dom;
  EXPECT_EQ(
      CountMatches(dom, "data-status=\"migrated\" data-method=\"payPal\">"), 1)
      << dom;
  EXPECT_EQ(CountMatches(
                dom, "<section class=\"file\" data-file=\"src/old.js\" hidden"),
            1)
      << "a file with no site shown is hidden\n"
      << dom;
}

TEST_F(HtmlBrowserTest, ConsoleCheckCatchesAPageThatThrows) {
  Load(
      WritePage("<!DOCTYPE html><title>t</title><script>throw new "
                "Error('boom')</script>"));
  EXPECT_TRUE(Has(ConsoleLines(), "Uncaught Error: boom")) << log_;
}

}  // namespace
}  // namespace psm
