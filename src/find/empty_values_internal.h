#ifndef PSM_FIND_EMPTY_VALUES_INTERNAL_H_
#define PSM_FIND_EMPTY_VALUES_INTERNAL_H_

// Shared by empty_values.cc (values) and empty_bindings.cc (what names
// and calls hold); not for other callers.

#include <tree_sitter/api.h>

#include <string_view>

namespace psm::empty_detail {

constexpr int kMaxHops = 4;  // `const a = c ? id : undefined; const b = a;`

// MayBeEmpty, `hops` names deep.
bool Empties(TSNode value, std::string_view source, int hops);

// The variable or parameter `identifier` names may be empty where read.
bool VariableEmpty(TSNode identifier, std::string_view source, int hops);

// `s.id`, `s` bound once to an object literal whose `id` may be empty;
// `this.id`, a field of a class of the file not set once in its
// constructor, or set to an empty value.
bool MemberEmpty(TSNode member, std::string_view source, int hops);
bool FieldEmpty(TSNode use, std::string_view source, int hops);

// `call` is of a function or method of the file that returns nothing or
// an empty value on some path.
bool ReturnsEmpty(TSNode call, std::string_view source, int hops);

}  // namespace psm::empty_detail

#endif  // PSM_FIND_EMPTY_VALUES_INTERNAL_H_
