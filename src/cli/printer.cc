#include "cli/printer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/terminal.h"
#include "common/path_quote.h"
#include "common/strings.h"
#include "io/file_io.h"
#include "report/github_annotations.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/markdown_report.h"
#include "report/report_options.h"
#include "report/sarif_report.h"
#include "version.h"

namespace psm {
namespace {

void Put(std::FILE* stream, std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stream);
}

// "path:line:col: "
std::string Where(std::string_view shown_path, uint32_t line, uint32_t column) {
  std::string where(shown_path);
  where += ':';
  where += std::to_string(line);
  where += ':';
  where += std::to_string(column);
  where += ": ";
  return where;
}

void AppendBuiltAt(const SiteResult& site, std::string_view before,
                   std::string* text) {
  *text += before;
  *text += ReadablePath(site.built_file);
  *text += ':';
  *text += std::to_string(site.built_line);
  *text += ':';
  *text += std::to_string(site.built_column);
}

// "payPal payload", and where it is built when in another file.
void AppendSubject(const SiteResult& site, std::string* line) {
  *line += SiteSubject(site);
  if (!site.built_file.empty()) {
    AppendBuiltAt(site, " (built at ", line);
    *line += ')';
  }
}

// Join(items, separator) (common/strings.h), appended to `*line`.
void AppendJoined(const std::vector<std::string>& items,
                  std::string_view separator, std::string* line) {
  size_t start = line->size();
  for (const std::string& item : items) {
    if (line->size() > start) *line += separator;
    *line += item;
  }
}

// "add sessionId; remove a, b [reason]"
void AppendSteps(const SiteResult& site, std::string* line) {
  if (site.added_session_id) *line += "add sessionId";
  if (site.added_session_id && !site.removed.empty()) *line += "; ";
  if (!site.removed.empty()) {
    *line += "remove ";
    AppendJoined(site.removed, ", ", line);
  }
  for (const std::string& r : site.reasons) {
    *line += " [";
    *line += r;
    *line += ']';
  }
}

}  // namespace

// One string, appended to: a run of thousands of findings makes no
// temporary for each part of each line (issue 14).
std::string FindingLine(std::string_view shown_path, const SiteResult& site) {
  std::string line = Where(shown_path, site.line, site.column);
  switch (site.status) {
    case SiteStatus::kMigrated:
      AppendSubject(site, &line);
      line += " needs migrating: ";
      AppendSteps(site, &line);
      break;
    case SiteStatus::kNeedsReview:
      AppendSubject(site, &line);
      line += " needs review: ";
      AppendJoined(site.reasons, "; ", &line);
      break;
    case SiteStatus::kUnknownMethod:
    case SiteStatus::kCanUseSession:
      line += "note: ";
      AppendJoined(site.reasons, "; ", &line);
      break;
    case SiteStatus::kAlreadyMigrated:
      AppendSubject(site, &line);
      line += " already migrated";
      break;
    case SiteStatus::kIgnored:
      line += "ignored by comment";
      break;
  }
  return line;
}

std::string VerboseLine(std::string_view shown_path, const SiteResult& site) {
  std::string text =
      Where(shown_path, site.line, site.column) + SiteSubject(site) + ": " +
      std::string(StatusName(site.status)) + "; sessionId: " +
      (site.session_expression.empty() ? "placeholder"
                                       : site.session_expression);
  if (!site.session_from.empty() && site.session_from != "placeholder")
    text += " (from " + site.session_from + ")";
  if (!site.built_file.empty()) AppendBuiltAt(site, "; built at ", &text);
  if (!site.via.empty()) text += "; via " + Join(site.via, " -> ");
  return text;
}

Printer::Printer(const Options& options)
    : options_(options),
      color_out_(UseColor(options.color, 1)),
      color_err_(UseColor(options.color, 2)) {}

