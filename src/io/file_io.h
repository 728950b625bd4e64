#ifndef PSM_IO_FILE_IO_H_
#define PSM_IO_FILE_IO_H_

#include <sys/stat.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace psm {

// Files larger than this are skipped unless --max-file-size says otherwise:
// hand-written checkout code is far smaller; bigger files are bundles.
inline constexpr size_t kDefaultMaxFileBytes = 4 * 1024 * 1024;

struct SourceFile {
  std::string text;
  std::string error;     // why it could not be read; empty on success
  bool skipped = false;  // read fine but deliberately not processed
  bool too_large = false;  // skipped for its size (unread)
  bool names_create_source = false;  // binary, yet names createSource
};

// Memory to read files into, reused from file to file (one per worker
// thread): the hot path then neither allocates, nor zero-fills, nor takes
// fresh page faults, except for a file bigger than any before it.
class ReadBuffer {
 public:
  // Room for at least `size` bytes; the first `keep` bytes are kept.
  char* Reserve(size_t size, size_t keep = 0);
  char* data() { return data_.get(); }
  size_t capacity() const { return capacity_; }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
};

// A source file read into a ReadBuffer: `text` points into the buffer and
// is valid until the buffer's next use.
struct SourceView {
  std::string_view text;
  std::string error;     // why it could not be read; empty on success
  bool skipped = false;  // read fine but deliberately not processed
  // Skipped for its size: the file is not read, so whether it names
  // createSource is left to the caller (io/skipped_source.h).
  bool too_large = false;
  // Skipped, yet its bytes (those read) name createSource.
  bool names_create_source = false;
};

// Reads a source file. Refuses (error set) what is not a readable regular
// file; skips (skipped + error set) files over `max_bytes` and binary files
// (a NUL byte in the first 8 KiB).
SourceView ReadSourceFile(const std::string& path, size_t max_bytes,
                          ReadBuffer& buffer);
// The same, into a string of its own.
SourceFile ReadSourceFile(const std::string& path, size_t max_bytes);
// The same judgement of a text read whole (standard input).
SourceView CheckSourceText(std::string_view text, size_t max_bytes);

// Why a file with this lstat() must not be replaced, or "": a symbolic
// link (not written through), not a regular file, read-only by its mode
// bits (which bind root too), or one of several hard links.
std::string WhyNotReplaceable(const struct stat& st);

// Replaces `path` with `text` so that the file is either the old one or the
// new one, whatever happens: the text goes to a temporary file in the same
// directory, is flushed to disk, gets the original's owner, group and
// permission bits, then is renamed over the original. Refuses what
// WhyNotReplaceable refuses, and a file whose owner the new one cannot
// keep. With `unchanged`, the file must still hold that text just before
// the rename. Returns an error message, or "" on success.
std::string WriteFileAtomically(const std::string& path, std::string_view text,
                                const std::string_view* unchanged = nullptr);

// Reads a whole small file (rules, config). Returns false and sets `error`.
bool ReadWholeFile(const std::string& path, std::string* text,
                   std::string* error);

}  // namespace psm

#endif  // PSM_IO_FILE_IO_H_
