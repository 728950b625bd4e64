#include "cli/linked_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_set>

#include "cli/server_answers.h"
#include "common/strings.h"
#include "io/file_io.h"
#include "project/module_paths.h"
#include "project/project_linker.h"
#include "version.h"

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

// Calls whose payload is what a server sent: file -> call begin -> read.
using ServerReads = std::map<std::string, std::map<uint32_t, ServerRead>>;

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
    site.session_expression = b.session_expression;  // the builder's file's
    site.session_from = b.session_from;
    if (auto error = write_errors.find(a.builder_file);
        error != write_errors.end() && site.status == SiteStatus::kMigrated) {
      site.status = SiteStatus::kNeedsReview;
      site.reasons.push_back("the file that builds the payload (" +
                             site.built_file +
                             ") was not changed, so nothing of this site was "
                             "written: " +
                             error->second);
    }
  }
}

// --write: a file is replaced only if it still is what was read and can be
// written (checked just before, see FileWriter). Builders are committed
// before the calls that take their payloads are planned: a builder that
// fails makes those calls needs-review (AnswerCalls), and a call's file
// holds no edit of such a site, so the site is then written nowhere.
void Commit(FileWriter& writer, const std::string& absolute,
            ProcessedFile* file) {
  if (!file->result.changed || file->pending_text.empty()) return;
  std::string error =
      writer.CheckAndReplace(absolute, file->read_text, file->pending_text);
  file->read_text.clear();
  file->pending_text.clear();
  if (!error.empty()) MarkNotWritten(&file->result, std::move(error));
}

// The order files are migrated in: base classes whose objects subclasses
// build on (`super.build()`) first, as their plans decide whether those
// subclasses may change anything; then the other builders; then the calls.
int Rank(const std::string& absolute,
         const std::map<std::string, FileLinks>& links,
         const std::set<std::string>& bases) {
  if (bases.contains(absolute)) return 0;
  auto found = links.find(absolute);
  return found != links.end() && !found->second.builders.empty() ? 1 : 2;
}

std::set<std::string> BaseFiles(const std::map<std::string, FileLinks>& links) {
  std::set<std::string> bases;
  for (const auto& [path, file] : links) {
    for (const BuilderRequest& b : file.builders) {
      if (!b.base_file.empty()) bases.insert(b.base_file);
    }
  }
  return bases;
}

// Why a base class's file must not be written: a subclass built on its
// object (`super.build()`) lies in a file this run cannot replace, so the
// site would be half written (the base's fields gone, no sessionId in the
// subclass). "" when every such file can be replaced.
std::string WhyNotWriteBase(
    FileWriter& writer, const std::string& base,
    const std::map<std::string, FileLinks>& links,
    const std::function<std::string(const std::string&)>& display) {
  for (const auto& [path, file] : links) {
    bool depends = std::any_of(
        file.builders.begin(), file.builders.end(),
        [&](const BuilderRequest& b) { return b.base_file == base; });
    if (!depends) continue;
    SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
    std::string why = read.error.empty()
                          ? writer.CheckReplaceable(path, read.text)
                          : read.error;
    if (!why.empty()) {
      return "not written: " + display(path) +
             ", which builds on its object, cannot be: " + why;
    }
  }
  return "";
}

// Why the base's object was left as it is, for its subclass `b`: its users
// need different edits, or something else keeps all of it (another use of
// the base's method sees every field). "" when it was migrated.
std::string WhyBaseLeftAlone(const SiteResult& base, const BuilderRequest& b) {
  std::string call = "`super." + b.super_member + "()` (" + b.base_at + ")";
  for (const std::string& r : base.reasons) {
    if (r.starts_with(kSharedPayloadRefused)) {
      return call + " returns an object that " +
             r.substr(std::string_view("the object it returns ").size());
    }
  }
  bool untouched =
      base.fixes.empty() && base.removed.empty() && !base.added_session_id;
  if (base.status != SiteStatus::kNeedsReview || !untouched) return "";
  std::string why;
  for (const std::string& r : base.reasons) {
    if (!r.starts_with(kBuilderNote)) why += (why.empty() ? "" : "; ") + r;
  }
  return call + " returns an object the tool left as it is: " + why;
}

