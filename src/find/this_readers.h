#ifndef PSM_FIND_THIS_READERS_H_
#define PSM_FIND_THIS_READERS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// Whether the code of `function` (a method, getter or `function` value of
// an object) uses `this`, which is then the object; an arrow function's
// `this` is not.
bool UsesThis(TSNode function, std::string_view source);

// For `payload.<key> = value`: why the function written there may read the
// payload's fields, or "". A `function` using `this` (written there, or a
// function of the file the value names) is called on the payload; so may
// any value written as `toJSON`, `valueOf`, `toString` (serialising or
// converting the payload calls it), whose code the tool cannot always see.
std::string ThisReaderWritten(TSNode value, std::string_view key,
                              std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_THIS_READERS_H_
