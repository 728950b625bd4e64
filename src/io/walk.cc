#include "io/walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/directory_reader.h"
#include "io/ignore.h"
#include "syntax/language.h"

namespace psm {
namespace {

// Emits the files of the tree at `root`, depth first in sorted order, as
// `reader` lists it. Returns false when `on_entry` asked to stop.
bool Emit(DirNode* root, DirectoryReader& reader,
          const std::function<bool(WalkEntry)>& on_entry) {
  struct Frame {
    DirNode* node;
    size_t next = 0;
  };
  std::vector<Frame> stack;
  auto enter = [&](DirNode* node) {
    reader.WaitUntilListed(node);
    if (!node->error.empty()) {
      // The run goes on, but the exit status must say something was skipped.
      return on_entry({node->path,
                       "cannot open directory: " + node->error + "; skipped",
                       true});
    }
    stack.push_back({node});
    return true;
  };
  if (!enter(root)) return false;
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.node->entries.size()) {
      reader.Release(top.node);
      stack.pop_back();
      continue;
    }
    DirEntry& entry = top.node->entries[top.next++];
    if (entry.child) {
      if (!enter(entry.child.get())) return false;
    } else if (!on_entry({JoinPath(top.node->path, entry.key), entry.problem,
                          !entry.problem.empty()})) {
      return false;
    }
  }
  return true;
}

bool WalkTree(const std::string& root, IgnoreRules* ignore, unsigned jobs,
              const std::function<bool(WalkEntry)>& on_entry,
              WalkSources* sources = nullptr,
              FileNameFilter wanted = nullptr) {
  DirNode top;
  top.path = root;
  if (ignore) {
    IgnoreRules::Start start = ignore->BeginRoot(root);
    if (start.ignored) return true;  // as git: nothing inside is listed
    top.scope = std::move(start.scope);
    top.where = std::move(start.where);
    top.tracked_only = start.tracked_only;
  }
  // The calling thread walks and lists too: `jobs` threads list in all.
  DirectoryReader reader(ignore, jobs > 1 ? jobs - 1 : 0, sources, wanted);
  bool finished = Emit(&reader.Start(&top), reader, on_entry);
  reader.Stop();
  return finished;
}

}  // namespace

void WalkFiles(const std::vector<std::string>& paths, IgnoreRules* ignore,
               const std::function<bool(WalkEntry)>& on_entry, unsigned jobs) {
  struct stat st;
  if (paths.size() == 1 && ::stat(paths[0].c_str(), &st) == 0 &&
      S_ISDIR(st.st_mode)) {
    WalkTree(paths[0], ignore, jobs, on_entry);
    return;
  }
  WalkResult all = CollectFiles(paths, ignore, jobs);
  for (WalkProblem& problem : all.problems) {
    if (!on_entry({std::move(problem.path), std::move(problem.message),
                   problem.fatal})) {
      return;
    }
  }
  for (std::string& file : all.files) {
    if (!on_entry({std::move(file), "", false})) return;
  }
}

WalkResult CollectFiles(const std::vector<std::string>& paths,
                        IgnoreRules* ignore, unsigned jobs,
                        const std::atomic<bool>* stop, WalkSources* sources) {
  WalkResult result;
  auto collect = [&](WalkEntry entry) {
    if (stop && stop->load()) return false;
    if (entry.problem.empty()) {
      result.files.push_back(std::move(entry.path));
    } else {
      result.problems.push_back(
          {std::move(entry.path), std::move(entry.problem), entry.fatal});
    }
    return true;
  };
  for (const std::string& path : paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      std::string why = std::strerror(errno);
      // `-` is standard input to many tools; here that is --stdin.
      if (path == "-" && errno == ENOENT)
        why += " (to read standard input, use --stdin)";
      result.problems.push_back({path, std::move(why), true});
    } else if (S_ISDIR(st.st_mode)) {
      WalkTree(path, ignore, jobs, collect, sources);
    } else if (ignore && ignore->ExcludedByGlobs(path, false)) {
      continue;
    } else if (!S_ISREG(st.st_mode)) {
      // Never opened: opening a FIFO would release a writer waiting on it.
      result.problems.push_back({path, "not a regular file; skipped", true});
    } else if (IsMigratableExtension(path)) {
      result.files.push_back(path);
    }
    // A file named but of no type the tool reads (a Python test, notes, a
    // shell script) is passed over as a directory's would be: a hook hands
    // the run every staged file, and read as JavaScript their text made
    // false alarms (and --write rewrote a Python file).
  }
  // The walk lists each directory in order, so the list is most often
  // sorted already (not always: `a-b.js` sorts before `a/x.js`).
  if (!std::is_sorted(result.files.begin(), result.files.end()))
    std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()),
                     result.files.end());
  return result;
}

std::vector<std::string> CollectFilesNamed(const std::string& root,
                                           IgnoreRules* ignore,
                                           FileNameFilter wanted) {
  std::vector<std::string> files;
  WalkTree(root, ignore, 1, [&](WalkEntry entry) {
    if (entry.problem.empty()) files.push_back(std::move(entry.path));
    return true;
  }, nullptr, wanted);
  return files;
}

}  // namespace psm
