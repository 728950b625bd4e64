#include "io/dir_entries.h"

#include <dirent.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace psm {

#ifdef __EMSCRIPTEN__

// One malloc'd buffer: per entry a type letter (d, f, o, ?), the name's
// bytes and a NUL, then a final NUL; or "!CODE" (Node's error code).
EM_JS(char*, psm_list_directory, (const char* dir), {
  let bytes;
  try {
    const entries = require('fs').readdirSync(
        UTF8ToString(dir), {withFileTypes : true, encoding : 'buffer'});
    const parts = [];
    for (const e of entries) {
      const type = e.isDirectory() ? 'd' : e.isFile() ? 'f' : 'o';
      parts.push(Buffer.from(type), Buffer.from(e.name), Buffer.alloc(1));
    }
    parts.push(Buffer.alloc(1));
    bytes = Buffer.concat(parts);
  } catch (error) {
    bytes = Buffer.concat(
        [ Buffer.from('!' + (error.code || 'EIO')), Buffer.alloc(1) ]);
  }
  const out = _malloc(bytes.length);
  HEAPU8.set(bytes, out);
  return out;
});

bool ListDirectory(
    const std::string& dir,
    const std::function<void(std::string_view, EntryType)>& each) {
  char* list = psm_list_directory(dir.c_str());
  if (list[0] == '!') {
    std::string code = list + 1;
    std::free(list);
    errno = code == "ENOENT"                      ? ENOENT
            : code == "EACCES" || code == "EPERM" ? EACCES
            : code == "ENOTDIR"                   ? ENOTDIR
                                                  : EIO;
    return false;
  }
  for (const char* at = list; *at; at += std::strlen(at) + 1) {
    EntryType type = at[0] == 'd'   ? EntryType::kDirectory
                     : at[0] == 'f' ? EntryType::kRegular
                                    : EntryType::kOther;
    each(at + 1, type);
  }
  std::free(list);
  return true;
}

#else

bool ListDirectory(
    const std::string& dir,
    const std::function<void(std::string_view, EntryType)>& each) {
  DIR* handle = ::opendir(dir.c_str());
  if (!handle) return false;
  errno = 0;
  while (dirent* entry = ::readdir(handle)) {
    const char* name = entry->d_name;
    if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) {
      EntryType type = entry->d_type == DT_DIR       ? EntryType::kDirectory
                       : entry->d_type == DT_REG     ? EntryType::kRegular
                       : entry->d_type == DT_UNKNOWN ? EntryType::kUnknown
                                                     : EntryType::kOther;
      each(name, type);
    }
    errno = 0;  // `each` may have set it; only readdir's must count
  }
  int error = errno;
  ::closedir(handle);
  errno = error;
  return error == 0;
}

#endif

}  // namespace psm
