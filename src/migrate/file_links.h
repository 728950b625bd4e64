#ifndef PSM_MIGRATE_FILE_LINKS_H_
#define PSM_MIGRATE_FILE_LINKS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/byte_range.h"
#include "find/call_site.h"

namespace psm {

// A createSource call whose payload comes from another module, as one
// file's migration hands it to the project model.
struct SiteRequest {
  uint32_t call_begin = 0;  // the call, in the file's text
  uint32_t line = 0;
  ModuleRequest request;
  // Set instead of `request` when the payload is what a server sent.
  std::optional<ServerRead> server_read;
  // Set instead of both when the payload is complete in this classic
  // script but flows through these globals of it: the project model finds
  // the other files that name them (FileLinks::readers_elsewhere).
  std::vector<std::string> globals;
  // Or: a PHP function or method of this file returns the payload and no
  // code of the file calls it: the project model looks at what its callers
  // in other files do with it (`php_path`: the payload's keys in what it
  // returns).
  std::string php_function;
  bool php_method = false;  // `php_function` is a method of a class
  std::vector<std::string> php_path;
  // Or: helpers of this file build the payload for a caller here, and code
  // of other files may call them too (PhpPayloadSite::helpers_elsewhere).
  std::vector<std::string> php_helpers;
  // Or (as well): this file's PHP payload array is sent to the browser
  // under these response paths (PhpPayloadSite::response_paths): the
  // project model finds the browser code that reads it there.
  std::vector<std::vector<std::string>> browser_paths;

  // Or (as well): the payload is built by these exported functions of this
  // module (CallSite::exported_builders): the project model finds the
  // other files that import them.
  std::vector<std::string> exported;
  // ... or methods of a class of this module that leaves it
  // (CallSite::exported_methods): the files that name them.
  std::vector<std::string> exported_methods;
  // ... or a field of a class of this module whose base class comes from
  // another module (CallSite::field_bases): that module may read it.
  std::vector<FieldOfImportedBase> field_bases;

  // Or: the call's receiver is nothing the tool can trace (a parameter,
  // say): the project model says whether the project defines a
  // createSource of its own that uses its payload, which it may be.
  bool unseen_receiver = false;
  // Or: the receiver is a global of the page (CallSite::global_receiver):
  // the project model looks at what the other scripts give it.
  std::string global_receiver;

  // Set with `request`: the payload is built in another module, and it
  // flows there through `exported` functions, `exported_methods` or
  // `globals` of this file (a local `getPayload()` returning an imported
  // builder's object): what other files do with them observes the
  // builder's object too.
  bool follows_module = false;

  // Asked only so that other files may add observers: the file's own
  // result stands when none do (see ProcessedFile::ready).
  bool AsksForObservers() const {
    return !follows_module && (!globals.empty() || !php_function.empty() ||
                               !php_helpers.empty() || !browser_paths.empty() ||
                               !exported.empty() || !exported_methods.empty() ||
                               !field_bases.empty() ||
                               unseen_receiver || !global_receiver.empty());
  }
  // What the calling file does with the payload besides the call: kept
  // fields and reasons travel to the file that builds it.
  std::vector<PayloadObserver> observers;
};

// A function, method or object of this file that builds the payload of
// createSource calls in other files.
struct BuilderRequest {
  ByteRange builder;    // its node (found again by range and type)
  std::string type;     // node type, e.g. "function_declaration"
  bool returns = true;  // a function/method (its returns), else the object
  std::vector<std::string> callers;  // "src/checkout.js:12"
  // The arguments each caller passes (parallel to `callers` when every
  // caller calls this builder itself; a base class's builder also counts
  // its subclasses' callers): a builder whose `type` is its parameter
  // takes it from them (GiveTypeFromCallers).
  std::vector<std::vector<GivenType>> caller_arguments;
  std::vector<PayloadObserver> observers;  // from the callers and others
  // Fields (`this.type`) that subclasses in other modules, whose instances
  // reach the builder, use: name -> "src/b.js:4". Their constructors may
  // set what the builder reads.
  std::map<std::string, std::string> subclass_fields;
  // `super.<super_member>()` in the builder is followed to its base class's
  // method (`base_file`, at `base_begin`; shown as `base_at`), which builds
  // the fields spread or assigned there and is migrated in its own file.
  std::string super_member;
  std::string base_file;  // absolute
  uint32_t base_begin = 0;
  std::string base_at;  // "src/payments/base-request.js:7"
  // The builder's object sets no `type`: it sends the base's, this one.
  std::string inherited_type;
  // Set when the base's object is left alone (its users need different
  // edits, its file cannot be written): this builder changes nothing
  // either, for this reason.
  std::string refused;
  // A base class's method whose object the classes of other modules share
  // (see CallSite::users); `type_from_users`: its `type: this.x` is what
  // each user's constructor sets.
  std::vector<PayloadUser> users;
  bool type_from_users = false;
};

// A call in this file of a wrapper of createSource defined in another
// file (`createDrSource({...})`): its argument is a payload, and the call
// a site of this file.
struct WrapperCall {
  ByteRange call;
  int argument = 0;
  int type_argument = -1;  // the argument giving the type (GivenType)
  std::string wrapper;     // "`createDrSource` (src/dr.js:3)"
  std::vector<PayloadObserver> observers;  // from inside the wrapper
};

// What the project model learned about one file.
struct FileLinks {
  std::vector<BuilderRequest> builders;
  std::vector<WrapperCall> wrapper_calls;
  // Sites of this file inside wrappers whose callers elsewhere are the
  // sites instead (by call begin).
  std::set<uint32_t> forwarded;
  // Calls of this file whose payload is migrated where it is built: their
  // report is the builder's plan (see FinishLinkedFiles).
  struct Answer {
    std::string builder_file;  // absolute
    uint32_t builder_begin = 0;
    std::vector<std::string> via;  // hops from the call to the builder
  };
  std::map<uint32_t, Answer> answered;  // call begin -> its builder
  // Calls the model could not link: the reason replaces the site's
  // generic "built in module ..." one.
  std::map<uint32_t, std::string> unlinked;
  // Calls whose payload other files of the project may reach (a global of
  // this classic script they use, a PHP function of this file they call
  // and whose result they do not send on as it is): observers of the
  // whole payload.
  std::map<uint32_t, std::vector<PayloadObserver>> readers_elsewhere;
  // Calls whose receiver the model traced to a class or object of the
  // project with its own createSource that cannot reach DigitalRiver.js
  // (a REST client, a service wrapping Stripe): not sites at all. By call
  // begin, with what the receiver is.
  std::map<uint32_t, std::string> not_digital_river;
};

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_LINKS_H_
