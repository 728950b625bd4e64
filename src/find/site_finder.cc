#include "find/site_finder.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <utility>

#include "common/spare_cores.h"
#include "common/strings.h"
#include "find/dynamic_scope.h"
#include "find/global_values.h"
#include "find/method_calls.h"
#include "find/object_builder.h"
#include "find/own_create_source.h"
#include "find/parameter_receiver.h"
#include "find/patched_create_source.h"
#include "find/payload_resolver.h"
#include "find/receiver.h"
#include "find/receiver_origin.h"
#include "find/receiver_values.h"
#include "find/replaced_digital_river.h"
#include "find/scope.h"
#include "find/test_doubles.h"
#include "find/typed_receiver.h"
#include "find/unseen_class.h"
#include "syntax/node.h"

namespace psm {
namespace {

// One occurrence of the text `createSource` and the nodes around it.
struct Occurrence {
  TSNode name;
  std::vector<TSNode> up;  // its ancestors, parent first
};

class SiteFinder {
 public:
  SiteFinder(std::string_view source, std::vector<PassedOverCall>* passed_over)
      : source_(source), passed_over_(passed_over) {}

  std::vector<CallSite> FindAll(TSNode root) {
    root_ = root;
    std::vector<Occurrence> names = Occurrences();
    for (const Occurrence& o : names) doubles_.Note(o.name, o.up, source_);
    doubles_.NoteStubMakers(source_);
    // A file of thousands of sites may have its second half inspected on
    // an idle core (common/spare_cores.h); the halves read the tree only.
    Part first, second;
    // Room for every site in the part they are joined into: the join then
    // moves the second part's sites once, not the first's too (issue 14).
    first.sites.reserve(names.size());
    SplitOverSpareCore(names.size(), kSitesWorthACore,
                       [&](size_t begin, size_t end, bool borrowed) {
                         if (!borrowed)
                           return InspectAll(names, begin, end, &first);
                         IndexedTree indexed(
                             root_, source_);  // per thread, like its memos
                         InspectAll(names, begin, end, &second);
                       });
    std::vector<CallSite> sites = Join(std::move(first), std::move(second));
    // Calls through an alias come after the line that makes the alias (the
    // others are in order: a scan is cheaper than moving every site).
    auto before = [](const CallSite& a, const CallSite& b) {
      return a.call.begin < b.call.begin;
    };
    if (!std::is_sorted(sites.begin(), sites.end(), before))
      std::stable_sort(sites.begin(), sites.end(), before);
    return sites;
  }

 private:
  // What inspecting some of the names found.
  struct Part {
    std::vector<CallSite> sites;
    std::vector<PassedOverCall> passed_over;
    std::set<std::pair<uint32_t, uint32_t>> seen;  // calls inspected
    std::optional<bool> names_library;             // see SurelyDigitalRiver
    // What NotDigitalRiver found the last call's receiver to be (per part:
    // the two parts of a large file run on two threads).
    Receiver receiver_kind = Receiver::kUnknown;
  };

  void InspectAll(const std::vector<Occurrence>& names, size_t begin,
                  size_t end, Part* part) {
    part->sites.reserve(end - begin);  // one call per name, nearly always
    for (size_t i = begin; i < end; ++i) {
      const Occurrence& o = names[i];
      // The receiver and the payload are looked up next to the name.
      node::RememberPath(o.up, o.name);
      for (const MethodCall& call : CallsOfMethod(o.name, o.up, source_)) {
        ByteRange range = node::Range(call.call);
        if (!part->seen.insert({range.begin, range.end}).second) continue;
        if (std::string why = NotDigitalRiver(call, part); !why.empty()) {
          part->passed_over.push_back({range, std::move(why)});
          continue;
        }
        if (std::optional<CallSite> site = Inspect(call)) {
          if (part->receiver_kind == Receiver::kEither) {
            // Where the payload goes is in doubt: what else may receive it
            // sees every field (no edit here, nor where it is built).
            site->observers.push_back(
                {"", EitherReceiverReason(call.receiver, source_)});
          } else if (PayloadObserver doubt =
                         DoubtedReceiver(call.receiver, part->receiver_kind);
                     !doubt.what.empty()) {
            site->observers.push_back(std::move(doubt));
          } else if (!ts_node_is_null(call.receiver)) {
            // Even `useDigitalRiver()` may be a project's wrapper of it.
            site->receiver = ReceiverRequest(call.receiver, source_);
            if (!site->receiver)
              site->receiver_type =
                  TypedReceiverRequest(call.receiver, source_);
            // Made by DigitalRiver(...) of the page, not of a module the
            // project model must look at.
            site->digital_river_receiver =
                !site->receiver &&
                part->receiver_kind == Receiver::kDigitalRiver;
            site->unseen_receiver = !site->receiver &&
                                    part->receiver_kind == Receiver::kUnknown &&
                                    ComesFromParameter(call.receiver, source_);
            if (!site->receiver && !site->unseen_receiver &&
                part->receiver_kind == Receiver::kUnknown)
              site->global_receiver =
                  GlobalReceiverName(call.receiver, source_);
          }
          part->sites.push_back(std::move(*site));
        }
      }
    }
  }

