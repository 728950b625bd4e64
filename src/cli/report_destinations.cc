#include "cli/report_destinations.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "common/path_quote.h"
#include "syntax/language.h"

namespace psm {
namespace {

struct Destination {
  const char* flag;
  const std::string* path;
};

// A file the run reads: `what` says which, in the error.
struct FileRead {
  const std::string* path;
  const char* what;
};

// `path` absolute, with links in its existing part resolved and `.` and
// `..` gone ("" when it cannot be worked out).
std::filesystem::path Resolved(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (!error) absolute = std::filesystem::weakly_canonical(absolute, error);
  return error ? std::filesystem::path() : absolute.lexically_normal();
}

// Whether `a` and `b` name the same file, however spelled (`./r.json`,
// `r.json`, a link to it): the same inode when both exist; when neither
// does (two new reports), the same path once links in its existing part
// are resolved.
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  bool a_exists = ::stat(a.c_str(), &sa) == 0;
  bool b_exists = ::stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists || b_exists) return false;
  std::filesystem::path resolved = Resolved(a);
  return !resolved.empty() && resolved == Resolved(b);
}

// A file with a source extension that exists: the report would replace
// code even when the run does not read it.
bool IsSourceFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         LanguageForPath(path).has_value();
}

std::vector<FileRead> FilesTheRunReads(const Options& options,
                                       const std::string& config_path) {
  std::vector<FileRead> read;
  for (const std::string& path : options.paths)
    read.push_back({&path, "a source file this run reads"});
  for (const std::string& path : options.rules_files)
    read.push_back({&path, "a rules file this run reads"});
  if (!config_path.empty())
    read.push_back({&config_path, "the config file this run reads"});
  return read;
}

std::string NotOver(const Destination& report, const std::string& what) {
  return std::string(report.flag) + ": " + ReadablePath(*report.path) + " is " +
         what + "; a report is not written over it (choose another name)";
}

}  // namespace

std::string ReportDestinationProblem(const Options& options,
                                     const std::string& config_path) {
  const Destination reports[] = {
      {"--json-report", &options.json_report},
      {"--markdown-report", &options.markdown_report},
      {"--html-report", &options.html_report},
      {"--sarif-report", &options.sarif_report}};
  std::vector<FileRead> read = FilesTheRunReads(options, config_path);
  for (size_t i = 0; i < std::size(reports); ++i) {
    const Destination& report = reports[i];
    if (report.path->empty() || *report.path == "-") continue;
    for (size_t j = 0; j < i; ++j) {
      if (!reports[j].path->empty() && *reports[j].path != "-" &&
          SameFile(*reports[j].path, *report.path))
        return std::string(reports[j].flag) + " and " + report.flag +
               " both name " + ReadablePath(*report.path) +
               "; one report would overwrite the other (choose two names)";
    }
    for (const FileRead& file : read) {
      if (SameFile(*file.path, *report.path)) return NotOver(report, file.what);
    }
    if (IsSourceFile(*report.path)) return NotOver(report, "a source file");
  }
  return "";
}

}  // namespace psm
