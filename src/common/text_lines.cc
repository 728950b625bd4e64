#include "common/text_lines.h"

#include <algorithm>
#include <cstring>

#include "common/step_counter.h"

namespace psm {
namespace text {

int LineAt(std::string_view s, uint32_t pos) {
  return 1 + static_cast<int>(std::count(
                 s.begin(), s.begin() + std::min<size_t>(pos, s.size()), '\n'));
}

uint32_t LineStart(std::string_view s, uint32_t pos) {
  while (pos > 0 && s[pos - 1] != '\n') --pos;
  return pos;
}

uint32_t NextLineStart(std::string_view s, uint32_t pos) {
  size_t nl = s.find('\n', pos);
  return nl == std::string_view::npos ? static_cast<uint32_t>(s.size())
                                      : static_cast<uint32_t>(nl + 1);
}

bool OnlyBlanksBefore(std::string_view s, uint32_t pos) {
  // Backwards, stopping at the first other character: a member in the
  // middle of a long line costs a step or two, not the line.
  for (; pos > 0 && s[pos - 1] != '\n'; --pos) {
    if (s[pos - 1] != ' ' && s[pos - 1] != '\t') return false;
  }
  return true;
}

std::string_view Indentation(std::string_view s, uint32_t pos) {
  uint32_t start = LineStart(s, pos);
  uint32_t end = start;
  while (end < s.size() && (s[end] == ' ' || s[end] == '\t')) ++end;
  return s.substr(start, end - start);
}

std::string_view LineEnding(std::string_view s, uint32_t pos) {
  size_t nl = s.find('\n', pos);
  if (nl != std::string_view::npos && nl > 0 && s[nl - 1] == '\r')
    return "\r\n";
  return "\n";
}

uint32_t SkipBlanks(std::string_view s, uint32_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

bool OnlyTriviaAfter(std::string_view s, uint32_t pos, uint32_t* next_line) {
  for (;;) {
    pos = SkipBlanks(s, pos);
    if (pos >= s.size()) {
      *next_line = static_cast<uint32_t>(s.size());
      return true;
    }
    if (s[pos] == '\n' ||
        (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n')) {
      *next_line = NextLineStart(s, pos);
      return true;
    }
    // `//` comments, and PHP's `#` ones (`#[` starts an attribute); in PHP
    // a line comment ends at `?>`, which is code, not trivia.
    if (s.substr(pos, 2) == "//" ||
        (s[pos] == '#' && s.substr(pos, 2) != "#[")) {
      *next_line = NextLineStart(s, pos);
      return s.substr(pos, *next_line - pos).find("?>") ==
             std::string_view::npos;
    }
    if (s.substr(pos, 2) != "/*") return false;
    size_t close = s.find("*/", pos + 2);
    if (close == std::string_view::npos) return false;
    if (s.substr(pos, close - pos).find('\n') != std::string_view::npos)
      return false;
    pos = static_cast<uint32_t>(close + 2);
  }
}

}  // namespace text

LineIndex::LineIndex(std::string_view s) : s_(s) {
  starts_.push_back(0);
  uint32_t longest = 0;
  // memchr finds the next newline many bytes at a time (built for every
  // file read: a byte loop was ~1% of a dense tree's run).
  const char* begin = s.data();
  const char* end = begin + s.size();
  for (const char* at = begin;
       at < end && (at = static_cast<const char*>(
                        std::memchr(at, '\n', static_cast<size_t>(end - at))));
       ++at) {
    auto i = static_cast<uint32_t>(at - begin);
    longest = std::max(longest, i - starts_.back());
    starts_.push_back(i + 1);
  }
  uint32_t size = static_cast<uint32_t>(s.size());
  longest = std::max(longest, size - starts_.back());
  // Checkpoints only where Column could count past one: most files have
  // no line that long.
  if (longest <= kStride) return;
  chars_before_stride_.reserve(size / kStride + 1);
  uint32_t chars = 0;
  for (uint32_t at = 0; at <= size; at += kStride) {
    chars_before_stride_.push_back(chars);
    chars += CountChars(at, std::min(at + kStride, size));
  }
}

uint32_t LineIndex::Line(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

uint32_t LineIndex::ByteColumn(uint32_t offset) const {
  return offset - starts_[Line(offset) - 1];
}

// One bound and no branch in the loop, so that the compiler can count many
// bytes at a time: a report asks for a column per edit (issue 14).
uint32_t LineIndex::CountChars(uint32_t from, uint32_t to) const {
  CountSteps((to - from) / kBytesPerStep + 1);
  uint32_t chars = 0;
  for (uint32_t i = from; i < to; ++i)
    chars += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
  return chars;
}

uint32_t LineIndex::CharsBefore(uint32_t offset) const {
  uint32_t stride = offset / kStride;
  return chars_before_stride_[stride] + CountChars(stride * kStride, offset);
}

uint32_t LineIndex::Column(uint32_t offset) const {
  uint32_t begin = starts_[Line(offset) - 1];
  uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(s_.size()));
  if (end - begin <= kStride) return CountChars(begin, end) + 1;
  return CharsBefore(end) - CharsBefore(begin) + 1;
}

LineIndex::Position LineIndex::Advance(Position at, uint32_t from,
                                       uint32_t offset) const {
  uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(s_.size()));
  for (uint32_t i = from; i < end; ++i) {
    if (s_[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      at.column += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
    }
  }
  return at;
}

}  // namespace psm
