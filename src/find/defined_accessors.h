#ifndef PSM_FIND_DEFINED_ACCESSORS_H_
#define PSM_FIND_DEFINED_ACCESSORS_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace psm {

// Adds to `names` the properties a file defines accessors for by call
// rather than by `get x() {}` syntax:
// - `Object.defineProperty(o, 'total', {get ...})`,
//   `o.__defineGetter__('total', ...)`: the string named; "*" (any name)
//   for `Object.defineProperty(o, key, { get() {...} })`;
// - `Object.defineProperties(o, {total: {get ...}})`: the keys of the
//   object written as its second argument (any of them may be a getter);
// - a transpiler's class helper (`_createClass(C, [{key: 'total', get:
//   function get() {...}}])`): each descriptor's `key` when the same
//   descriptor has `get` or `set`. Descriptors of plain methods (`{key:
//   'render', value: function render() {...}}`) are not accessors.
// Read from the text: it can only err towards "may be a getter".
void AddDefinedAccessors(std::string_view source,
                         std::unordered_set<std::string>* names);

}  // namespace psm

#endif  // PSM_FIND_DEFINED_ACCESSORS_H_