// A subclass's builder changes nothing when its base's object was left
// alone or could not be written.
void RefuseWithBase(
    const BuilderPlans& plans,
    const std::map<std::string, std::string>& write_errors,
    const std::function<std::string(const std::string&)>& display,
    FileLinks* links) {
  for (BuilderRequest& b : links->builders) {
    if (b.base_file.empty()) continue;
    auto file = plans.find(b.base_file);
    const SiteResult* base = nullptr;
    if (file != plans.end()) {
      auto plan = file->second.find(b.base_begin);
      if (plan != file->second.end()) base = &plan->second;
    }
    if (auto error = write_errors.find(b.base_file);
        error != write_errors.end()) {
      b.refused = "the file that builds the fields of `super." +
                  b.super_member + "()` (" + display(b.base_file) +
                  ") was not changed: " + error->second;
    } else if (!base) {
      b.refused = "the tool could not plan the fields of `super." +
                  b.super_member + "()` (" + b.base_at + ")";
    } else {
      b.refused = WhyBaseLeftAlone(*base, b);
    }
  }
}

// A subclass's builder reports what its base's object loses too.
void AddBasePlans(const FileLinks& links, const BuilderPlans& plans,
                  const std::function<std::string(const std::string&)>& display,
                  std::map<uint32_t, SiteResult>* mine) {
  for (const BuilderRequest& b : links.builders) {
    auto site = mine->find(b.builder.begin);
    auto file = plans.find(b.base_file);
    if (b.base_file.empty() || !b.refused.empty() || site == mine->end() ||
        file == plans.end())
      continue;
    auto base = file->second.find(b.base_begin);
    if (base == file->second.end()) continue;
    SiteResult& s = site->second;
    const SiteResult& from = base->second;
    s.status = WorseStatus(s.status, from.status);
    std::vector<std::string> removed = from.removed;
    for (const std::string& r : s.removed) {
      if (std::find(removed.begin(), removed.end(), r) == removed.end())
        removed.push_back(r);
    }
    s.removed = std::move(removed);
    // The base's values go to the server-side checkout too.
    std::vector<RemovedField> ledger = from.ledger;
    for (RemovedField& field : ledger) {
      if (field.file.empty()) field.file = display(b.base_file);
    }
    ledger.insert(ledger.end(), s.ledger.begin(), s.ledger.end());
    s.ledger = std::move(ledger);
    for (const std::string& r : from.reasons) {
      if (!r.starts_with(kBuilderNote) &&
          std::find(s.reasons.begin(), s.reasons.end(), r) == s.reasons.end())
        s.reasons.push_back("in " + b.base_at + ": " + r);
    }
  }
}

// Whether the walk of the paths given met every file the project model
// would read as the project's (Linker::ProjectFiles: the same walk of the
// root, ignore files honoured): a directory given at or above the root, and
// nothing excluded or left out by --include. (--no-ignore only adds files.)
bool WalkedWholeProject(const Options& options, const std::string& root) {
  if (!options.excludes.empty() || !options.includes.empty() ||
      !options.config_globs.empty())
    return false;
  std::filesystem::path project(AbsolutePath(root));
  return std::any_of(
      options.paths.begin(), options.paths.end(), [&](const std::string& p) {
        std::filesystem::path given(AbsolutePath(p));
        auto [g, r] = std::mismatch(given.begin(), given.end(), project.begin(),
                                    project.end());
        return g == given.end() && std::filesystem::is_directory(given);
      });
}

}  // namespace

std::string RunProjectRoot(const Options& options) {
  return ProjectRootOf(options.paths.empty() ? std::string(".")
                                             : options.paths.front());
}

