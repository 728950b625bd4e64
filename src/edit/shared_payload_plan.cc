#include <algorithm>

#include "edit/site_plan.h"

namespace psm {
namespace {

// "PayPalRequest (src/payments/paypal-request.js:5, payPal)".
std::string Described(const PayloadUser& user) {
  std::string method = user.method.empty()
                           ? "payment type unknown: " + user.why_unknown
                           : user.method;
  return user.name + " (" + user.where + ", " + method + ")";
}

std::string UsersListed(const std::vector<PayloadUser>& users) {
  std::string list;
  for (const PayloadUser& u : users)
    list += (list.empty() ? "" : ", ") + Described(u);
  return list;
}

// Every user's plan makes the same edits, none of them is left unknown.
bool Agree(const std::vector<SitePlan>& plans,
           const std::vector<PayloadUser>& users) {
  for (size_t i = 0; i < plans.size(); ++i) {
    if (users[i].method.empty() ||
        plans[i].status == SiteStatus::kUnknownMethod ||
        plans[i].edits.edits() != plans[0].edits.edits()) {
      return false;
    }
  }
  return true;
}

// The plan every user agrees on, with the worst status and each reason
// once.
SitePlan Merged(std::vector<SitePlan> plans) {
  SitePlan merged = std::move(plans[0]);
  for (size_t i = 1; i < plans.size(); ++i) {
    merged.status = WorseStatus(merged.status, plans[i].status);
    for (std::string& r : plans[i].reasons) {
      if (std::find(merged.reasons.begin(), merged.reasons.end(), r) ==
          merged.reasons.end())
        merged.reasons.push_back(std::move(r));
    }
  }
  return merged;
}

}  // namespace

SitePlan PlanSharedPayload(const CallSite& site, std::string_view text,
                           const RuleTable& rules, const PlanOptions& options) {
  if (site.users.empty()) return PlanSite(site, text, rules, options);
  std::vector<SitePlan> plans;
  for (const PayloadUser& user : site.users) {
    PlanOptions mine = options;
    mine.forced_method = user.method.empty() ? "?" : user.method;
    mine.session_id_elsewhere = user.sets_type;
    plans.push_back(PlanSite(site, text, rules, mine));
  }
  if (Agree(plans, site.users)) return Merged(std::move(plans));
  SitePlan refused;
  refused.status = SiteStatus::kNeedsReview;
  refused.reasons.push_back(
      std::string(kSharedPayloadRefused) + UsersListed(site.users) +
      ", which need different edits in it (a field one method drops, another "
      "keeps, or a payment type the tool cannot tell); nothing was changed: "
      "give each payment method its own fields, or migrate by hand");
  return refused;
}

}  // namespace psm
