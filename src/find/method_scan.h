#ifndef PSM_FIND_METHOD_SCAN_H_
#define PSM_FIND_METHOD_SCAN_H_

#include <string_view>
#include <vector>

namespace psm {

// Finds which of a few method names a text may take off some object: the
// name as a whole identifier right after a `.` (blanks and line breaks
// allowed between), as a computed key (`['name']`, `["name"]`), or as a
// destructured property (`{ name }`, `{ a, name: alias }`). A byte scan, far
// cheaper than parsing, that keeps look-alikes such as `createSourceFile` or
// a bare `createSource(` definition from being parsed at all.
//
// It runs on every file of a repository, so it makes one pass for all the
// names: 16 bytes at a time it looks for the first four letters of some
// name (names share them: create...), and only there compares whole names
// and looks at what surrounds them. Most files are never touched by
// anything slower.
class MethodScan {
 public:
  // At most 32 names; bit i of a result stands for names[i]. The names
  // must outlive the scanner.
  explicit MethodScan(std::vector<std::string_view> names);

  // The names taken off an object in `text`. Returns as soon as a name in
  // `enough` is found (the other bits may then be incomplete).
  unsigned Scan(std::string_view text, unsigned enough = 0) const;

  // The same answer without vector instructions: the reference the tests
  // hold the vectorised scan to, and the scan on machines without SSE2.
  unsigned ScanBytewise(std::string_view text, unsigned enough = 0) const {
    return ScanBytewiseFrom(text, 0, enough);
  }

 private:
  // Names starting at or after `from` (what precedes `from` is still looked
  // at, to tell how a name is used).
  unsigned ScanBytewiseFrom(std::string_view text, size_t from,
                            unsigned enough) const;
  // Which names start at `at` and are taken off an object there.
  unsigned NamesAt(std::string_view text, size_t at) const;

  template <size_t N>
  unsigned ScanVector(std::string_view text, unsigned enough) const;

  std::vector<std::string_view> names_;
  // The names' distinct first four letters, which the vectorised scan
  // looks for; empty when some name is shorter (all is then bytewise).
  std::vector<std::string_view> prefixes_;
};

}  // namespace psm

#endif  // PSM_FIND_METHOD_SCAN_H_
