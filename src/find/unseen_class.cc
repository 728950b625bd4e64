#include "find/unseen_class.h"

#include "find/digital_river_names.h"
#include "find/member_chain.h"
#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the constructor `callee` of a `new` names a class the file does
// not show: a global (`AcmePayments`, `mapboxgl.Map`, `window.X`) or an
// expression (`(window.AudioContext || window.webkitAudioContext)`). A
// class or function of the file, an import, a parameter or a variable is
// judged elsewhere (ClassifyMaker, the project model) or not at all.
bool UnseenConstructor(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  // `new DR(key)`, `new DRPay(key)` of `window.DRPay = window.DigitalRiver`
  // in another script: named after the library, taken at its word.
  if (NamedAfterDigitalRiver(node::Text(callee, source))) return false;
  TSNode base = callee;
  if (node::Is(callee, "member_expression")) {
    std::optional<MemberChain> chain = ChainOf(callee, source);
    if (!chain) return false;
    base = chain->base;
  } else if (!node::Is(callee, "identifier")) {
    // `new (window.AudioContext || window.webkitAudioContext)()`, its
    // brackets unwrapped.
    return node::Is(callee, "binary_expression");
  }
  if (!node::Is(base, "identifier")) return false;
  return ResolveName(node::Text(base, source), base, source).kind ==
         Binding::Kind::kNotFound;
}

}  // namespace

std::string MadeByUnseenClass(TSNode receiver,
                              const std::vector<TSNode>& values,
                              std::string_view source) {
  for (TSNode value : values) {
    value = node::Unwrap(value);
    if (node::Is(value, "await_expression"))
      value = node::Unwrap(ts_node_named_child(value, 0));
    if (!node::Is(value, "new_expression") ||
        !UnseenConstructor(node::Field(value, "constructor"), source))
      continue;
    return "the receiver " + Quote(node::Text(receiver, source)) +
           " is made by " + Quote(node::Text(value, source)) + " (line " +
           std::to_string(node::Line(value)) +
           "), a class this file neither defines nor imports: "
           "DigitalRiver.js's instance is made by `DigitalRiver(key)`, so "
           "this may be another library's createSource";
  }
  return "";
}

}  // namespace psm
