#ifndef PSM_FIND_REPLACED_DIGITAL_RIVER_H_
#define PSM_FIND_REPLACED_DIGITAL_RIVER_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Why the `DigitalRiver` a createSource receiver is made by
// (`new DigitalRiver(key)`, `var dr = DigitalRiver(key)`) may not be
// DigitalRiver.js, or "": the file binds the name itself (a class, a
// function, a variable, a parameter: a shim or a stand-in), or assigns the
// page's global (`window.DigitalRiver = ...`, `DigitalRiver = ...`).
// An import of it is the project model's business. `values`: what the
// receiver may hold (ReceiverValues).
std::string DigitalRiverReplacedHere(TSNode receiver,
                                     const std::vector<TSNode>& values,
                                     std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_REPLACED_DIGITAL_RIVER_H_
