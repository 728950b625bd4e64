#include "io/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace psm {
namespace {

std::string Errno() { return std::strerror(errno); }

// Reads all of `fd` into `out`, `size_hint` bytes expected.
bool ReadAll(int fd, size_t size_hint, std::string* out) {
  out->resize(size_hint);
  size_t got = 0;
  for (;;) {
    if (got == out->size()) out->resize(out->size() * 2 + 4096);
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out->resize(got);
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

SourceFile ReadSourceFile(const std::string& path, size_t max_bytes) {
  SourceFile file;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    file.error = "cannot read: " + Errno();
    return file;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    file.error = "not a regular file; skipped";
    file.skipped = true;
    ::close(fd);
    return file;
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    file.error = "larger than " + std::to_string(max_bytes) + " bytes; skipped";
    file.skipped = true;
    ::close(fd);
    return file;
  }
  bool ok = ReadAll(fd, static_cast<size_t>(st.st_size), &file.text);
  int saved = errno;
  ::close(fd);
  if (!ok) {
    file.error = std::string("cannot read: ") + std::strerror(saved);
    file.text.clear();
    return file;
  }
  std::string_view head(file.text.data(),
                        std::min<size_t>(file.text.size(), 8192));
  if (head.find('\0') != std::string_view::npos) {
    file.error = "binary file (NUL byte); skipped";
    file.skipped = true;
    file.text.clear();
  }
  return file;
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
  std::string temp = dir + "/." + base + ".psm-XXXXXX";
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return "cannot write (temporary file in " + dir + "): " + Errno();
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
