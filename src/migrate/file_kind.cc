#include "migrate/file_kind.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/text_lines.h"

namespace psm {
namespace {

// Hand-written code keeps lines short; minifiers put thousands of bytes on
// one line. A long line is no proof on its own: hand-written files carry
// long data lines too (an inline base64 image or SVG, a JSON blob), so only
// long lines dense with code count.
constexpr size_t kLongLine = 1000;
constexpr size_t kVeryLongLine = 20 * kLongLine;
constexpr size_t kDenseLinesToCount = 3;
// Minified code has a function, a `return` or a `&&` every few dozen bytes;
// base64 has none of these marks, and text or markup very few.
constexpr size_t kCodeMarksPerKiB = 4;
constexpr std::array<std::string_view, 6> kCodeMarks = {
    "){", "=>", "function", "return", "&&", "||"};

bool DenseWithCode(std::string_view line) {
  size_t marks = 0;
  for (std::string_view mark : kCodeMarks) {
    for (size_t at = line.find(mark); at != std::string_view::npos;
         at = line.find(mark, at + mark.size())) {
      ++marks;
    }
  }
  return marks * 1024 >= kCodeMarksPerKiB * line.size();
}

// The long lines of dense code in a text.
struct LongCode {
  size_t lines = 0;
  size_t bytes = 0;
  size_t longest = 0;
};

LongCode MeasureLongCode(std::string_view text) {
  LongCode code;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (line.size() > kLongLine && DenseWithCode(line)) {
      ++code.lines;
      code.bytes += line.size();
      code.longest = std::max(code.longest, line.size());
    }
    start = end + 1;
  }
  return code;
}

// Minified: one huge line of code, a few long ones, or most of the bytes.
std::optional<std::string> MinifiedReason(std::string_view text) {
  LongCode code = MeasureLongCode(text);
  if (code.lines == 0) return std::nullopt;
  if (code.longest <= kVeryLongLine && code.lines < kDenseLinesToCount &&
      code.bytes * 2 < text.size()) {
    return std::nullopt;
  }
  size_t percent = code.bytes * 100 / text.size();
  return "minified code: " + std::to_string(code.lines) +
         (code.lines == 1 ? " long line" : " long lines") + " of dense code, " +
         std::to_string(percent) + "% of the file";
}

}  // namespace

std::optional<std::string> GeneratedCodeReason(std::string_view path,
                                               std::string_view text) {
  if (path.ends_with(".min.js") || path.ends_with(".min.mjs") ||
      path.ends_with(".min.cjs")) {
    return "minified file (.min.js)";
  }
  if (text.find("__webpack_require__") != std::string_view::npos ||
      text.find("__vite_ssr_import__") != std::string_view::npos) {
    return "bundler output";
  }
  return MinifiedReason(text);
}

bool MayIgnoreByComment(std::string_view text) {
  // Once per file; std::boyer_moore_horspool_searcher is not in the
  // WebAssembly build's libc++.
  return text.find(kIgnoreMarker) != std::string_view::npos;
}

bool IgnoredByComment(std::string_view text, uint32_t offset) {
  uint32_t line = text::LineStart(text, offset);
  uint32_t previous = line == 0 ? 0 : text::LineStart(text, line - 1);
  uint32_t end = text::NextLineStart(text, offset);
  std::string_view lines = text.substr(previous, end - previous);
  size_t at = lines.find(kIgnoreMarker);
  // The marker must stand in a comment: `//`, `/*` or, in markup, `<!--`
  // before it on its line.
  while (at != std::string_view::npos) {
    size_t line_start = lines.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view before = lines.substr(line_start, at - line_start);
    if (before.find("//") != std::string_view::npos ||
        before.find("/*") != std::string_view::npos ||
        before.find("<!--") != std::string_view::npos) {
      return true;
    }
    at = lines.find(kIgnoreMarker, at + 1);
  }
  return false;
}

}  // namespace psm
