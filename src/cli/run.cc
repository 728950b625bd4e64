#include "cli/run.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "cli/config.h"
#include "cli/file_job.h"
#include "cli/linked_files.h"
#include "cli/options.h"
#include "cli/printer.h"
#include "cli/report_destinations.h"
#include "cli/run_modes.h"
#include "cli/run_outcome.h"
#include "cli/terminal.h"
#include "common/path_quote.h"
#include "common/platform.h"
#include "common/spare_cores.h"
#include "io/file_io.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "migrate/file_migrator.h"
#include "migrate/ordered_pool.h"
#include "migrate/work_queue.h"
#include "project/project_survey.h"
#include "report/unified_diff.h"
#include "rules/rule_table.h"
#include "syntax/embedded_script.h"
#include "syntax/expression_probe.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

std::atomic<bool> g_interrupted{false};
// The signal that stopped the run: its exit status is 128 + it, as a shell
// reports a process it ended (130 for Ctrl-C, 143 for SIGTERM).
std::atomic<int> g_signal{0};

void OnSignal(int signal) {
  g_signal.store(signal);
  g_interrupted.store(true);
}

// SIGINT/SIGTERM stop the run between files, so no write is cut short;
// so does SIGHUP (the terminal or ssh session closed) unless the run was
// started to ignore it (`nohup`).
void CatchInterrupts() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
#ifdef SIGHUP
  struct sigaction hangup {};
  if (sigaction(SIGHUP, nullptr, &hangup) == 0 && hangup.sa_handler != SIG_IGN)
    sigaction(SIGHUP, &action, nullptr);
#endif
}

// Rules: built in, then the config's inline rules, then each rules file.
bool LoadRules(const Options& options, const ProjectConfig& config,
               RuleTable* rules, std::string* error) {
  *rules = BuiltinRules();
  if (config.inline_rules) rules->Merge(*config.inline_rules);
  for (const std::string& file : options.rules_files) {
    std::string text, read_error;
    if (!ReadWholeFile(file, &text, &read_error)) {
      *error = ReadablePath(file) + ": " + read_error;
      return false;
    }
    RulesResult parsed = ParseRules(text, file);
    if (!parsed.table) {
      *error = parsed.error.ToString();
      return false;
    }
    rules->Merge(*parsed.table);
  }
  return true;
}

unsigned Jobs(const Options& options) {
  if (!kHasThreads) return 1;
  if (options.jobs > 0) return options.jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

bool Prepare(RunContext* ctx, Printer& printer) {
  char buffer[4096];
  if (::getcwd(buffer, sizeof buffer)) ctx->cwd = buffer;
  ProjectConfig config;
  std::string error;
  if (!LoadProjectConfig(ctx->options, ctx->cwd, &config, &error)) {
    printer.Error(error);
    return false;
  }
  ctx->sessions = SessionExpressionsOf(ctx->options, config, ctx->cwd);
  ctx->php_session.from = !ctx->options.php_session_id.empty()
                              ? "--php-session-id"
                          : !config.php_session_id.empty() ? "phpSessionId"
                                                           : "placeholder";
  ApplyProjectConfig(config, ctx->cwd, &ctx->options);
  // Reports are written last: this is before anything is.
  if (std::string why = ReportDestinationProblem(ctx->options, config.path);
      !why.empty()) {
    printer.Error(why);
    return false;
  }
  if (!LoadRules(ctx->options, config, &ctx->rules, &error)) {
    printer.Error(error);
    return false;
  }
  std::optional<ValueExpression> js =
      ReadValueExpression(ctx->options.session_id, Language::kTypeScript);
  if (!js) {
    printer.Error("--session-id: " + ExpressionRefusal(ctx->options.session_id,
                                                       Language::kTypeScript));
    return false;
  }
  std::optional<ValueExpression> php =
      ReadValueExpression(ctx->options.php_session_id, Language::kPhp);
  if (!php) {
    printer.Error(
        "--php-session-id: " +
        ExpressionRefusal(ctx->options.php_session_id, Language::kPhp));
    return false;
  }
  ctx->plan.session_id = js->text;
  ctx->plan.session_needs = js->needs;
  ctx->plan.php_session_id = php->text;
  ctx->php_session.expression = php->text;
  ctx->plan.include_minified = ctx->options.include_minified;
  ctx->plan.excerpts = printer.ShowsCode();
  return true;
}

// The WebAssembly build says where it cannot do what was asked (README,
// "WebAssembly build"); the results are the same either way.
void NoteWhatThisBuildLacks(const Options& options, Printer& printer) {
  if (kHasThreads || options.quiet) return;
  if (options.jobs > 1)
    printer.Error("note: the WebAssembly build runs on one thread; --jobs " +
                  std::to_string(options.jobs) + " has no effect");
  if (options.mode == Mode::kWrite && !kHasSignals)
    printer.Error(
        "note: in the WebAssembly build an interrupt ends --write at once: "
        "each file is still old or new, but a temporary file may remain");
}

// True when every path names something other than a directory: the files
// are then known at once (the pre-commit case) and need no walker thread.
bool OnlyFiles(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return false;
  }
  return true;
}

