#ifndef PSM_FIND_GLOBAL_VALUES_H_
#define PSM_FIND_GLOBAL_VALUES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// What one script gives the global `name` (a createSource receiver another
// script calls, `ShopApi.createSource(p)`): the values of its top-level
// `var`/`let`/`const name = ...`, of `name = ...` where no declaration of
// the file shadows it, and of `window.name = ...` (`self.`, `globalThis.`).
// The sides of `||` / `??` count one by one; the name itself (`window.name
// || {}`) and an empty `{}` (a namespace made before its members) do not.
struct GlobalGiven {
  std::vector<TSNode> values;
  // Where the script gives it a createSource function of its own
  // (`name.createSource = function ...`); null when it does not.
  TSNode own_create_source{};
};

// The global a createSource receiver names when the file does not declare
// it: "ShopApi" for `ShopApi` or `window.ShopApi`, "Shop.Payments" for a
// member of a global namespace (`Shop.Payments`); "" otherwise.
std::string GlobalReceiverName(TSNode receiver, std::string_view source);

// The word the project's files are searched for to find writes of the
// global `name`: its last member ("Payments" for "Shop.Payments").
std::string_view GlobalWord(std::string_view name);

GlobalGiven ValuesGivenToGlobal(std::string_view name, TSNode root,
                                std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_GLOBAL_VALUES_H_
