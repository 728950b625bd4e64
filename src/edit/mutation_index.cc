#include "edit/mutation_index.h"

#include <algorithm>
#include <set>

#include "common/step_counter.h"

namespace psm {
namespace {

// "payPal" for "payPal.items": two paths can only touch (one within the
// other) when their first parts are equal.
std::string_view Head(std::string_view path) {
  return path.substr(0, path.find('.'));
}

}  // namespace

MutationIndex::MutationIndex(const std::vector<PayloadMutation>& mutations)
    : mutations_(mutations) {
  for (size_t i = 0; i < mutations.size(); ++i) {
    // A write after the call cannot change what the call receives.
    if (mutations[i].after_call) continue;
    by_head_[std::string(Head(mutations[i].path))].push_back(i);
  }
  CountSteps(mutations.size());
}

void MutationIndex::Collect(std::string_view head,
                            std::vector<size_t>* found) const {
  auto it = by_head_.find(std::string(head));
  if (it == by_head_.end()) return;
  found->insert(found->end(), it->second.begin(), it->second.end());
}

std::vector<const PayloadMutation*> MutationIndex::Relevant(
    const MethodRule& rule) const {
  if (by_head_.empty()) return {};  // most payloads: written once, inline
  std::set<std::string_view> heads = {"", "type", "sessionId"};
  for (const std::string& path : rule.remove) heads.insert(Head(path));
  std::vector<size_t> found;
  for (std::string_view head : heads) Collect(head, &found);
  std::sort(found.begin(), found.end());
  CountSteps(heads.size() + found.size());
  std::vector<const PayloadMutation*> relevant;
  relevant.reserve(found.size());
  for (size_t i : found) relevant.push_back(&mutations_[i]);
  return relevant;
}

}  // namespace psm
