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

}  // namespace

std::string FindingLine(const FileResult& file, const SiteResult& site) {
  std::string where = ReadablePath(file.path) + ":" +
                      std::to_string(site.line) + ":" +
                      std::to_string(site.column) + ": ";
  std::string method = SiteSubject(site);
  if (!site.built_file.empty()) {
    method += " (built at " + ReadablePath(site.built_file) + ":" +
              std::to_string(site.built_line) + ":" +
              std::to_string(site.built_column) + ")";
  }
  switch (site.status) {
    case SiteStatus::kMigrated: {
      std::vector<std::string> steps;
      if (site.added_session_id) steps.push_back("add sessionId");
      if (!site.removed.empty())
        steps.push_back("remove " + Join(site.removed, ", "));
      std::string text =
          where + method + " needs migrating: " + Join(steps, "; ");
      for (const std::string& r : site.reasons) text += " [" + r + "]";
      return text;
    }
    case SiteStatus::kNeedsReview:
      return where + method + " needs review: " + Join(site.reasons, "; ");
    case SiteStatus::kUnknownMethod:
      return where + "note: " + Join(site.reasons, "; ");
    case SiteStatus::kAlreadyMigrated:
      return where + method + " already migrated";
    case SiteStatus::kIgnored:
      return where + "ignored by comment";
    case SiteStatus::kCanUseSession:
      return where + "note: " + Join(site.reasons, "; ");
  }
  return where;
}

std::string VerboseLine(const FileResult& file, const SiteResult& site) {
  std::string text =
      ReadablePath(file.path) + ":" + std::to_string(site.line) + ":" +
      std::to_string(site.column) + ": " + SiteSubject(site) + ": " +
      std::string(StatusName(site.status)) + "; sessionId: " +
      (site.session_expression.empty() ? "placeholder"
                                       : site.session_expression);
  if (!site.session_from.empty() && site.session_from != "placeholder")
    text += " (from " + site.session_from + ")";
  if (!site.built_file.empty()) {
    text += "; built at " + ReadablePath(site.built_file) + ":" +
            std::to_string(site.built_line) + ":" +
            std::to_string(site.built_column);
  }
  if (!site.via.empty()) text += "; via " + Join(site.via, " -> ");
  return text;
}

Printer::Printer(const Options& options)
    : options_(options),
      color_out_(UseColor(options.color, 1)),
      color_err_(UseColor(options.color, 2)) {}

void Printer::File(const FileResult& file, std::string_view diff,
                   bool findings_on_stderr) {
  // Skipped files (bundles, binaries) are notes; real errors always show.
  if (!file.error.empty() && !(file.skipped && options_.quiet)) {
    FileError(file.path, file.error);
  }
  if (options_.mode == Mode::kDiff && !JsonOnStdout() && !diff.empty()) {
    Put(stdout, color_out_ ? ColorizeDiff(diff) : std::string(diff));
  }
  Findings(file, findings_on_stderr || JsonOnStdout() ? stderr : stdout);
  if (options_.verbose) {
    for (const SiteResult& site : file.sites)
      Put(stderr, VerboseLine(file, site) + "\n");
    for (const FileResult::PassedOver& p : file.passed_over) {
      Put(stderr, ReadablePath(file.path) + ":" + std::to_string(p.line) + ":" +
                      std::to_string(p.column) +
                      ": createSource, not DigitalRiver.js: " + p.why + "\n");
    }
  }
}

// --check lists what is left to do on `stream`; other modes note what
// needs a person on stderr.
void Printer::Findings(const FileResult& file, std::FILE* stream) {
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
      Put(stream, FindingLine(file, site) + "\n");
    } else if ((work || note) && !options_.quiet) {
      const char* ansi = work ? "33" : "2";
      Put(stderr, Paint(FindingLine(file, site), ansi, color_err_) + "\n");
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
