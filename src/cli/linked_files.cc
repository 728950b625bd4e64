#include "cli/linked_files.h"

#include <map>

#include "project/module_paths.h"
#include "project/project_linker.h"

namespace psm {

namespace {

// The plans of a file's builder sites, by the builder's offset.
using BuilderPlans = std::map<std::string, std::map<uint32_t, SiteResult>>;

// Builder sites are answers for calls elsewhere, not sites of their file.
void TakeBuilderSites(const std::string& file, FileResult* result,
                      BuilderPlans* plans) {
  std::map<uint32_t, SiteResult>& mine = (*plans)[file];
  bool own_edits = false;
  std::vector<SiteResult> kept;
  for (SiteResult& site : result->sites) {
    if (site.builder) {
      mine.emplace(site.call_offset, std::move(site));
      continue;
    }
    own_edits = own_edits || site.status == SiteStatus::kMigrated;
    kept.push_back(std::move(site));
  }
  result->sites = std::move(kept);
  result->changed_for_others = result->changed && !own_edits && !mine.empty();
}

constexpr std::string_view kBuilderNote = "builds the payload of createSource";

// Each call answered by a builder reports the builder's plan.
void AnswerCalls(const FileLinks& links, const BuilderPlans& plans,
                 const std::map<std::string, std::string>& write_errors,
                 const std::function<std::string(const std::string&)>& display,
                 FileResult* result) {
  for (SiteResult& site : result->sites) {
    auto answer = links.answered.find(site.call_offset);
    if (answer == links.answered.end()) continue;
    const FileLinks::Answer& a = answer->second;
    auto file = plans.find(a.builder_file);
    if (file == plans.end()) continue;
    auto plan = file->second.find(a.builder_begin);
    if (plan == file->second.end()) continue;
    const SiteResult& b = plan->second;
    site.status = b.status;
    site.method = b.method;
    site.removed = b.removed;
    site.added_session_id = b.added_session_id;
    site.ledger = b.ledger;
    site.reasons.clear();
    for (const std::string& r : b.reasons) {
      // Where else the builder's payload goes only matters to a reviewer
      // of a shared builder the tool left alone.
      bool shared = r.find(", ") != std::string::npos;
      if (!r.starts_with(kBuilderNote) ||
          (shared && b.status == SiteStatus::kNeedsReview)) {
        site.reasons.push_back(r);
      }
    }
    site.excerpt_line = b.excerpt_line;
    site.before = b.before;
    site.after = b.after;
    site.built_file = display(a.builder_file);
    site.built_line = b.line;
    site.built_column = b.column;
    site.via = a.via;
    if (auto error = write_errors.find(a.builder_file);
        error != write_errors.end() && site.status == SiteStatus::kMigrated) {
      site.status = SiteStatus::kNeedsReview;
      site.reasons.push_back(
          "the file that builds the payload was not "
          "changed: " +
          error->second);
    }
  }
}

}  // namespace

void FinishLinkedFiles(const RunContext& ctx,
                       std::vector<ProcessedFile>& deferred,
                       const std::set<std::string>& reported,
                       const std::vector<std::string>& quiet,
                       const std::atomic<bool>& interrupted,
                       const std::function<void(ProcessedFile&&, bool)>& emit) {
  if (deferred.empty()) return;
  std::set<std::string> walked;  // quiet files, absolute
  for (const std::string& p : quiet) walked.insert(AbsolutePath(p));
  ModulePaths paths(ProjectRootOf(ctx.options.paths.front()));
  std::vector<CallerFile> callers;
  std::map<std::string, std::string> todo;  // display path -> absolute path
  for (ProcessedFile& d : deferred) {
    std::string absolute = AbsolutePath(d.opened);
    callers.push_back({absolute, d.result.path, std::move(d.requests)});
    todo[d.result.path] = absolute;
  }
  std::set<std::string> callers_set;
  for (const CallerFile& c : callers) callers_set.insert(c.path);
  LinkOptions options;
  options.display = [&](const std::string& p) {
    return DisplayPath(p, ctx.cwd);
  };
  options.why_not_writable = [&](const std::string& p) -> std::string {
    if (reported.contains(p)) {
      return "it has createSource calls of its own, reported on their own; "
             "migrate it, then run again";
    }
    if (walked.contains(p) || callers_set.contains(p)) return "";
    return "it is outside the paths given (or ignored); add it to them";
  };
  std::map<std::string, FileLinks> links = LinkProject(callers, paths, options);
  for (const auto& [path, file_links] : links) {
    if (!file_links.builders.empty() || !file_links.wrapper_calls.empty())
      todo[DisplayPath(path, ctx.cwd)] = path;
  }
  // Builders first: their plans are the answers of the calls elsewhere.
  Worker worker;
  std::map<std::string, ProcessedFile> done;  // by display path
  BuilderPlans builders;
  std::map<std::string, std::string> write_errors;  // absolute -> error
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [display, absolute] : todo) {
      if (interrupted.load()) break;
      auto found = links.find(absolute);
      bool builds = found != links.end() && !found->second.builders.empty();
      if (builds != (pass == 0)) continue;
      ProcessedFile file =
          ProcessFile(absolute, ctx, worker,
                      found == links.end() ? nullptr : &found->second, true);
      file.result.path = display;
      if (!file.result.error.empty())
        write_errors[absolute] = file.result.error;
      TakeBuilderSites(absolute, &file.result, &builders);
      if (pass == 1 && found != links.end())
        AnswerCalls(found->second, builders, write_errors, options.display,
                    &file.result);
      done.emplace(display, std::move(file));
    }
  }
  for (auto& [display, file] : done) {
    bool counted = walked.contains(AbsolutePath(file.opened));
    emit(std::move(file), counted);
  }
}

}  // namespace psm
