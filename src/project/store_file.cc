#include "project/store_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstddef>
#include <cstring>
#include <optional>

#include "io/git_files.h"
#include "project/distinct_words.h"
#include "version.h"

namespace psm {
namespace {

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

constexpr char kCheckedMagic[8] = {'p', 's', 'm', 'c', 'h', 'k', '1', '\0'};

// The note: magic, the tool's stamp, the file's stamp, a checksum of them.
struct CheckedNote {
  char magic[8];
  uint64_t tool;
  FileStamp stamp;
  uint64_t checksum;
};

CheckedNote NoteFor(const FileStamp& stamp) {
  CheckedNote note{};
  std::memcpy(note.magic, kCheckedMagic, sizeof note.magic);
  note.tool = ToolStamp();
  note.stamp = stamp;
  note.checksum = StoreChecksum(reinterpret_cast<const char*>(&note),
                                offsetof(CheckedNote, checksum));
  return note;
}

}  // namespace

bool CheckedAlready(const std::string& location, const FileStamp& stamp) {
  int fd = ::open((location + ".checked").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  CheckedNote kept;
  ssize_t n = ::read(fd, &kept, sizeof kept);
  ::close(fd);
  CheckedNote expected = NoteFor(stamp);
  return n == static_cast<ssize_t>(sizeof kept) &&
         std::memcmp(&kept, &expected, sizeof kept) == 0;
}

void NoteChecked(const std::string& location, const FileStamp& stamp) {
  if (!StampedBefore(stamp, KeepableBefore())) return;
  CheckedNote note = NoteFor(stamp);
  ReplaceStoreFile(location + ".checked", reinterpret_cast<const char*>(&note),
                   sizeof note);
}

std::string StoreDirectoryFor(const std::string& root) {
  std::optional<GitLocation> repo = FindGitRepository(root);
  if (!repo || repo->common_dir.empty()) return "";
  return repo->common_dir + "/payment-session-migrate";
}

uint64_t ToolStamp() {
  static const uint64_t stamp = WordHash(kToolVersion);
  return stamp;
}

// Four lanes of multiply-xor over 8-byte words, independent of each other
// so that the processor overlaps them: a fraction of a millisecond a
// megabyte.
uint64_t StoreChecksum(const char* data, size_t size) {
  uint64_t lane[4] = {0x243F6A8885A308D3ull ^ size, 0x13198A2E03707344ull,
                      0xA4093822299F31D0ull, 0x082EFA98EC4E6C89ull};
  size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t v;
      std::memcpy(&v, data + i + 8 * k, 8);
      lane[k] = (lane[k] ^ v) * 0x9E3779B97F4A7C15ull;
      lane[k] ^= lane[k] >> 32;
    }
  }
  uint64_t h = lane[0] ^ (lane[1] * 3) ^ (lane[2] * 5) ^ (lane[3] * 7);
  for (; i < size; ++i)
    h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ull;
  return h;
}

std::string HexOf(uint64_t v) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(v));
  return out;
}

bool ReplaceStoreFile(const std::string& location, const char* data,
                      size_t size) {
  std::string dir = location.substr(0, location.rfind('/'));
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) return false;
  // Not flushed to disk: after a crash the checksum turns away what is
  // left.
  std::string temporary = location + ".tmp." + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  bool written = WriteAll(fd, data, size);
  written = ::close(fd) == 0 && written;
  if (!written || ::rename(temporary.c_str(), location.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace psm
