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

// Whether `createSource` at `at` of `bytes` is called there:
// `dr.createSource(`, `dr.createSource (`, `dr['createSource'](`.
bool CalledAt(std::string_view bytes, size_t at) {
  size_t end = at + kName.size();
  auto next = [&](size_t i) {
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
    return i;
  };
  if (at > 0 && bytes[at - 1] == '.') {
    size_t i = next(end);
    return i < bytes.size() && bytes[i] == '(';
  }
  if (at > 1 && (bytes[at - 1] == '\'' || bytes[at - 1] == '"') &&
      bytes[at - 2] == '[') {
    return bytes.substr(end).starts_with("'](") ||
           bytes.substr(end).starts_with("\"](");
  }
  return false;
}

// Whether `createSource` at `at` is defined there, as DigitalRiver.js
// itself (a vendored copy, often minified or bundled) defines it:
// `createSource: function`, `createSource=`, `prototype.createSource =`,
// Babel's `key: "createSource", value: function`.
bool DefinedAt(std::string_view bytes, size_t at) {
  size_t end = at + kName.size();
  size_t i = end;
  if (i < bytes.size() && (bytes[i] == '"' || bytes[i] == '\'')) ++i;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
  if (i >= bytes.size()) return false;
  if (bytes[i] == ':') return true;
  return bytes[i] == '=' && (i + 1 >= bytes.size() || bytes[i + 1] != '=');
}


// Whether `bytes`, one piece of a file after another, call createSource
// and define it.
struct CreateSourceUses {
  bool called = false;
  bool defined = false;
  void Scan(std::string_view bytes) {
    for (size_t at = FindText(bytes, kName); at != std::string_view::npos;
         at = FindText(bytes, kName, at + 1)) {
      defined = defined || DefinedAt(bytes, at);
      called = called || CalledAt(bytes, at);
    }
  }
  // A call, in a file that does not define the method: the library
  // itself, skipped for its size or a NUL byte, must not fail a check.
  bool Calls() const { return called && !defined; }
};

}  // namespace

bool NamesCreateSource(std::string_view bytes) {
  CreateSourceUses uses;
  uses.Scan(bytes);
  return uses.Calls();
}

bool FileNamesCreateSource(const std::string& path, ReadBuffer& buffer) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  // The worker's buffer, at a size that keeps read() calls few.
  constexpr size_t kChunk = 1 << 20;
  // The end of the last chunk, read again with the next: a name and the
  // bytes around it that tell a call may span two.
  constexpr size_t kOverlap = 64;
  char* data = buffer.Reserve(kChunk);
  size_t kept = 0;
  CreateSourceUses uses;
  for (;;) {
    ssize_t n = ::read(fd, data + kept, kChunk - kept);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t size = kept + static_cast<size_t>(n);
    uses.Scan(std::string_view(data, size));
    if (uses.defined) break;
    kept = std::min(size, kOverlap);
    std::memmove(data, data + size - kept, kept);
  }
  ::close(fd);
  return uses.Calls();
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
