#ifndef PSM_FIND_METHOD_SCAN_H_
#define PSM_FIND_METHOD_SCAN_H_

#include <string_view>
#include <vector>

namespace psm {

// Finds which of a few method names a text may call on some object: an
// occurrence of the name as a whole identifier right after a `.` (blanks
// and line breaks allowed between). A byte scan, far cheaper than parsing,
// that keeps look-alikes such as `createSourceFile` or a bare
// `createSource(` definition from being parsed at all.
//
// It runs on every file of a repository, so it makes one pass for all the
// names: 16 bytes at a time it looks for a `.` followed by the first letter
// of some name (or a blank), and only there compares names. Most files are
// never touched by anything slower.
class MethodScan {
 public:
  // At most 32 names; bit i of a result stands for names[i]. The names
  // must outlive the scanner.
  explicit MethodScan(std::vector<std::string_view> names);

  // The names called in `text`. Returns as soon as a name in `enough` is
  // found (the other bits may then be incomplete).
  unsigned Scan(std::string_view text, unsigned enough = 0) const;

  // The same answer one byte at a time: the reference the tests hold the
  // vectorised scan to, and the scan on machines without SSE2.
  unsigned ScanBytewise(std::string_view text, unsigned enough = 0) const;

 private:
  // Which names start at `at` (just after a dot and any blanks).
  unsigned NamesAt(std::string_view text, size_t at) const;
  unsigned AfterDot(std::string_view text, size_t dot) const;

  std::vector<std::string_view> names_;
  std::string_view first_bytes_;  // distinct first letters of the names
  char first_storage_[4] = {};
};

}  // namespace psm

#endif  // PSM_FIND_METHOD_SCAN_H_
