#ifndef PSM_CLI_OPTIONS_H_
#define PSM_CLI_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace psm {

enum class Mode { kDiff, kWrite, kCheck };

struct Options {
  Mode mode = Mode::kDiff;
  std::vector<std::string> paths;
  std::string session_id;          // empty: insert the placeholder
  std::vector<std::string> rules_files;
  std::string json_report;         // "" none, "-" stdout
  unsigned jobs = 0;               // 0: all cores
  size_t max_file_bytes = 0;       // 0: the default
  bool quiet = false;
  bool include_minified = false;
};

// The outcome of reading the command line: options to run with, or an
// exit with text for stdout (--help, --version) or stderr (usage errors).
struct ParsedCommandLine {
  std::optional<Options> options;
  int exit_code = 0;
  std::string out;
  std::string err;
};

ParsedCommandLine ParseCommandLine(int argc, const char* const* argv);

}  // namespace psm

#endif  // PSM_CLI_OPTIONS_H_
