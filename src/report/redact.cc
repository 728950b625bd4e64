#include "report/redact.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace psm {
namespace {

constexpr std::string_view kRedacted = "[redacted]";

// Keys whose string values are personal data, lower-cased without `_`/`-`.
constexpr std::array<std::string_view, 22> kPersonalKeys = {
    "firstname",   "lastname",     "fullname",     "email",  "emailaddress",
    "phonenumber", "phone",        "mobile",       "line1",  "line2",
    "line3",       "addressline1", "addressline2", "street", "streetaddress",
    "address",     "postalcode",   "postcode",     "zip",    "zipcode",
    "recipient",   "city"};

constexpr std::array<std::string_view, 30> kStreetWords = {
    "street",  "st",      "avenue", "ave",       "road",    "rd",
    "lane",    "ln",      "drive",  "dr",        "way",     "court",
    "ct",      "place",   "pl",     "square",    "sq",      "terrace",
    "parkway", "highway", "hwy",    "boulevard", "blvd",    "circle",
    "trail",   "rue",     "via",    "calle",     "avenida", "plaza"};

// German, Dutch and Nordic street names end in these (Hauptstraße).
constexpr std::array<std::string_view, 12> kStreetSuffixes = {
    "straße", "strasse", "str",    "weg",  "gasse", "platz",
    "allee",  "damm",    "straat", "laan", "vej",   "gatan"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool IsEmailChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}

// local@domain.tld with a letter-only top-level domain of 2+ characters.
bool HasEmail(std::string_view s) {
  for (size_t at = s.find('@'); at != std::string_view::npos;
       at = s.find('@', at + 1)) {
    if (at == 0 || !IsEmailChar(s[at - 1])) continue;
    size_t end = at + 1;
    while (end < s.size() && IsEmailChar(s[end])) ++end;
    std::string_view domain = s.substr(at + 1, end - at - 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) {
          return std::isalpha(static_cast<unsigned char>(c));
        })) {
      return true;
    }
  }
  return false;
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// 2024-01-31, 31.01.2024, 01/31/24: dates are not phone numbers.
bool LooksLikeDate(std::string_view run) {
  std::vector<size_t> groups{0};
  for (char c : run) {
    if (IsDigit(c)) {
      ++groups.back();
    } else if (c == '-' || c == '.' || c == '/') {
      groups.push_back(0);
    } else {
      return false;
    }
  }
  return groups.size() == 3 &&
         (groups[0] == 4 || groups[2] == 4 || groups[2] == 2) &&
         groups[1] <= 2 && std::min({groups[0], groups[2]}) >= 1;
}

// A run of digits and the separators phone and card numbers are written with.
bool LooksLikeCardOrPhone(std::string_view run) {
  std::string digits;
  bool separated = false;
  for (char c : run) {
    if (IsDigit(c)) {
      digits += c;
    } else if (c != '.') {
      separated = true;  // space, dash, parenthesis, plus
    }
  }
  bool card_chars = run.find_first_of(".()+") == std::string_view::npos;
  if (digits.size() >= 13 && digits.size() <= 19 && card_chars &&
      LuhnValid(digits)) {
    return true;
  }
  if (digits.size() < 7 || digits.size() > 15 || LooksLikeDate(run)) {
    return false;
  }
  bool decimal = !separated && std::count(run.begin(), run.end(), '.') <= 1;
  return !decimal || digits.size() >= 10;
}

bool HasCardOrPhone(std::string_view s) {
  constexpr std::string_view kRunChars = "0123456789 -.()+/";
  size_t i = 0;
  while ((i = s.find_first_of("0123456789+(", i)) != std::string_view::npos) {
    size_t end = s.find_first_not_of(kRunChars, i);
    if (end == std::string_view::npos) end = s.size();
    std::string_view run = s.substr(i, end - i);
    while (!run.empty() && !IsDigit(run.back()) && run.back() != ')') {
      run.remove_suffix(1);
    }
    if (LooksLikeCardOrPhone(run)) return true;
    i = end;
  }
  return false;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while ((i = s.find_first_not_of(" ,\t\n", i)) != std::string_view::npos) {
    size_t end = std::min(s.find_first_of(" ,\t\n", i), s.size());
    words.push_back(LowerAscii(s.substr(i, end - i)));
    i = end;
  }
  return words;
}

