#include "find/digital_river_names.h"

#include <cctype>
#include <string>

namespace psm {
namespace {

bool IsDrWord(std::string_view word) {
  std::string lower;
  for (char c : word)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "dr" || lower == "drjs";
}

}  // namespace

bool NamedAfterDigitalRiver(std::string_view text) {
  // `digitalRiver`, `digital_river`, `@digital-river/js`, `Digital River`.
  std::string letters;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (letters.find("digitalriver") != std::string::npos) return true;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool end = i == text.size();
    unsigned char c = end ? 0 : static_cast<unsigned char>(text[i]);
    bool separator = end || std::isalnum(c) == 0;  // `.`, `_`, `$`, `-`
    // `drService`: a capital after a small letter starts a word (`DRjs`
    // stays one, which is one of ours).
    bool camel = !end && i > begin && std::isupper(c) &&
                 std::islower(static_cast<unsigned char>(text[i - 1]));
    if (!separator && !camel) continue;
    if (i > begin && IsDrWord(text.substr(begin, i - begin))) return true;
    // `DRPay`: an acronym before a capitalised word.
    size_t upper = begin;
    while (upper < i && std::isupper(static_cast<unsigned char>(text[upper])))
      ++upper;
    if (upper > begin + 1 && upper < i &&
        IsDrWord(text.substr(begin, upper - 1 - begin)))
      return true;
    begin = separator ? i + 1 : i;
  }
  return false;
}

}  // namespace psm
