#ifndef PSM_FIND_CLASS_BASES_H_
#define PSM_FIND_CLASS_BASES_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// What `klass` extends (`class A extends B`: `B`; TypeScript's
// `extends_clause` too); null without a base.
TSNode ExtendedBy(TSNode klass);

// Whether `klass` extends `ancestor` (a class of this file), directly or
// through classes of this file; a base written as another expression
// (`extends mixin(Base)`) may be anything, so it counts.
bool Inherits(TSNode klass, TSNode ancestor, std::string_view source);

// Whether the class bodies `a` and `b` may belong to one instance: the
// same class, or one inheriting from the other (in this file).
bool Related(TSNode a, TSNode b, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_CLASS_BASES_H_
