#include "cli/options.h"

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/version_text.h"
#include "common/strings.h"
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

namespace {

// The arguments for CLI11 (which takes them last first), with `--` put
// before the first of the trailing arguments that starts with `-` and
// names an existing file: pre-commit appends the staged files' names after
// the hook's options, and `-dash.js` was refused as an unknown option.
// Only the trailing run of existing paths is looked at, so an option's
// value is never taken for a path.
std::vector<std::string> DashPathsAsPaths(int argc, const char* const* argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t first_dash = args.size();
  bool separated = false;  // the user wrote `--` before them
  for (size_t i = args.size(); i-- > 0;) {
    struct stat st;
    separated = args[i] == "--";
    if (separated || ::stat(args[i].c_str(), &st) != 0) break;
    if (args[i].starts_with("-")) first_dash = i;
  }
  if (first_dash < args.size() && !separated)
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(first_dash), "--");
  std::reverse(args.begin(), args.end());
  return args;
}

}  // namespace

ParsedCommandLine ParseCommandLine(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  Options options;
  CLI::App app(kDescription, kToolName);
  app.footer(kFooter);
  // A callback: the text says whether libgit2 loads, and loading it costs
  // ~10 ms, which every run (a pre-commit hook) would pay otherwise.
  app.set_version_flag("--version", std::function<std::string()>(VersionText));
  bool diff = false, write = false, check = false;
  auto* diff_flag = app.add_flag(
      "--diff", diff, "Print a unified diff, change nothing (default)");
  auto* write_flag = app.add_flag("--write", write, "Rewrite files in place");
  auto* check_flag = app.add_flag(
      "--check", check,
      "Change nothing; exit 1 if any site would change or needs review");
  diff_flag->excludes(write_flag, check_flag);
  write_flag->excludes(check_flag);
  app.add_option(
         "--session-id", options.session_id,
         "JavaScript expression for sessionId, inserted verbatim "
         "(e.g. checkout.payment.session.id); default: a marked placeholder")
      ->type_name("EXPR");
  app.add_option("--php-session-id", options.php_session_id,
                 "PHP expression for 'sessionId' in PHP payload arrays, "
                 "inserted verbatim (e.g. "
                 "$this->checkoutSession->getDrPaymentSessionId()); "
                 "default: a marked placeholder")
      ->type_name("EXPR");
  app.add_option(
         "--rules", options.rules_files,
         "Rules JSON file whose entries add to or override the built-in table "
         "(repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);  // one value each: see --exclude
  app.add_option("--json-report", options.json_report,
                 "Write the JSON report to FILE ('-' for standard output)")
      ->type_name("FILE");
  app.add_option("-j,--jobs", options.jobs,
                 "Files processed in parallel (default: all cores)")
      ->type_name("N");
  app.add_option("--max-file-size", options.max_file_bytes,
                 "Skip files larger than BYTES (default " +
                     std::to_string(kDefaultMaxFileBytes) + ")")
      ->type_name("BYTES")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            bool whole =
                !value.empty() && value.size() <= 19 &&
                value.find_first_not_of("0123456789") == std::string::npos &&
                value.find_first_not_of('0') != std::string::npos;
            return whole ? ""
                         : "expected a whole number of bytes (at least "
                           "1), got '" +
                               value + "'";
          },
          ""));
  app.add_flag("--verbose", options.verbose,
               "On stderr, a line per site: its status, the sessionId "
               "expression it got and where from, where its payload is built; "
               "and each createSource call passed over as not "
               "DigitalRiver.js, with the reason");
  app.add_flag("-q,--quiet", options.quiet,
               "Print no summary or review notes on stderr");
  app.add_flag("--include-minified", options.include_minified,
               "Also rewrite minified and bundled files (skipped by default)");
  // One value per occurrence: pre-commit appends the staged files after a
  // hook's `args` (`--exclude 'legacy/**' src/pay.js`), which a list option
  // would take as more globs, checking nothing that was staged.
  app.add_option("--exclude", options.excludes,
                 "Skip paths matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--include", options.includes,
                 "Only process files matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  bool no_follow = false;
  app.add_flag("--no-follow", no_follow,
               "Analyse each file alone: do not follow payloads into the "
               "modules that build them");
  app.add_flag("--php-pages-elsewhere", options.php_pages_elsewhere,
               "Migrate PHP payload arrays sent to the browser by their shape "
               "even when no script of the project hands them to "
               "createSource (the pages live in another repository)");
  app.add_flag("--no-ignore", options.no_ignore,
               "Do not read .gitignore and .ignore files");
  app.add_flag("--no-cache", options.no_cache,
               "Do not keep what the project's files name between runs (kept "
               "in the git directory, under payment-session-migrate/, to "
               "spare a pre-commit run reading the whole repository)");
  app.add_flag("--stdin", options.stdin_mode,
               "Read source from standard input, write the migrated source to "
               "standard output");
  app.add_option("--stdin-filepath", options.stdin_filepath,
                 "File name for --stdin (picks the language, names the file in "
                 "messages)")
      ->type_name("PATH");
  app.add_flag(
      "--staged", options.staged,
      "With --check or --diff: judge the content staged in the git index");
  app.add_option("--format", options.format,
                 "Findings format for --check: text or github")
      ->check(CLI::IsMember({"text", "github"}));
  app.add_option("--color", options.color,
                 "Colours: auto, always or never (NO_COLOR honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--markdown-report", options.markdown_report,
                 "Write a Markdown report for pull requests to FILE")
      ->type_name("FILE");
  app.add_option("--html-report", options.html_report,
                 "Write a self-contained HTML report to FILE")
      ->type_name("FILE");
  app.add_option("--sarif-report", options.sarif_report,
                 "Write a SARIF 2.1.0 report to FILE")
      ->type_name("FILE");
  bool no_redact = false;
  app.add_flag(
      "--no-redact", no_redact,
      "Show personal and card data in report excerpts (redacted by default)");
  app.add_flag("-i,--interactive", options.interactive,
               "Walk the changes site by site (accept, skip, quit), then write "
               "the accepted");
  app.add_option(
         "--config", options.config_file,
         "Config file (default: .payment-session-migrate.json found upwards)")
      ->type_name("FILE");
  app.add_flag("--no-config", options.no_config, "Do not read a config file");
  app.add_option("PATH", options.paths, "Files or directories (default: .)");
  std::vector<std::string> args = DashPathsAsPaths(argc, argv);
  try {
    app.parse(args);
  } catch (const CLI::Success& e) {  // --help, --version
    std::ostringstream out, err;
    parsed.exit_code = app.exit(e, out, err);
    parsed.out = out.str();
    return parsed;
  } catch (const CLI::ParseError& e) {
    parsed.exit_code = 2;
    parsed.err = std::string(kToolName) + ": error: " + OneLine(e.what()) +
                 " (see --help)\n";
    return parsed;
  }
  options.mode = write ? Mode::kWrite : check ? Mode::kCheck : Mode::kDiff;
  options.diff_asked = diff;
  options.redact = !no_redact;
  options.link_modules = !no_follow;
  if (options.interactive) options.mode = Mode::kWrite;
  std::string conflict;
  if (options.staged && options.mode == Mode::kWrite) {
    conflict =
        "--staged works with --check or --diff, not --write or --interactive";
  } else if (options.stdin_mode && write) {
    conflict =
        "--stdin writes the migrated source to standard output; --write has "
        "no file to write (drop it, or use --diff or --check)";
  } else if (options.stdin_mode && (options.staged || options.interactive)) {
    conflict = "--stdin cannot be combined with --staged or --interactive";
  } else if (options.stdin_mode && !options.paths.empty()) {
    conflict = "--stdin takes no PATH (use --stdin-filepath to name the input)";
  } else if (!options.stdin_filepath.empty() && !options.stdin_mode) {
    conflict = "--stdin-filepath needs --stdin";
  } else if (options.interactive && (check || diff)) {
    // --check and --diff promise to change nothing; -i writes what is
    // accepted. Only a flag given counts: --diff is also the default.
    conflict = std::string("--interactive writes the changes it accepts; ") +
               (check ? "--check" : "--diff") +
               " changes nothing (drop one of them)";
  }
  if (!conflict.empty()) {
    parsed.exit_code = 2;
    parsed.err =
        std::string(kToolName) + ": error: " + conflict + " (see --help)\n";
    return parsed;
  }
  if (options.paths.empty()) options.paths.push_back(".");
  parsed.options = std::move(options);
  return parsed;
}

}  // namespace psm
