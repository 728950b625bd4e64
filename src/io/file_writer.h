#ifndef PSM_IO_FILE_WRITER_H_
#define PSM_IO_FILE_WRITER_H_

#include <string>
#include <string_view>

namespace psm {

// How a run replaces the files it migrates, behind an interface so that
// tests can make a write fail where a real file system would not (as root,
// or between the check and the write).
class FileWriter {
 public:
  virtual ~FileWriter() = default;

  // Why `path` must not be replaced now, or "": it vanished or is no longer
  // a regular file, it is read-only (by its mode bits, which bind root
  // too), its directory takes no new file, or it no longer holds `read`,
  // the text the run migrated (changed since it was read).
  virtual std::string CheckReplaceable(const std::string& path,
                                       std::string_view read);

  // Replaces it with `text` if it still holds `read` (WriteFileAtomically);
  // an error message, or "".
  virtual std::string Replace(const std::string& path, std::string_view read,
                              std::string_view text);

  // Check, then replace: the error of whichever failed, or "".
  std::string CheckAndReplace(const std::string& path, std::string_view read,
                              std::string_view text);
};

}  // namespace psm

#endif  // PSM_IO_FILE_WRITER_H_
