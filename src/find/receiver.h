#ifndef PSM_FIND_RECEIVER_H_
#define PSM_FIND_RECEIVER_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// What the object a `createSource` method is called on was made by, as far
// as the file shows.
enum class Receiver {
  kUnknown,       // not traceable in this file
  kDigitalRiver,  // DigitalRiver(...), new DigitalRiver(...),
                  // window.DigitalRiver(...)
  kOtherLibrary,  // not DigitalRiver.js: made by another SDK (Stripe(...),
                  // window.Omise), an object literal, an instance of a class
                  // of this file with its own createSource, or `this` in
                  // such a class
  kEither,  // set to such an object in one place and to DigitalRiver.js, or
            // an object the file does not show, in another
};

Receiver ClassifyReceiver(TSNode receiver, std::string_view source);

// True when `text`, a callee (`loadStripe`) or a receiver (`window.Omise`,
// `this.props.stripe`), names another payment SDK.
bool NamesOtherLibrary(std::string_view text);

// Why a kEither receiver may not be DigitalRiver.js, naming two of the
// values it may hold and their lines; "" for any other receiver.
std::string EitherReceiverReason(TSNode receiver, std::string_view source);

// What an object that holds one of `values` (see ReceiverValues) is, as
// ClassifyReceiver tells it; and why one that is kEither may not be
// DigitalRiver.js ("" otherwise), calling it `what`.
Receiver ClassifyValues(const std::vector<TSNode>& values,
                        std::string_view source);
std::string EitherValuesReason(std::string_view what,
                               const std::vector<TSNode>& values,
                               std::string_view source);

// True when every `createSource` in the file `root` is a definition (a
// method, property or field of that name) or a call on another library's
// object: nothing in it can call DigitalRiver.js's createSource. Any other
// mention (a call on an object of unknown origin, a method handed on, a
// string naming it) may. `*calls` (when given) is set when it calls one.
bool OnlyOtherCreateSources(TSNode root, std::string_view source,
                            bool* calls = nullptr);

}  // namespace psm

#endif  // PSM_FIND_RECEIVER_H_
