#ifndef PSM_PROJECT_FIRST_MENTIONS_H_
#define PSM_PROJECT_FIRST_MENTIONS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "project/distinct_words.h"
#include "project/top_level_scan.h"

namespace psm {

// Whether the mention of the word `name` at `at` of `text`, the file's
// first, declares it at the start of its line (`var name = ...`, `let`,
// `const`, `function`, `class`) and the line names it no more: a classic
// script's own top-level binding, so its uses are of its own object (see
// FirstGlobalUse), known without parsing the file. Projects of classic
// scripts reuse names (`payload`) widely. (`var name = name || {}` reads
// another script's object; `var name;` gives it no value of its own.) Only
// a guess that a parse would confirm: a variable's statement must end on
// its line, and the line must start in top-level code (not in a function,
// a block or a comment), else the answer is false and the caller parses.
// `scan` is the text's own, asked in order where it can be (see
// TopLevelScan).
bool DeclaredByFirstMention(std::string_view text, size_t at,
                            std::string_view name, TopLevelScan& scan);

// What the project model's scans for names want of a file without reading
// it again (KnownWords keeps it between runs).
struct WordsRead {
  std::vector<uint32_t> words;  // sorted low 32 bits of WordHash
  // The same, of the words whose first mention may declare them: its line
  // starts with the declaration (a superset of DeclaredByFirstMention's).
  std::vector<uint32_t> declared;
  bool may_define_create_source = false;  // MayDefineCreateSource
  // What scans of this text learned since (project/declaration_answers.h).
  std::vector<uint32_t> answers;
};
WordsRead ReadWords(std::string_view text, DistinctWords& scratch);

}  // namespace psm

#endif  // PSM_PROJECT_FIRST_MENTIONS_H_
