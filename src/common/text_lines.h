#ifndef PSM_COMMON_TEXT_LINES_H_
#define PSM_COMMON_TEXT_LINES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace psm {

// Line-oriented questions about source text, by byte offset. Lines end at
// '\n'; a preceding '\r' belongs to the line ending.
namespace text {

uint32_t LineStart(std::string_view s, uint32_t pos);
// The 1-based line number of `pos` (clamped to the text).
int LineAt(std::string_view s, uint32_t pos);
// Offset just past the '\n' ending the line holding `pos` (or s.size()).
uint32_t NextLineStart(std::string_view s, uint32_t pos);
// Only spaces and tabs between the start of the line and `pos`.
bool OnlyBlanksBefore(std::string_view s, uint32_t pos);
// The spaces and tabs that start the line holding `pos`.
std::string_view Indentation(std::string_view s, uint32_t pos);
// "\r\n" or "\n", as the line holding `pos` ends ("\n" at end of file).
std::string_view LineEnding(std::string_view s, uint32_t pos);
// From `pos` to the end of its line there are only blanks and comments
// (`//...`, PHP's `#...`, or `/*...*/` closed on the same line; not a line
// comment that PHP's `?>` ends). Sets `*next_line` to the start of the next
// line.
bool OnlyTriviaAfter(std::string_view s, uint32_t pos, uint32_t* next_line);
// Skips spaces and tabs from `pos`.
uint32_t SkipBlanks(std::string_view s, uint32_t pos);

}  // namespace text

// Maps byte offsets to 1-based lines and columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view s);
  uint32_t Line(uint32_t offset) const;  // 1-based
  // 1-based, in Unicode code points (UTF-8 continuation bytes not counted).
  uint32_t Column(uint32_t offset) const;
  uint32_t ByteColumn(uint32_t offset) const;  // 0-based, in bytes

  // A line and column, as Line and Column give them.
  struct Position {
    uint32_t line = 1, column = 1;
  };
  // The position of `offset` from `at`, the position of `from` (<= offset):
  // the bytes between are scanned instead of the index searched and the
  // line read from its start, for offsets close together (an edit's ends).
  Position Advance(Position at, uint32_t from, uint32_t offset) const;
  uint32_t LineStartOffset(uint32_t line) const { return starts_[line - 1]; }
  uint32_t LineCount() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::string_view s_;
  std::vector<uint32_t> starts_;
};

}  // namespace psm

#endif  // PSM_COMMON_TEXT_LINES_H_
