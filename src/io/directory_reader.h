#ifndef PSM_IO_DIRECTORY_READER_H_
#define PSM_IO_DIRECTORY_READER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "io/ignore.h"
#include "io/walk.h"  // FileNameFilter

namespace psm {

struct DirNode;

// An entry worth visiting: a file to process, or a directory to enter; or
// one to report in its place (`problem`: a name the WebAssembly build cannot
// open).
struct DirEntry {
  std::string key;                 // the name; a directory's ends in '/'
  std::unique_ptr<DirNode> child;  // set for a directory to enter
  std::string problem;
};

// A directory of a walk.
struct DirNode {
  std::string path;   // as the walk names it
  std::string order;  // `path` + '/': sorts as the walk visits
  std::string where;  // relative to the repository, with a trailing '/'
  ScopePtr scope;     // the ignore rules of its parent
  bool tracked_only = false;  // git-ignored: only its tracked files count
  std::vector<DirEntry> entries;  // sorted by key, once listed
  std::string error;              // why it could not be listed (also part way)
  bool listed = false;
};

// `dir`/`name`, without a `./` in front; a directory's key loses its '/'.
std::string JoinPath(const std::string& dir, std::string_view name);

// Lists the directories of a walk on `helpers` threads besides the caller's,
// which walks the tree in order and lists a directory itself when no helper
// has got to it yet (with no helpers, the walk is serial). Helpers take the
// unlisted directory that the walk will need first, so they stay just ahead
// of it, and stop when listed-but-unwalked entries pass a bound, so a slow
// consumer does not make the walk hold the whole tree. Each directory's
// ignore files are read by the thread that lists it. Listing goes through
// io/dir_entries.h (Node.js lists for the WebAssembly build).
class DirectoryReader {
 public:
  // `sources` (optional): each directory is noted there before it is
  // listed (io/walk_sources.h). `wanted` (optional) picks the files by
  // name; the files the tool processes (IsMigratableExtension) otherwise.
  DirectoryReader(const IgnoreRules* ignore, unsigned helpers,
                  WalkSources* sources = nullptr,
                  FileNameFilter wanted = nullptr);
  ~DirectoryReader();
  DirectoryReader(const DirectoryReader&) = delete;
  DirectoryReader& operator=(const DirectoryReader&) = delete;

  // Queues `root` and starts the helpers; returns `root`.
  DirNode& Start(DirNode* root);
  // Returns once `node` is listed, listing it (or others) meanwhile.
  void WaitUntilListed(DirNode* node);
  // The walk is done with `node`'s entries (and the directories below).
  void Release(DirNode* node);
  // Stops the helpers; the nodes may then be freed.
  void Stop();

 private:
  struct Later {
    bool operator()(const DirNode* a, const DirNode* b) const {
      return a->order > b->order;
    }
  };
  void List(DirNode* node) const;  // without the lock
  void Finish(DirNode* node);      // with the lock
  void Help();

  const IgnoreRules* ignore_;
  unsigned helpers_;
  WalkSources* sources_;
  FileNameFilter wanted_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::priority_queue<DirNode*, std::vector<DirNode*>, Later> unlisted_;
  size_t ahead_ = 0;  // entries listed but not yet released
  bool walk_waits_ = false;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace psm

#endif  // PSM_IO_DIRECTORY_READER_H_
