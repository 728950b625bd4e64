#ifndef PSM_PROJECT_TOP_LEVEL_SCAN_H_
#define PSM_PROJECT_TOP_LEVEL_SCAN_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace psm {

// Whether places of a script's text lie in its top-level code: outside
// every brace, bracket and parenthesis, comment, string, template and
// regular expression literal. Read by a lexer that goes forward through
// the text once for places asked in order (it starts over for one before
// the last), so a file's first mentions cost one pass.
//
// For the project model's guesses without a parse (DeclaredByFirstMention):
// a line that starts `var payload = ...` inside a function, or inside a
// comment, declares no global. Where the lexer cannot tell (a `/` it cannot
// place, text it does not end), it answers false: the caller then parses.
class TopLevelScan {
 public:
  explicit TopLevelScan(std::string_view text) : text_(text) {}

  bool AtTopLevel(size_t at);

  // Where the statement starting at `at`, a place AtTopLevel said yes to,
  // ends: just past its `;`, or at the end of a line that no next line
  // continues (automatic semicolon insertion). npos when the lexer cannot
  // tell.
  size_t StatementEnd(size_t at) const;

 private:
  enum class State {
    kCode,
    kLineComment,
    kBlockComment,
    kQuote,
    kTemplate,
    kRegex,
    kRegexClass,
    kLost
  };
  void Restart();
  void Step();  // reads the byte at pos_
  bool SkipPlain(size_t at);
  bool RegexMayStart() const;
  bool DividesEitherWay() const;

  std::string_view text_;
  size_t pos_ = 0;
  State state_ = State::kCode;
  char quote_ = 0;
  int depth_ = 0;  // of braces, brackets and parentheses in code
  // For each template whose `${` is open: the depth its `}` returns to.
  std::vector<int> templates_;
  char last_ = 0;       // the last byte of code that is not a space
  size_t last_at_ = 0;  // where it stands
};

}  // namespace psm

#endif  // PSM_PROJECT_TOP_LEVEL_SCAN_H_
