#ifndef PSM_FIND_MODULE_FACTORY_H_
#define PSM_FIND_MODULE_FACTORY_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// The object literal a function gives back when its one `return` (not
// counting those of functions inside it) ends its body and returns that
// literal, or when it is an arrow function whose body is the literal;
// null otherwise.
TSNode OnlyReturnedObject(TSNode function);

// `(($, params) => { ...; return { getPayload }; })(jQuery, params)`, the
// revealing-module pattern of jQuery-era and WordPress scripts: the object
// the function called in place returns (OnlyReturnedObject), made once when
// the module loads, as a literal would be. Null for any other call.
TSNode ImmediatelyReturnedObject(TSNode call);

// `value` itself, or the object it returns when it is a function called
// in place (ImmediatelyReturnedObject).
TSNode InPlaceValue(TSNode value);

// Whether `object` is the object a module's factory returns: a function
// called in place (ImmediatelyReturnedObject) or an AMD `define(...)`
// factory, whose `return { build }` names what the module gives, as
// `module.exports = { build }` does.
bool IsModuleFactoryObject(TSNode object, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_MODULE_FACTORY_H_
