#ifndef PSM_COMMON_JS_STRING_H_
#define PSM_COMMON_JS_STRING_H_

#include <string>
#include <string_view>

namespace psm {

// The characters a JavaScript string literal's body (quotes stripped) or an
// identifier with `\u` escapes stands for, as UTF-8: `'\u0061mount'` and
// `\u0061mount` are both the key `amount` to the engine, so the tool must
// read them that way. Unknown escapes stand for the escaped character, as
// in sloppy-mode JavaScript; a line continuation stands for nothing.
std::string DecodeJsEscapes(std::string_view body);

}  // namespace psm

#endif  // PSM_COMMON_JS_STRING_H_
