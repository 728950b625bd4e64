#include "io/file_stamp.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <limits>

#include "common/platform.h"

namespace psm {
namespace {

FileStamp FromStat(const struct stat& st) {
  FileStamp stamp;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.inode = static_cast<uint64_t>(st.st_ino);
  stamp.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  stamp.ctime_ns = int64_t{st.st_ctim.tv_sec} * 1000000000 + st.st_ctim.tv_nsec;
  return stamp;
}

}  // namespace

int64_t KeepableBefore() {
  if (std::getenv("PSM_TEST_KEEP_RECENT_WORDS"))
    return std::numeric_limits<int64_t>::max();
  using std::chrono::system_clock;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             system_clock::now().time_since_epoch())
             .count() -
         int64_t{2'000'000'000};
}

std::optional<FileStamp> StampOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return std::nullopt;
  return FromStat(st);
}

StampsBelow::StampsBelow(const std::string& dir) {
#ifdef O_PATH
  // The WebAssembly build's file system has no descriptors of directories.
  if (!kIsWebAssembly)
    dir_fd_ = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
#endif
}

StampsBelow::~StampsBelow() {
  if (dir_fd_ >= 0) ::close(dir_fd_);
}

std::optional<FileStamp> StampsBelow::Of(const std::string& path,
                                         size_t relative_at) const {
  if (dir_fd_ < 0 || relative_at == 0 || relative_at >= path.size())
    return StampOf(path);
  struct stat st;
  if (::fstatat(dir_fd_, path.c_str() + relative_at, &st, 0) != 0 ||
      !S_ISREG(st.st_mode))
    return std::nullopt;
  return FromStat(st);
}

std::optional<FileStamp> StampsBelow::OfAnything(const std::string& path,
                                                 size_t relative_at) const {
  if (dir_fd_ < 0 || relative_at == 0 || relative_at >= path.size())
    return StampOfAnything(path);
  struct stat st;
  if (::fstatat(dir_fd_, path.c_str() + relative_at, &st, 0) != 0)
    return std::nullopt;
  return FromStat(st);
}

std::optional<FileStamp> StampOfOpen(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FromStat(st);
}

std::optional<FileStamp> StampOfAnything(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FromStat(st);
}

}  // namespace psm
