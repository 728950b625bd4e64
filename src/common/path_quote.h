#ifndef PSM_COMMON_PATH_QUOTE_H_
#define PSM_COMMON_PATH_QUOTE_H_

#include <optional>
#include <string>
#include <string_view>

namespace psm {

// File names may hold any byte but '/' and NUL. Every output that names a
// file goes through here, so a name with a line break, a quote or a byte
// that is not UTF-8 is written one way everywhere: git's C-style quoting
// (quote_c_style in git's quote.c), which git, scripts and people read back.

// What happens to bytes >= 0x80.
enum class NonAscii {
  kEscape,    // each is \ooo: git's default (core.quotePath=true)
  kKeepUtf8,  // valid UTF-8 stays as it is (core.quotePath=false), any
              // other byte is \ooo, so the result is always UTF-8
};

// `path` unchanged when no byte needs quoting; else in double quotes with
// \a \b \t \n \v \f \r \" \\ for those bytes and \ooo for other control
// bytes, DEL and (per `non_ascii`) bytes >= 0x80.
std::string QuotePath(std::string_view path,
                      NonAscii non_ascii = NonAscii::kEscape);

// How reports for people name a file: quoted only where needed to be
// unambiguous and lossless, readable for names in any script.
inline std::string ReadablePath(std::string_view path) {
  return QuotePath(path, NonAscii::kKeepUtf8);
}

// The bytes a name written by QuotePath stands for: `text` itself when it
// does not start with a double quote; nullopt when a quoted name is
// malformed. For tools (and tests) that read the names back.
std::optional<std::string> UnquotePath(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points past U+10FFFF).
bool IsUtf8(std::string_view text);

}  // namespace psm

#endif  // PSM_COMMON_PATH_QUOTE_H_
