// libFuzzer target: the command-line parser (ParseCommandLine).
// The input is split on NUL bytes into arguments; argv[0] is the tool name.
//
// Invariants:
//   1. no crash, no uncaught exception, no sanitizer report;
//   2. without options the result is an exit (0 with text on stdout for
//      --help/--version, 2 with a one-line message on stderr for a usage
//      error); with options, exit code 0 and at least one path.
//   3. a usage error is exactly one line, as the README promises
//      (PSM_FUZZ_STRICT=0 in the environment turns this off).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::vector<std::string>& args,
                       const psm::ParsedCommandLine& parsed) {
  std::fprintf(stderr, "\n=== fuzz_cli invariant broken: %s\nargv:", what);
  for (const std::string& a : args) std::fprintf(stderr, " [%s]", a.c_str());
  std::fprintf(stderr, "\nexit %d\nout: %s\nerr: %s\n", parsed.exit_code, parsed.out.c_str(),
               parsed.err.c_str());
  std::abort();
}

// The one-line check is on unless PSM_FUZZ_STRICT=0.
bool Strict() {
  static const bool strict = [] {
    const char* v = std::getenv("PSM_FUZZ_STRICT");
    return !(v && std::string_view(v) == "0");
  }();
  return strict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::vector<std::string> args = {"payment-session-migrate"};
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    size_t nul = rest.find('\0');
    args.emplace_back(rest.substr(0, nul));
    if (nul == std::string_view::npos) break;
    rest.remove_prefix(nul + 1);
  }
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);

  psm::ParsedCommandLine parsed =
      psm::ParseCommandLine(static_cast<int>(args.size()), argv.data());
  if (parsed.options) {
    if (parsed.exit_code != 0) Fail("options with a non-zero exit code", args, parsed);
    if (parsed.options->paths.empty()) Fail("options without a path", args, parsed);
  } else if (parsed.exit_code == 0) {
    if (parsed.out.empty()) Fail("exit 0 without output", args, parsed);
  } else if (parsed.exit_code != 2) {
    Fail("exit code other than 0 or 2", args, parsed);
  } else if (parsed.err.empty()) {
    Fail("usage error without a message", args, parsed);
  } else if (Strict() && parsed.err.find('\n') != parsed.err.size() - 1) {
    Fail("usage error is not one line", args, parsed);
  }
  return 0;
}
