#ifndef PSM_FIND_MEMBER_CHAIN_H_
#define PSM_FIND_MEMBER_CHAIN_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// `app.services.payments` read as the name it starts from (`app`) and the
// properties read on it, in order ("services", "payments"). Names bound
// once to such a read stand for it: after `const s = app.services` or
// `const { services: s } = app`, `s.payments` is the same chain. `this.x.y`
// starts from `this`; `a['b']` reads "b". Nullopt when a step is computed
// (`a[k]`) or the chain starts from anything else (a call, a literal).
struct MemberChain {
  TSNode base{};                  // an identifier or `this`
  std::vector<std::string> path;  // empty for a plain name
};
std::optional<MemberChain> ChainOf(TSNode expression, std::string_view source);

// `a.x` or `a[...]`.
bool IsMemberRead(TSNode n);

// The property a member read names: `x` of `a.x`, `b` of `a['b']`; "" when
// computed, or when `read` is no member read.
std::string_view PropertyRead(TSNode read, std::string_view source);

// The key a destructuring `pattern` reads into `name`: `client` for `{
// client }` and `{ client: c }` (name `c`); "" when it binds no such name.
std::string_view KeyBinding(TSNode pattern, std::string_view name,
                            std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_MEMBER_CHAIN_H_