// Files handed from the walk to the workers at a time. One at a time cost a
// wake-up (a futex call and a context switch) per file once the walk got
// faster than the workers: 17,000 on a 13,000-file tree (issue 14).
constexpr size_t kWalkBatch = 64;

// The main job: walk, migrate in parallel, print in path order. The walk
// runs on a thread of its own and the workers start on the first files it
// finds, so a large tree is read while it is still being walked.
int RunFiles(const RunContext& ctx, Printer& printer) {
  auto started = std::chrono::steady_clock::now();
  RunOutcome run;
  run.keep_results = printer.WantsReports();
  NoteWhatThisBuildLacks(ctx.options, printer);
  // Before the walk: an interrupt at any point then ends the run cleanly.
  if (ctx.options.mode == Mode::kWrite && kHasSignals) CatchInterrupts();
  IgnoreRules ignore(ctx.options.excludes, ctx.options.includes,
                     !ctx.options.no_ignore, ctx.options.config_globs);
  constexpr size_t kWalkLead = 4096;  // files the walk may be ahead
  bool only_files = OnlyFiles(ctx.options.paths);
  // Without threads the walk runs first, all of it, then the files.
  bool walk_first = only_files || !kHasThreads;
  // Named files (pre-commit: a few) go one by one, to spread them over the
  // threads.
  size_t batch_size = only_files ? 1 : kWalkBatch;
  using Batch = std::vector<WalkEntry>;
  WorkQueue<Batch> queue(walk_first ? SIZE_MAX : kWalkLead / batch_size);
  std::atomic<size_t> found{0};
  std::atomic<bool> all_found{false};
  auto walk = [&] {
    Batch batch;
    bool open = true;
    WalkFiles(
        ctx.options.paths, &ignore,
        [&](WalkEntry entry) {
          found.fetch_add(1, std::memory_order_relaxed);
          batch.push_back(std::move(entry));
          if (batch.size() < batch_size) return !g_interrupted.load();
          open = !g_interrupted.load() && queue.Push(std::move(batch));
          batch.clear();
          return open;
        },
        Jobs(ctx.options));
    if (open && !batch.empty()) queue.Push(std::move(batch));
    all_found.store(true);
    queue.Close();
  };
  std::thread walker;
  if (walk_first) {
    walk();
  } else {
    walker = std::thread(walk);
  }
  Progress progress(!ctx.options.quiet);
  size_t done = 0;
  std::vector<ProcessedFile> deferred;
  std::set<std::string> reported;  // absolute paths with output already
  std::vector<std::string> quiet;  // the other files, as opened
  // The files that may define a createSource, as opened; unknown once the
  // walk missed a directory.
  std::optional<std::vector<std::string>> definers(std::in_place);
  // No more threads than files: a lone file (a bundle, a long legacy
  // file) is then worked on the main thread, and no thread is started for
  // nothing.
  unsigned jobs = Jobs(ctx.options);
  if (walk_first) {
    jobs = static_cast<unsigned>(
        std::clamp<size_t>(found.load(), 1, jobs));  // Jobs() >= 1
  }
  // The cores --jobs allows beyond those threads: a file of thousands of
  // sites may work on half of them there (common/spare_cores.h).
  SpareCores::Set(Jobs(ctx.options) - jobs);
  RunOrdered<Worker, std::vector<ProcessedFile>>(
      queue, jobs, g_interrupted,
      [&](const Batch& batch, Worker& worker) {
        std::vector<ProcessedFile> files;
        files.reserve(batch.size());
        for (const WalkEntry& entry : batch) {
          if (g_interrupted.load()) break;  // the rest stay as they were
          if (entry.problem.empty()) {
            files.push_back(ProcessFile(entry.path, ctx, worker));
            continue;
          }
          ProcessedFile problem;
          problem.result.path = DisplayPath(entry.path, ctx.cwd);
          problem.walk_problem = entry.problem;
          problem.walk_fatal = entry.fatal;
          files.push_back(std::move(problem));
        }
        return files;
      },
      [&](size_t, std::vector<ProcessedFile>&& files) {
        for (ProcessedFile& file : files) {
          progress.Clear();
          if (!file.walk_problem.empty()) {
            definers.reset();
          } else if (definers && file.may_define_create_source) {
            definers->push_back(file.opened);
          }
          if (file.deferred) {
            deferred.push_back(std::move(file));
          } else if (file.walk_problem.empty()) {
            if (file.result.changed || !file.result.sites.empty() ||
                !file.result.error.empty()) {
              reported.insert(AbsolutePath(file.opened));
            } else {
              quiet.push_back(std::move(file.opened));
            }
            printer.File(file.result, file.diff);
            run.Add(std::move(file.result));
          } else {  // problems met by the walk come in order with the files
            printer.FileError(file.result.path, file.walk_problem);
            run.fatal = run.fatal || file.walk_fatal;
          }
          progress.Tick(++done, found.load(), all_found.load());
        }
      });
  if (walker.joinable()) walker.join();
  SpareCores::Set(0);
  // The last file may be done before the walk says it found them all: the
  // final count is shown once both are known.
  progress.Tick(done, found.load(), all_found.load());
  progress.Clear();
  if (g_interrupted.load()) definers.reset();
  FinishLinkedFiles(ctx, deferred, reported, quiet, definers, g_interrupted,
                    [&](ProcessedFile&& file, bool counted) {
                      printer.File(file.result, file.diff);
                      if (counted) --run.summary.files;  // seen by the walk
                      run.Add(std::move(file.result));
                    });
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  // Files the project model had to wait for come last on the terminal;
  // reports list every file in the walk's order, whichever it was.
  std::stable_sort(
      run.results.begin(), run.results.end(),
      [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  if (!printer.Reports(run.results, run.summary)) run.fatal = true;
  printer.Summary(run.summary, seconds);
  if (g_interrupted.load()) {
    printer.Error(
        "interrupted; files not yet processed were left as they were");
    return 128 + (g_signal.load() ? g_signal.load() : SIGINT);
  }
  return ExitCode(ctx.options, run);
}

}  // namespace

int RunCli(int argc, const char* const* argv) {
  ParsedCommandLine parsed = ParseCommandLine(argc, argv);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.options) return parsed.exit_code;
  RunContext ctx;
  ctx.options = std::move(*parsed.options);
  Printer printer(ctx.options);
  if (!Prepare(&ctx, printer)) return 2;
  if (ctx.options.stdin_mode) return RunStdin(ctx, printer);
  if (ctx.options.staged) return RunStaged(ctx, printer, g_interrupted);
  if (ctx.options.interactive) return RunInteractive(ctx, printer);
  // The project model's look at the project, taken while the files are
  // parsed (ProjectSurvey), in a run of named files (a hook's). Not when a
  // directory is given: its walk already keeps the cores busy, and a second
  // one beside it made a run of 60,000 small modules 27% slower. Not in
  // --write runs: a file the run rewrites after the look took its stamp
  // would keep the words of its old text.
  std::optional<ProjectSurvey> survey;
  if (kHasThreads && ctx.options.link_modules &&
      ctx.options.mode != Mode::kWrite && OnlyFiles(ctx.options.paths)) {
    survey.emplace(RunProjectRoot(ctx.options), ctx.options.no_ignore,
                   !ctx.options.no_cache);
    ctx.survey = &*survey;
  }
  return RunFiles(ctx, printer);
}

}  // namespace psm
