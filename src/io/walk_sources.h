#ifndef PSM_IO_WALK_SOURCES_H_
#define PSM_IO_WALK_SOURCES_H_

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "io/file_stamp.h"

namespace psm {

// One thing a walk's result rests on, and its stamp (nullopt: nothing was
// there). For one whose `identity` is all that counts, the stamp holds only
// the inode.
struct WalkSource {
  std::string path;
  std::optional<FileStamp> stamp;
  bool identity = false;
  bool operator==(const WalkSource&) const = default;
};

// `stamp` as a WalkSource of that kind keeps it: for an identity source,
// the inode alone. The one rule for both the listing's writer and its
// reader (project/kept_listing.cc), so they cannot disagree.
std::optional<FileStamp> AsSourceStamp(std::optional<FileStamp> stamp,
                                       bool identity);

// The stamp of `path` now, as a WalkSource of that kind keeps it.
std::optional<FileStamp> SourceStampOf(const std::string& path, bool identity);

// What a walk's list of files depends on besides the file system's
// answer "no change here": every directory it listed, and every file its
// ignore rules read or looked for (.gitignore and .ignore files, `.git` of
// each directory up to the repository's, info/exclude, git's configuration
// files and their includes, core.excludesFile). While none of them has a
// new stamp, a walk lists the same files (project/kept_listing.h).
//
// Each is stamped before it is read: a change made while the walk reads it
// then shows as a new stamp at the next look, never as an old stamp on a
// new listing. Noted from any of the walk's threads.
class WalkSources {
 public:
  void Note(const std::string& path);
  // A directory whose entries matter only through other sources (a `.git`
  // directory: the tool's own store is written inside it).
  void NoteIdentity(const std::string& path);
  std::vector<WalkSource> Take();

 private:
  std::mutex mutex_;
  std::vector<WalkSource> sources_;
};

// `sources`->Note(path) when there are sources to note.
inline void NoteSource(WalkSources* sources, const std::string& path) {
  if (sources) sources->Note(path);
}

}  // namespace psm

#endif  // PSM_IO_WALK_SOURCES_H_
