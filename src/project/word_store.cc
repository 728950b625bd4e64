#include "project/word_store.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <optional>

#include "project/distinct_words.h"
#include "project/store_file.h"

namespace psm {
namespace {

// The layout, in the machine's byte order (the marker tells another):
//   header; records; path bytes, padded to 4; hashes (uint32): each
//   record's words, declared words and declaration answers in a row.
constexpr char kMagic[8] = {'P', 'S', 'M', 'W', 'O', 'R', 'D', 'S'};
// Bump when the layout, WordHash, what a word is (ForEachWord) or what is
// kept of a file (ReadWords: DeclaredByFirstMention, MayDefineCreateSource)
// changes; a release's version is kept besides (Header::tool).
constexpr uint32_t kFormat = 5;  // 5: declaration answers
constexpr uint32_t kByteOrder = 0x01020304;

struct Header {
  char magic[8];
  uint32_t format;
  uint32_t byte_order;
  uint64_t count;
  uint64_t path_bytes;
  uint64_t hash_count;
  uint64_t checksum;  // of every byte after the header
  // WordHash of the tool's version: a store is a release's own, since what
  // it keeps of a file (ReadWords) may change with any of them.
  uint64_t tool;
};

struct Record {
  uint64_t size;
  uint64_t inode;
  int64_t mtime_ns;
  int64_t ctime_ns;
  uint32_t path_at;
  uint32_t path_size;
  uint32_t hashes_at;  // in hashes, not bytes: the words, then declared
  uint32_t word_count;
  uint32_t declared_count;
  uint32_t answer_count;  // in hashes: two per answer
  uint32_t flags;
  uint32_t unused = 0;
};

size_t PaddedTo4(size_t n) { return (n + 3) & ~size_t{3}; }

}  // namespace

std::string WordStore::LocationFor(const std::string& root) {
  std::string dir = StoreDirectoryFor(root);
  if (dir.empty()) return "";
  // Keyed by the root: a repository's linked work trees share the common
  // directory, and a monorepo's packages may each be a project.
  return dir + "/words-" + HexOf(WordHash(root));
}

bool WordStore::Load(const std::string& location) {
  bytes_.reset();
  byte_count_ = 0;
  count_ = 0;
  int fd = ::open(location.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  std::optional<FileStamp> stamp = StampOfOpen(fd);
  bool read_all = stamp && stamp->size >= sizeof(Header);
  if (read_all) {
    // Mapped, not read: the store is most of the bytes a pre-commit run
    // touches, and a copy into fresh memory cost a page fault per 4 KiB.
    // The pages are faulted in at once (MAP_POPULATE where there is one).
    byte_count_ = static_cast<size_t>(stamp->size);
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;
#endif
    void* mapped = ::mmap(nullptr, byte_count_, PROT_READ, flags, fd, 0);
    read_all = mapped != MAP_FAILED;
    if (read_all) {
      size_t size = byte_count_;
      bytes_ = Bytes(static_cast<const char*>(mapped), [size](const char* p) {
        ::munmap(const_cast<char*>(p), size);
      });
    }
  }
  ::close(fd);
  Header h;
  if (!read_all) {
    bytes_.reset();
    return false;
  }
  std::memcpy(&h, bytes_.get(), sizeof h);
  size_t records_at = sizeof(Header);
  bool sound = std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 &&
               h.format == kFormat && h.byte_order == kByteOrder &&
               h.tool == ToolStamp() &&
               h.count <= byte_count_ / sizeof(Record) &&
               h.path_bytes <= byte_count_ && h.hash_count <= byte_count_ / 4;
  if (sound) {
    paths_at_ = records_at + h.count * sizeof(Record);
    hashes_at_ = paths_at_ + PaddedTo4(h.path_bytes);
    sound = hashes_at_ + h.hash_count * 4 == byte_count_;
  }
  bool checked = sound && CheckedAlready(location, *stamp);
  if (sound && !checked) {
    sound = StoreChecksum(bytes_.get() + sizeof h, byte_count_ - sizeof h) ==
            h.checksum;
  }
  // Each record within bounds.
  for (size_t i = 0; sound && i < h.count; ++i) {
    Record r;
    std::memcpy(&r, bytes_.get() + records_at + i * sizeof r, sizeof r);
    sound =
        uint64_t{r.path_at} + r.path_size <= h.path_bytes &&
        uint64_t{r.hashes_at} + r.word_count + r.declared_count +
                r.answer_count <=
            h.hash_count;
  }
  if (!sound) {
    bytes_.reset();
    count_ = 0;
    return false;
  }
  if (!checked) NoteChecked(location, *stamp);
  count_ = h.count;
  return true;
}

StoredWords WordStore::at(size_t i) const {
  Record r;
  std::memcpy(&r, bytes_.get() + sizeof(Header) + i * sizeof r, sizeof r);
  StoredWords e;
  e.path = std::string_view(bytes_.get() + paths_at_ + r.path_at, r.path_size);
  e.stamp = {r.size, r.inode, r.mtime_ns, r.ctime_ns};
  const auto* hashes =
      reinterpret_cast<const uint32_t*>(bytes_.get() + hashes_at_) +
      r.hashes_at;
  e.words = std::span<const uint32_t>(hashes, r.word_count);
  e.declared =
      std::span<const uint32_t>(hashes + r.word_count, r.declared_count);
  e.answers = std::span<const uint32_t>(
      hashes + r.word_count + r.declared_count, r.answer_count);
  e.flags = r.flags;
  return e;
}

namespace {

static_assert(offsetof(Record, word_count) == offsetof(Record, hashes_at) + 4 &&
              offsetof(Record, declared_count) == offsetof(Record, hashes_at) + 8 &&
              offsetof(Record, answer_count) == offsetof(Record, hashes_at) + 12);

}  // namespace

WordStore::HashSpans WordStore::SpansOf(size_t i) const {
  HashSpans h;
  std::memcpy(&h, bytes_.get() + sizeof(Header) + i * sizeof(Record) +
                      offsetof(Record, hashes_at),
              sizeof h);
  return h;
}

const uint32_t* WordStore::Hashes() const {
  return reinterpret_cast<const uint32_t*>(bytes_.get() + hashes_at_);
}

std::span<const uint32_t> WordStore::WordsOf(size_t i) const {
  HashSpans h = SpansOf(i);
  return {Hashes() + h.at, h.words};
}

std::span<const uint32_t> WordStore::DeclaredOf(size_t i) const {
  HashSpans h = SpansOf(i);
  return {Hashes() + h.at + h.words, h.declared};
}

std::span<const uint32_t> WordStore::AnswersOf(size_t i) const {
  HashSpans h = SpansOf(i);
  return {Hashes() + h.at + h.words + h.declared, h.answers};
}

bool WordStore::Save(const std::string& location,
                     const std::vector<StoredWords>& entries) {
  size_t path_bytes = 0, hash_count = 0;
  for (const StoredWords& e : entries) {
    path_bytes += e.path.size();
    hash_count += e.words.size() + e.declared.size() + e.answers.size();
  }
  if (path_bytes > UINT32_MAX || hash_count > UINT32_MAX) return false;
  size_t paths_at = sizeof(Header) + entries.size() * sizeof(Record);
  size_t hashes_at = paths_at + PaddedTo4(path_bytes);
  std::vector<char> out(hashes_at + hash_count * 4, 0);
  uint32_t path_at = 0, hashes_in = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const StoredWords& e = entries[i];
    Record r{e.stamp.size,
             e.stamp.inode,
             e.stamp.mtime_ns,
             e.stamp.ctime_ns,
             path_at,
             static_cast<uint32_t>(e.path.size()),
             hashes_in,
             static_cast<uint32_t>(e.words.size()),
             static_cast<uint32_t>(e.declared.size()),
             static_cast<uint32_t>(e.answers.size()),
             e.flags};
    std::memcpy(out.data() + sizeof(Header) + i * sizeof r, &r, sizeof r);
    // (An empty span's data may be null, which memcpy may not be given.)
    auto copy = [](char* to, const void* from, size_t size) {
      if (size > 0) std::memcpy(to, from, size);
    };
    copy(out.data() + paths_at + path_at, e.path.data(), e.path.size());
    char* hashes = out.data() + hashes_at + size_t{hashes_in} * 4;
    copy(hashes, e.words.data(), e.words.size() * 4);
    hashes += e.words.size() * 4;
    copy(hashes, e.declared.data(), e.declared.size() * 4);
    hashes += e.declared.size() * 4;
    copy(hashes, e.answers.data(), e.answers.size() * 4);
    path_at += static_cast<uint32_t>(e.path.size());
    hashes_in += static_cast<uint32_t>(e.words.size() + e.declared.size() +
                                       e.answers.size());
  }
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.format = kFormat;
  h.byte_order = kByteOrder;
  h.tool = ToolStamp();
  h.count = entries.size();
  h.path_bytes = path_bytes;
  h.hash_count = hash_count;
  h.checksum = StoreChecksum(out.data() + sizeof h, out.size() - sizeof h);
  std::memcpy(out.data(), &h, sizeof h);
  return ReplaceStoreFile(location, out.data(), out.size());
}

}  // namespace psm
