#include "edit/site_plan.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "edit/literal_planner.h"

namespace psm {
namespace {

// Worst-first order used to combine several literals into one site status.
int Severity(SiteStatus s) {
  switch (s) {
    case SiteStatus::kNeedsReview:
      return 3;
    case SiteStatus::kUnknownMethod:
      return 2;
    case SiteStatus::kIgnored:
      return 0;
    case SiteStatus::kCanUseSession:
      return 0;
    case SiteStatus::kMigrated:
      return 1;
    case SiteStatus::kAlreadyMigrated:
      return 0;
  }
  return 3;
}

// Adds the plan of one of a site's `literal_count` literals to the site's.
// A lone literal's plan becomes the site's whole (nothing is copied): the
// site holds nothing else yet but its status.
void Combine(SitePlan part, size_t literal_count, const std::string& origin,
             SitePlan* site) {
  if (literal_count == 1) {
    part.status = WorseStatus(site->status, part.status);
    *site = std::move(part);
    return;
  }
  site->status = WorseStatus(site->status, part.status);
  if (!part.method.empty() &&
      site->method.find(part.method) == std::string::npos) {
    site->method += (site->method.empty() ? "" : ",") + part.method;
  }
  for (std::string& path : part.removed) {
    if (std::find(site->removed.begin(), site->removed.end(), path) ==
        site->removed.end()) {
      site->removed.push_back(std::move(path));
    }
  }
  site->added_session_id = site->added_session_id || part.added_session_id;
  for (uint32_t at : part.session_at) site->session_at.push_back(at);
  for (Removal& r : part.ledger) site->ledger.push_back(std::move(r));
  for (std::string& reason : part.reasons) {
    site->reasons.push_back(literal_count > 1 ? origin + ": " + reason
                                              : std::move(reason));
  }
  site->shapes.Append(std::move(part.shapes));
  if (site->edits.AddAll(std::move(part.edits))) {
    site->status = SiteStatus::kNeedsReview;
    site->reasons.push_back(
        "internal error: conflicting edits; nothing changed");
  }
}

// Literals that form one payload each: a lone literal, or the parts of one
// merge, in source order of their first part.
std::vector<std::vector<const PayloadLiteral*>> Units(const CallSite& site) {
  std::vector<std::vector<const PayloadLiteral*>> units;
  std::map<int, size_t> unit_of_group;
  for (const PayloadLiteral& literal : site.payloads) {
    if (literal.group < 0) {
      units.push_back({&literal});
      continue;
    }
    auto [it, fresh] = unit_of_group.try_emplace(literal.group, units.size());
    if (fresh) units.emplace_back();
    units[it->second].push_back(&literal);
  }
  return units;
}

}  // namespace

SiteStatus WorseStatus(SiteStatus a, SiteStatus b) {
  return Severity(b) > Severity(a) ? b : a;
}

std::string_view StatusName(SiteStatus status) {
  switch (status) {
    case SiteStatus::kMigrated:
      return "migrated";
    case SiteStatus::kAlreadyMigrated:
      return "already-migrated";
    case SiteStatus::kNeedsReview:
      return "needs-review";
    case SiteStatus::kUnknownMethod:
      return "unknown-method";
    case SiteStatus::kIgnored:
      return "ignored";
    case SiteStatus::kCanUseSession:
      return "can-use-session";
  }
  return "needs-review";
}

SitePlan PlanSite(const CallSite& site, std::string_view text,
                  const RuleTable& rules, const PlanOptions& options) {
  SitePlan plan;
  if (site.has_error) {
    plan.reasons.push_back(
        "a syntax error surrounds this call; fix the file first");
    return plan;
  }
  if (!site.refused.empty()) {
    plan.reasons.push_back(site.refused);
    return plan;
  }
  plan.status = SiteStatus::kAlreadyMigrated;
  std::vector<std::vector<const PayloadLiteral*>> units = Units(site);
  if (units.size() > 1) {
    plan.reasons.push_back(
        std::to_string(units.size()) +
        " payload literals can reach this call; each is migrated "
        "by its own type");
  }
  MutationIndex mutations(site.mutations);
  for (const auto& unit : units) {
    std::vector<const ObjectLiteral*> parts;
    for (const PayloadLiteral* literal : unit)
      parts.push_back(&literal->object);
    SitePlan part = PlanLiteral(parts, site, mutations, text, rules, options);
    Combine(std::move(part), units.size(), unit.front()->origin, &plan);
  }
  for (const std::string& blind : site.blind_spots)
    plan.reasons.push_back(blind);
  if (!site.blind_spots.empty()) plan.status = SiteStatus::kNeedsReview;
  if (site.payloads.empty() && site.blind_spots.empty()) {
    plan.status = SiteStatus::kNeedsReview;
    plan.reasons.push_back("the tool found no payload for this call");
  }
  return plan;
}

}  // namespace psm
