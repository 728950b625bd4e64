#ifndef PSM_FIND_PARAMETER_RECEIVER_H_
#define PSM_FIND_PARAMETER_RECEIVER_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// Whether a createSource receiver comes from a function's parameter, so
// that whoever calls the function decides what it is, perhaps a project
// service with a createSource of its own: the parameter itself, a member
// of it (`deps.client`, `deps['client']`, `deps.get('client')`), either
// side of `||`, `??`, `&&` or `?:`, a name destructured from or assigned
// one of these, a field of `this` (also through `self = this` or `const {
// client } = this`) that the class (or, outside a class, the file) sets
// from one, a TypeScript parameter property, a component's `this.props` or
// `this.context` (a class that extends another), or a Vue component's
// `props` and `inject`. Followed up to a few steps.
bool ComesFromParameter(TSNode receiver, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_PARAMETER_RECEIVER_H_
