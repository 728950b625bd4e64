#include "find/site_finder.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <utility>

#include "common/strings.h"
#include "find/method_calls.h"
#include "find/object_builder.h"
#include "find/payload_resolver.h"
#include "find/receiver.h"
#include "find/receiver_origin.h"
#include "find/test_doubles.h"
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
    std::vector<CallSite> sites;
    sites.reserve(names.size());  // one call per name, nearly always
    std::set<std::pair<uint32_t, uint32_t>> seen;  // calls already inspected
    for (const Occurrence& o : names) {
      // The receiver and the payload are looked up next to the name.
      node::RememberPath(o.up, o.name);
      for (const MethodCall& call : CallsOfMethod(o.name, o.up, source_)) {
        ByteRange range = node::Range(call.call);
        if (!seen.insert({range.begin, range.end}).second) continue;
        if (std::string why = NotDigitalRiver(call); !why.empty()) {
          if (passed_over_) passed_over_->push_back({range, std::move(why)});
          continue;
        }
        if (std::optional<CallSite> site = Inspect(call)) {
          // Even `useDigitalRiver()` may be a project's wrapper of it.
          if (!ts_node_is_null(call.receiver))
            site->receiver = ReceiverRequest(call.receiver, source_);
          sites.push_back(std::move(*site));
        }
      }
    }
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
  std::vector<Occurrence> Occurrences() const {
    std::vector<Occurrence> found;
    const size_t n = kCreateSource.size();
    for (size_t at = source_.find(kCreateSource); at != std::string_view::npos;
         at = source_.find(kCreateSource, at + n)) {
      // `this._createSource()`, `createSourceUrl`: another name.
      if (!IsWholeIdentifierAt(source_, at, n)) continue;
      // One descent gives the name and the ancestors looked at later.
      std::vector<TSNode> up = node::PathTo(root_, static_cast<uint32_t>(at),
                                            static_cast<uint32_t>(at + n));
      if (up.empty()) continue;
      TSNode name = up.back();
      up.pop_back();
      std::reverse(up.begin(), up.end());  // the parent first
      found.push_back({name, std::move(up)});
    }
    return found;
  }

  // A method handed on out of sight is reported only when it is surely
  // DigitalRiver.js's: by its receiver, or a file that names the library.
  // Other SDKs' createSource passed around must not raise alarms.
  bool SurelyDigitalRiver(TSNode receiver) {
    if (ClassifyReceiver(receiver, source_) == Receiver::kDigitalRiver)
      return true;
    if (!names_library_) {
      names_library_ =
          FindNoCase(source_, "digitalriver") != std::string_view::npos;
    }
    return *names_library_;
  }

  // DigitalRiver.js's createSource takes an object last; a call whose last
  // argument is a plain string, number or boolean is some other API
  // (a component's own `createSource('payPal')`).
  static bool TakesNoPayload(const std::vector<TSNode>& args) {
    if (args.empty()) return false;
    std::string_view type = node::Type(node::Unwrap(args.back()));
    return type == "string" || type == "number" || type == "true" ||
           type == "false";
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
    return site;
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

  // Why `call` is not a DigitalRiver.js createSource; "" when it may be.
  std::string NotDigitalRiver(const MethodCall& call) {
    std::string receiver = Quote(node::Text(call.receiver, source_));
    if (doubles_.Replaces(call.receiver, source_))
      return receiver + " is a test double";
    if (ClassifyReceiver(call.receiver, source_) == Receiver::kOtherLibrary) {
      return receiver +
             " is made by another library, or is an object or class of "
             "this file with its own createSource";
    }
    if (call.handed_on && !SurelyDigitalRiver(call.receiver))
      return "the method is handed on from " + receiver +
             ", which is not surely DigitalRiver.js";
    return "";
  }

  std::string_view source_;
  std::vector<PassedOverCall>* passed_over_;
  TestDoubles doubles_;
  TSNode root_{};
  std::optional<bool> names_library_;
};

}  // namespace

std::vector<CallSite> FindCallSites(std::string_view source, TSNode root,
                                    std::vector<PassedOverCall>* passed_over) {
  return SiteFinder(source, passed_over).FindAll(root);
}

}  // namespace psm
