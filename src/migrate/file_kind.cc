#include "migrate/file_kind.h"

#include <cstdint>

#include "common/text_lines.h"

namespace psm {
namespace {

// Hand-written code keeps lines short; minifiers put thousands of bytes on
// one line.
constexpr size_t kLongLine = 1000;
constexpr size_t kLongLinesToCount = 3;

bool LooksMinified(std::string_view text) {
  size_t long_lines = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end - start > kLongLine && ++long_lines >= kLongLinesToCount)
      return true;
    if (end - start > 20 * kLongLine) return true;
    start = end + 1;
  }
  return false;
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
  if (LooksMinified(text)) return "minified code (very long lines)";
  return std::nullopt;
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
