// End-to-end: a report is never written over a file the run reads (its
// rules, its config) or over another report, however the path is spelled;
// the run stops with status 2 before anything is written.
#include <gtest/gtest.h>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kRules =
    R"({"version": 1, "methods": {"alipay": {"name": "Alipay"}}})";
constexpr const char* kConfig = R"({"sessionId": "sid"})";

class ReportDestinationTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("a.js", kLegacyKonbini);
    dir_.Write("rules.json", kRules);
    dir_.Write(".payment-session-migrate.json", kConfig);
  }
  // Runs with `args`; expects status 2, `why` on stderr, and every file as
  // it was.
  void ExpectRefused(const std::string& args, const std::string& why) {
    Outcome run = Shell(dir_.path(), "{bin} " + args);
    EXPECT_EQ(run.status, 2) << args << "\n" << run.err;
    EXPECT_NE(run.err.find(why), std::string::npos) << args << "\n" << run.err;
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line";
    EXPECT_EQ(dir_.Read("a.js"), kLegacyKonbini) << args;
    EXPECT_EQ(dir_.Read("rules.json"), kRules) << args;
    EXPECT_EQ(dir_.Read(".payment-session-migrate.json"), kConfig) << args;
  }
  ScratchDir dir_;
};

TEST_F(ReportDestinationTest, AReportIsNotWrittenOverARulesFileTheRunReads) {
  ExpectRefused("--check --rules rules.json --json-report rules.json a.js",
                "--json-report: rules.json is a rules file this run reads; a "
                "report is not written over it");
  ExpectRefused(
      "--write --rules rules.json --markdown-report ./rules.json a.js",
      "--markdown-report: ./rules.json is a rules file this run "
      "reads");
  // A rules file the config names, relative to the config file.
  dir_.Write(".payment-session-migrate.json", kConfig);
  dir_.Write("sub/.payment-session-migrate.json",
             R"({"rules": "../rules.json"})");
  Outcome run = Shell(dir_.path() / "sub",
                      "{bin} --check --sarif-report ../rules.json ../a.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("--sarif-report: ../rules.json is a rules file this "
                         "run reads"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(dir_.Read("rules.json"), kRules);
}

TEST_F(ReportDestinationTest, AReportIsNotWrittenOverTheConfigFile) {
  ExpectRefused("--check --html-report .payment-session-migrate.json a.js",
                "--html-report: .payment-session-migrate.json is the config "
                "file this run reads");
  dir_.Write("cfg.json", kConfig);
  Outcome run = Shell(dir_.path(),
                      "{bin} --config cfg.json --json-report ./cfg.json a.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("./cfg.json is the config file this run reads"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(dir_.Read("cfg.json"), kConfig);
  // A config the run does not read (--no-config) may be replaced.
  EXPECT_EQ(Shell(dir_.path(),
                  "{bin} --no-config --check --json-report cfg.json a.js")
                .status,
            1);
}

TEST_F(ReportDestinationTest, TwoReportsAreNotWrittenToOneFile) {
  ExpectRefused("--check --json-report out.json --sarif-report ./out.json a.js",
                "--json-report and --sarif-report both name ./out.json; one "
                "report would overwrite the other");
  EXPECT_EQ(dir_.Read("out.json"), "");
  // Two names are fine.
  Outcome run = Shell(dir_.path(),
                      "{bin} --check --json-report out.json --sarif-report "
                      "out.sarif a.js");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(dir_.Read("out.json"), "");
  EXPECT_NE(dir_.Read("out.sarif"), "");
}

}  // namespace
}  // namespace psm::testing_cli
