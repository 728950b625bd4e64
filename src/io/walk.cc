#include "io/walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/path_quote.h"
#include "common/platform.h"
#include "io/dir_entries.h"
#include "io/ignore.h"
#include "syntax/language.h"

namespace psm {
namespace {

bool SkippedDirectory(const char* name) {
  return std::strcmp(name, "node_modules") == 0 ||
         std::strcmp(name, ".git") == 0 || std::strcmp(name, ".hg") == 0 ||
         std::strcmp(name, ".svn") == 0;
}

std::string Join(const std::string& dir, const char* name) {
  if (dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// One entry of a directory, with the key that sorts it as its full path
// sorts: directories as "name/". `problem`: an entry the walk must report.
struct DirEntry {
  std::string key;
  bool is_dir = false;
  std::string problem;
};

// Emscripten passes paths to Node.js as JavaScript strings, so a name that
// is not UTF-8 cannot be opened there; it is reported, never passed over.
constexpr const char* kNotUtf8InWasm =
    "the file name is not UTF-8, which the WebAssembly build cannot open; "
    "run the native build on it";

// The entries of `dir` worth visiting, sorted; false if it cannot be read.
bool ReadDirectory(const std::string& dir, IgnoreRules* ignore,
                   std::vector<DirEntry>* entries) {
  std::vector<DirEntryName> names;
  if (!ListDirectory(dir, &names)) return false;
  for (const DirEntryName& entry : names) {
    const char* name = entry.name.c_str();
    std::string path = Join(dir, name);
    EntryType type = entry.type;
    if (type == EntryType::kUnknown) {
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0) continue;
      type = S_ISDIR(st.st_mode)   ? EntryType::kDirectory
             : S_ISREG(st.st_mode) ? EntryType::kRegular
                                   : EntryType::kOther;
    }
    if (kIsWebAssembly && !IsUtf8(entry.name) && type != EntryType::kOther) {
      entries->push_back({entry.name, false, kNotUtf8InWasm});
    } else if (type == EntryType::kDirectory) {
      if (!SkippedDirectory(name) &&
          !(ignore && ignore->IgnoresDirectory(path))) {
        entries->push_back({entry.name + "/", true, ""});
      }
    } else if (type == EntryType::kRegular && IsMigratableExtension(name) &&
               !(ignore && ignore->IgnoresFile(path))) {
      entries->push_back({entry.name, false, ""});
    }
  }
  std::sort(entries->begin(), entries->end(),
            [](const DirEntry& a, const DirEntry& b) { return a.key < b.key; });
  return true;
}

// Depth-first walk with an explicit stack, so deep trees cannot overflow
// the call stack. d_type avoids a stat() per entry on most file systems.
// Returns false when `on_entry` asked to stop.
bool Walk(const std::string& root, IgnoreRules* ignore,
          const std::function<bool(WalkEntry)>& on_entry) {
  struct Frame {
    std::string dir;
    std::vector<DirEntry> entries;
    size_t next = 0;
  };
  if (ignore) ignore->BeginRoot(root);
  std::vector<Frame> stack;
  auto enter = [&](std::string dir) {
    if (ignore) ignore->EnterDirectory(dir);
    Frame frame{std::move(dir), {}, 0};
    if (!ReadDirectory(frame.dir, ignore, &frame.entries)) {
      std::string cause = std::strerror(errno);
      // The run goes on, but the exit status must say something was skipped.
      return on_entry({std::move(frame.dir),
                       "cannot open directory: " + cause + "; skipped", true});
    }
    stack.push_back(std::move(frame));
    return true;
  };
  if (!enter(root)) return false;
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.entries.size()) {
      stack.pop_back();
      continue;
    }
    const DirEntry& entry = top.entries[top.next++];
    if (entry.is_dir) {
      std::string_view name(entry.key.data(), entry.key.size() - 1);
      if (!enter(Join(top.dir, std::string(name).c_str()))) return false;
    } else if (!on_entry({Join(top.dir, entry.key.c_str()), entry.problem,
                          !entry.problem.empty()})) {
      return false;
    }
  }
  return true;
}

}  // namespace

void WalkFiles(const std::vector<std::string>& paths, IgnoreRules* ignore,
               const std::function<bool(WalkEntry)>& on_entry) {
  struct stat st;
  if (paths.size() == 1 && ::stat(paths[0].c_str(), &st) == 0 &&
      S_ISDIR(st.st_mode)) {
    Walk(paths[0], ignore, on_entry);
    return;
  }
  WalkResult all = CollectFiles(paths, ignore);
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
                        IgnoreRules* ignore) {
  WalkResult result;
  auto collect = [&](WalkEntry entry) {
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
      result.problems.push_back({path, std::strerror(errno), true});
    } else if (S_ISDIR(st.st_mode)) {
      Walk(path, ignore, collect);
    } else if (ignore && ignore->ExcludedByGlobs(path, false)) {
      continue;
    } else if (!S_ISREG(st.st_mode)) {
      // Never opened: opening a FIFO would release a writer waiting on it.
      result.problems.push_back({path, "not a regular file; skipped", true});
    } else {
      result.files.push_back(path);
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()),
                     result.files.end());
  return result;
}

}  // namespace psm
