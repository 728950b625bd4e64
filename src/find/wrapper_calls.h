#ifndef PSM_FIND_WRAPPER_CALLS_H_
#define PSM_FIND_WRAPPER_CALLS_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// The function a callee names in this file: `build(...)` for a function
// declaration or a variable bound once to a function, `this.build(...)` for
// a method of the enclosing class. Null otherwise.
TSNode FunctionCalled(TSNode callee, std::string_view source);

// The `this` that `object` is: itself, or the `this` a variable is bound
// to once (`var self = this;`, the jQuery-era idiom); null otherwise.
TSNode ThisAt(TSNode object, std::string_view source);

// `promise` in `promise.then(function)` when `index` is the function's
// first parameter; null otherwise.
TSNode ThenReceiver(TSNode function, int index, std::string_view source);

// Whether `call` may call the wrapper `function` (see payload_resolver):
// a plain name bound to it, or a method name on something that is not
// DigitalRiver.js itself; never a call inside the wrapper.
bool CallsWrapper(TSNode call, TSNode function, std::string_view source);

// Where every call CallsWrapper accepts for `function` lies: for a function
// called by a name it is declared with, the function (or program) around
// that declaration, since a name is seen only inside its scope; null (the
// whole tree) for a method, which any object may carry. A minified bundle
// reuses one short name in every module.
TSNode WrapperCallScope(TSNode function);

// The index of the parameter `param` of `function` when it is a plain
// (maybe typed or defaulted) name; -1 for a pattern or rest parameter.
int ParameterIndex(TSNode function, TSNode param, std::string_view source);

// The string every one of `given` is (each a literal, all the same), for a
// payment method passed by several calls; nullopt when they differ or one
// is not a literal.
std::optional<GivenType> AgreedType(const std::vector<GivenType>& given);

// The index of the parameter of `function` that the `type` of `literal`
// names (`{type: type, ...}`, `{type}`), with that name in `name`; -1 when
// its type is anything else. `root` is the tree of `source`.
int TypeParameterIndex(const ObjectLiteral& literal, TSNode root,
                       TSNode function, std::string_view source,
                       std::string* name);

// The name a function is called by: its own, its variable's, its key's or
// the property it is assigned to; "" for an anonymous one.
std::string FunctionName(TSNode function, std::string_view source);

// The type `call` gives a forwarding wrapper as its argument `index`
// (`createSource('payPal', {...})`): the argument as written ("undefined"
// when missing), and its string when it is a literal.
GivenType TypeGivenBy(TSNode call, int index, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_WRAPPER_CALLS_H_
