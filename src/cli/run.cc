#include "cli/run.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/options.h"
#include "cli/printer.h"
#include "io/file_io.h"
#include "io/walk.h"
#include "migrate/file_migrator.h"
#include "migrate/ordered_pool.h"
#include "report/json_report.h"
#include "report/unified_diff.h"
#include "report/run_summary.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"
#include "version.h"

namespace psm {
namespace {

std::atomic<bool> g_interrupted{false};

void OnSignal(int) { g_interrupted.store(true); }

// SIGINT/SIGTERM stop the run between files, so no write is cut short.
void CatchInterrupts() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Everything a run needs besides the options, prepared once.
struct RunContext {
  const Options* options = nullptr;
  RuleTable rules;
  PlanOptions plan;
  std::string cwd;
};

struct ProcessedFile {
  FileResult result;
  std::string diff;  // --diff only
};

std::string DisplayPath(const std::string& path, const std::string& cwd) {
  std::string_view p = path;
  if (!cwd.empty() && p.starts_with(cwd) && p.size() > cwd.size() && p[cwd.size()] == '/') {
    p.remove_prefix(cwd.size() + 1);
  }
  while (p.starts_with("./")) p.remove_prefix(2);
  return std::string(p);
}

// Rules: the built-in table, then each --rules file on top, in order.
bool LoadRules(const Options& options, RuleTable* rules, std::string* error) {
  *rules = BuiltinRules();
  for (const std::string& file : options.rules_files) {
    std::string text, read_error;
    if (!ReadWholeFile(file, &text, &read_error)) {
      *error = file + ": " + read_error;
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

// A --session-id that is not an expression would break every file.
bool ValidSessionId(const std::string& expression) {
  if (expression.empty()) return true;
  std::string probe = "x = (" + expression + "\n);";
  Parser parser;
  Tree tree = parser.Parse(Language::kTypeScript, probe);
  return tree.ok() && CountSyntaxErrors(tree.Root()) == 0;
}

ProcessedFile ProcessFile(const std::string& path, const RunContext& ctx, Parser& parser) {
  ProcessedFile out;
  FileResult& result = out.result;
  result.path = DisplayPath(path, ctx.cwd);
  std::optional<Language> language = LanguageForPath(path);
  if (!language) language = Language::kJavaScript;  // named explicitly: trust the user
  size_t limit = ctx.options->max_file_bytes ? ctx.options->max_file_bytes : kDefaultMaxFileBytes;
  SourceFile file = ReadSourceFile(path, limit);
  if (!file.error.empty()) {
    result.error = file.error;
    result.skipped = file.skipped;
    return out;
  }
  Migration m = MigrateText(result.path, file.text, *language, ctx.rules, ctx.plan, parser);
  result = std::move(m.result);
  if (!result.changed) return out;
  if (ctx.options->mode == Mode::kWrite) {
    std::string error = WriteFileAtomically(path, m.migrated_text);
    if (!error.empty()) {
      result.error = error;
      result.changed = false;
    }
  } else if (ctx.options->mode == Mode::kDiff) {
    out.diff = UnifiedDiff(result.path, file.text, m.migrated_text);
  }
  return out;
}

unsigned Jobs(const Options& options) {
  if (options.jobs > 0) return options.jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

int ExitCode(const Options& options, const RunSummary& summary, bool fatal) {
  if (fatal || summary.errors > summary.skipped) return 2;
  if (options.mode == Mode::kCheck && (summary.migrated > 0 || summary.needs_review > 0)) {
    return 1;
  }
  return 0;
}

bool Prepare(const Options& options, RunContext* ctx, Printer& printer) {
  ctx->options = &options;
  std::string error;
  if (!LoadRules(options, &ctx->rules, &error)) {
    printer.Error(error);
    return false;
  }
  if (!ValidSessionId(options.session_id)) {
    printer.Error("--session-id: " + options.session_id +
                  ": not a JavaScript expression");
    return false;
  }
  ctx->plan.session_id = options.session_id;
  ctx->plan.include_minified = options.include_minified;
  char buffer[4096];
  if (::getcwd(buffer, sizeof buffer)) ctx->cwd = buffer;
  return true;
}

}  // namespace

int RunCli(int argc, const char* const* argv) {
  ParsedCommandLine parsed = ParseCommandLine(argc, argv);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.options) return parsed.exit_code;
  const Options& options = *parsed.options;
  Printer printer(options);
  RunContext ctx;
  if (!Prepare(options, &ctx, printer)) return 2;
  auto started = std::chrono::steady_clock::now();
  WalkResult walk = CollectFiles(options.paths);
  bool fatal = false;
  for (const WalkProblem& problem : walk.problems) {
    printer.Error(DisplayPath(problem.path, ctx.cwd) + ": " + problem.message);
    fatal = fatal || problem.fatal;
  }
  if (options.mode == Mode::kWrite) CatchInterrupts();
  RunSummary summary;
  std::vector<FileResult> results;
  RunOrdered<Parser, ProcessedFile>(
      walk.files.size(), Jobs(options), g_interrupted,
      [&](size_t i, Parser& parser) { return ProcessFile(walk.files[i], ctx, parser); },
      [&](size_t, ProcessedFile&& file) {
        printer.File(file.result, file.diff);
        summary.Add(file.result);
        // Only what the JSON report lists is kept: memory stays flat.
        if (!file.result.sites.empty() || !file.result.error.empty()) {
          results.push_back(std::move(file.result));
        }
      });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!options.json_report.empty() && !printer.WriteJson(options.json_report, JsonReport(results, summary))) {
    fatal = true;
  }
  printer.Summary(summary, seconds);
  if (g_interrupted.load()) {
    printer.Error("interrupted; files not yet processed were left as they were");
    return 130;
  }
  return ExitCode(options, summary, fatal);
}

}  // namespace psm
