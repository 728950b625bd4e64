#ifndef PSM_PROJECT_DECLARATION_ANSWERS_H_
#define PSM_PROJECT_DECLARATION_ANSWERS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace psm {

// What a scan learned of a file's text for a name it asked about: whether
// the name's first mention declares it (DeclaredByFirstMention). The word
// store keeps these with the file's words, so that the next run answers
// from the store instead of reading the file again (issue 14: a pre-commit
// run in the bench's dense-git read 19 files for this alone).
//
// Kept by the name's whole 64-bit WordHash, with its lowest bit replaced
// by the answer: a 32-bit hash only tells which files may name a word,
// this one answers for the name. Two uint32 per answer, the high half
// first; a file holds a few.
std::optional<bool> FindDeclarationAnswer(std::span<const uint32_t> answers,
                                          uint64_t hash);
void AddDeclarationAnswer(std::vector<uint32_t>* answers, uint64_t hash,
                          bool declared);

}  // namespace psm

#endif  // PSM_PROJECT_DECLARATION_ANSWERS_H_
