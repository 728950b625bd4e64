#ifndef PSM_FIND_CALL_SITE_H_
#define PSM_FIND_CALL_SITE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/boxed_optional.h"
#include "common/byte_range.h"
#include "find/module_request.h"
#include "find/object_literal.h"
#include "find/server_response.h"

namespace psm {

// An object literal that can reach a createSource() call as its payload.
struct PayloadLiteral {
  ObjectLiteral object;
  std::string origin;  // "inline", or "variable `payload` (line 12)"
  // Literals merged into one payload (`Object.assign(p, {...})`, jQuery's
  // `$.extend`) share a group number; -1 for a literal that is the whole
  // payload by itself.
  int group = -1;
};

// A statement that changes the payload variable after its literal, e.g.
// `payload.amount = total;` -> path "amount".
struct PayloadMutation {
  std::string path;  // dotted path set, or "" when the tool cannot tell
  std::string what;  // the statement, shortened, for messages
  ByteRange statement;
  // `payload.x = value;` alone in a block, with a value free of calls and
  // assignments: deleting the statement changes nothing else.
  bool deletable = false;
  // The statement runs after the createSource call and cannot reach it
  // (same function activation, no loop around the call): it does not
  // change what the call receives, and must not be deleted.
  bool after_call = false;
  // The write runs before the call whenever the call runs (a statement of
  // a block that holds the call, in the same function activation, written
  // before it): a sessionId set so is on every path; one set under an `if`
  // is not (see LiteralPlanner::PlanSessionId).
  bool always_before_call = false;
  // A write of sessionId that can leave it empty (`delete p.sessionId`,
  // `p.sessionId = undefined`, `= c ? id : null`): on the paths it runs,
  // the call gets no session, whatever was set before.
  bool may_empty = false;
  // For `payload.x = value`: the own keys `value` brings (WrittenKeys:
  // "\n"-framed, "\n" for none), or "" when unknown.
  std::string written_keys;
};

// A class field holding a payload (`field`), in the class that starts at
// byte `class_at` of the file, whose chain of base classes reaches one
// imported from another module.
struct FieldOfImportedBase {
  uint32_t class_at = 0;
  std::string field;
};

// Code other than the createSource call that can see the payload object or
// a part of it, so a field it sees must not be removed: a read
// (`if (payload.amount > limit)`), or an escape of the whole object or a
// part (`sendToServer(payload)`, `return payload`, `const pp =
// payload.payPal`) after which anything may read it.
struct PayloadObserver {
  std::string path;  // dotted payload path it sees; "" for all of it
  std::string
      what;  // for messages: "`payload.amount` is read at line 14 (...)"
  // It cannot add a field to what the call gets: it comes after the call,
  // or only prints or serialises the object (`console.log(payload)`). A
  // payload that needs no edit is then already migrated, seen or not.
  bool adds_nothing = false;
  // It doubts only where the call goes (a receiver made by a class or
  // module the tool cannot read), not what the payload holds: it neither
  // reads nor completes the object.
  bool doubts_receiver = false;
};

// A class whose payload is made, in part or whole, by a method of its base
// class in another module (see CallSite::users): the payment method it
// gives that object decides what may go from it.
struct PayloadUser {
  std::string name;         // "PayPalRequest"
  std::string where;        // "src/payments/paypal-request.js:5"
  std::string method;       // its payment type; "" when the tool cannot tell
  std::string why_unknown;  // why `method` is ""
  // The user sets `type` itself (`{...super.build(), type: 'payPal'}`):
  // sessionId goes there, not into the shared object.
  bool sets_type = false;
};

// One `<receiver>.createSource(...)` call and what the tool could learn
// about its payload.
struct CallSite {
  ByteRange call;      // the whole call expression
  std::string callee;  // e.g. "digitalriver.createSource"
  std::vector<PayloadLiteral> payloads;
  std::vector<PayloadMutation> mutations;
  std::vector<PayloadObserver> observers;
  // Names markup (a Vue template, say) may also read to see the payload:
  // the module-level variables it flows through, and the methods called on
  // an object that build it (`this.payPalPayload()`).
  std::vector<std::string> module_names;
  // Names bound at the top level of the file (variables, functions) that
  // the payload flows through or is built by. In a classic script (no
  // `import`, `export` or CommonJS) they are globals that every other
  // script of the page shares: the project model asks whether another
  // file names them (see SiteRequest::globals).
  std::vector<std::string> program_bindings;
  // Functions of this module that build the payload and are exported where
  // they are declared (`export function build()`, `export const build =
  // () => ...`; "default" for `export default function`): other modules
  // may call them and read every field (see SiteRequest::exported).
  std::vector<std::string> exported_builders;
  // Methods building the payload (`this.buildPayload()`) of a class that
  // leaves the file: other modules holding it may call them too.
  std::vector<std::string> exported_methods;
  // The payload is a field (`this.payload = {...}`) of a class whose base
  // class another module exports: that module's code runs on the same
  // instance and may read the field (see SiteRequest::field_bases).
  std::vector<FieldOfImportedBase> field_bases;
  // Why the payload cannot be fully seen; each one makes the site
  // need review.
  std::vector<std::string> blind_spots;
  // What is merged into the payload unseen (`array_merge($base, [...])`):
  // it may hold the checkout's session already, which an added sessionId
  // would replace, so none is added.
  std::vector<std::string> merged_unseen;
  // Where the payload comes from another module; each also left a blind
  // spot (its reason when the project model cannot follow it).
  std::vector<ModuleRequest> requests;
  // The payload is read from what a server sent: the project model looks
  // for the server code that builds it (PHP payload arrays).
  BoxedOptional<ServerRead> server_read;
  // The receiver is made from a class or object of another module
  // (ReceiverRequest): the project model may find it is not
  // DigitalRiver.js, and the site none.
  BoxedOptional<ModuleRequest> receiver;
  // The receiver is a variable or parameter declared with a type another
  // module exports (TypedReceiverRequest): its createSource may type the
  // payload.
  BoxedOptional<ModuleRequest> receiver_type;
  // The receiver is neither traced here nor to another module (a
  // parameter, an unbound name): see SiteRequest::unseen_receiver.
  bool unseen_receiver = false;
  // The receiver is made by DigitalRiver.js in this file
  // (Receiver::kDigitalRiver): the payload is surely one of its own.
  bool digital_river_receiver = false;
  // The receiver is a global this file neither declares nor sets
  // (`ShopApi`, `window.ShopApi`): another script of the page may make it
  // the shop's own client (see SiteRequest::global_receiver).
  std::string global_receiver;
  // Set when the payload's type comes from elsewhere (see GivenType); the
  // payload's own `type`, if any, must agree with it.
  BoxedOptional<GivenType> given_type;
  bool has_error = false;  // the call sits in a syntax error
  // A base class's method whose object several classes share: planned once
  // per user's payment method; migrated only when every user needs the
  // same edits in it (see PlanSharedPayload).
  std::vector<PayloadUser> users;
  // Set when the site must change nothing (its shared part needs review
  // elsewhere): the reason.
  std::string refused;
};

// A createSource call that is not a site: its receiver is not
// DigitalRiver.js. Listed under --verbose, so a user can see why.
struct PassedOverCall {
  ByteRange call;
  std::string why;
  // What was passed over, for --verbose: a call, or a PHP array shaped
  // like a payload.
  std::string_view what = "createSource";
};

// Adds `reason` to the site's blind spots, once.
inline void AddBlindSpot(CallSite* site, std::string reason) {
  for (const std::string& known : site->blind_spots) {
    if (known == reason) return;
  }
  site->blind_spots.push_back(std::move(reason));
}

}  // namespace psm

#endif  // PSM_FIND_CALL_SITE_H_
