#ifndef PSM_FIND_UNSEEN_CLASS_H_
#define PSM_FIND_UNSEEN_CLASS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Why a createSource receiver holding `values` (see ReceiverValues) may be
// another library's object; "" when none says so. DigitalRiver.js's
// instance is made by `DigitalRiver(key)` or `new DigitalRiver(key)`, never
// with `new` of another name: a value made with `new` from a class the file
// neither defines nor imports (`new AcmePayments(key)` of a vendor's script
// tag, `new mapboxgl.Map()`, `new (window.AudioContext || ...)()`) is some
// library's object whose createSource the tool cannot see. (A class the
// file imports is asked about through the project model instead.)
std::string MadeByUnseenClass(TSNode receiver,
                              const std::vector<TSNode>& values,
                              std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_UNSEEN_CLASS_H_