void Printer::File(const FileResult& file, std::string_view diff,
                   bool findings_on_stderr) {
  // Skipped files (bundles, binaries) are notes; real errors always show,
  // and so does a skipped file that a --check fails on.
  if (!file.error.empty() &&
      !(file.skipped && !file.unjudged && options_.quiet)) {
    FileError(file.path, file.error);
  }
  if (options_.mode == Mode::kDiff && !JsonOnStdout() && !diff.empty()) {
    Put(stdout, color_out_ ? ColorizeDiff(diff) : std::string(diff));
  }
  // The path as shown, quoted once for all the file's lines.
  const std::string shown = ReadablePath(file.path);
  Findings(file, shown, findings_on_stderr || JsonOnStdout() ? stderr : stdout);
  if (options_.verbose) {
    for (const SiteResult& site : file.sites)
      Put(stderr, VerboseLine(shown, site) + "\n");
    for (const FileResult::PassedOver& p : file.passed_over) {
      Put(stderr, Where(shown, p.line, p.column) + std::string(p.what) +
                      ", not DigitalRiver.js: " + p.why + "\n");
    }
  }
}

// --check lists what is left to do on `stream`; other modes note what
// needs a person on stderr.
void Printer::Findings(const FileResult& file, std::string_view shown_path,
                       std::FILE* stream) {
  bool check = options_.mode == Mode::kCheck;
  if (check && options_.format == "github") {
    Put(stdout, GithubAnnotations(file, false));
    return;
  }
  for (const SiteResult& site : file.sites) {
    bool work = site.status == SiteStatus::kNeedsReview ||
                (check && site.status == SiteStatus::kMigrated);
    bool note = site.status == SiteStatus::kUnknownMethod ||
                site.status == SiteStatus::kCanUseSession;
    if (work && check) {
      Put(stream, FindingLine(shown_path, site) + "\n");
    } else if ((work || note) && !options_.quiet) {
      const char* ansi = work ? "33" : "2";
      Put(stderr,
          Paint(FindingLine(shown_path, site), ansi, color_err_) + "\n");
    }
  }
}

void Printer::Error(std::string_view message) {
  // One line, whatever the file names, keys or arguments hold.
  Put(stderr, Paint(std::string(kToolName) + ": " + OneLine(message), "31",
                    color_err_) +
                  "\n");
}

void Printer::FileError(std::string_view path, std::string_view message) {
  Error(ReadablePath(path) + ": " + std::string(message));
}

void Printer::Summary(const RunSummary& summary, double seconds) {
  if (options_.quiet) return;
  char time[32];
  std::snprintf(time, sizeof time, " (%.2fs)", seconds);
  Put(stderr, std::string(kToolName) + ": " +
                  summary.OneLine(options_.mode == Mode::kWrite) + time + "\n");
}

bool Printer::WantsReports() const {
  return !options_.json_report.empty() || !options_.markdown_report.empty() ||
         !options_.html_report.empty() || !options_.sarif_report.empty();
}

bool Printer::ShowsCode() const {
  return !options_.markdown_report.empty() || !options_.html_report.empty() ||
         !options_.sarif_report.empty();
}

bool Printer::Reports(const std::vector<FileResult>& files,
                      const RunSummary& summary) {
  ReportOptions report;
  report.redact = options_.redact;
  report.session_id = options_.session_id;
  report.php_session_id = options_.php_session_id;
  report.write_mode = options_.mode == Mode::kWrite;
  bool ok = true;
  if (!options_.json_report.empty()) {
    ok = WriteReport(options_.json_report,
                     JsonReport(files, summary, options_.redact)) &&
         ok;
  }
  if (!options_.markdown_report.empty()) {
    ok = WriteReport(options_.markdown_report,
                     MarkdownReport(files, summary, report)) &&
         ok;
  }
  if (!options_.html_report.empty()) {
    ok =
        WriteReport(options_.html_report, HtmlReport(files, summary, report)) &&
        ok;
  }
  if (!options_.sarif_report.empty()) {
    ok = WriteReport(options_.sarif_report,
                     SarifReport(files, summary, report)) &&
         ok;
  }
  return ok;
}

// Report files are replaced atomically too: a CI artefact is never half
// written.
bool Printer::WriteReport(const std::string& destination,
                          const std::string& text) {
  if (destination == "-") {
    Put(stdout, text);
    return true;
  }
  std::FILE* probe = std::fopen(destination.c_str(), "ab");
  if (probe) std::fclose(probe);
  std::string error =
      probe ? WriteFileAtomically(destination, text)
            : std::string("cannot write: ") + std::strerror(errno);
  if (!error.empty()) FileError(destination, error);
  return error.empty();
}

}  // namespace psm
