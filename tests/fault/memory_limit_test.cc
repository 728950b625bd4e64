// A memory budget (`ulimit -d`, `ulimit -v`) must not turn a file the tool
// can check into an abort: the heap tuning (common/heap_tuning.h) reserves
// a large pad, which a budget cannot hold, so it stands back there.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

// `sites` one-line PayPal payloads: ~90 MB of peak memory for 8,000.
std::string ManySites(int sites) {
  std::string text;
  for (int i = 0; i < sites; ++i) {
    text +=
        "dr.createSource({type: \"payPal\", amount: " + std::to_string(i) +
        ", currency: \"USD\", payPal: {returnUrl: \"https://shop.example/r\", "
        "items: [], taxAmount: 1}});\n";
  }
  return text;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(MemoryLimitTest, ALargeFileIsCheckedWithinAMemoryBudget) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "a sanitizer's shadow memory does not fit such a budget";
#endif
  ScratchDir dir;
  dir.Write("bundle.js", ManySites(8000));
  // Both well above what the check needs (~90 MB resident, ~250 MB of
  // address space) and well below the pad plus that.
  for (const char* budget : {"ulimit -d 200000", "ulimit -v 400000"}) {
    Outcome run = Shell(dir.path(), std::string(budget) +
                                        " && exec {bin} --check -q bundle.js");
    EXPECT_EQ(run.status, 1) << budget << "\n" << run.err;
    EXPECT_EQ(run.err.find("bad_alloc"), std::string::npos) << budget;
    EXPECT_EQ(Count(run.out, "payPal payload needs migrating"), 8000u)
        << budget;
  }
}

}  // namespace
}  // namespace psm::testing_cli
