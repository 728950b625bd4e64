#include "io/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/path_quote.h"
#include "io/skipped_source.h"
#include "io/wide_text.h"

namespace psm {
namespace {

std::string Errno() { return std::strerror(errno); }

// Reads all of `fd` into `buffer`, `size_hint` bytes expected; sets
// `*size`. A read that returns less than asked for is taken as the end of
// a regular file, which saves a second read() per file.
// The first `got` bytes are in the buffer already.
bool ReadAll(int fd, size_t size_hint, ReadBuffer& buffer, size_t* size,
             size_t got = 0) {
  size_t capacity = std::max(size_hint, got) + 1;  // a grown file shows
  char* data = buffer.Reserve(capacity, got);
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

// First read of a file: 64 KiB holds nearly every hand-written source file.
constexpr size_t kFirstRead = 64 * 1024;

// A file read whole: refused when it looks binary.
SourceView Checked(std::string_view text) {
  SourceView file;
  file.text = text;
  if (::memchr(text.data(), '\0', std::min<size_t>(text.size(), 8192))) {
    bool calls_create_source = false;
    std::string wide = WideTextProblem(text, &calls_create_source);
    file.error = wide.empty() ? "binary file (NUL byte); skipped" : wide;
    // One that calls createSource is an error: a check must not pass it.
    file.skipped = !calls_create_source;
    file.names_create_source = wide.empty() && NamesCreateSource(text);
    file.text = {};
  }
  return file;
}

SourceView TooLarge(size_t max_bytes) {
  SourceView file;
  file.error = "larger than " + std::to_string(max_bytes) + " bytes; skipped";
  file.skipped = true;
  file.too_large = true;
  return file;
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
  // Most files fit the thread's buffer: a short first read is the whole
  // file, and no fstat() is needed (one system call in four per file; the
  // walk saw a regular file, and a directory put in its place since fails
  // the read). Only a file that fills the buffer is measured.
  size_t first = std::max(buffer.capacity(), kFirstRead);
  char* data = buffer.Reserve(first);
  ssize_t n;
  do {
    n = ::read(fd, data, first);
  } while (n < 0 && errno == EINTR);
  if (n >= 0 && static_cast<size_t>(n) < first &&
      static_cast<size_t>(n) <= max_bytes) {
    ::close(fd);
    return Checked(std::string_view(data, static_cast<size_t>(n)));
  }
  struct stat st;
  if (n < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    // Not `skipped`: the walk hands out regular files only, so this one was
    // replaced since, and the run must say so (exit status 2).
    bool not_regular = n >= 0 || errno == EISDIR;
    file.error =
        not_regular ? "not a regular file; skipped" : "cannot read: " + Errno();
    ::close(fd);
    return file;
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return TooLarge(max_bytes);
  }
  size_t size = 0;
  bool ok = ReadAll(fd, static_cast<size_t>(st.st_size), buffer, &size,
                    static_cast<size_t>(n));
  int saved = errno;
  ::close(fd);
  if (!ok) {
    file.error = std::string("cannot read: ") + std::strerror(saved);
    return file;
  }
  if (size > max_bytes) return TooLarge(max_bytes);  // grew after fstat
  return Checked(std::string_view(buffer.data(), size));
}

SourceFile ReadSourceFile(const std::string& path, size_t max_bytes) {
  ReadBuffer buffer;
  SourceView view = ReadSourceFile(path, max_bytes, buffer);
  return {std::string(view.text), std::move(view.error), view.skipped,
          view.too_large, view.names_create_source};
}

SourceView CheckSourceText(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return Checked(text);
  SourceView file = TooLarge(max_bytes);
  file.names_create_source = NamesCreateSource(text);  // read already
  return file;
}

std::string WhyNotReplaceable(const struct stat& st) {
  if (S_ISLNK(st.st_mode)) return "is a symbolic link; not written through";
  if (!S_ISREG(st.st_mode)) return "not a regular file; not written";
  // A read-only file says "do not touch"; rename() would replace it anyway,
  // and root may write anything, so the mode bits are what we go by.
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return "read-only file; not written";
  // A new file renamed over one name would leave the other names with the
  // old text.
  if (st.st_nlink > 1) {
    return "has " + std::to_string(st.st_nlink) +
           " hard links, which a replaced file would no longer share; not "
           "written";
  }
  return "";
}

std::string WriteFileAtomically(const std::string& path, std::string_view text,
                                const std::string_view* unchanged) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return "cannot write: " + Errno();
  if (std::string why = WhyNotReplaceable(st); !why.empty()) return why;
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
  // The new file keeps the original's owner and group, or is not put in
  // its place (a file of another user would become the runner's, and a
  // setuid bit would then apply to the runner). Owner first: chown clears
  // the setuid and setgid bits that fchmod then sets.
  struct stat made;
  if (error.empty() && ::fstat(fd, &made) == 0 &&
      (made.st_uid != st.st_uid || made.st_gid != st.st_gid) &&
      ::fchown(fd, st.st_uid, st.st_gid) != 0) {
    error = "owned by user " + std::to_string(st.st_uid) + ", group " +
            std::to_string(st.st_gid) + ", which a new file cannot keep (" +
            Errno() + "); not written";
  }
  if (error.empty() && ::fchmod(fd, st.st_mode & 07777) != 0) {
    error = "cannot keep permissions: " + Errno();
  }
  if (error.empty() && ::fsync(fd) != 0) error = "cannot flush: " + Errno();
  if (::close(fd) != 0 && error.empty()) error = "cannot write: " + Errno();
  // Checked again at the last moment, after the slow part (the write and
  // its flush): an edit made meanwhile by another program is not lost.
  if (error.empty() && unchanged) {
    std::string now, read_error;
    if (!ReadWholeFile(path, &now, &read_error)) {
      error = read_error;
    } else if (now != *unchanged) {
      error = "changed since it was read; not written";
    }
  }
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
