#ifndef PSM_PROJECT_RECEIVER_MIX_H_
#define PSM_PROJECT_RECEIVER_MIX_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// A receiver another module hands out, read through `path` from the value
// it exports (`exported`, in `text`): `deps.api` with `export const deps =
// { api: DigitalRiver(key) }` and `deps.api = new Backend()` in a function
// there, or `this.client` of an exported class set to both. Why it may
// hold DigitalRiver.js or another object (see EitherValuesReason); "" when
// every value it is given there is of one kind.
std::string MixedReceiverAlong(TSNode exported,
                               const std::vector<std::string>& path,
                               std::string_view text);

}  // namespace psm

#endif  // PSM_PROJECT_RECEIVER_MIX_H_
