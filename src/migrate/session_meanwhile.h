#ifndef PSM_MIGRATE_SESSION_MEANWHILE_H_
#define PSM_MIGRATE_SESSION_MEANWHILE_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/text_lines.h"
#include "find/scope.h"
#include "syntax/expression_probe.h"

namespace psm {

// Whether the occurrence `n` of a name is written to, itself or a member
// of it: `({ checkout } = ...)`, `[checkout] = ...`, `for (checkout of
// ...)`, `checkout ??= ...`, `checkout.payment = ...`, `delete
// checkout.x`, `Object.assign(checkout, ...)`.
bool NameWrittenAt(TSNode n, std::string_view source);

// The first occurrence of `name` that means `binding`, from the offset
// `from` to `to`, that is written (NameWrittenAt) and that `counts` (when
// given) accepts; null when there is none.
TSNode WriteOfName(TSNode root, std::string_view source, std::string_view name,
                   const Binding& binding, uint32_t from, uint32_t to,
                   const std::function<bool(TSNode)>& counts = {});

// Where the session expression runs and where the call sends the payload.
struct SessionSpan {
  uint32_t at = 0;     // where sessionId would go
  uint32_t until = 0;  // the call's start, or the end of the loop it repeats in
  // The call is in a function that may run later, after anything.
  bool deferred = false;
  // The call repeats in a loop that does not rebuild the payload: what
  // the loop runs after the call runs before the next one.
  bool looped = false;
};

// The span from `at` to `call` (a createSource call after it).
SessionSpan SpanOf(TSNode call, uint32_t at);

// The session expression runs where the payload is built, the call sends
// the payload later. What runs between them without naming the expression
// there may still change what it reads, when a function of the file
// writes one of its names (`checkout = await api.checkout()`,
// `this.checkout = ...`): an `await` (or `yield`) of the call's function
// lets it run; so may a call (`refresh()`); a deferred call may run after
// it. Returns what was found ("`await` at line 7 ...") or "" when nothing
// was. A global no code of the file writes is the page's: the tool cannot
// see it change.
std::string SessionChangedMeanwhile(TSNode root, TSNode call,
                                    const SessionSpan& span,
                                    std::string_view source,
                                    const ExpressionNeeds& needs,
                                    const LineIndex& lines);

}  // namespace psm

#endif  // PSM_MIGRATE_SESSION_MEANWHILE_H_
