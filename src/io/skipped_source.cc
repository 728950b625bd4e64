#include "io/skipped_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/strings.h"

namespace psm {
namespace {

constexpr std::string_view kName = "createSource";

}  // namespace

bool NamesCreateSource(std::string_view bytes) {
  return FindText(bytes, kName) != std::string_view::npos;
}

bool FileNamesCreateSource(const std::string& path, ReadBuffer& buffer) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  // The worker's buffer, at a size that keeps read() calls few.
  constexpr size_t kChunk = 1 << 20;
  char* data = buffer.Reserve(kChunk);
  size_t kept = 0;  // the end of the last chunk: a name may span two
  bool found = false;
  for (;;) {
    ssize_t n = ::read(fd, data + kept, kChunk - kept);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t size = kept + static_cast<size_t>(n);
    found = NamesCreateSource(std::string_view(data, size));
    if (found) break;
    kept = std::min(size, kName.size() - 1);
    std::memmove(data, data + size - kept, kept);
  }
  ::close(fd);
  return found;
}

std::string UnjudgedReason(bool too_large, size_t max_bytes) {
  if (too_large) {
    return "skipped (larger than --max-file-size " +
           std::to_string(max_bytes) +
           " bytes) but names createSource: raise --max-file-size or review "
           "it by hand";
  }
  return "skipped (binary file: a NUL byte) but names createSource: review "
         "it by hand";
}

}  // namespace psm
