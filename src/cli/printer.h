#ifndef PSM_CLI_PRINTER_H_
#define PSM_CLI_PRINTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"
#include "migrate/file_result.h"
#include "report/run_summary.h"

namespace psm {

// Everything the tool prints goes through here: diffs and --check findings
// on stdout (text or GitHub annotations), notes, errors, progress and the
// summary on stderr, and the report files.
class Printer {
 public:
  explicit Printer(const Options& options);

  // One file's outcome. `findings_on_stderr` keeps stdout for the source
  // itself (--stdin).
  void File(const FileResult& file, std::string_view diff,
            bool findings_on_stderr = false);
  void Error(std::string_view message);
  // An error about one file or path, named so that any name reads back
  // unambiguously (quoted when it needs to be).
  void FileError(std::string_view path, std::string_view message);
  void Summary(const RunSummary& summary, double seconds);
  // Writes every report asked for; false when one could not be written.
  bool Reports(const std::vector<FileResult>& files, const RunSummary& summary);
  // Whether any report file was asked for (else per-file results need not
  // be kept until the end of the run).
  bool WantsReports() const;
  // Whether a report that shows the code of sites (Markdown, HTML, SARIF)
  // was asked for: only those need each site's excerpt.
  bool ShowsCode() const;

 private:
  bool JsonOnStdout() const { return options_.json_report == "-"; }
  void Findings(const FileResult& file, std::string_view shown_path,
                std::FILE* stream);
  bool WriteReport(const std::string& destination, const std::string& text);

  const Options& options_;
  bool color_out_;
  bool color_err_;
};

// "path:line:col: message" for one site, as --check prints it.
// `shown_path` is the file's path as ReadablePath writes it (quoted when it
// holds a line break, a quote, a backslash, a control byte or bytes that
// are not UTF-8), made once per file rather than once per line.
std::string FindingLine(std::string_view shown_path, const SiteResult& site);

// --verbose: every site, with its status, the sessionId expression it got
// and where from, and where its payload is built.
std::string VerboseLine(std::string_view shown_path, const SiteResult& site);

}  // namespace psm

#endif  // PSM_CLI_PRINTER_H_
