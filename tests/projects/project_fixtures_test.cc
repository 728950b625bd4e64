// Fixture projects (issue 11): fixtures/projects/<case>/ holds `input/` (a
// small repository), `expected/` (every file the tool must change, as it
// must read afterwards; files not there must not change) and `report.json`:
//   {"args": [...], "paths": ["src"],
//    "sites": [{"file", "line", "status", "builtAt": "file:line",
//               "reasonContains": "...", "viaContains": "...",
//               "sessionExpression": "...",
//               "sessionFrom": "sessionIds \"src/**\""}]}
// An empty site list also means `--check` passes.
// Each runs as a user would: --diff applies with `git apply`, --write makes
// `expected/`, a second run changes nothing, JavaScript still parses;
// --check fails before on every site, after only on those left to review.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

namespace fs = std::filesystem;

fs::path ProjectsDir() {
  return fs::path(PSM_SOURCE_DIR) / "fixtures" / "projects";
}

std::vector<std::string> ProjectNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(ProjectsDir(), ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Relative paths of the regular files under `root`.
std::vector<std::string> FilesUnder(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file())
      files.push_back(fs::relative(e.path(), root).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Joined(const nlohmann::json& list) {
  std::string out;
  for (const auto& item : list) out += " '" + item.get<std::string>() + "'";
  return out;
}

// `text` without the run's time of the summary line ("(0.01s)").
std::string WithoutTimes(const std::string& text) {
  static const std::regex kTime(R"(\(\d+\.\d+s\))");
  return std::regex_replace(text, kTime, "(time)");
}

class ProjectFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ProjectFixtureTest, MigratesAcrossFilesAsExpected) {
  fs::path fixture = ProjectsDir() / GetParam();
  nlohmann::json spec = nlohmann::json::parse(ReadAll(fixture / "report.json"));
  std::string args = Joined(spec.value("args", nlohmann::json::array()));
  std::string paths = Joined(spec.value("paths", nlohmann::json{"."}));
  // The project in scratch/p; diffs and reports beside it in scratch/
  // (tests run in parallel: nothing shared in the temp directory itself).
  ScratchDir scratch;
  fs::path root = scratch.path() / "p";
  fs::copy(fixture / "input", root, fs::copy_options::recursive);
  auto read = [&](const std::string& file) { return ReadAll(root / file); };
  ASSERT_EQ(Shell(root,
                  "git init -q . && git add -A && "
                  "git -c user.name=t -c user.email=t@t commit "
                  "-qm input")
                .status,
            0);

  // --check before: every site is a finding (to migrate or review), and
  // each one names where its payload is built.
  auto finding = [](const nlohmann::json& w) {
    return w["status"] == "migrated" || w["status"] == "needs-review";
  };
  Outcome before = Shell(root, "{bin} --check" + args + paths);
  EXPECT_EQ(
      before.status,
      std::any_of(spec["sites"].begin(), spec["sites"].end(), finding) ? 1 : 0)
      << before.err;
  for (const auto& want : spec["sites"]) {
    if (!finding(want)) continue;
    std::string at = want["file"].get<std::string>() + ":" +
                     std::to_string(want["line"].get<int>()) + ":";
    EXPECT_NE(before.out.find(at), std::string::npos)
        << at << " not in --check output:\n"
        << before.out;
  }

  // A pre-commit run over the files with sites answers the same from the
  // word store kept between runs as without it: the first run writes the
  // store, the second reads it (the variable keeps even files written a
  // moment ago, as all of these are).
  std::set<std::string> site_files;
  for (const auto& want : spec["sites"]) site_files.insert(want["file"]);
  std::string named;
  for (const std::string& file : site_files) named += " '" + file + "'";
  if (!named.empty()) {
    const std::string kept = "PSM_TEST_KEEP_RECENT_WORDS=1 ";
    Outcome alone = Shell(root, "{bin} --check --no-cache" + args + named);
    for (int run = 0; run < 2; ++run) {
      Outcome again = Shell(root, kept + "{bin} --check" + args + named);
      EXPECT_EQ(again.status, alone.status) << again.err;
      EXPECT_EQ(again.out, alone.out) << "run " << run;
      EXPECT_EQ(WithoutTimes(again.err), WithoutTimes(alone.err))
          << "run " << run;
    }
  }

  Outcome diff =
      Shell(root, "{bin} --diff" + args + paths +
                      " > ../p.diff"
                      "; [ ! -s ../p.diff ] || git apply --check ../p.diff");
  EXPECT_EQ(diff.status, 0) << diff.err;

  Outcome write =
      Shell(root, "{bin} --write --json-report ../r.json" + args + paths);
  EXPECT_NE(write.status, 2) << write.err;
  for (const std::string& file : FilesUnder(fixture / "input")) {
    fs::path expected = fixture / "expected" / file;
    std::string want = fs::exists(expected) ? ReadAll(expected)
                                            : ReadAll(fixture / "input" / file);
    EXPECT_EQ(read(file), want) << file;
  }
  nlohmann::json report =
      nlohmann::json::parse(ReadAll(scratch.path() / "r.json"));
  const nlohmann::json& want_sites = spec["sites"];
  ASSERT_EQ(report["sites"].size(), want_sites.size()) << report.dump(1);
  for (size_t i = 0; i < want_sites.size(); ++i) {
    const nlohmann::json& got = report["sites"][i];
    const nlohmann::json& want = want_sites[i];
    std::string where = want["file"].get<std::string>() + ":" +
                        std::to_string(want["line"].get<int>());
    EXPECT_EQ(got["file"], want["file"]) << where;
    EXPECT_EQ(got["line"], want["line"]) << where;
    EXPECT_EQ(got["status"], want["status"]) << where << "\n" << got.dump(1);
    if (want.contains("builtAt")) {
      std::string built = got["builtAt"]["file"].get<std::string>() + ":" +
                          std::to_string(got["builtAt"]["line"].get<int>());
      EXPECT_EQ(built, want["builtAt"]) << where;
    }
    // Which sessionId expression the site got, and from which setting.
    if (want.contains("sessionExpression")) {
      EXPECT_EQ(got["sessionExpression"]["expression"],
                want["sessionExpression"])
          << where;
    }
    if (want.contains("sessionFrom")) {
      EXPECT_EQ(got["sessionExpression"]["from"], want["sessionFrom"]) << where;
    }
    // One hop of the way from the call to where the payload is built.
    if (want.contains("viaContains")) {
      std::string via = got.value("via", nlohmann::json::array()).dump();
      EXPECT_NE(via.find(want["viaContains"].get<std::string>()),
                std::string::npos)
          << where << ": " << via;
    }
    // A site that removes nothing lists no removal in its ledger.
    if (got["removed"].empty()) {
      EXPECT_TRUE(got["ledger"].empty()) << where << ": " << got.dump(1);
    }
    // Where each removed value stood ("file:line path"; the file is the
    // one the payload is built in unless the row names another).
    if (want.contains("ledger")) {
      std::vector<std::string> rows;
      std::string built = got.contains("builtAt")
                              ? got["builtAt"]["file"].get<std::string>()
                              : got["file"].get<std::string>();
      for (const nlohmann::json& row : got["ledger"]) {
        rows.push_back(row.value("file", built) + ":" +
                       std::to_string(row["line"].get<int>()) + " " +
                       row["path"].get<std::string>());
      }
      EXPECT_EQ(rows, want["ledger"].get<std::vector<std::string>>()) << where;
    }
    if (want.contains("reasonContains")) {
      std::string reasons = got["reasons"].dump();
      EXPECT_NE(reasons.find(want["reasonContains"].get<std::string>()),
                std::string::npos)
          << where << ": " << reasons;
    }
  }
  // --check after: only the sites left for review remain findings (none
  // at all when nothing is DigitalRiver.js: a hook must pass).
  bool left = std::any_of(
      want_sites.begin(), want_sites.end(),
      [](const nlohmann::json& w) { return w["status"] == "needs-review"; });
  Outcome after = Shell(root, "{bin} --check" + args + paths);
  EXPECT_EQ(after.status, left ? 1 : 0) << after.out << after.err;
  // A second run has nothing more to do, and the code still parses.
  Outcome again = Shell(root, "{bin} --diff" + args + paths);
  EXPECT_EQ(again.out, "") << again.err;
  Outcome parse =
      Shell(root,
            "find . -name '*.js' -not -path './.git/*' | while read "
            "f; do node --check \"$f\" || exit 1; done");
  EXPECT_EQ(parse.status, 0) << parse.err;
}

INSTANTIATE_TEST_SUITE_P(Projects, ProjectFixtureTest,
                         ::testing::ValuesIn(ProjectNames()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProjectFixtureTest);

}  // namespace
}  // namespace psm::testing_cli
