#include "io/file_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include "io/file_io.h"

namespace psm {

std::string FileWriter::CheckReplaceable(const std::string& path,
                                         std::string_view read) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return "vanished since it was read";
  if (std::string why = WhyNotReplaceable(st); !why.empty()) return why;
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  if (::access(dir.c_str(), W_OK) != 0)
    return "its directory is not writable; not written";
  std::string now, error;
  if (!ReadWholeFile(path, &now, &error)) return error;
  if (now != read) return "changed since it was read; not written";
  return "";
}

std::string FileWriter::Replace(const std::string& path, std::string_view read,
                                std::string_view text) {
  return WriteFileAtomically(path, text, &read);
}

std::string FileWriter::CheckAndReplace(const std::string& path,
                                        std::string_view read,
                                        std::string_view text) {
  std::string error = CheckReplaceable(path, read);
  return error.empty() ? Replace(path, read, text) : error;
}

}  // namespace psm
