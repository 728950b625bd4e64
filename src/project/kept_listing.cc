#include "project/kept_listing.h"

#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

#include "io/file_io.h"
#include "io/file_stamp.h"
#include "project/distinct_words.h"
#include "project/store_file.h"

namespace psm {
namespace {

// The layout, in the machine's byte order:
//   magic, tool stamp, checksum of what follows; then settings (string);
//   source count, each: path, present (1 byte), size, inode, mtime, ctime;
//   file count, each: path relative to the root.
// A string is its length (uint32) and its bytes.
constexpr char kMagic[8] = {'P', 'S', 'M', 'L', 'I', 'S', 'T', '1'};
constexpr size_t kHeaderSize = sizeof kMagic + 8 + 8;

// The variables that choose which configuration files git reads
// (io/git_files.cc): another value may mean other ignore rules.
constexpr const char* kGitEnvironment[] = {
    "HOME", "XDG_CONFIG_HOME", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_GLOBAL"};

class Writer {
 public:
  void Number(uint64_t v) { Raw(&v, sizeof v); }
  void String(std::string_view s) {
    uint32_t size = static_cast<uint32_t>(s.size());
    Raw(&size, sizeof size);
    out_.append(s);
  }
  void Raw(const void* p, size_t size) {
    out_.append(static_cast<const char*>(p), size);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; every read checks its bounds, and one that
// fails leaves the reader failed.
class Reader {
 public:
  Reader(std::string_view in) : in_(in) {}
  bool Number(uint64_t* v) { return Raw(v, sizeof *v); }
  bool String(std::string_view* s) {
    uint32_t size = 0;
    if (!Raw(&size, sizeof size) || size > in_.size()) return Fail();
    *s = in_.substr(0, size);
    in_.remove_prefix(size);
    return true;
  }
  bool Raw(void* p, size_t size) {
    if (size > in_.size()) return Fail();
    std::memcpy(p, in_.data(), size);
    in_.remove_prefix(size);
    return true;
  }
  bool AtEnd() const { return ok_ && in_.empty(); }

 private:
  bool Fail() {
    ok_ = false;
    in_ = {};
    return false;
  }
  std::string_view in_;
  bool ok_ = true;
};

// The kind of a kept source: absent, stamped whole, or by its identity.
enum : uint8_t { kAbsent = 0, kWhole = 1, kIdentity = 2 };

void WriteSource(Writer& w, const WalkSource& source) {
  w.String(source.path);
  const std::optional<FileStamp>& stamp = source.stamp;
  uint8_t kind = !stamp ? kAbsent : source.identity ? kIdentity : kWhole;
  w.Raw(&kind, 1);
  FileStamp s = stamp.value_or(FileStamp{});
  w.Number(s.size);
  w.Number(s.inode);
  w.Number(static_cast<uint64_t>(s.mtime_ns));
  w.Number(static_cast<uint64_t>(s.ctime_ns));
}

// Whether a kept source has the stamp it had; false for one that cannot be
// read. One below `root` is stamped relative to it (`below`): the kernel
// then resolves only the part under the root, as for the files' stamps.
bool SourceStands(Reader& r, const std::string& root, const StampsBelow& below,
                  std::string* buffer) {
  std::string_view path;
  uint8_t kind = 0;
  FileStamp s;
  uint64_t mtime = 0, ctime = 0;
  if (!r.String(&path) || !r.Raw(&kind, 1) || kind > kIdentity ||
      !r.Number(&s.size) || !r.Number(&s.inode) || !r.Number(&mtime) ||
      !r.Number(&ctime))
    return false;
  s.mtime_ns = static_cast<int64_t>(mtime);
  s.ctime_ns = static_cast<int64_t>(ctime);
  buffer->assign(path);
  bool below_root = path.size() > root.size() + 1 && path.starts_with(root) &&
                    path[root.size()] == '/';
  std::optional<FileStamp> now = AsSourceStamp(
      below.OfAnything(*buffer, below_root ? root.size() + 1 : 0),
      kind == kIdentity);
  return kind == kAbsent ? !now : now && *now == s;
}

}  // namespace

KeptListing::KeptListing(std::string root, bool no_ignore)
    : root_(std::move(root)) {
  settings_ = root_;
  settings_ += '\0';
  settings_ += no_ignore ? "no-ignore" : "ignore";
  for (const char* name : kGitEnvironment) {
    const char* value = std::getenv(name);
    settings_ += '\0';
    settings_ += name;
    if (value) (settings_ += '=') += value;
  }
  std::string dir = StoreDirectoryFor(root_);
  if (!dir.empty()) location_ = dir + "/listing-" + HexOf(WordHash(settings_));
}

std::optional<std::vector<std::string>> KeptListing::Load() const {
  std::string bytes, error;
  if (location_.empty() || !ReadWholeFile(location_, &bytes, &error) ||
      bytes.size() < kHeaderSize ||
      std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return std::nullopt;
  uint64_t tool = 0, checksum = 0;
  std::memcpy(&tool, bytes.data() + sizeof kMagic, 8);
  std::memcpy(&checksum, bytes.data() + sizeof kMagic + 8, 8);
  if (tool != ToolStamp() ||
      StoreChecksum(bytes.data() + kHeaderSize, bytes.size() - kHeaderSize) !=
          checksum)
    return std::nullopt;
  Reader r(std::string_view(bytes).substr(kHeaderSize));
  std::string_view settings;
  uint64_t count = 0;
  if (!r.String(&settings) || settings != settings_ || !r.Number(&count))
    return std::nullopt;
  StampsBelow below(root_);
  std::string buffer;
  for (uint64_t i = 0; i < count; ++i) {
    if (!SourceStands(r, root_, below, &buffer)) return std::nullopt;
  }
  if (!r.Number(&count) || count > bytes.size()) return std::nullopt;
  std::vector<std::string> files;
  files.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view relative;
    if (!r.String(&relative)) return std::nullopt;
    // Sized once and copied into: two thousand of these in a pre-commit
    // run.
    std::string& file =
        files.emplace_back(root_.size() + 1 + relative.size(), '/');
    std::memcpy(file.data(), root_.data(), root_.size());
    std::memcpy(file.data() + root_.size() + 1, relative.data(),
                relative.size());
  }
  if (!r.AtEnd()) return std::nullopt;
  return files;
}

bool KeptListing::Save(const std::vector<std::string>& files,
                       const std::vector<WalkSource>& sources) const {
  if (location_.empty()) return false;
  int64_t keepable_before = KeepableBefore();
  Writer w;
  w.Raw(kMagic, sizeof kMagic);
  w.Number(ToolStamp());
  w.Number(0);  // the checksum, once the rest is written
  w.String(settings_);
  w.Number(sources.size());
  for (const WalkSource& source : sources) {
    if (!source.identity && source.stamp &&
        !StampedBefore(*source.stamp, keepable_before))
      return false;
    WriteSource(w, source);
  }
  w.Number(files.size());
  for (const std::string& file : files) {
    // Every walked file lies below the root ("root/...").
    if (file.size() <= root_.size() + 1 || !file.starts_with(root_) ||
        file[root_.size()] != '/')
      return false;
    w.String(std::string_view(file).substr(root_.size() + 1));
  }
  std::string& out = w.out();
  uint64_t checksum =
      StoreChecksum(out.data() + kHeaderSize, out.size() - kHeaderSize);
  std::memcpy(out.data() + sizeof kMagic + 8, &checksum, 8);
  return ReplaceStoreFile(location_, out.data(), out.size());
}

}  // namespace psm
