#include "project/declaration_answers.h"

namespace psm {
namespace {

uint32_t High(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
uint32_t LowKey(uint64_t hash) { return static_cast<uint32_t>(hash) & ~1u; }

}  // namespace

std::optional<bool> FindDeclarationAnswer(std::span<const uint32_t> answers,
                                          uint64_t hash) {
  for (size_t i = 0; i + 1 < answers.size(); i += 2) {
    if (answers[i] == High(hash) && (answers[i + 1] & ~1u) == LowKey(hash))
      return (answers[i + 1] & 1u) != 0;
  }
  return std::nullopt;
}

void AddDeclarationAnswer(std::vector<uint32_t>* answers, uint64_t hash,
                          bool declared) {
  if (FindDeclarationAnswer(*answers, hash)) return;  // the text's answer
  answers->push_back(High(hash));
  answers->push_back(LowKey(hash) | (declared ? 1u : 0u));
}

}  // namespace psm
