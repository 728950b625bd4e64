#include "project/top_level_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace psm {

void TopLevelScan::Restart() {
  pos_ = 0;
  state_ = State::kCode;
  quote_ = 0;
  depth_ = 0;
  templates_.clear();
  last_ = 0;
}

bool TopLevelScan::AtTopLevel(size_t at) {
  if (at < pos_) Restart();
  at = std::min(at, text_.size());
  while (pos_ < at && state_ != State::kLost) {
    if (!SkipPlain(at)) Step();
  }
  return pos_ == at && state_ == State::kCode && depth_ == 0;
}

namespace {

// The bytes that may change the lexer's state in code.
constexpr std::array<bool, 256> kSpecialInCode = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("/'\"`{}[]()")) table[c] = true;
  return table;
}();

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

// Moves over a run of bytes that cannot change the state, up to `at`, in
// one go: most of a file is names, operators, spaces and the insides of
// comments and strings (stepping byte by byte cost 50 instructions a byte,
// most of a cold pre-commit run). False when the next byte needs Step.
bool TopLevelScan::SkipPlain(size_t at) {
  size_t k = pos_;
  switch (state_) {
    case State::kCode: {
      while (k < at && !kSpecialInCode[static_cast<unsigned char>(text_[k])])
        ++k;
      size_t j = k;  // the last byte that is not a space sets last_
      while (j > pos_ && IsSpace(text_[j - 1])) --j;
      if (j > pos_) {
        last_ = text_[j - 1];
        last_at_ = j - 1;
      }
      break;
    }
    case State::kLineComment:
      k = std::min(text_.find('\n', k), at);
      break;
    case State::kBlockComment:
      while (k < at && text_[k] != '*') ++k;
      break;
    case State::kQuote:
      while (k < at && text_[k] != quote_ && text_[k] != '\\' &&
             text_[k] != '\n')
        ++k;
      break;
    default:
      return false;
  }
  if (k == pos_) return false;
  pos_ = k;
  return true;
}

// A `/` in code starts a regular expression after an operator, an opening
// bracket, a keyword that takes an expression (`return /}/.test(s)`) or the
// start; after a name, a number or a closing bracket it divides.
bool TopLevelScan::RegexMayStart() const {
  if (last_ == 0 || std::strchr("(,=:[!&|?{};+-*%<>~^", last_) != nullptr)
    return true;
  size_t end = last_at_ + 1, begin = end;
  while (begin > 0 &&
         (std::isalnum(static_cast<unsigned char>(text_[begin - 1])) ||
          text_[begin - 1] == '_' || text_[begin - 1] == '$'))
    --begin;
  std::string_view word = text_.substr(begin, end - begin);
  for (std::string_view k :
       {"return", "typeof", "case", "do", "else", "in", "of", "void", "delete",
        "throw", "instanceof", "new", "yield", "await"}) {
    if (word == k) return true;
  }
  return false;
}

size_t TopLevelScan::StatementEnd(size_t at) const {
  TopLevelScan rest(text_);  // from `at`, in code at depth 0
  rest.pos_ = at;
  while (rest.pos_ < text_.size() && rest.state_ != State::kLost) {
    bool in_code = rest.state_ == State::kCode && rest.depth_ == 0 &&
                   rest.templates_.empty();
    // Inside brackets, strings or comments, or on a run of names: to the
    // next byte that matters, as AtTopLevel does (but `;` and line ends
    // matter here at depth 0).
    if (!in_code || !std::strchr(";\n", text_[rest.pos_])) {
      size_t stop = in_code ? std::min(text_.find_first_of(";\n", rest.pos_),
                                       text_.size())
                            : text_.size();
      if (stop > rest.pos_ && rest.SkipPlain(stop)) continue;
    }
    char c = text_[rest.pos_];
    if (in_code && c == ';') return rest.pos_ + 1;
    if (in_code && c == '\n') {
      // The line ends the statement unless it ends in an operator or the
      // next line starts with one (or a bracket: a call, an index).
      size_t next = text_.find_first_not_of(" \t\r\n", rest.pos_);
      bool open = rest.last_ != 0 &&
                  std::strchr("=+-*/%&|^!?:,.<>(", rest.last_) != nullptr;
      bool continued =
          next != std::string_view::npos &&
          std::strchr("([.+-*/%&|^?:,=<>`", text_[next]) != nullptr;
      if (!open && !continued) return rest.pos_;
    }
    rest.Step();
  }
  return rest.pos_ >= text_.size() && rest.state_ == State::kCode &&
                 rest.depth_ == 0
             ? text_.size()
             : std::string_view::npos;
}

