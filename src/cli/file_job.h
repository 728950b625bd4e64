#ifndef PSM_CLI_FILE_JOB_H_
#define PSM_CLI_FILE_JOB_H_

#include <string>
#include <vector>

#include "cli/options.h"
#include "edit/site_plan.h"
#include "io/file_io.h"
#include "migrate/file_links.h"
#include "migrate/file_result.h"
#include "project/module_paths.h"  // AbsolutePath
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {

// Everything a run needs besides the options, prepared once.
struct RunContext {
  Options options;
  RuleTable rules;
  PlanOptions plan;
  std::string cwd;
};

struct ProcessedFile {
  std::string opened;  // the path as opened
  // Its calls take payloads from other modules: printed once the project
  // model has linked them (see FinishLinkedFiles).
  bool deferred = false;
  std::vector<SiteRequest> requests;
  FileResult result;
  std::string diff;          // --diff only
  std::string walk_problem;  // a directory the walk could not read, ...
  bool walk_fatal = false;
};

// `path` as shown to the user: relative to the working directory `cwd`
// when it lies below it.
std::string DisplayPath(const std::string& path, const std::string& cwd);

Language LanguageOf(const std::string& path);

// What each worker thread keeps from file to file.
struct Worker {
  Parser parser;
  ReadBuffer buffer;
};

// Reads, migrates and (with --write) writes one file; renders its diff.
// `links`: what the project model learned about the file; with them the
// file is final and never deferred (see ProcessedFile::deferred).
ProcessedFile ProcessFile(const std::string& path, const RunContext& ctx,
                          Worker& worker, const FileLinks* links = nullptr,
                          bool final = false);

}  // namespace psm

#endif  // PSM_CLI_FILE_JOB_H_
