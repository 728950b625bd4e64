// All or nothing per site (issue 11): a site whose payload is built in
// another file is written in no file when the builder's file cannot be
// written, whatever the cause. Faults the file system would not give on
// demand (a file changed or gone between read and write, a rename that
// fails late) come from a FileWriter that fails on purpose.
#include "cli/linked_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/cli_harness.h"

namespace psm {
namespace {

namespace fs = std::filesystem;
using testing_cli::ScratchDir;

constexpr const char* kBuilder =
    "export function buildPayPal(cart) {\n"
    "  return {type: 'payPal', amount: cart.total, currency: 'USD',\n"
    "          payPal: {returnUrl: cart.ok, cancelUrl: cart.back}};\n"
    "}\n";
constexpr const char* kCaller =
    "import {buildPayPal} from './paypal.js';\n"
    "export const pay = (dr, cart) => dr.createSource(buildPayPal(cart));\n";

// What a test does to the builder just before the writer looks at it.
enum class Fault { kNone, kChangeIt, kRemoveIt, kFailTheRename };

class FaultyWriter : public FileWriter {
 public:
  FaultyWriter(std::string victim, Fault fault)
      : victim_(std::move(victim)), fault_(fault) {}

  std::string CheckReplaceable(const std::string& path,
                               std::string_view read) override {
    if (path == victim_ && fault_ == Fault::kChangeIt)
      std::ofstream(path, std::ios::app) << "// edited by someone else\n";
    if (path == victim_ && fault_ == Fault::kRemoveIt) fs::remove(path);
    return FileWriter::CheckReplaceable(path, read);
  }
  std::string Replace(const std::string& path, std::string_view read,
                      std::string_view text) override {
    written.push_back(path);
    if (path == victim_ && fault_ == Fault::kFailTheRename)
      return "cannot replace file: Input/output error";
    return FileWriter::Replace(path, read, text);
  }

  std::vector<std::string> written;

 private:
  std::string victim_;
  Fault fault_;
};

class LinkedWritesTest : public ::testing::TestWithParam<Fault> {
 protected:
  void SetUp() override {
    dir_.Write("package.json", "{}\n");
    dir_.Write("src/paypal.js", kBuilder);
    dir_.Write("src/checkout.js", kCaller);
    root_ = fs::canonical(dir_.path()).string();
    ctx_.options.mode = Mode::kWrite;
    ctx_.options.paths = {root_ + "/src"};
    ctx_.rules = BuiltinRules();
    ctx_.plan.session_id = "S";
    ctx_.sessions = SessionExpressions("S", "", {}, root_);
    ctx_.cwd = root_;
  }

  // The run's second half: the caller deferred, then linked and written.
  std::vector<FileResult> Run(FileWriter& writer) {
    ctx_.writer = &writer;
    Worker worker;
    std::vector<ProcessedFile> deferred;
    deferred.push_back(ProcessFile(root_ + "/src/checkout.js", ctx_, worker));
    EXPECT_TRUE(deferred.back().deferred);
    std::vector<FileResult> out;
    std::atomic<bool> interrupted{false};
    FinishLinkedFiles(ctx_, deferred, {}, {root_ + "/src/paypal.js"},
                      std::nullopt, interrupted,
                      [&](ProcessedFile&& file, bool) {
                        out.push_back(std::move(file.result));
                      });
    return out;
  }

  ScratchDir dir_;
  std::string root_;
  RunContext ctx_;
};

const SiteResult* CallerSite(const std::vector<FileResult>& files) {
  for (const FileResult& f : files)
    if (f.path == "src/checkout.js" && f.sites.size() == 1) return &f.sites[0];
  return nullptr;
}

TEST_P(LinkedWritesTest, ABuilderThatCannotBeWrittenWritesNothingOfTheSite) {
  FaultyWriter writer(root_ + "/src/paypal.js", GetParam());
  std::vector<FileResult> files = Run(writer);
  const SiteResult* site = CallerSite(files);
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(dir_.Read("src/checkout.js"), kCaller);
  if (GetParam() == Fault::kNone) {
    EXPECT_EQ(site->status, SiteStatus::kMigrated);
    EXPECT_NE(dir_.Read("src/paypal.js").find("sessionId: S"),
              std::string::npos);
    return;
  }
  EXPECT_EQ(site->status, SiteStatus::kNeedsReview);
  std::string reasons;
  for (const std::string& r : site->reasons) reasons += r + "\n";
  EXPECT_NE(reasons.find("the file that builds the payload (src/paypal.js) "
                         "was not changed, so nothing of this site was "
                         "written: "),
            std::string::npos)
      << reasons;
  const char* cause = GetParam() == Fault::kChangeIt
                          ? "changed since it was read"
                      : GetParam() == Fault::kRemoveIt
                          ? "vanished since it was read"
                          : "cannot replace file: Input/output error";
  EXPECT_NE(reasons.find(cause), std::string::npos) << reasons;
  // Whatever is there now is not the tool's doing.
  EXPECT_EQ(dir_.Read("src/paypal.js").find("sessionId"), std::string::npos);
  // The check comes first: a file found unfit is never replaced.
  if (GetParam() != Fault::kFailTheRename) EXPECT_TRUE(writer.written.empty());
}

std::string FaultName(const ::testing::TestParamInfo<Fault>& info) {
  switch (info.param) {
    case Fault::kNone:
      return "None";
    case Fault::kChangeIt:
      return "ChangedSinceRead";
    case Fault::kRemoveIt:
      return "Vanished";
    case Fault::kFailTheRename:
      return "RenameFails";
  }
  return "Unknown";
}

INSTANTIATE_TEST_SUITE_P(Faults, LinkedWritesTest,
                         ::testing::Values(Fault::kNone, Fault::kChangeIt,
                                           Fault::kRemoveIt,
                                           Fault::kFailTheRename),
                         FaultName);

}  // namespace
}  // namespace psm
