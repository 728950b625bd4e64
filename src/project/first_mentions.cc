#include "project/first_mentions.h"

#include <algorithm>

#include "common/strings.h"
#include "find/own_create_source.h"
#include "project/top_level_scan.h"

namespace psm {
namespace {

// Whether the word at `at` of `text` is declared there, at the start of
// its line (`var name`, `let`, `const`, `function`, `class`): a script's
// own top-level binding, so its uses are of its own object (see
// FirstGlobalUse), known without parsing it when it is the file's first
// mention of the name and its line names it no more (`var name = name ||
// {}` reads another script's object: ReadsBeforeOwnValue). Projects of
// classic scripts reuse names (`payload`) widely.
bool DeclaredAt(std::string_view text, size_t at) {
  // What stands between the line's start and the word, found without
  // looking back for the line's start (a bundle's line is a megabyte, and
  // this is asked of every distinct word).
  std::string_view before = text.substr(0, at);
  std::string_view keyword;
  for (std::string_view k : {"function ", "class ", "var ", "let ", "const "}) {
    if (before.ends_with(k) && (before.size() == k.size() ||
                                before[before.size() - k.size() - 1] == '\n')) {
      keyword = k;
      break;
    }
  }
  if (keyword == "function " || keyword == "class ") return true;
  if (keyword.empty()) return false;
  // `var name;` gives it no value of its own: it names the same global.
  size_t k = text.find_first_not_of(" \t", at);
  while (k < text.size() && IsIdentifierByte(text[k])) ++k;
  k = text.find_first_not_of(" \t", k);
  return k < text.size() && text[k] == '=' && text.compare(k, 2, "==") != 0;
}

// Whether the line of the word `name` at `at` names it again after it.
bool NamedAgainOnItsLine(std::string_view text, size_t at,
                         std::string_view name) {
  size_t end = std::min(text.find('\n', at), text.size());
  std::string_view rest = text.substr(at + name.size(), end - at - name.size());
  return !WordsAt(rest, name).empty();
}

}  // namespace

bool DeclaredByFirstMention(std::string_view text, size_t at,
                            std::string_view name, TopLevelScan& scan) {
  if (!DeclaredAt(text, at) || NamedAgainOnItsLine(text, at, name))
    return false;
  // `function name` and `class name` declare with their body; a variable's
  // value must end on the line.
  size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
  line = line == std::string_view::npos || at == 0 ? 0 : line + 1;
  bool variable = text.compare(line, 9, "function ") != 0 &&
                  text.compare(line, 6, "class ") != 0;
  // Not inside a function, a block or a comment: a lexer's pass to here.
  if (!scan.AtTopLevel(line)) return false;
  if (!variable) return true;
  // Its value may not name it (`var payload =` then `payload || {}` on the
  // next line reads another script's object first), to the statement's
  // end, which the lexer must find.
  size_t end = scan.StatementEnd(at + name.size());
  return end != std::string_view::npos &&
         WordsAt(text.substr(at + name.size(), end - at - name.size()), name)
             .empty();
}

WordsRead ReadWords(std::string_view text, DistinctWords& scratch) {
  WordsRead read;
  // DistinctWords calls back at each word's first mention. Only the cheap
  // half of DeclaredByFirstMention is asked here (a line starting with the
  // declaration): for a file whose first mention of a name asked about may
  // declare it, the scan reads the file and asks the rest (the top-level
  // lexer cost two thirds of recording the words of every file).
  scratch.Of(text, [&](std::string_view word, uint64_t hash) {
    auto low = static_cast<uint32_t>(hash);
    read.words.push_back(low);
    auto at = static_cast<size_t>(word.data() - text.data());
    if (DeclaredAt(text, at)) read.declared.push_back(low);
  });
  for (std::vector<uint32_t>* v : {&read.words, &read.declared}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  read.may_define_create_source = MayDefineCreateSource(text);
  return read;
}

}  // namespace psm
