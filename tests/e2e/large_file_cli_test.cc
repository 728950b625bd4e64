// A lone file of thousands of call sites, as a user runs it: with a core to
// spare (-j 2), half of its sites are found and planned on a second thread
// (common/spare_cores.h). The output must be the one-thread output to the
// byte. Under ThreadSanitizer this runs the instrumented binary.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

// 1,200 calls of three kinds: to migrate, already migrated, needing review.
std::string LargeCheckout() {
  std::string text = "const dr = DigitalRiver('pk');\n";
  for (int k = 0; k < 400; ++k) {
    std::string n = std::to_string(k);
    text += "dr.createSource({type: 'payPal', amount: " + n +
            ", currency: 'USD', payPal: {returnUrl: '/r" + n + "'}});\n";
    text +=
        "dr.createSource(card, {type: 'creditCard', sessionId: s" + n + "});\n";
    text += "dr.createSource(payloads[" + n + "]);\n";
  }
  return text;
}

TEST(LargeFileCliTest, ASpareCoreChangesNothingInTheOutput) {
  ScratchDir dir;
  dir.Write("big.js", LargeCheckout());
  // The diff, and the findings with the JSON report.
  for (const char* mode : {"--diff", "--check --json-report -"}) {
    Outcome one = Shell(dir.path(), std::string("{bin} ") + mode +
                                        " -q -j 1 --session-id s big.js");
    Outcome two = Shell(dir.path(), std::string("{bin} ") + mode +
                                        " -q -j 2 --session-id s big.js");
    EXPECT_EQ(two.status, one.status) << mode << ": " << two.err;
    EXPECT_GT(one.out.size(), 100000u) << mode << ": " << one.err;
    EXPECT_TRUE(one.out == two.out) << mode << ": outputs differ";
    EXPECT_TRUE(one.err == two.err) << mode << ": findings differ";
  }
  Outcome write =
      Shell(dir.path(), "{bin} --write -q -j 2 --session-id s big.js");
  EXPECT_EQ(write.status, 0) << write.err;
  Outcome again = Shell(dir.path(), "{bin} --check -q -j 2 big.js");
  EXPECT_EQ(again.status, 1) << "the review sites remain";
  EXPECT_EQ(again.out.find("to migrate"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace psm::testing_cli
