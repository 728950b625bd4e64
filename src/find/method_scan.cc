#include "find/method_scan.h"

#include <algorithm>

#include "common/strings.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace psm {
namespace {

// Letters the vectorised scan compares at each byte.
constexpr size_t kPrefix = 4;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsQuote(char c) { return c == '\'' || c == '"' || c == '`'; }

// What follows a destructured property: `{ name }`, `{ name, ...`,
// `{ name: alias }`, `{ name = fallback }`.
bool IsPropertyEnd(char c) {
  return c == '}' || c == ',' || c == ':' || c == '=';
}

size_t SkipBlanks(std::string_view text, size_t at) {
  while (at < text.size() && IsBlank(text[at])) ++at;
  return at;
}

size_t SkipBlanksBack(std::string_view text, size_t at) {
  while (at > 0 && IsBlank(text[at - 1])) --at;
  return at;
}

// True when the whole identifier at [at, end) is taken off an object:
// `x.name`, `x['name']`, or `{ name }` / `{ a, name: alias }` when
// destructuring (object literal keys look the same; parsing tells them
// apart).
bool TakenOffObject(std::string_view text, size_t at, size_t end) {
  if (!IsWholeIdentifierAt(text, at, end - at)) return false;
  if (at > 0 && IsQuote(text[at - 1])) {
    size_t open = SkipBlanksBack(text, at - 1);
    return end < text.size() && text[end] == text[at - 1] && open > 0 &&
           text[open - 1] == '[';
  }
  size_t before = SkipBlanksBack(text, at);
  if (before == 0) return false;
  char mark = text[before - 1];
  if (mark == '.') return true;
  if (mark != '{' && mark != ',') return false;
  size_t after = SkipBlanks(text, end);
  return after < text.size() && IsPropertyEnd(text[after]);
}

}  // namespace

MethodScan::MethodScan(std::vector<std::string_view> names)
    : names_(std::move(names)) {
  for (std::string_view name : names_) {
    if (name.size() < kPrefix) {
      prefixes_.clear();  // the bytewise scan takes them all
      break;
    }
    std::string_view prefix = name.substr(0, kPrefix);
    if (std::find(prefixes_.begin(), prefixes_.end(), prefix) ==
        prefixes_.end()) {
      prefixes_.push_back(prefix);
    }
  }
}

unsigned MethodScan::NamesAt(std::string_view text, size_t at) const {
  unsigned found = 0;
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string_view name = names_[i];
    if (text.compare(at, name.size(), name) == 0 &&
        TakenOffObject(text, at, at + name.size())) {
      found |= 1u << i;
    }
  }
  return found;
}

unsigned MethodScan::ScanBytewiseFrom(std::string_view text, size_t from,
                                      unsigned enough) const {
  unsigned found = 0;
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string_view name = names_[i];
    if (name.empty()) continue;
    for (size_t at = text.find(name, from); at != std::string_view::npos;
         at = text.find(name, at + 1)) {
      if (TakenOffObject(text, at, at + name.size())) {
        found |= 1u << i;
        break;
      }
    }
    if (found & enough) break;
  }
  return found;
}

#if defined(__SSE2__)
namespace {

// The first kPrefix letters of `N` names, each letter in all 16 lanes.
template <size_t N>
struct Prefixes {
  __m128i letters[N][kPrefix];
};

__m128i Load(const char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}

// Where in the 16 bytes at `data` one of the prefixes starts: a test that
// rarely passes elsewhere. The first and last letters alone rule out most
// chunks, so the middle ones are compared only in the rest. N is a template
// argument so that the compiler unrolls the loops (a run-time count made the
// scan twice as slow).
template <size_t N>
unsigned PrefixStarts(const char* data, const Prefixes<N>& prefixes) {
  static_assert(kPrefix == 4);
  __m128i first = Load(data), last = Load(data + 3);
  __m128i ends[N];
  __m128i any = _mm_setzero_si128();
  for (size_t p = 0; p < N; ++p) {
    const __m128i* letters = prefixes.letters[p];
    ends[p] = _mm_and_si128(_mm_cmpeq_epi8(first, letters[0]),
                            _mm_cmpeq_epi8(last, letters[3]));
    any = _mm_or_si128(any, ends[p]);
  }
  if (_mm_movemask_epi8(any) == 0) return 0;
  __m128i second = Load(data + 1), third = Load(data + 2);
  __m128i starts = _mm_setzero_si128();
  for (size_t p = 0; p < N; ++p) {
    const __m128i* letters = prefixes.letters[p];
    __m128i middle = _mm_and_si128(_mm_cmpeq_epi8(second, letters[1]),
                                   _mm_cmpeq_epi8(third, letters[2]));
    starts = _mm_or_si128(starts, _mm_and_si128(ends[p], middle));
  }
  return _mm_movemask_epi8(starts);
}

}  // namespace

template <size_t N>
unsigned MethodScan::ScanVector(std::string_view text, unsigned enough) const {
  Prefixes<N> prefixes;
  for (size_t p = 0; p < N; ++p) {
    for (size_t k = 0; k < kPrefix; ++k) {
      prefixes.letters[p][k] = _mm_set1_epi8(prefixes_[p][k]);
    }
  }
  unsigned found = 0;
  size_t i = 0;
  // Chunk i tests starts at i..i+15, reading up to i+15 + kPrefix-1.
  for (; i + 15 + kPrefix <= text.size(); i += 16) {
    for (unsigned bits = PrefixStarts<N>(text.data() + i, prefixes); bits != 0;
         bits &= bits - 1) {
      found |= NamesAt(text, i + __builtin_ctz(bits));
      if (found & enough) return found;
    }
  }
  if (i < text.size()) found |= ScanBytewiseFrom(text, i, enough);
  return found;
}

unsigned MethodScan::Scan(std::string_view text, unsigned enough) const {
  switch (prefixes_.size()) {
    case 1:
      return ScanVector<1>(text, enough);
    case 2:
      return ScanVector<2>(text, enough);
    case 3:
      return ScanVector<3>(text, enough);
    case 4:
      return ScanVector<4>(text, enough);
    default:  // short names, or more than the vector test takes
      return ScanBytewise(text, enough);
  }
}
#else
unsigned MethodScan::Scan(std::string_view text, unsigned enough) const {
  return ScanBytewise(text, enough);
}
#endif

}  // namespace psm