// 12, 12a, 52-58, 7/9: a house number.
bool IsHouseNumber(std::string_view w) {
  if (w.empty() || !IsDigit(w[0])) return false;
  size_t letters = 0;
  for (char c : w) {
    if (std::isalpha(static_cast<unsigned char>(c)) && ++letters > 1) {
      return false;
    }
    if (!IsDigit(c) && !std::isalpha(static_cast<unsigned char>(c)) &&
        c != '-' && c != '/') {
      return false;
    }
  }
  return true;
}

bool IsStreetWord(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (OneOf(kStreetWords, w)) return true;
  return std::any_of(
      kStreetSuffixes.begin(), kStreetSuffixes.end(),
      [&](std::string_view suffix) { return w.ends_with(suffix); });
}

// "1234 Fake Street", "52-58 Neue Mainzer Straße", "Hauptstraße 5".
bool HasStreetAddress(std::string_view s) {
  std::vector<std::string> words = Words(s);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!IsHouseNumber(words[i])) continue;
    if (i > 0 && IsStreetWord(words[i - 1])) return true;
    for (size_t j = i + 1; j < words.size() && j <= i + 4; ++j) {
      if (IsStreetWord(words[j])) return true;
    }
  }
  return false;
}

// The key a literal at `open` is the value of: `key: "`, `"key": '`,
// `key = "`, and PHP's `'key' => "` and `$p['key'] = "`.
std::string KeyBefore(std::string_view code, size_t open) {
  size_t i = open;
  while (i > 0 && (code[i - 1] == ' ' || code[i - 1] == '\t')) --i;
  if (i >= 2 && code[i - 1] == '>' && code[i - 2] == '=') {
    i -= 2;
  } else if (i == 0 || (code[i - 1] != ':' && code[i - 1] != '=')) {
    return "";
  } else {
    --i;
  }
  while (i > 0 && (code[i - 1] == ' ' || code[i - 1] == '\t')) --i;
  if (i > 0 && code[i - 1] == ']') --i;
  if (i > 0 && (code[i - 1] == '"' || code[i - 1] == '\'')) --i;
  size_t end = i;
  while (i > 0 &&
         (std::isalnum(static_cast<unsigned char>(code[i - 1])) ||
          code[i - 1] == '_' || code[i - 1] == '-' || code[i - 1] == '$')) {
    --i;
  }
  std::string key;
  for (char c : LowerAscii(code.substr(i, end - i))) {
    if (c != '_' && c != '-') key += c;
  }
  return key;
}

bool ShouldRedact(std::string_view content, std::string_view key) {
  if (content.empty()) return false;
  return OneOf(kPersonalKeys, key) || HasEmail(content) ||
         HasCardOrPhone(content) || HasStreetAddress(content);
}

// Index of the quote closing the literal opened at `open`, or npos when there
// is none (an apostrophe in text) or a template literal has substitutions.
size_t LiteralEnd(std::string_view code, size_t open) {
  char quote = code[open];
  for (size_t i = open + 1; i < code.size(); ++i) {
    if (code[i] == '\\') {
      ++i;
    } else if (code[i] == quote) {
      return i;
    } else if (quote == '`' ? code.substr(i, 2) == "${" : code[i] == '\n') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// Past the comment starting at `i`, or `i` when none starts there.
size_t SkipComment(std::string_view code, size_t i) {
  if (code.substr(i, 2) == "//") {
    size_t nl = code.find('\n', i);
    return nl == std::string_view::npos ? code.size() : nl;
  }
  if (code.substr(i, 2) == "/*") {
    size_t close = code.find("*/", i + 2);
    return close == std::string_view::npos ? code.size() : close + 2;
  }
  return i;
}

}  // namespace

std::string Redact(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  size_t i = 0;
  while (i < code.size()) {
    size_t after_comment = SkipComment(code, i);
    if (after_comment != i) {
      out.append(code.substr(i, after_comment - i));
      i = after_comment;
      continue;
    }
    char c = code[i];
    size_t close = (c == '"' || c == '\'' || c == '`') ? LiteralEnd(code, i)
                                                       : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += c;
      ++i;
      continue;
    }
    std::string_view content = code.substr(i + 1, close - i - 1);
    bool hide = ShouldRedact(content, KeyBefore(code, i));
    out += c;
    out.append(hide ? kRedacted : content);
    out += c;
    i = close + 1;
  }
  return out;
}

}  // namespace psm
