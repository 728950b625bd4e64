#ifndef PSM_FIND_UNNAMED_REACH_H_
#define PSM_FIND_UNNAMED_REACH_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "find/call_site.h"
#include "find/payload_uses.h"

namespace psm {

// Code that reaches a tracked payload binding without a use of its name
// that UsesOf would list: `eval`, an `export` on its declaration,
// `arguments` in the function it is a parameter of, and the global object
// (`window.payload`) for a name of the file's top level. Each sees every
// field under the binding's prefix.
void ObserveUnnamedReach(const TrackedBinding& tracked, std::string_view source,
                         std::vector<PayloadObserver>* observers);

// Whether `n` names a property of the page's global object:
// `window.name`, `self.name`, `globalThis.name`, `window['name']` (a
// top-level `var` or function of a classic script is one).
bool IsGlobalObjectProperty(TSNode n, std::string_view text);

}  // namespace psm

#endif  // PSM_FIND_UNNAMED_REACH_H_
