// End-to-end: a config file's `exclude` and `include` globs name paths from
// the config file's directory, wherever the run starts; the command line's
// name them from where it runs.
#include <gtest/gtest.h>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kLegacy =
    "var p = {type: 'codJapan', amount: 1, owner: o};\n"
    "dr.createSource(p);\n";

// Which of a project's two files a `--write -q ARGS` run from `sub`
// rewrote: its checkout code and the vendored shim beside it, as in the
// report.
struct Rewritten {
  bool checkout = false;
  bool shim = false;
  bool operator==(const Rewritten&) const = default;
};

Rewritten WriteFrom(const std::string& config, const std::string& sub,
                    const std::string& args) {
  ScratchDir dir;
  dir.Write(".payment-session-migrate.json", config);
  dir.Write("src/checkout.js", kLegacy);
  dir.Write("src/vendor/drop-in-shim.js", kLegacy);
  Outcome run = Shell(dir.path() / sub, "{bin} --write -q " + args);
  EXPECT_EQ(run.status, 0) << run.err;
  auto migrated = [&](const std::string& file) {
    return dir.Read(file).find("sessionId") != std::string::npos;
  };
  return {migrated("src/checkout.js"), migrated("src/vendor/drop-in-shim.js")};
}

constexpr const char* kExcludeVendor =
    R"({"sessionId": "s", "exclude": ["src/vendor/**"]})";
constexpr const char* kIncludeVendor =
    R"({"sessionId": "s", "include": ["src/vendor/*.js"]})";

// config-exclude-relative-to-cwd: run from `src/`, the excluded vendor
// file was rewritten.
TEST(ConfigGlobsCliTest, ConfigExcludeHoldsWhenRunFromASubdirectory) {
  EXPECT_EQ(WriteFrom(kExcludeVendor, "src", "."), (Rewritten{true, false}));
  EXPECT_EQ(WriteFrom(kExcludeVendor, ".", "."), (Rewritten{true, false}));
}

TEST(ConfigGlobsCliTest, ConfigExcludeHoldsForAFileNamedFromASubdirectory) {
  EXPECT_EQ(WriteFrom(kExcludeVendor, "src", "vendor/drop-in-shim.js"),
            (Rewritten{false, false}));
}

TEST(ConfigGlobsCliTest, ConfigIncludeHoldsWhenRunFromASubdirectory) {
  EXPECT_EQ(WriteFrom(kIncludeVendor, "src", "."), (Rewritten{false, true}));
}

TEST(ConfigGlobsCliTest, CommandLineGlobsStayRelativeToTheWorkingDirectory) {
  EXPECT_EQ(WriteFrom(R"({"sessionId": "s"})", "src", "--exclude 'vendor/**' ."),
            (Rewritten{true, false}));
}

TEST(ConfigGlobsCliTest, CommandLineIncludeReplacesTheConfigs) {
  EXPECT_EQ(WriteFrom(kIncludeVendor, ".", "--include checkout.js src"),
            (Rewritten{true, false}));
}

// A commit hook (`--check --staged`) judges what the globs leave in, as
// a run over the files does: an excluded legacy file must not block it.
TEST(ConfigGlobsCliTest, StagedCheckHonoursTheConfigAndCommandLineGlobs) {
  ScratchDir dir;
  dir.Write(".payment-session-migrate.json", kExcludeVendor);
  dir.Write("src/vendor/drop-in-shim.js", kLegacy);
  dir.Write("src/util.js", "export const one = 1;\n");
  ASSERT_EQ(Shell(dir.path(), "git init -q && git add -A").status, 0);
  Outcome root = Shell(dir.path(), "{bin} --check -q --staged");
  EXPECT_EQ(root.status, 0) << root.out << root.err;
  Outcome sub = Shell(dir.path() / "src", "{bin} --check -q --staged");
  EXPECT_EQ(sub.status, 0) << sub.out << sub.err;
  dir.Write("src/checkout.js", kLegacy);
  ASSERT_EQ(Shell(dir.path(), "git add -A").status, 0);
  EXPECT_EQ(Shell(dir.path(), "{bin} --check -q --staged").status, 1);
  EXPECT_EQ(Shell(dir.path(), "{bin} --check -q --staged --exclude "
                              "'src/checkout.js'")
                .status,
            0);
}

}  // namespace
}  // namespace psm::testing_cli
