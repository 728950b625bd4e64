#ifndef PSM_FIND_SESSION_API_FINDER_H_
#define PSM_FIND_SESSION_API_FINDER_H_

#include <tree_sitter/api.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_range.h"

namespace psm {

// DigitalRiver.js calls other than createSource that accept a payment
// session: the reviewer should see them as part of the migration surface.
inline constexpr std::array<std::string_view, 3> kSessionApis = {
    "retrieveAvailablePaymentMethods", "createDropin", "createElement"};

// A call that could be configured with `sessionId` but is not.
struct SessionApiSite {
  ByteRange call;
  std::string api;     // "createDropin", ...
  std::string reason;  // what the reviewer should do
};

// True when `text` may hold such a call (cheap byte test used before
// parsing), given which of kSessionApis it calls: bit i stands for
// kSessionApis[i], as MethodScan reports them. createElement only counts
// with a DigitalRiver.js element type as its first argument (a string
// literal), so React and DOM code is not parsed for it.
bool MayContainSessionApis(std::string_view text, unsigned called);

std::vector<SessionApiSite> FindSessionApiSites(std::string_view source,
                                                TSNode root);

}  // namespace psm

#endif  // PSM_FIND_SESSION_API_FINDER_H_
