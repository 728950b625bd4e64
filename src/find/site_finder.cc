#include "find/site_finder.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "find/object_builder.h"
#include "find/payload_resolver.h"
#include "find/receiver.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The ancestors of a createSource name, its parent first.
struct Lineage {
  const std::vector<TSNode>& nodes;
  TSNode Parent(size_t i) const { return i < nodes.size() ? nodes[i] : TSNode{}; }
};

class SiteFinder {
 public:
  explicit SiteFinder(std::string_view source) : source_(source) {}

  std::vector<CallSite> FindAll(TSNode root) {
    root_ = root;
    std::vector<CallSite> sites;
    const size_t n = kCreateSource.size();
    for (size_t at = source_.find(kCreateSource); at != std::string_view::npos;
         at = source_.find(kCreateSource, at + n)) {
      // One descent gives the name and the ancestors looked at below.
      std::vector<TSNode> up = node::PathTo(root, static_cast<uint32_t>(at),
                                            static_cast<uint32_t>(at + n));
      if (up.empty()) continue;
      TSNode name = up.back();
      up.pop_back();
      std::reverse(up.begin(), up.end());  // the parent first
      Lineage lineage{up};
      TSNode call = CallOf(name, lineage);
      if (ts_node_is_null(call)) continue;
      TSNode receiver = node::Field(lineage.Parent(0), "object");
      if (ClassifyReceiver(receiver, source_) == Receiver::kOtherLibrary ||
          TakesNoPayload(call)) {
        continue;
      }
      sites.push_back(Inspect(call, lineage));
    }
    return sites;
  }

 private:
  // The call expression `name` is the method of, or a null node. Accepts
  // `r.createSource(...)`, `r.createSource?.(...)`, and
  // `r.createSource.call(r, ...)` / `.apply(r, [...])`.
  TSNode CallOf(TSNode name, const Lineage& up) const {
    if (!node::Is(name, "property_identifier") ||
        node::Text(name, source_) != kCreateSource) {
      return TSNode{};
    }
    TSNode member = up.Parent(0);
    if (!node::Is(member, "member_expression") ||
        !ts_node_eq(node::Field(member, "property"), name)) {
      return TSNode{};
    }
    TSNode parent = up.Parent(1);
    if (node::Is(parent, "call_expression") &&
        ts_node_eq(node::Field(parent, "function"), member)) {
      return parent;
    }
    // tree-sitter-typescript reads `await dr.createSource<T>(p)` as a call
    // whose callee is `await dr.createSource`.
    if (node::Is(parent, "await_expression")) {
      TSNode outer = up.Parent(2);
      if (node::Is(outer, "call_expression") &&
          ts_node_eq(node::Field(outer, "function"), parent)) {
        return outer;
      }
    }
    if (node::Is(parent, "member_expression")) {
      std::string_view how =
          node::Text(node::Field(parent, "property"), source_);
      TSNode outer = up.Parent(2);
      if ((how == "call" || how == "apply") &&
          node::Is(outer, "call_expression") &&
          ts_node_eq(node::Field(outer, "function"), parent)) {
        return outer;
      }
    }
    return TSNode{};
  }

  // DigitalRiver.js's createSource takes an object last; a call whose last
  // argument is a plain string, number or boolean is some other API
  // (a component's own `createSource('payPal')`).
  static bool TakesNoPayload(TSNode call) {
    std::vector<TSNode> args = node::Arguments(call);
    if (args.empty()) return false;
    std::string_view type = node::Type(node::Unwrap(args.back()));
    return type == "string" || type == "number" || type == "true" ||
           type == "false";
  }

  CallSite Inspect(TSNode call, const Lineage& up) {
    CallSite site;
    site.call = node::Range(call);
    site.has_error = ts_node_has_error(call);
    TSNode member = up.Parent(0);
    site.callee = std::string(node::Text(member, source_));
    std::vector<TSNode> args = node::Arguments(call);
    // `.call(thisArg, ...)` / `.apply(thisArg, [...])` put the method one
    // member expression further from the call.
    TSNode outer = up.Parent(1);
    std::string_view how =
        node::Is(outer, "member_expression")
            ? node::Text(node::Field(outer, "property"), source_)
            : "";
    if (how == "apply") {
      args = ApplyArguments(args, &site);
    } else if (how == "call" && !args.empty()) {
      args.erase(args.begin());
    }
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

  // For `.apply(thisArg, [a, b])`: the array's elements, when written inline.
  std::vector<TSNode> ApplyArguments(const std::vector<TSNode>& args,
                                     CallSite* site) {
    std::vector<TSNode> elements;
    TSNode array = args.size() >= 2 ? node::Unwrap(args[1]) : TSNode{};
    if (!node::Is(array, "array")) {
      site->blind_spots.push_back(
          "createSource is called through .apply() with arguments " +
          (args.size() >= 2 ? Quote(node::Text(args[1], source_)) : "missing") +
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

  std::string_view source_;
  TSNode root_{};
};

}  // namespace

std::vector<CallSite> FindCallSites(std::string_view source, TSNode root) {
  return SiteFinder(source).FindAll(root);
}

}  // namespace psm
