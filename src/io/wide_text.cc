#include "io/wide_text.h"

#include <array>

namespace psm {
namespace {

struct WideEncoding {
  std::string_view name;
  std::string_view mark;  // the byte-order mark it starts with
  size_t width;           // bytes per ASCII character
  bool big_endian;
};

// UTF-32 first: its little-endian mark begins with UTF-16's.
constexpr std::array<WideEncoding, 4> kEncodings = {{
    {"UTF-32LE", std::string_view("\xFF\xFE\0\0", 4), 4, false},
    {"UTF-32BE", std::string_view("\0\0\xFE\xFF", 4), 4, true},
    {"UTF-16LE", std::string_view("\xFF\xFE", 2), 2, false},
    {"UTF-16BE", std::string_view("\xFE\xFF", 2), 2, true},
}};

// `word` spelled in the encoding: each ASCII byte widened with NULs.
std::string Widened(std::string_view word, const WideEncoding& encoding) {
  std::string wide;
  for (char c : word) {
    std::string unit(encoding.width, '\0');
    unit[encoding.big_endian ? encoding.width - 1 : 0] = c;
    wide += unit;
  }
  return wide;
}

// Whether `needle` stands in `text` at a character boundary: a byte-swapped
// spelling matches one byte off.
bool NamesAligned(std::string_view text, const WideEncoding& encoding,
                  std::string_view needle) {
  size_t start = encoding.mark.size();
  for (size_t at = text.find(needle, start); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    if ((at - start) % encoding.width == 0) return true;
  }
  return false;
}

}  // namespace

std::string WideTextProblem(std::string_view text, bool* calls_create_source) {
  *calls_create_source = false;
  for (const WideEncoding& encoding : kEncodings) {
    if (!text.starts_with(encoding.mark)) continue;
    *calls_create_source =
        NamesAligned(text, encoding, Widened("createSource", encoding));
    std::string what = std::string(encoding.name) + " text (byte-order mark)";
    return *calls_create_source
               ? what +
                     " that names createSource; the tool reads UTF-8 only: "
                     "convert the file to UTF-8 and run again"
               : what + " without createSource; skipped";
  }
  return "";
}

}  // namespace psm