void FinishLinkedFiles(const RunContext& ctx,
                       std::vector<ProcessedFile>& deferred,
                       const std::set<std::string>& reported,
                       const std::vector<std::string>& quiet,
                       const std::optional<std::vector<std::string>>& definers,
                       const std::atomic<bool>& interrupted,
                       const std::function<void(ProcessedFile&&, bool)>& emit) {
  if (deferred.empty()) return;
  std::unordered_set<std::string> walked;  // quiet files, absolute
  walked.reserve(quiet.size());
  for (const std::string& p : quiet) walked.insert(AbsolutePath(p));
  ModulePaths paths(RunProjectRoot(ctx.options));
  std::vector<CallerFile> callers;
  std::map<std::string, std::string> todo;  // display path -> absolute path
  // Files whose output stands unless the model links them (ProcessedFile::
  // ready), by absolute path.
  std::map<std::string, ProcessedFile> ready;
  ServerReads server_reads;
  for (ProcessedFile& d : deferred) {
    std::string absolute = AbsolutePath(d.opened);
    std::string display = d.result.path;
    if (d.ready) {
      ProcessedFile kept;
      kept.opened = d.opened;
      kept.result = std::move(d.result);  // a copy cost 9 ms in a dense tree
      kept.diff = std::move(d.diff);
      kept.read_text = std::move(d.read_text);
      kept.pending_text = std::move(d.pending_text);
      ready.emplace(absolute, std::move(kept));
    }
    for (const SiteRequest& r : d.requests) {
      if (r.server_read) server_reads[absolute][r.call_begin] = *r.server_read;
    }
    callers.push_back({absolute, display, std::move(d.requests)});
    todo[display] = absolute;
  }
  std::set<std::string> callers_set;
  for (const CallerFile& c : callers) callers_set.insert(c.path);
  LinkOptions options;
  options.display = [&](const std::string& p) {
    return DisplayPath(p, ctx.cwd);
  };
  options.note = [&](const std::string& note) {
    if (!ctx.options.quiet)
      std::fprintf(stderr, "%s: %s\n", kToolName, OneLine(note).c_str());
  };
  options.why_not_writable = [&](const std::string& p) -> std::string {
    if (ctx.why_not_linked) {
      if (std::string why = ctx.why_not_linked(p); !why.empty()) return why;
    }
    if (reported.contains(p)) {
      return "it has createSource calls of its own, reported on their own; "
             "migrate it, then run again";
    }
    // --check writes nothing: a builder outside the paths is judged with
    // the call (as --staged does), so that a pre-commit run naming only the
    // caller of a migrated builder passes, and one whose builder still needs
    // migrating names the builder's file.
    if (walked.contains(p) || callers_set.contains(p) || ctx.texts ||
        ctx.options.mode == Mode::kCheck)
      return "";
    return "it is outside the paths given (or ignored); add it to them";
  };
  options.no_ignore = ctx.options.no_ignore;
  options.word_store = !ctx.options.no_cache;
  options.php_pages_elsewhere = ctx.options.php_pages_elsewhere;
  options.survey = ctx.survey;
  if (definers && WalkedWholeProject(ctx.options, paths.root())) {
    options.definers.emplace();
    for (const std::string& p : *definers)
      options.definers->push_back(AbsolutePath(p));
    std::sort(options.definers->begin(), options.definers->end());
  }
  std::map<std::string, FileLinks> links = LinkProject(callers, paths, options);
  ServerPayloads server(paths.root(), ctx.rules, ctx.plan, &links, ctx.survey);
  ServerAnswerContext server_ctx{&server,
                                 [&](const std::string& p) {
                                   return walked.contains(p) ||
                                          reported.contains(p) ||
                                          callers_set.contains(p);
                                 },
                                 ctx.options.mode == Mode::kWrite,
                                 options.display,
                                 ctx.php_session.expression,
                                 ctx.php_session.from};
  for (const auto& [path, file_links] : links) {
    if (!file_links.builders.empty() || !file_links.wrapper_calls.empty())
      todo[DisplayPath(path, ctx.cwd)] = path;
  }
  // Builders first: their plans are the answers of the calls elsewhere.
  Worker worker;
  FileWriter default_writer;
  FileWriter& writer = ctx.writer ? *ctx.writer : default_writer;
  std::map<std::string, ProcessedFile> done;  // by display path
  BuilderPlans builders;
  std::map<std::string, std::string> write_errors;  // absolute -> error
  std::set<std::string> bases = BaseFiles(links);
  for (int pass = 0; pass < 3; ++pass) {
    for (const auto& [display, absolute] : todo) {
      if (interrupted.load()) break;
      auto found = links.find(absolute);
      if (Rank(absolute, links, bases) != pass) continue;
      if (found != links.end())
        RefuseWithBase(builders, write_errors, options.display, &found->second);
      auto kept = ready.find(absolute);
      ProcessedFile file =
          found == links.end() && kept != ready.end()
              ? std::move(kept->second)
              : ProcessFile(absolute, ctx, worker,
                            found == links.end() ? nullptr : &found->second,
                            true);
      file.result.path = display;
      if (pass == 0 && file.result.changed && !file.pending_text.empty()) {
        if (std::string why =
                WhyNotWriteBase(writer, absolute, links, options.display);
            !why.empty()) {
          file.pending_text.clear();
          file.result.changed = false;
          file.result.changed_for_others = false;
          file.result.error = why;
        }
      }
      Commit(writer, absolute, &file);
      if (!file.result.error.empty())
        write_errors[absolute] = file.result.error;
      TakeBuilderSites(absolute, &file.result, &builders);
      if (found != links.end())
        AddBasePlans(found->second, builders, options.display,
                     &builders[absolute]);
      if (pass == 2 && found != links.end())
        AnswerCalls(found->second, builders, write_errors, options.display,
                    &file.result);
      if (auto reads = server_reads.find(absolute); reads != server_reads.end())
        AnswerFromServer(reads->second, server_ctx, &file.result);
      done.emplace(display, std::move(file));
    }
  }
  for (auto& [display, file] : done) {
    bool counted = walked.contains(AbsolutePath(file.opened));
    emit(std::move(file), counted);
  }
}

}  // namespace psm
