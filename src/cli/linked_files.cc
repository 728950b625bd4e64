#include "cli/linked_files.h"

#include <map>

#include "project/module_paths.h"
#include "project/project_linker.h"

namespace psm {

void FinishLinkedFiles(const RunContext& ctx,
                       std::vector<ProcessedFile>& deferred,
                       const std::set<std::string>& changed,
                       const std::atomic<bool>& interrupted,
                       const std::function<void(ProcessedFile&&)>& emit) {
  if (deferred.empty()) return;
  std::vector<std::string> roots;
  for (const std::string& p : ctx.options.paths)
    roots.push_back(AbsolutePath(p));
  ModulePaths paths(ProjectRootOf(ctx.options.paths.front()));
  std::vector<CallerFile> callers;
  std::map<std::string, std::string> todo;  // display path -> absolute path
  for (ProcessedFile& d : deferred) {
    std::string absolute = AbsolutePath(d.opened);
    callers.push_back({absolute, d.result.path, std::move(d.requests)});
    todo[d.result.path] = absolute;
  }
  LinkOptions options;
  options.display = [&](const std::string& p) {
    return DisplayPath(p, ctx.cwd);
  };
  options.writable = [&](const std::string& p) {
    if (changed.contains(p)) return false;
    for (const std::string& root : roots) {
      if (p == root || p.starts_with(root + "/")) return true;
    }
    return false;
  };
  std::map<std::string, FileLinks> links = LinkProject(callers, paths, options);
  for (const auto& [path, file_links] : links) {
    if (!file_links.builders.empty()) todo[DisplayPath(path, ctx.cwd)] = path;
  }
  Worker worker;
  for (const auto& [display, absolute] : todo) {
    if (interrupted.load()) break;
    auto found = links.find(absolute);
    ProcessedFile file =
        ProcessFile(absolute, ctx, worker,
                    found == links.end() ? nullptr : &found->second, true);
    file.result.path = display;
    emit(std::move(file));
  }
}

}  // namespace psm
