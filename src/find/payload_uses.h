#ifndef PSM_FIND_PAYLOAD_USES_H_
#define PSM_FIND_PAYLOAD_USES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/byte_range.h"
#include "find/call_site.h"
#include "find/scope.h"

namespace psm {

// One object the payload is made of, seen through one binding: the payload
// variable, a parameter it is passed through, or the variable of an object
// nested into it (`payPal: details`).
struct TrackedBinding {
  Binding binding;
  std::string name;
  std::string prefix;  // where the object sits in the payload: "", "payPal"
  // The call through which this object goes on toward the createSource
  // call (that call, or a wrapper it is passed to); writes provably after
  // it do not reach the payload.
  TSNode moment{};
};

// The start bytes of the identifiers through which the payload reaches the
// call (`dr.createSource(payload)`, `return p`, `payPal: details`): those
// uses are the flow itself, not observers.
using FlowNodes = std::unordered_set<uint32_t>;

// Sorts every other use of `tracked` into writes to the payload
// (mutations, with their paths made absolute by the prefix) and observers
// (reads and escapes). Writes provably after the tracked moment are marked
// so. Uses that are the payload argument of another
// createSource call (or part of a merge that is) are consumers, checked by
// comparing the plans of the two calls, not here; assignments of the
// whole variable and merges into it are followed by the resolver.
void CollectPayloadUses(const TrackedBinding& tracked, const FlowNodes& flow,
                        std::string_view source,
                        std::vector<PayloadMutation>* mutations,
                        std::vector<PayloadObserver>* observers);

// True when `n` runs after `call` and cannot run before it again: it
// starts after the call, neither sits in a function nested in `scope`, and
// no loop inside `scope` holds the call.
bool ProvablyAfter(TSNode n, TSNode call, TSNode scope);

// ProvablyAfter, or inside a callback handed to `.then`, `.catch` or
// `.finally` of the promise `call` gives back, which runs once after it.
bool AfterItsCall(TSNode n, TSNode call, TSNode scope,
                  std::string_view source);

// `expr` (maybe awaited) is the payload of a createSource call, as is or
// through merges (`Object.assign({}, expr)`).
bool IsPassedToCreateSource(TSNode expr, std::string_view source);

// The statement around `n`, shortened and quoted for a message.
std::string StatementAround(TSNode n, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_PAYLOAD_USES_H_
