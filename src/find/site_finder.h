#ifndef PSM_FIND_SITE_FINDER_H_
#define PSM_FIND_SITE_FINDER_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// The method name the finder looks for; files without it are never parsed.
inline constexpr std::string_view kCreateSource = "createSource";

// Files with fewer createSource calls than this are worked on one thread;
// larger ones may split their per-site work over a spare core
// (common/spare_cores.h): a thread costs ~0.1 ms to start, a site ~25 µs.
inline constexpr size_t kSitesWorthACore = 512;

// Finds every call of a `createSource` method in the tree of `source`,
// however the method is taken off its object and called (see
// CallsOfMethod), and follows its payload (the last argument) to the object
// literals that can reach it. Calls on receivers that are not
// DigitalRiver.js (see ClassifyReceiver) are left out, and noted in
// `passed_over` when given. Sites come back in source order.
std::vector<CallSite> FindCallSites(
    std::string_view source, TSNode root,
    std::vector<PassedOverCall>* passed_over = nullptr);

}  // namespace psm

#endif  // PSM_FIND_SITE_FINDER_H_
