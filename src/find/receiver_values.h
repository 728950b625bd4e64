#ifndef PSM_FIND_RECEIVER_VALUES_H_
#define PSM_FIND_RECEIVER_VALUES_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "find/member_chain.h"

namespace psm {

// Every value the object a `createSource` is called on (`receiver`) may
// hold at the call, as far as its file shows, in source order:
// - a variable: its initial value and every `name = value`;
// - `this.x`: the field initialiser and every `this.x = value` in the class
//   (getters excluded: see OriginOfField);
// - a chain of members (`deps.api`, `app.services.payments`, or a name bound
//   once to one): the value the object literals or class members it is read
//   through give it, and every write to the chain or to part of it later
//   (`deps.api = value`, `app.services = { payments: value }`,
//   `Object.assign(deps, { api: value })`).
// A write whose value the file does not show adds the written expression
// itself. Empty when the receiver is none of these (a parameter, an import,
// a global): then nothing is known.
std::vector<TSNode> ReceiverValues(TSNode receiver, std::string_view source);

// The same for a chain of members from a name of the file (`deps.api`,
// `chain.base` an identifier) read at `receiver`.
std::vector<TSNode> ChainValues(const MemberChain& chain, TSNode receiver,
                                std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_RECEIVER_VALUES_H_
