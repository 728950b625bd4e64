#ifndef PSM_FIND_DECLARED_TYPE_H_
#define PSM_FIND_DECLARED_TYPE_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>

#include "find/object_literal.h"

namespace psm {

// Whether an object of type `type` (as written) must have exactly the
// fields the type lists: not for the types that take any object (`any`,
// `object`, `Record<string, any>`, `{[key: string]: unknown}`...), for
// which TypeScript checks no field.
bool TypeListsFields(std::string_view type);

// A type that lists fields (TypeListsFields), as reasons show it: "`T`
// (line 4; imported from `./types`)"; "" for none or one taking any object.
std::string TypeWithFieldsShown(const std::optional<DeclaredType>& type);

// The type `holder`'s annotation gives: `field` is "type" for a variable
// declarator, a parameter or a class field, "return_type" for a function.
// A parameter's name resolves to its parameter. None without one.
std::optional<DeclaredType> AnnotatedType(TSNode holder, std::string_view field,
                                          std::string_view source);

// The type a function without a return type gets from where it stands,
// which its returns must fit: the annotation of the variable it
// initialises (`const payPal: Builder = (t) => ({...})`), an assertion on
// it or on the object literal holding it (`{ payPal: ... } satisfies
// Record<string, Builder>`), the interface its class implements (`class
// PayPalRequest implements SourceRequest`). None elsewhere.
std::optional<DeclaredType> ContextualType(TSNode function,
                                           std::string_view source);

// The type the assertion nearest to the value of `expr` gives (`x as T`,
// `x satisfies T`, `<T>x`, through parentheses and `!`). `as const` gives
// none: it fixes the literal's own types, it does not declare another.
std::optional<DeclaredType> AssertedType(TSNode expr, std::string_view source);

// The type given to `literal` where it is written: an assertion around it,
// else the annotation of the variable it initialises.
std::optional<DeclaredType> DeclaredTypeAround(TSNode literal,
                                               std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_DECLARED_TYPE_H_
