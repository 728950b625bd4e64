#include "cli/run_modes.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

#include "cli/diff_path.h"
#include "cli/interactive.h"
#include "cli/linked_files.h"
#include "cli/run_outcome.h"
#include "cli/staged_modules.h"
#include "cli/terminal.h"
#include "common/path_quote.h"
#include "io/file_io.h"
#include "io/git_index.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "io/wide_text.h"
#include "migrate/file_migrator.h"
#include "migrate/layer_errors.h"
#include "report/unified_diff.h"
#include "syntax/embedded_script.h"
#include "syntax/tree.h"

namespace psm {
namespace {

WalkResult WalkPaths(const RunContext& ctx, Printer& printer, bool* fatal) {
  IgnoreRules ignore(ctx.options.excludes, ctx.options.includes,
                     !ctx.options.no_ignore, ctx.options.config_globs);
  WalkResult walk = CollectFiles(ctx.options.paths, &ignore);
  for (const WalkProblem& problem : walk.problems) {
    printer.FileError(DisplayPath(problem.path, ctx.cwd), problem.message);
    *fatal = *fatal || problem.fatal;
  }
  return walk;
}

}  // namespace

// --stdin: source in, migrated source out; findings and summary on stderr.
int RunStdin(const RunContext& ctx, Printer& printer) {
  std::string text((std::istreambuf_iterator<char>(std::cin)),
                   std::istreambuf_iterator<char>());
  std::string path = ctx.options.stdin_filepath.empty()
                         ? "<stdin>.js"
                         : ctx.options.stdin_filepath;
  std::string shown = DisplayPath(path, ctx.cwd);
  Migration m;
  // Passed through unchanged when skipped, as a file is (io/file_io.h).
  SourceView read = CheckSourceText(text, MaxFileBytes(ctx.options));
  if (read.error.empty()) {
    Parser parser;
    m = MigrateFile(ctx, path, shown, text, parser);
  } else {
    m.input_text = text;
    m.result.path = shown;
    TakeUnreadFile(std::move(read), MaxFileBytes(ctx.options), &m.result);
  }
  // --check reports findings; --diff prints a diff; otherwise the source
  // goes back (an editor's formatter), unless a report takes stdout.
  bool check = ctx.options.mode == Mode::kCheck;
  std::string diff;
  if (ctx.options.diff_asked) {
    diff = UnifiedDiff(DiffPath(path, ctx.cwd), text, m.migrated_text());
  } else if (!check && ctx.options.json_report != "-") {
    std::fwrite(m.migrated_text().data(), 1, m.migrated_text().size(), stdout);
  }
  RunOutcome run;
  printer.File(m.result, diff, /*findings_on_stderr=*/!check);
  run.Add(std::move(m.result));
  printer.Reports(run.results, run.summary);
  return ExitCode(ctx.options, run);
}

// --staged: judge what the next commit holds, not the work tree. Payloads
// built in other modules are followed as in a run over the files, from the
// staged texts, where the commit and the work tree agree on the module
// (StagedModules); nothing is written.
int RunStaged(const RunContext& ctx, Printer& printer,
              const std::atomic<bool>& interrupted) {
  StagedFiles staged = ReadStagedFiles(ctx.cwd, ctx.options.paths);
  if (!staged.error.empty()) {
    printer.Error(staged.error);
    return 2;
  }
  for (const std::string& path : staged.missing)
    printer.Error(path + ": no such file in the work tree or the git index");
  std::map<std::string, std::string> texts;  // absolute -> staged blob
  for (StagedFile& file : staged.files)
    texts[AbsolutePath(file.path)] = std::move(file.text);
  RunContext staged_ctx = ctx;
  staged_ctx.texts = &texts;
  StagedModules modules(ctx.cwd, texts);
  staged_ctx.why_not_linked = [&](const std::string& absolute) {
    return modules.WhyNot(absolute);
  };
  RunOutcome run;
  Worker worker;
  std::vector<ProcessedFile> deferred;
  std::set<std::string> reported;
  std::vector<std::string> quiet;
  // The --exclude/--include globs and the config file's, as for files
  // named on the command line (a staged file is tracked: no ignore file
  // applies). Excluded files' texts still serve the modules they build.
  IgnoreRules globs(ctx.options.excludes, ctx.options.includes,
                    /*ignore_files=*/false, ctx.options.config_globs);
  for (const StagedFile& file : staged.files) {
    if (globs.ExcludedByGlobs(file.path, false)) continue;
    ProcessedFile done = ProcessFile(file.path, staged_ctx, worker);
    if (done.deferred) {
      deferred.push_back(std::move(done));
      continue;
    }
    if (done.result.changed || !done.result.sites.empty()) {
      reported.insert(AbsolutePath(file.path));
    } else {
      quiet.push_back(file.path);
    }
    printer.File(done.result, done.diff);
    run.Add(std::move(done.result));
  }
  FinishLinkedFiles(staged_ctx, deferred, reported, quiet, std::nullopt,
                    interrupted, [&](ProcessedFile&& file, bool counted) {
                      printer.File(file.result, file.diff);
                      if (counted) --run.summary.files;
                      run.Add(std::move(file.result));
                    });
  printer.Reports(run.results, run.summary);
  return staged.missing.empty() ? ExitCode(ctx.options, run) : 2;
}

// --interactive: one file at a time, site by site, then write the accepted.
int RunInteractive(const RunContext& ctx, Printer& printer) {
  RunOutcome run;
  WalkResult walk = WalkPaths(ctx, printer, &run.fatal);
  Parser parser;
  bool quit = false;
  bool color = UseColor(ctx.options.color, 1);
  for (const std::string& path : walk.files) {
    SourceFile file = ReadSourceFile(path, kDefaultMaxFileBytes);
    FileResult failed;
    failed.path = DisplayPath(path, ctx.cwd);
    failed.error = file.error;
    failed.skipped = file.skipped;
    if (!file.error.empty()) {
      printer.File(failed, "");
      run.Add(std::move(failed));
      continue;
    }
    Migration m = MigrateFile(ctx, path, failed.path, file.text, parser);
    EditSet accepted = ChooseEdits(file.text, m, stdin, stdout, color, &quit);
    m.result.changed = !accepted.empty();
    if (m.result.changed) {
      std::string text = ApplyEdits(file.text, accepted);
      Language language = LanguageOf(path);
      if (!ParsesNoWorse(path, language, file.text, text, parser)) {
        m.result.error =
            "the accepted changes would not parse; file left unchanged";
        m.result.changed = false;
      } else {
        std::string_view read = file.text;
        std::string error = WriteFileAtomically(path, text, &read);
        if (!error.empty()) MarkNotWritten(&m.result, std::move(error));
      }
    }
    printer.File(m.result, "");
    run.Add(std::move(m.result));
  }
  printer.Reports(run.results, run.summary);
  return ExitCode(ctx.options, run);
}

}  // namespace psm
