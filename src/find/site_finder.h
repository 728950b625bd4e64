#ifndef PSM_FIND_SITE_FINDER_H_
#define PSM_FIND_SITE_FINDER_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// The method name the finder looks for; files without it are never parsed.
inline constexpr std::string_view kCreateSource = "createSource";

// Finds every `<receiver>.createSource(...)` call in the tree of `source`
// and follows its payload (the last argument) to the object literals that
// can reach it. Calls on receivers traced to another library (Stripe, ...)
// are left out. Sites come back in source order.
std::vector<CallSite> FindCallSites(std::string_view source, TSNode root);

}  // namespace psm

#endif  // PSM_FIND_SITE_FINDER_H_
