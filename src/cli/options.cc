#include "cli/options.h"

#include <CLI/CLI.hpp>

#include "io/file_io.h"
#include "version.h"

namespace psm {
namespace {

constexpr const char* kDescription =
    "Migrates DigitalRiver.js createSource() payloads to payment sessions: "
    "adds sessionId and removes the fields each payment method no longer "
    "accepts. Prints a unified diff by default.";

constexpr const char* kFooter =
    "Exit status: 0 nothing left to do (or done); 1 --check found sites to "
    "migrate or review; 2 usage error, bad rules, unreadable path or failed "
    "write.";

}  // namespace

ParsedCommandLine ParseCommandLine(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  Options options;
  CLI::App app(kDescription, kToolName);
  app.footer(kFooter);
  app.set_version_flag("--version", std::string(kToolName) + " " + kToolVersion);
  bool diff = false, write = false, check = false;
  auto* diff_flag = app.add_flag("--diff", diff, "Print a unified diff, change nothing (default)");
  auto* write_flag = app.add_flag("--write", write, "Rewrite files in place");
  auto* check_flag = app.add_flag("--check", check,
                                  "Change nothing; exit 1 if any site would change or needs review");
  diff_flag->excludes(write_flag, check_flag);
  write_flag->excludes(check_flag);
  app.add_option("--session-id", options.session_id,
                 "JavaScript expression for sessionId, inserted verbatim "
                 "(e.g. checkout.payment.session.id); default: a marked placeholder")
      ->type_name("EXPR");
  app.add_option("--rules", options.rules_files,
                 "Rules JSON file whose entries add to or override the built-in table")
      ->type_name("FILE");
  app.add_option("--json-report", options.json_report,
                 "Write the JSON report to FILE ('-' for standard output)")
      ->type_name("FILE");
  app.add_option("-j,--jobs", options.jobs, "Files processed in parallel (default: all cores)")
      ->type_name("N");
  app.add_option("--max-file-size", options.max_file_bytes,
                 "Skip files larger than BYTES (default " +
                     std::to_string(kDefaultMaxFileBytes) + ")")
      ->type_name("BYTES");
  app.add_flag("-q,--quiet", options.quiet, "Print no summary or review notes on stderr");
  app.add_flag("--include-minified", options.include_minified,
               "Also rewrite minified and bundled files (skipped by default)");
  app.add_option("PATH", options.paths, "Files or directories (default: .)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    std::ostringstream out, err;
    parsed.exit_code = app.exit(e, out, err);
    parsed.out = out.str();
    return parsed;
  } catch (const CLI::ParseError& e) {
    parsed.exit_code = 2;
    parsed.err = std::string(kToolName) + ": error: " + e.what() +
                 " (see --help)\n";
    return parsed;
  }
  options.mode = write ? Mode::kWrite : check ? Mode::kCheck : Mode::kDiff;
  if (options.paths.empty()) options.paths.push_back(".");
  parsed.options = std::move(options);
  return parsed;
}

}  // namespace psm
