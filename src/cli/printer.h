#ifndef PSM_CLI_PRINTER_H_
#define PSM_CLI_PRINTER_H_

#include <string>
#include <string_view>

#include "cli/options.h"
#include "migrate/file_result.h"
#include "report/run_summary.h"

namespace psm {

// Everything the tool prints goes through here: diffs and --check findings
// on stdout, notes, errors and the summary on stderr.
class Printer {
 public:
  explicit Printer(const Options& options) : options_(options) {}

  void File(const FileResult& file, std::string_view diff);
  void Error(std::string_view message);
  void Summary(const RunSummary& summary, double seconds);
  // Writes the JSON report to a file, or stdout for "-"; false on failure.
  bool WriteJson(const std::string& destination, const std::string& json);

 private:
  bool JsonOnStdout() const { return options_.json_report == "-"; }

  const Options& options_;
};

// "path:line:col: message" for one site, as --check prints it.
std::string Finding(const FileResult& file, const SiteResult& site);

}  // namespace psm

#endif  // PSM_CLI_PRINTER_H_
