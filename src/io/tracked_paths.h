#ifndef PSM_IO_TRACKED_PATHS_H_
#define PSM_IO_TRACKED_PATHS_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// The paths a git index tracks, relative to its work tree. Git's ignore
// rules apply to untracked files only, so a walk that prunes an ignored
// directory or file asks here whether the index holds it (or something
// below it). Read from the index file itself, as git_files.h reads the
// configuration: loading libgit2 would cost more than the whole walk of a
// small tree. Versions 2 to 4 are read, with a split index's shared part;
// an index that cannot be read tracks nothing (the walk then ignores as
// before).
class TrackedPaths {
 public:
  TrackedPaths() = default;
  // `index_file`: the index (`.git/index`); `git_dir` holds a split
  // index's shared part.
  static TrackedPaths Read(const std::string& index_file,
                           const std::string& git_dir);

  // Whether the file `path` is tracked.
  bool Has(std::string_view path) const;
  // Whether anything below the directory `dir` (with a trailing '/') is.
  bool HasUnder(std::string_view dir) const;

 private:
  std::vector<std::string> paths_;  // sorted, without duplicates
};

}  // namespace psm

#endif  // PSM_IO_TRACKED_PATHS_H_
