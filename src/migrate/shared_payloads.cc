#include "migrate/shared_payloads.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "common/text_lines.h"

namespace psm {
namespace {

// One literal (by its range, which identifies it within a file) that a
// site's payload is made of.
struct LiteralUse {
  uint32_t begin, end;
  size_t site;
  friend auto operator<=>(const LiteralUse&, const LiteralUse&) = default;
};

// Every literal a site's payload is made of, nested ones included.
void CollectLiterals(const ObjectLiteral& object, size_t site,
                     std::vector<LiteralUse>* uses) {
  uses->push_back({object.range.begin, object.range.end, site});
  for (const Member& m : object.members) {
    if (m.object) CollectLiterals(*m.object, site, uses);
  }
}

using LiteralUsers = std::map<std::pair<uint32_t, uint32_t>, std::set<size_t>>;

// The literals that several sites share, with their sites. A sorted list
// rather than a map of every literal: most literals have one site, and a
// file can have thousands.
LiteralUsers SharedLiterals(const std::vector<CallSite>& sites) {
  std::vector<LiteralUse> uses;
  for (size_t i = 0; i < sites.size(); ++i) {
    for (const PayloadLiteral& p : sites[i].payloads) {
      CollectLiterals(p.object, i, &uses);
    }
  }
  std::sort(uses.begin(), uses.end());
  LiteralUsers shared;
  for (size_t i = 0, j = 0; i < uses.size(); i = j) {
    auto same_literal = [&](const LiteralUse& u) {
      return u.begin == uses[i].begin && u.end == uses[i].end;
    };
    while (j < uses.size() && same_literal(uses[j])) ++j;
    if (uses[i].site == uses[j - 1].site) continue;  // one site only
    std::set<size_t>& group = shared[{uses[i].begin, uses[i].end}];
    for (size_t k = i; k < j; ++k) group.insert(uses[k].site);
  }
  return shared;
}

// The edits of `plan` that fall inside `range`.
std::vector<Edit> EditsWithin(const SitePlan& plan, ByteRange range) {
  std::vector<Edit> inside;
  for (const Edit& e : plan.edits.edits()) {
    if (range.begin <= e.range.begin && e.range.end <= range.end)
      inside.push_back(e);
  }
  return inside;
}

std::map<size_t, std::string> Disagreements(const std::vector<CallSite>& sites,
                                            LinesOnDemand& lines,
                                            const LiteralUsers& users,
                                            const std::vector<SitePlan>& plans);

void Refuse(SitePlan* plan, const std::string& reason) {
  plan->status = SiteStatus::kNeedsReview;
  plan->edits = EditSet();
  plan->removed.clear();
  plan->ledger.clear();
  plan->added_session_id = false;
  plan->reasons.push_back(reason);
}

}  // namespace

void ReconcileSharedLiterals(const std::vector<CallSite>& sites,
                             std::string_view text,
                             std::vector<SitePlan>* plans) {
  LiteralUsers users = SharedLiterals(sites);
  if (users.empty()) return;
  LinesOnDemand lines(text);
  // Refusing a site drops its edits, which can part it from a third site
  // it agreed with: repeat until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    std::map<size_t, std::string> why =
        Disagreements(sites, lines, users, *plans);
    for (const auto& [i, reason] : why) {
      if ((*plans)[i].edits.empty() &&
          (*plans)[i].status == SiteStatus::kNeedsReview)
        continue;
      Refuse(&(*plans)[i], reason);
      changed = true;
    }
  }
}

namespace {

std::map<size_t, std::string> Disagreements(
    const std::vector<CallSite>& sites, LinesOnDemand& lines,
    const LiteralUsers& users, const std::vector<SitePlan>& plans) {
  std::map<size_t, std::string> why;
  for (const auto& [range, group] : users) {
    if (group.size() < 2) continue;
    ByteRange literal{range.first, range.second};
    std::vector<Edit> first = EditsWithin(plans[*group.begin()], literal);
    bool agree = std::all_of(group.begin(), group.end(), [&](size_t i) {
      return EditsWithin(plans[i], literal) == first;
    });
    if (agree) continue;
    std::string at_lines;
    for (size_t i : group) {
      at_lines += (at_lines.empty() ? "" : ", ") +
                  std::to_string(lines.Line(sites[i].call.begin));
    }
    for (size_t i : group) {
      if (!why.contains(i)) {
        why[i] = "the object at line " +
                 std::to_string(lines.Line(literal.begin)) +
                 " is part of the payloads at lines " + at_lines +
                 ", which need different edits in it (a field one method "
                 "drops, another keeps); nothing was changed: migrate by hand";
      }
    }
  }
  return why;
}

}  // namespace

}  // namespace psm
