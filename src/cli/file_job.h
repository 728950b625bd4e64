#ifndef PSM_CLI_FILE_JOB_H_
#define PSM_CLI_FILE_JOB_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cli/options.h"
#include "cli/session_expressions.h"
#include "edit/site_plan.h"
#include "io/file_io.h"
#include "io/file_writer.h"
#include "migrate/file_links.h"
#include "migrate/file_migrator.h"
#include "migrate/file_result.h"
#include "project/module_paths.h"  // AbsolutePath
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {

class ProjectSurvey;

// Everything a run needs besides the options, prepared once.
struct RunContext {
  Options options;
  RuleTable rules;
  PlanOptions plan;
  std::string cwd;
  // The JavaScript `sessionId` expression of each file, and the PHP one.
  SessionExpressions sessions;
  SessionChoice php_session;
  // How linked files are written (nullptr: the real file system); tests
  // inject failures here.
  FileWriter* writer = nullptr;
  // --staged: the texts to judge instead of the files' (absolute path ->
  // the staged blob), and why a module may not take part in this run ("" when
  // it may), asked before the usual rules of FinishLinkedFiles.
  const std::map<std::string, std::string>* texts = nullptr;
  std::function<std::string(const std::string&)> why_not_linked;
  // The project model's look at the project (files, stamps), started by
  // the first file the project model must link; null: looked at when
  // linking.
  ProjectSurvey* survey = nullptr;
};

struct ProcessedFile {
  std::string opened;  // the path as opened
  // Its calls take payloads from other modules: printed once the project
  // model has linked them (see FinishLinkedFiles).
  bool deferred = false;
  std::vector<SiteRequest> requests;
  // Deferred only to ask whether other files reach its payloads (through
  // globals of a classic script, or by calling the PHP function that
  // returns one; SiteRequest::AsksForObservers): its output is ready (as
  // for a `final` file) and stands when the project model finds none.
  bool ready = false;
  FileResult result;
  std::string diff;  // --diff only
  // --write of a `final` file (see ProcessFile): the text read and the
  // text to write, written by FinishLinkedFiles once every file that a
  // site's edits span has been checked.
  std::string read_text;
  std::string pending_text;
  // False only when its text was read and defines no createSource
  // (MayDefineCreateSource): a run that read the whole project tells the
  // project model where a global may get one (LinkOptions::definers).
  bool may_define_create_source = true;
  std::string walk_problem;  // a directory the walk could not read, ...
  bool walk_fatal = false;
};

// `path` as shown to the user: relative to the working directory `cwd`
// when it lies below it.
std::string DisplayPath(const std::string& path, const std::string& cwd);

Language LanguageOf(const std::string& path);

// --max-file-size, or the default.
size_t MaxFileBytes(const Options& options);

// `file` could not be read or was skipped (read with `max_bytes`): its
// result says why. One skipped yet naming createSource is `unjudged`, so a
// --check fails on it.
void TakeUnreadFile(SourceView file, size_t max_bytes, FileResult* result);

// What each worker thread keeps from file to file.
struct Worker {
  Parser parser;
  ReadBuffer buffer;
};

// Migrates `text`, the file `path` (as opened; shown as `display`), with
// the session expression its path gets; each site records which one.
Migration MigrateFile(const RunContext& ctx, const std::string& path,
                      const std::string& display, std::string_view text,
                      Parser& parser, const FileLinks* links = nullptr);

// Reads, migrates and (with --write) writes one file; renders its diff.
// `links`: what the project model learned about the file; with them the
// file is final and never deferred (see ProcessedFile::deferred), and a
// --write leaves its text pending (ProcessedFile::pending_text).
ProcessedFile ProcessFile(const std::string& path, const RunContext& ctx,
                          Worker& worker, const FileLinks* links = nullptr,
                          bool final = false);

}  // namespace psm

#endif  // PSM_CLI_FILE_JOB_H_
