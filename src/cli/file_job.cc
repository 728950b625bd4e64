#include "cli/file_job.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "cli/diff_path.h"
#include "common/heap_tuning.h"
#include "find/own_create_source.h"
#include "io/skipped_source.h"
#include "migrate/file_migrator.h"
#include "project/project_survey.h"
#include "report/unified_diff.h"

namespace psm {

std::string DisplayPath(const std::string& path, const std::string& cwd) {
  std::string_view p = path;
  if (!cwd.empty() && p.starts_with(cwd) && p.size() > cwd.size() &&
      p[cwd.size()] == '/') {
    p.remove_prefix(cwd.size() + 1);
  }
  while (p.starts_with("./")) p.remove_prefix(2);
  return std::string(p);
}

Language LanguageOf(const std::string& path) {
  return LanguageForPath(path).value_or(Language::kJavaScript);
}

size_t MaxFileBytes(const Options& options) {
  return options.max_file_bytes ? options.max_file_bytes
                                : kDefaultMaxFileBytes;
}

void TakeUnreadFile(SourceView file, size_t max_bytes, FileResult* result) {
  result->skipped = file.skipped;
  result->unjudged = file.skipped && file.names_create_source;
  result->error = result->unjudged
                      ? UnjudgedReason(file.too_large, max_bytes)
                      : std::move(file.error);
}

namespace {

// The text to migrate: the one the run was given for the file (--staged:
// the staged blob), else the file's.
SourceView ReadInput(const std::string& path, const RunContext& ctx,
                     size_t limit, ReadBuffer& buffer) {
  if (ctx.texts) {
    auto given = ctx.texts->find(AbsolutePath(path));
    if (given != ctx.texts->end()) {
      SourceView view;
      view.text = given->second;
      return view;
    }
  }
  return ReadSourceFile(path, limit, buffer);
}

// Under --no-follow the pages reading what a PHP file sends the browser
// are not searched: its arrays keep every field, saying why.
FileLinks UnsearchedBrowserReaders(const std::vector<SiteRequest>& requests) {
  FileLinks links;
  for (const SiteRequest& r : requests) {
    if (r.browser_paths.empty()) continue;
    links.readers_elsewhere[r.call_begin].push_back(
        {"",
         "the array is sent to the browser, and under --no-follow the "
         "pages that read it are not searched"});
  }
  return links;
}

}  // namespace

Migration MigrateFile(const RunContext& ctx, const std::string& path,
                      const std::string& display, std::string_view text,
                      Parser& parser, const FileLinks* links) {
  SessionChoice js = ctx.sessions.For(path);
  PlanOptions plan = ctx.plan;
  plan.session_id = js.expression;
  plan.session_needs = js.needs;
  Migration m = MigrateText(display, text, LanguageOf(path), ctx.rules, plan,
                            parser, links);
  for (SiteResult& site : m.result.sites) {
    const SessionChoice& got =
        site.language == Language::kPhp ? ctx.php_session : js;
    site.session_expression = got.expression;
    site.session_from = got.from;
  }
  return m;
}

ProcessedFile ProcessFile(const std::string& path, const RunContext& ctx,
                          Worker& worker, const FileLinks* links, bool final) {
  ProcessedFile out;
  out.opened = path;
  FileResult& result = out.result;
  result.path = DisplayPath(path, ctx.cwd);
  size_t limit = MaxFileBytes(ctx.options);
  SourceView file = ReadInput(path, ctx, limit, worker.buffer);
  if (!file.error.empty()) {
    // Only a file too large to judge is read through for the name: bundles
    // are few, and the project model's reads never pay for it.
    if (file.too_large)
      file.names_create_source = FileNamesCreateSource(path, worker.buffer);
    TakeUnreadFile(std::move(file), limit, &result);
    return out;
  }
  out.may_define_create_source = MayDefineCreateSource(file.text);
  // A file this large builds tens of megabytes of models and results.
  constexpr size_t kLargeFile = 512 * 1024;
  if (file.text.size() >= kLargeFile) PreferHugePagesOnThisThread();
  Migration m =
      MigrateFile(ctx, path, result.path, file.text, worker.parser, links);
  if (!ctx.options.link_modules &&
      std::any_of(
          m.requests.begin(), m.requests.end(),
          [](const SiteRequest& r) { return !r.browser_paths.empty(); })) {
    FileLinks unsearched = UnsearchedBrowserReaders(m.requests);
    m = MigrateFile(ctx, path, result.path, file.text, worker.parser,
                    &unsearched);
  }
  result = std::move(m.result);
  if (!final && !m.requests.empty() && ctx.options.link_modules) {
    out.deferred = true;  // nothing written or printed yet
    if (ctx.survey) ctx.survey->Start();
    out.requests = std::move(m.requests);
    out.ready =
        std::all_of(out.requests.begin(), out.requests.end(),
                    [](const SiteRequest& r) { return r.AsksForObservers(); });
    if (!out.ready) return out;
  }
  if (!result.changed) return out;
  if (ctx.options.mode == Mode::kWrite && (final || out.deferred)) {
    out.read_text = file.text;
    out.pending_text = m.migrated_text();
  } else if (ctx.options.mode == Mode::kWrite) {
    std::string error =
        WriteFileAtomically(path, m.migrated_text(), &file.text);
    if (!error.empty()) MarkNotWritten(&result, std::move(error));
  } else if (ctx.options.mode == Mode::kDiff) {
    out.diff =
        UnifiedDiff(DiffPath(path, ctx.cwd), file.text, m.migrated_text());
  }
  return out;
}

}  // namespace psm
