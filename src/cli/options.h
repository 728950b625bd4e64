#ifndef PSM_CLI_OPTIONS_H_
#define PSM_CLI_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/anchored_globs.h"

namespace psm {

enum class Mode { kDiff, kWrite, kCheck };

struct Options {
  Mode mode = Mode::kDiff;
  std::vector<std::string> paths;
  std::string session_id;      // empty: insert the placeholder
  std::string php_session_id;  // the same for PHP payload arrays
  std::vector<std::string> rules_files;
  std::string json_report;    // "" none, "-" stdout
  unsigned jobs = 0;          // 0: all cores
  size_t max_file_bytes = 0;  // 0: the default
  bool quiet = false;
  bool verbose = false;  // a line per site: status, sessionId, builder
  bool include_minified = false;
  std::vector<std::string> excludes;  // --exclude GLOB
  std::vector<std::string> includes;  // --include GLOB
  AnchoredGlobs config_globs;         // the config file's exclude/include
  bool no_ignore = false;             // do not read .gitignore/.ignore
  bool no_cache = false;  // do not keep the project's words between runs
  // Follow payloads built in other modules of the project (--no-follow
  // turns it off: each file is analysed alone).
  bool link_modules = true;
  // Migrate PHP payload arrays by their shape when no script of the
  // project hands them to createSource (LinkOptions::php_pages_elsewhere).
  bool php_pages_elsewhere = false;
  bool stdin_mode = false;      // --stdin
  bool diff_asked = false;      // --diff given (not only the default mode)
  std::string stdin_filepath;   // names the standard input's file
  bool staged = false;          // check the git index, not the work tree
  std::string format = "text";  // text | github
  std::string color = "auto";   // auto | always | never
  std::string markdown_report;
  std::string html_report;
  std::string sarif_report;
  bool redact = true;
  bool interactive = false;
  std::string config_file;  // "" = look for .payment-session-migrate.json
  bool no_config = false;
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
