#ifndef PSM_COMMON_TEXT_LINES_H_
#define PSM_COMMON_TEXT_LINES_H_

#include <cstdint>
#include <optional>
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
  // text::LineStart and text::NextLineStart, by a search of the index
  // rather than a scan of the line (a bundle's line is the whole file).
  uint32_t LineStartOf(uint32_t offset) const {
    return starts_[Line(offset) - 1];
  }
  uint32_t NextLineStartOf(uint32_t offset) const {
    uint32_t line = Line(offset);
    return line < LineCount() ? starts_[line]
                              : static_cast<uint32_t>(s_.size());
  }
  uint32_t LineCount() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  // Code points from `from` up to `to` (from <= to), counted byte by byte.
  uint32_t CountChars(uint32_t from, uint32_t to) const;
  // Code points before `offset`: from the checkpoint at or before it.
  uint32_t CharsBefore(uint32_t offset) const;

  // Every kStride bytes, the code points before: a column far into a long
  // line (a minified bundle is one line) is found without counting the
  // line from its start for every site, which was quadratic.
  static constexpr uint32_t kStride = 4096;
  std::string_view s_;
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> chars_before_stride_;
};

// The line of an offset, for code that may ask about many offsets or none:
// the index is built on the first question (text::LineAt counts from the
// file's start each time, which made asking per call site quadratic).
// Not for sharing between threads.
class LinesOnDemand {
 public:
  explicit LinesOnDemand(std::string_view s) : s_(s) {}
  uint32_t Line(uint32_t offset) {
    if (!index_) index_.emplace(s_);
    return index_->Line(offset);
  }

 private:
  std::string_view s_;
  std::optional<LineIndex> index_;
};

}  // namespace psm

#endif  // PSM_COMMON_TEXT_LINES_H_
