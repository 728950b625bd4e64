#include "io/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/path_quote.h"

namespace psm {
namespace {

std::string Errno() { return std::strerror(errno); }

// Reads all of `fd` into `buffer`, `size_hint` bytes expected; sets
// `*size`. A read that returns less than asked for is taken as the end of
// a regular file, which saves a second read() per file.
bool ReadAll(int fd, size_t size_hint, ReadBuffer& buffer, size_t* size) {
  size_t capacity = size_hint + 1;  // one spare byte: a grown file shows
  char* data = buffer.Reserve(capacity);
  size_t got = 0;
  for (;;) {
    if (got == capacity) {  // the file grew since fstat: make room, keep going
      capacity = capacity * 2 + 4096;
      data = buffer.Reserve(capacity, got);
    }
    ssize_t n = ::read(fd, data + got, capacity - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    got += static_cast<size_t>(n);
    if (n == 0 || got < capacity) break;
  }
  *size = got;
  return true;
}

bool ReadAll(int fd, size_t size_hint, std::string* out) {
  ReadBuffer buffer;
  size_t size = 0;
  if (!ReadAll(fd, size_hint, buffer, &size)) return false;
  out->assign(buffer.data(), size);
  return true;
}

bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

char* ReadBuffer::Reserve(size_t size, size_t keep) {
  if (size > capacity_) {
    // Not std::string or vector: those would zero-fill what read() fills.
    capacity_ = std::max(size, capacity_ + capacity_ / 2);
    std::unique_ptr<char[]> grown(new char[capacity_]);
    if (keep > 0) std::memcpy(grown.get(), data_.get(), keep);
    data_ = std::move(grown);
  }
  return data_.get();
}

SourceView ReadSourceFile(const std::string& path, size_t max_bytes,
                          ReadBuffer& buffer) {
  SourceView file;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    file.error = "cannot read: " + Errno();
    return file;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    // Not `skipped`: the walk hands out regular files only, so this one was
    // replaced since, and the run must say so (exit status 2).
    file.error = "not a regular file; skipped";
    ::close(fd);
    return file;
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    file.error = "larger than " + std::to_string(max_bytes) + " bytes; skipped";
    file.skipped = true;
    ::close(fd);
    return file;
  }
  size_t size = 0;
  bool ok = ReadAll(fd, static_cast<size_t>(st.st_size), buffer, &size);
  int saved = errno;
  ::close(fd);
  if (!ok) {
    file.error = std::string("cannot read: ") + std::strerror(saved);
    return file;
  }
  if (size > max_bytes) {  // grew after fstat
    file.error = "larger than " + std::to_string(max_bytes) + " bytes; skipped";
    file.skipped = true;
    return file;
  }
  file.text = std::string_view(buffer.data(), size);
  if (::memchr(file.text.data(), '\0', std::min<size_t>(size, 8192))) {
    file.error = "binary file (NUL byte); skipped";
    file.skipped = true;
    file.text = {};
  }
  return file;
}

SourceFile ReadSourceFile(const std::string& path, size_t max_bytes) {
  ReadBuffer buffer;
  SourceView view = ReadSourceFile(path, max_bytes, buffer);
  return {std::string(view.text), std::move(view.error), view.skipped};
}

std::string WriteFileAtomically(const std::string& path,
                                std::string_view text) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return "cannot write: " + Errno();
  if (S_ISLNK(st.st_mode)) return "is a symbolic link; not written through";
  if (!S_ISREG(st.st_mode)) return "not a regular file; not written";
  // A read-only file says "do not touch"; rename() would replace it anyway,
  // and root may write anything, so the mode bits are what we go by.
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return "read-only file; not written";
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  // "." + base + suffix must fit in NAME_MAX, however long `base` is.
  constexpr size_t kNameMax = 255;
  constexpr std::string_view kSuffix = ".psm-XXXXXX";
  std::string temp = dir + "/." +
                     base.substr(0, kNameMax - 1 - kSuffix.size()) +
                     std::string(kSuffix);
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    return "cannot write (temporary file in " + ReadablePath(dir) +
           "): " + Errno();
  }
  std::string error;
  if (!WriteAll(fd, text)) error = "cannot write: " + Errno();
  if (error.empty() && ::fchmod(fd, st.st_mode & 07777) != 0) {
    error = "cannot keep permissions: " + Errno();
  }
  if (error.empty() && ::fsync(fd) != 0) error = "cannot flush: " + Errno();
  if (::close(fd) != 0 && error.empty()) error = "cannot write: " + Errno();
  if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot replace file: " + Errno();
  }
  if (!error.empty()) ::unlink(temp.c_str());
  return error;
}

bool ReadWholeFile(const std::string& path, std::string* text,
                   std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read: " + Errno();
    return false;
  }
  struct stat st;
  size_t hint = ::fstat(fd, &st) == 0 ? static_cast<size_t>(st.st_size) : 0;
  bool ok = ReadAll(fd, hint, text);
  if (!ok) *error = "cannot read: " + Errno();
  ::close(fd);
  return ok;
}

}  // namespace psm
