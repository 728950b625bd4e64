#include "io/directory_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/path_quote.h"
#include "common/platform.h"
#include "io/dir_entries.h"
#include "syntax/language.h"

namespace psm {
namespace {

// Listed entries the walk may have ahead of the files it has handed on.
constexpr size_t kMaxAhead = 1 << 16;

bool SkippedDirectory(std::string_view name) {
  return name == "node_modules" || name == ".git" || name == ".hg" ||
         name == ".svn";
}

struct RawEntry {
  std::string name;
  bool is_dir = false;
};

// Emscripten hands paths to Node.js as JavaScript strings, so a name that
// is not UTF-8 cannot be opened in the WebAssembly build: such an entry is
// reported where the native build would take it, never passed over.
constexpr const char* kNotUtf8InWasm =
    "the file name is not UTF-8, which the WebAssembly build cannot open; "
    "run the native build on it";

// The entries of `path` worth a look (directories and migratable files),
// and the ignore files it holds; false (errno set) when it cannot be read,
// also part way. The type comes with the listing on most file systems,
// which saves a stat() per entry.
bool ReadEntries(const std::string& path, FileNameFilter wanted,
                 std::vector<RawEntry>* entries, DirectoryMarks* marks) {
  return ListDirectory(path, [&](std::string_view name, EntryType type) {
    if (type == EntryType::kUnknown) {
      struct stat st;
      if (::lstat(JoinPath(path, name).c_str(), &st) != 0) return;
      type = S_ISDIR(st.st_mode)   ? EntryType::kDirectory
             : S_ISREG(st.st_mode) ? EntryType::kRegular
                                   : EntryType::kOther;
    }
    if (name == ".git")
      marks->git = type == EntryType::kDirectory || type == EntryType::kRegular;
    if (type == EntryType::kDirectory) {
      if (!SkippedDirectory(name))
        entries->push_back({std::string(name), true});
    } else if (type == EntryType::kRegular) {
      if (name == ".gitignore") marks->gitignore = true;
      if (name == ".ignore") marks->ignore = true;
      if (wanted(name))
        entries->push_back({std::string(name), false});
    }
  });
}

}  // namespace

std::string JoinPath(const std::string& dir, std::string_view name) {
  if (!name.empty() && name.back() == '/') name.remove_suffix(1);
  if (dir == ".") return std::string(name);
  std::string path;
  path.reserve(dir.size() + 1 + name.size());  // one allocation
  path += dir;
  if (path.back() != '/') path += '/';
  path += name;
  return path;
}

DirectoryReader::DirectoryReader(const IgnoreRules* ignore, unsigned helpers,
                                 WalkSources* sources, FileNameFilter wanted)
    : ignore_(ignore),
      helpers_(helpers),
      sources_(sources),
      wanted_(wanted ? wanted : IsMigratableExtension) {}

DirectoryReader::~DirectoryReader() { Stop(); }

DirNode& DirectoryReader::Start(DirNode* root) {
  root->order = root->path + "/";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    unlisted_.push(root);
  }
  for (unsigned i = 0; i < helpers_; ++i)
    threads_.emplace_back([this] { Help(); });
  return *root;
}

void DirectoryReader::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

void DirectoryReader::List(DirNode* node) const {
  std::vector<RawEntry> raw;
  DirectoryMarks marks;
  NoteSource(sources_, node->path);
  if (!ReadEntries(node->path, wanted_, &raw, &marks)) {
    node->error = std::strerror(errno);
    return;
  }
  ScopePtr scope =
      ignore_ ? ignore_->EnterDirectory(node->scope, node->path, node->where,
                                        marks, node->tracked_only)
              : nullptr;
  // A file's relative and walk paths are only asked about: built in two
  // buffers, not two new strings per file.
  std::string where = node->where;
  std::string path = JoinPath(node->path, "x");
  path.pop_back();
  const size_t where_base = where.size(), path_base = path.size();
  for (RawEntry& e : raw) {
    where.resize(where_base);
    where += e.name;
    path.resize(path_base);
    path += e.name;
    if (e.is_dir) {
      DirectoryVerdict verdict =
          ignore_ ? ignore_->JudgeDirectory(scope.get(), where, e.name, path)
                  : DirectoryVerdict::kEnter;
      if (verdict == DirectoryVerdict::kSkip) continue;
      if (kIsWebAssembly && !IsUtf8(e.name)) {
        node->entries.push_back({e.name + "/", nullptr, kNotUtf8InWasm});
        continue;
      }
      auto child = std::make_unique<DirNode>();
      child->order = path + "/";
      child->path = path;
      child->where = where + "/";
      child->scope = scope;
      child->tracked_only = verdict == DirectoryVerdict::kTrackedOnly;
      node->entries.push_back({e.name + "/", std::move(child), ""});
    } else if (!ignore_ ||
               !ignore_->IgnoresFile(scope.get(), where, e.name, path)) {
      bool unopenable = kIsWebAssembly && !IsUtf8(e.name);
      node->entries.push_back(
          {std::move(e.name), nullptr, unopenable ? kNotUtf8InWasm : ""});
    }
  }
  // A directory sorts as "name/", which makes the walk's order the sorted
  // order of full paths.
  std::sort(node->entries.begin(), node->entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.key < b.key; });
}

void DirectoryReader::Finish(DirNode* node) {
  node->listed = true;
  ahead_ += node->entries.size();
  bool queued = false;
  for (DirEntry& entry : node->entries) {
    if (!entry.child) continue;
    unlisted_.push(entry.child.get());
    queued = true;
  }
  // Wake-ups cost a system call each: only for news someone waits for.
  if (queued || walk_waits_) changed_.notify_all();
}

void DirectoryReader::Help() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] {
      return stop_ ||
             (!unlisted_.empty() && (ahead_ < kMaxAhead || walk_waits_));
    });
    if (stop_) return;
    DirNode* node = unlisted_.top();
    unlisted_.pop();
    lock.unlock();
    List(node);
    lock.lock();
    Finish(node);
  }
}

void DirectoryReader::WaitUntilListed(DirNode* node) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!node->listed) {
    // Everything before `node` in walk order is listed, so if it is still
    // queued it is the first; otherwise a helper has it, and the walker
    // lists the next one meanwhile instead of idling.
    if (!unlisted_.empty()) {
      DirNode* next = unlisted_.top();
      unlisted_.pop();
      lock.unlock();
      List(next);
      lock.lock();
      Finish(next);
      continue;
    }
    walk_waits_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return node->listed || !unlisted_.empty(); });
    walk_waits_ = false;
  }
}

void DirectoryReader::Release(DirNode* node) {
  std::lock_guard<std::mutex> lock(mutex_);
  bool was_full = ahead_ >= kMaxAhead;
  ahead_ -= node->entries.size();
  node->entries.clear();  // the directories below were released already
  if (was_full && ahead_ < kMaxAhead) changed_.notify_all();
}

}  // namespace psm
