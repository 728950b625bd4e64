#ifndef PSM_IO_FILE_STAMP_H_
#define PSM_IO_FILE_STAMP_H_

#include <cstdint>
#include <optional>
#include <string>

namespace psm {

// What stat() says of a file, enough to tell that it changed since: git
// compares the same fields to trust its index. Any write changes the change
// time (ctime), which no program can set back; size and inode catch a file
// replaced by another. A directory's mtime and ctime change whenever an
// entry is added, removed or renamed in it (POSIX).
struct FileStamp {
  uint64_t size = 0;
  uint64_t inode = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of the file at `path` (following symbolic links, as a read
// does); nullopt when it cannot be stat()ed or is not a regular file.
std::optional<FileStamp> StampOf(const std::string& path);

// The stamp of the open file `fd`; nullopt when fstat() fails or it is not
// a regular file.
std::optional<FileStamp> StampOfOpen(int fd);

// The same for anything at `path` (a directory too); nullopt when nothing
// can be stat()ed there.
std::optional<FileStamp> StampOfAnything(const std::string& path);

// What is kept between runs by its stamp must be older than this (ns since
// the epoch): two seconds before now. A file stamped more recently may
// change again within the same tick of its file system's clock and keep
// its stamp. PSM_TEST_KEEP_RECENT_WORDS (tests only) makes no stamp too
// recent, so that a test's second run, a moment after it wrote the files,
// can rely on what the first kept.
int64_t KeepableBefore();
inline bool StampedBefore(const FileStamp& stamp, int64_t limit_ns) {
  return stamp.mtime_ns < limit_ns && stamp.ctime_ns < limit_ns;
}

// Stamps files below one directory by their paths relative to it, as
// StampOf does: the kernel then resolves only the relative part (issue 14:
// the 2,000 stamps of a pre-commit run in the bench's dense-git, whose
// absolute paths have seven parts, took 15% less CPU this way).
class StampsBelow {
 public:
  explicit StampsBelow(const std::string& dir);
  ~StampsBelow();
  StampsBelow(const StampsBelow&) = delete;
  StampsBelow& operator=(const StampsBelow&) = delete;

  // `path` lies below `dir`, its part from `relative_at` on relative to
  // it (0: stat()ed by the whole path); any thread.
  std::optional<FileStamp> Of(const std::string& path,
                              size_t relative_at) const;
  // The same for anything there (a directory too), as StampOfAnything.
  std::optional<FileStamp> OfAnything(const std::string& path,
                                      size_t relative_at) const;

 private:
  int dir_fd_ = -1;  // -1: by the whole path
};

}  // namespace psm

#endif  // PSM_IO_FILE_STAMP_H_
