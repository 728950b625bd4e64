#ifndef PSM_IO_DIR_ENTRIES_H_
#define PSM_IO_DIR_ENTRIES_H_

#include <string>
#include <vector>

namespace psm {

enum class EntryType { kUnknown, kDirectory, kRegular, kOther };

struct DirEntryName {
  std::string name;  // the exact bytes
  EntryType type = EntryType::kUnknown;
};

// The entries of `dir` but "." and "..", in no order; false with errno set
// when it cannot be read, also part way (a half-read directory must not
// pass for a whole one). The WebAssembly build asks Node.js for them:
// Emscripten's readdir() ends silently at a name that is not UTF-8.
bool ListDirectory(const std::string& dir, std::vector<DirEntryName>* entries);

}  // namespace psm

#endif  // PSM_IO_DIR_ENTRIES_H_
