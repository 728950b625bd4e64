#ifndef PSM_EDIT_MUTATION_INDEX_H_
#define PSM_EDIT_MUTATION_INDEX_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "find/call_site.h"
#include "rules/rule_table.h"

namespace psm {

// The writes to a call site's payload variable (`payload.x = ...;`) that can
// reach the call, by the first part of the path they set. Built once per site
// and asked once per payload literal, so that a site with N literals and N
// writes costs O(N) instead of pairing every write with every literal
// (issue 14: N = 2,000 took 28 s).
class MutationIndex {
 public:
  explicit MutationIndex(const std::vector<PayloadMutation>& mutations);

  // The writes a plan under `rule` must look at, in source order: those that
  // may set a path the rule removes (or a part of one), `type`, `sessionId`,
  // or an unknown path. Writes of other fields cannot change the plan.
  std::vector<const PayloadMutation*> Relevant(const MethodRule& rule) const;

 private:
  void Collect(std::string_view head, std::vector<size_t>* found) const;

  const std::vector<PayloadMutation>& mutations_;
  std::unordered_map<std::string, std::vector<size_t>> by_head_;
};

}  // namespace psm

#endif  // PSM_EDIT_MUTATION_INDEX_H_
