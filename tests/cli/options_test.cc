#include "cli/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psm {
namespace {

Options Parsed(std::vector<const char*> argv) {
  argv.insert(argv.begin(), "payment-session-migrate");
  ParsedCommandLine parsed =
      ParseCommandLine(static_cast<int>(argv.size()), argv.data());
  EXPECT_TRUE(parsed.options.has_value()) << parsed.err;
  return parsed.options.value_or(Options{});
}

// pre-commit appends the staged files after a hook's `args`: a list option
// must take one value, not the files too.
TEST(OptionsTest, ListOptionsTakeOneValueEachSoPathsAfterThemStayPaths) {
  Options o = Parsed(
      {"--check", "--exclude", "legacy/**", "src/pay.js", "src/cart.js"});
  EXPECT_EQ(o.excludes, (std::vector<std::string>{"legacy/**"}));
  EXPECT_EQ(o.paths, (std::vector<std::string>{"src/pay.js", "src/cart.js"}));
  o = Parsed({"--include", "src/**", "--exclude", "a/**", "--exclude=b/**",
              "--rules", "r.json", "x.js"});
  EXPECT_EQ(o.includes, (std::vector<std::string>{"src/**"}));
  EXPECT_EQ(o.excludes, (std::vector<std::string>{"a/**", "b/**"}));
  EXPECT_EQ(o.rules_files, (std::vector<std::string>{"r.json"}));
  EXPECT_EQ(o.paths, (std::vector<std::string>{"x.js"}));
}

ParsedCommandLine Refused(std::vector<const char*> argv) {
  argv.insert(argv.begin(), "payment-session-migrate");
  ParsedCommandLine parsed =
      ParseCommandLine(static_cast<int>(argv.size()), argv.data());
  EXPECT_FALSE(parsed.options.has_value());
  EXPECT_EQ(parsed.exit_code, 2);
  return parsed;
}

// -i writes the sites accepted; --check and --diff promise to change
// nothing, so an explicit one with -i is a usage error (it used to write,
// and `-i --check` exited 0).
TEST(OptionsTest, InteractiveWithAnExplicitCheckOrDiffIsAUsageError) {
  for (const char* mode : {"--check", "--diff"}) {
    for (const char* interactive : {"-i", "--interactive"}) {
      ParsedCommandLine parsed = Refused({interactive, mode, "a.js"});
      EXPECT_NE(parsed.err.find(std::string("--interactive writes the "
                                            "changes it accepts; ") +
                                mode + " changes nothing"),
                std::string::npos)
          << parsed.err;
    }
  }
  // --diff is also the default mode: -i alone, or with --write, runs.
  EXPECT_TRUE(Parsed({"-i", "a.js"}).interactive);
  EXPECT_TRUE(Parsed({"-i", "--write", "a.js"}).interactive);
}

}  // namespace
}  // namespace psm