  // The two parts as one pass over all names would have found them: a
  // call reached from names of both parts counts where it was first seen.
  std::vector<CallSite> Join(Part first, Part second) {
    auto seen_first = [&first](ByteRange r) {
      return first.seen.count({r.begin, r.end}) > 0;
    };
    for (CallSite& site : second.sites) {
      if (!seen_first(site.call)) first.sites.push_back(std::move(site));
    }
    for (PassedOverCall& p : second.passed_over) {
      if (!seen_first(p.call)) first.passed_over.push_back(std::move(p));
    }
    if (passed_over_) {
      for (PassedOverCall& p : first.passed_over)
        passed_over_->push_back(std::move(p));
    }
    return std::move(first.sites);
  }

  std::vector<Occurrence> Occurrences() const {
    std::vector<uint32_t> starts;
    const size_t n = kCreateSource.size();
    for (size_t at = source_.find(kCreateSource); at != std::string_view::npos;
         at = source_.find(kCreateSource, at + n)) {
      // `this._createSource()`, `createSourceUrl`: another name.
      if (IsWholeIdentifierAt(source_, at, n))
        starts.push_back(static_cast<uint32_t>(at));
    }
    // One descent per name gives it and the ancestors looked at later; a
    // file of thousands has the second half of them descended to on an
    // idle core (the descents only read the tree).
    std::vector<Occurrence> found(starts.size());
    SplitOverSpareCore(starts.size(), kSitesWorthACore,
                       [&](size_t begin, size_t end, bool) {
                         for (size_t k = begin; k < end; ++k)
                           found[k] = OccurrenceAt(starts[k]);
                       });
    std::erase_if(found,
                  [](const Occurrence& o) { return ts_node_is_null(o.name); });
    return found;
  }

  // The name at `at` and its ancestors, or a null name where the tree has
  // no node for it.
  Occurrence OccurrenceAt(uint32_t at) const {
    auto end = static_cast<uint32_t>(at + kCreateSource.size());
    std::vector<TSNode> up = node::PathTo(root_, at, end);
    if (up.empty()) return {};
    TSNode name = up.back();
    up.pop_back();
    std::reverse(up.begin(), up.end());  // the parent first
    return {name, std::move(up)};
  }

  // A method handed on out of sight is reported only when it is surely
  // DigitalRiver.js's: by its receiver, or a file that names the library.
  // Other SDKs' createSource passed around must not raise alarms.
  bool SurelyDigitalRiver(TSNode receiver, Part* part) {
    if (ClassifyReceiver(receiver, source_) == Receiver::kDigitalRiver)
      return true;
    return NamesLibrary(part);
  }

  // Whether the file names DigitalRiver.js anywhere (the class, the
  // script's host `js.digitalriverws.com`, a comment).
  bool NamesLibrary(Part* part) {
    if (!part->names_library) {
      part->names_library =
          FindNoCase(source_, "digitalriver") != std::string_view::npos;
    }
    return *part->names_library;
  }

