#ifndef PSM_IO_DIR_ENTRIES_H_
#define PSM_IO_DIR_ENTRIES_H_

#include <functional>
#include <string>
#include <string_view>

namespace psm {

enum class EntryType { kUnknown, kDirectory, kRegular, kOther };

// Calls `each` with the name (its exact bytes) and type of every entry of
// `dir` but "." and "..", in no order; false with errno set when `dir`
// cannot be read, also part way (a half-read directory must not pass for a
// whole one). The WebAssembly build asks Node.js: Emscripten's readdir()
// ends silently at a name that is not UTF-8. The native build's type is
// kUnknown where the file system does not say (d_type).
bool ListDirectory(
    const std::string& dir,
    const std::function<void(std::string_view, EntryType)>& each);

}  // namespace psm

#endif  // PSM_IO_DIR_ENTRIES_H_