// For a `/` after `)`, at pos_ - 1: whether reading it as a division or
// as a regular expression leaves the lexer in the same place. True when no
// `/` ends a regular expression on the line (so it divides), or when what
// such a one would hold has no bracket, quote or comment either reading
// would count differently.
bool TopLevelScan::DividesEitherWay() const {
  size_t k = pos_;
  bool in_class = false;
  for (; k < text_.size() && text_[k] != '\n'; ++k) {
    char c = text_[k];
    if (c == '\\') {
      ++k;
    } else if (c == '[') {
      in_class = true;
    } else if (c == ']') {
      in_class = false;
    } else if (c == '/' && !in_class) {
      break;
    }
  }
  if (k >= text_.size() || text_[k] == '\n') return true;
  std::string_view held = text_.substr(pos_, k - pos_);
  return held.find_first_of("{}[]()'\"`") == std::string_view::npos &&
         held.find("/*") == std::string_view::npos;
}

void TopLevelScan::Step() {
  char c = text_[pos_];
  char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
  ++pos_;
  switch (state_) {
    case State::kLineComment:
      if (c == '\n') state_ = State::kCode;
      return;
    case State::kBlockComment:
      if (c == '*' && next == '/') {
        ++pos_;
        state_ = State::kCode;
      }
      return;
    case State::kQuote:
      if (c == '\\') {
        ++pos_;
      } else if (c == quote_) {
        state_ = State::kCode;
        last_ = c;
      } else if (c == '\n') {
        state_ = State::kLost;  // an unterminated string
      }
      return;
    case State::kTemplate:
      if (c == '\\') {
        ++pos_;
      } else if (c == '`') {
        state_ = State::kCode;
        last_ = c;
      } else if (c == '$' && next == '{') {
        ++pos_;
        templates_.push_back(depth_);
        ++depth_;
        state_ = State::kCode;
        last_ = '{';
      }
      return;
    case State::kRegex:
      if (c == '\\') {
        ++pos_;
      } else if (c == '[') {
        state_ = State::kRegexClass;
      } else if (c == '/') {
        state_ = State::kCode;
        last_ = 'x';  // a regex divides like a name: `/a/g / 2`
        last_at_ = pos_ - 1;
      } else if (c == '\n') {
        state_ = State::kLost;
      }
      return;
    case State::kRegexClass:
      if (c == '\\') ++pos_;
      if (c == ']') state_ = State::kRegex;
      if (c == '\n') state_ = State::kLost;
      return;
    case State::kLost:
      return;
    case State::kCode:
      break;
  }
  switch (c) {
    case '/':
      if (next == '/') {
        state_ = State::kLineComment;
      } else if (next == '*') {
        ++pos_;
        state_ = State::kBlockComment;
      } else if (RegexMayStart()) {
        state_ = State::kRegex;
      } else if (last_ == ')' && !DividesEitherWay()) {
        // `if (ok) /}/.test(s)` or `(a + b) / 2`: only a parser knows.
        state_ = State::kLost;
      } else {
        last_ = c;
      }
      return;
    case '\'':
    case '"':
      state_ = State::kQuote;
      quote_ = c;
      return;
    case '`':
      state_ = State::kTemplate;
      return;
    case '{':
    case '[':
    case '(':
      ++depth_;
      break;
    case '}':
      if (!templates_.empty() && templates_.back() == depth_ - 1) {
        templates_.pop_back();
        --depth_;
        state_ = State::kTemplate;
        return;
      }
      [[fallthrough]];
    case ']':
    case ')':
      if (--depth_ < 0) state_ = State::kLost;
      break;
    default:
      break;
  }
  if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
    last_ = c;
    last_at_ = pos_ - 1;
  }
}

}  // namespace psm