  // DigitalRiver.js's createSource takes an object last; a call whose last
  // argument is a plain string, number or boolean is some other API
  // (a component's own `createSource('payPal')`), whether written there or
  // through a `const` bound to one (`const METHOD = 'konbini'`). So is one
  // whose last argument is a function written there: a callback, as
  // Omise.js takes (`gateway.createSource('econtext', {...}, (s, r) =>
  // ...)`); DigitalRiver.js returns a promise and takes none.
  bool TakesNoPayload(const std::vector<TSNode>& args) const {
    if (args.empty()) return false;
    if (OtherArity(args)) return true;
    TSNode last = node::Unwrap(args.back());
    std::string_view type = node::Type(last);
    if (type == "arrow_function" || type == "function_expression" ||
        type == "function")
      return true;
    if (type == "identifier") {
      std::string text;
      return TraceToConstString(last, source_, &text);
    }
    return type == "string" || type == "number" || type == "true" ||
           type == "false";
  }

  // DigitalRiver.js's createSource takes the payload, or an element and
  // the payload. Three arguments or more are another API's (webpack's
  // `module.createSource(context, content, map, root)`), and so is a first
  // of two that is a string, number or template: an element is an object
  // (a server SDK's `createSource('cus_123', {...})`).
  static bool OtherArity(const std::vector<TSNode>& args) {
    if (args.size() > 2) return true;
    if (args.size() < 2) return false;
    std::string_view first = node::Type(node::Unwrap(args[0]));
    return first == "string" || first == "number" || first == "template_string";
  }

  // The site of `call`, or nullopt when it is not DigitalRiver.js's.
  std::optional<CallSite> Inspect(const MethodCall& call) {
    CallSite site;
    site.call = node::Range(call.call);
    site.has_error = ts_node_has_error(call.call);
    site.callee = std::string(node::Text(call.callee, source_));
    if (call.handed_on) {
      site.blind_spots.push_back(
          Quote(site.callee) + " is handed on to " +
          Quote(node::Text(call.call, source_)) + " (line " +
          std::to_string(ts_node_start_point(call.call).row + 1) +
          "), which the tool cannot follow; check the calls it makes");
      return site;
    }
    std::vector<TSNode> args = PassedArguments(call, &site);
    args.insert(args.begin(), call.bound.begin(), call.bound.end());
    if (TakesNoPayload(args)) return std::nullopt;
    if (args.empty()) {
      if (site.blind_spots.empty()) {
        site.blind_spots.push_back(
            "createSource() is called without a payload");
      }
      return site;
    }
    ResolvePayload(source_, root_, args.back(), &site);
    DropEmptyLiterals(&site);
    RefuseDynamicScope(call.call, &site);
    return site;
  }

  // A `with` or a direct `eval` around the call or a payload literal: its
  // names may be other than they look (the type, what values read), so
  // the site is left as it is.
  void RefuseDynamicScope(TSNode call, CallSite* site) const {
    if (!MayHaveDynamicScope(root_, source_)) return;
    std::string why = DynamicScopeAround(call, root_, source_);
    for (size_t i = 0; why.empty() && i < site->payloads.size(); ++i) {
      ByteRange r = site->payloads[i].object.range;
      why = DynamicScopeAround(
          ts_node_descendant_for_byte_range(root_, r.begin, r.end), root_,
          source_);
    }
    // Nothing is edited: the type itself may be another.
    if (!why.empty() && site->refused.empty())
      site->refused = why + "; left unchanged";
  }

  // The arguments createSource receives: after `.call`'s thisArg, or the
  // elements of the array `.apply` and `Reflect.apply` take.
  std::vector<TSNode> PassedArguments(const MethodCall& call, CallSite* site) {
    std::vector<TSNode> args = node::Arguments(call.call);
    switch (call.passing) {
      case Passing::kDirect:
        return args;
      case Passing::kThisFirst:
        if (!args.empty()) args.erase(args.begin());
        return args;
      case Passing::kArray:
        return ArrayArguments(args, call.array_at, site);
    }
    return args;
  }

