#ifndef PSM_FIND_OBJECT_LEAVES_H_
#define PSM_FIND_OBJECT_LEAVES_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// True when other modules may reach the methods of the object literal
// `object`: exported (`export default {...}`, `module.exports = {...}`),
// returned (an AMD factory's `return {...}`), handed to a call
// (`Component.extend({...})`, `Vue.component('x', {...})`), set on another
// object (`window.checkout = {...}`), or held by a name that does one of
// these; also when it is a property of such an object.
bool ObjectLeavesFile(TSNode object, std::string_view source);

// The object literal whose method `self` (a `this`) is in (`{ pay() {
// this... } }`, `{ pay: function () { this... } }`, arrows looked through);
// null in a class or a plain function.
TSNode ObjectOfThis(TSNode self);

}  // namespace psm

#endif  // PSM_FIND_OBJECT_LEAVES_H_
