#ifndef PSM_FIND_PATCHED_CREATE_SOURCE_H_
#define PSM_FIND_PATCHED_CREATE_SOURCE_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Why the createSource a call reaches through `receiver` may be code of
// the file rather than DigitalRiver.js's, or "": the file writes a
// createSource (or a property it cannot name: `dr['create' + 'Source']`)
// onto the receiver, an alias of it, what its value is made from
// (`Object.assign(new DigitalRiver(key), { createSource(p) {...} })`), an
// object inside the factory it comes from (`makeDr()`), or the parameter
// of a helper the receiver is handed to (`patch(dr)`); or the receiver is
// a `Proxy`, whose handler may answer for createSource. The plain
// `api.createSource = function ...` of the shop's own objects is judged
// elsewhere (AssignsOwnCreateSource); this catches the wrapping of the
// DigitalRiver.js instance itself. `values`: what the receiver may hold
// (ReceiverValues).
std::string CreateSourcePatched(TSNode receiver,
                                const std::vector<TSNode>& held,
                                std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_PATCHED_CREATE_SOURCE_H_