  // The elements of the array `args[at]`, when written inline.
  std::vector<TSNode> ArrayArguments(const std::vector<TSNode>& args, size_t at,
                                     CallSite* site) {
    std::vector<TSNode> elements;
    TSNode array = args.size() > at ? node::Unwrap(args[at]) : TSNode{};
    if (!node::Is(array, "array")) {
      site->blind_spots.push_back(
          std::string("createSource is called through ") +
          (at == 1 ? ".apply()" : "Reflect.apply()") + " with arguments " +
          (args.size() > at ? Quote(node::Text(args[at], source_))
                            : "missing") +
          "; the tool cannot see the payload");
      return elements;
    }
    for (TSNode e : node::NamedChildren(array)) {
      if (!node::IsComment(e)) elements.push_back(e);
    }
    return elements;
  }

  // `let p = {}; if (x) p = {...}`: the empty start value carries nothing
  // to migrate once other literals can reach the call.
  static void DropEmptyLiterals(CallSite* site) {
    if (site->payloads.size() < 2) return;
    std::erase_if(site->payloads, [](const PayloadLiteral& p) {
      return p.object.members.empty() && p.group < 0;
    });
  }

  // Why the receiver may not be the DigitalRiver.js instance as the
  // library made it (DigitalRiverReplacedHere, CreateSourcePatched), or one
  // at all (MadeByUnseenClass, for a receiver of unknown `kind`); or "".
  // A stand-in or a patched createSource of the file takes the payload
  // itself; a class unseen or a declared type only puts the receiver in
  // doubt.
  PayloadObserver DoubtedReceiver(TSNode receiver, Receiver kind) {
    if (ts_node_is_null(receiver)) return {};
    std::vector<TSNode> values =
        ReceiverValues(node::Unwrap(receiver), source_);
    std::string why = DigitalRiverReplacedHere(receiver, values, source_);
    if (why.empty()) why = CreateSourcePatched(receiver, values, source_);
    if (!why.empty()) return {"", std::move(why)};
    if (kind == Receiver::kUnknown)
      why = MadeByUnseenClass(receiver, values, source_);
    if (!why.empty()) return {"", std::move(why), false, true};
    // A declared type breaks the build only when the object is edited.
    return {"", DeclaredReceiverType(receiver, source_), true, true};
  }

  // `x.customers`: Stripe's and other server SDKs' way to attach a source
  // to a customer; DigitalRiver.js's instance has no such member.
  bool IsCustomersResource(TSNode receiver) const {
    receiver = node::Unwrap(receiver);
    return node::Is(receiver, "member_expression") &&
           node::Text(node::Field(receiver, "property"), source_) ==
               "customers";
  }

  // Why `call` is not a DigitalRiver.js createSource; "" when it may be.
  std::string NotDigitalRiver(const MethodCall& call, Part* part) {
    std::string receiver = Quote(node::Text(call.receiver, source_));
    if (doubles_.Replaces(call.receiver, source_))
      return receiver + " is a test double";
    if (IsCustomersResource(call.receiver)) {
      return receiver +
             " is a server SDK's customers resource "
             "(`customers.createSource(customerId, ...)`), not DigitalRiver.js";
    }
    part->receiver_kind = ClassifyReceiver(call.receiver, source_);
    if (part->receiver_kind == Receiver::kOtherLibrary) {
      return receiver +
             " is made by another library, or is an object or class of "
             "this file with its own createSource";
    }
    // `dr.createSource = (p) => { log(p); return orig(p); }`: the wrapper
    // hands on its callers' payloads, and its callers are the sites.
    if (part->receiver_kind == Receiver::kDigitalRiver &&
        InsideOwnCreateSource(call.call, node::Text(call.receiver, source_),
                              source_))
      return "the call hands on the payload of the createSource this file "
             "gives " +
             receiver + " (its callers are the sites)";
    if (call.handed_on && !SurelyDigitalRiver(call.receiver, part))
      return "the method is handed on from " + receiver +
             ", which is not surely DigitalRiver.js";
    return "";
  }

  std::string_view source_;
  std::vector<PassedOverCall>* passed_over_;
  TestDoubles doubles_;
  TSNode root_{};
};

}  // namespace

std::vector<CallSite> FindCallSites(std::string_view source, TSNode root,
                                    std::vector<PassedOverCall>* passed_over) {
  return SiteFinder(source, passed_over).FindAll(root);
}

}  // namespace psm
