#ifndef PSM_FIND_MODULE_REQUEST_H_
#define PSM_FIND_MODULE_REQUEST_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "find/scope.h"

namespace psm {

// What a file takes from another module, as the importing file names it.
struct ModuleRef {
  std::string specifier;  // './payloads/paypal', 'Vendor_Module/js/pay'
  // The export taken: a name, "default" (ES default export), or "*" for
  // the module itself (an ES namespace, CommonJS `module.exports`, the
  // value an AMD factory returns).
  std::string exported;
};

// The payment method a call gives outside its payload object: a wrapper
// `(type, data) => dr.createSource({type, ...data})` takes it from its
// caller's argument (`createSource('payPal', {...})`).
struct GivenType {
  std::optional<std::string> value;  // the string, when it is a literal
  std::string what;  // the argument as written: "'payPal'", "method"
  // For a builder's parameter (`type: type` in `build(type, cart)`): the
  // name the payload's `type` must spell to take this value.
  std::string binds;
};

// How a payload is had from another module: the request the project model
// answers by finding, in that module, the function or object that builds it.
struct ModuleRequest {
  enum class Access {
    kValue,          // the export (or its member) is the payload object
    kCall,           // the export (or its member) is called: its return
    kNewThenMethod,  // `new Export(...).member(...)`: the method's return
    kNewThenGetter,  // `new Export(...).member`: what the getter returns
    // The payload is parameter `param_index` of this file's function
    // `member`, which other modules import and call: their arguments.
    kWrapperArgument,
    // Not a payload: the createSource call's receiver is an instance of
    // the export (`new Export(...)`, kReceiverInstance) or the export
    // itself (kReceiverObject); `member` is "createSource". Answered by
    // whether the export's own createSource can reach DigitalRiver.js.
    kReceiverInstance,
    kReceiverObject,
    // Not a payload: the receiver is declared with a type the export is
    // (`declare const dr: DrApi`, `(dr: DrApi) => ...`); answered only by
    // whether that type's createSource types the payload with fields.
    kReceiverType,
  };
  ModuleRef ref;
  std::string member;  // `ns.build()` -> "build"; "" for the export itself
  Access access = Access::kCall;
  int param_index = -1;  // kWrapperArgument
  // kWrapperArgument of `({type, ...data})`: the parameter giving the type.
  int type_index = -1;
  // kReceiverObject of `state.api.createSource(...)` with `state`
  // imported: the export's members read to get the receiver, in order
  // ("api"; "services", "payments" for `app.services.payments`).
  std::vector<std::string> receiver_path;
  uint32_t at = 0;   // where the expression starts in the importing file
  std::string what;  // the expression, shortened, for messages
  // kCall, kNewThenMethod: the arguments of the call, as written, and
  // their strings when literals (a builder's `type` may be one of them).
  std::vector<GivenType> arguments;
};

// The argument `arg` as written, and its string when it is a literal.
GivenType ArgumentGiven(TSNode arg, std::string_view source);

// `require(...)` or a dynamic `import(...)`, maybe awaited, that `value`
// is; null otherwise.
TSNode ModuleLoadCall(TSNode value, std::string_view source);

// The dependency (`'./a'`, or an expression) that the AMD factory
// parameter `binding` (`define([...], function (a) {...})`, `require(...)`)
// receives; null when `binding` is no such parameter.
TSNode AmdDependency(const Binding& binding, std::string_view source);

// A request for `ref` (its `member`, with `access`) made by the
// expression `expr`, which it names in messages.
ModuleRequest RequestAt(ModuleRef ref, std::string member,
                        ModuleRequest::Access access, TSNode expr,
                        std::string_view source);

// The module `name` (bound as `binding`) comes from, when it is imported:
// `import x from`, `import {a as x} from`, `import * as x from`,
// `const x = require('...')`, `const {a: x} = require('...')`, the same
// with a dynamic `await import('...')`, the parameter of
// `import('...').then((x) => ...)`, or a parameter of an AMD factory
// (`define(['./a'], function (x) {...})`, `require(['./a'], ...)`).
std::optional<ModuleRef> ImportedAs(const Binding& binding,
                                    std::string_view name,
                                    std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_MODULE_REQUEST_H_
