#include "find/site_finder.h"

#include <cstring>
#include <string>

#include "find/mutations.h"
#include "find/object_builder.h"
#include "find/receiver.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

int LineOf(TSNode n) { return static_cast<int>(ts_node_start_point(n).row) + 1; }
std::string AtLine(TSNode n) { return " (line " + std::to_string(LineOf(n)) + ")"; }

// The arguments of a call, comments left out.
std::vector<TSNode> Arguments(TSNode call) {
  std::vector<TSNode> args;
  TSNode list = node::Field(call, "arguments");
  uint32_t count = ts_node_named_child_count(list);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode arg = ts_node_named_child(list, i);
    if (!node::IsComment(arg)) args.push_back(arg);
  }
  return args;
}

class SiteFinder {
 public:
  explicit SiteFinder(std::string_view source) : source_(source) {}

  std::vector<CallSite> FindAll(TSNode root) {
    std::vector<CallSite> sites;
    const size_t n = kCreateSource.size();
    for (size_t at = source_.find(kCreateSource); at != std::string_view::npos;
         at = source_.find(kCreateSource, at + n)) {
      TSNode name = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at), static_cast<uint32_t>(at + n));
      TSNode call = CallOf(name);
      if (ts_node_is_null(call)) continue;
      TSNode receiver = node::Field(ts_node_parent(name), "object");
      if (ClassifyReceiver(receiver, source_) == Receiver::kOtherLibrary) {
        continue;
      }
      sites.push_back(Inspect(call, name));
    }
    return sites;
  }

 private:
  // The call expression `name` is the method of, or a null node. Accepts
  // `r.createSource(...)`, `r.createSource?.(...)`, and
  // `r.createSource.call(r, ...)` / `.apply(r, [...])`.
  TSNode CallOf(TSNode name) const {
    if (!node::Is(name, "property_identifier") ||
        node::Text(name, source_) != kCreateSource) {
      return TSNode{};
    }
    TSNode member = ts_node_parent(name);
    if (!node::Is(member, "member_expression") ||
        !ts_node_eq(node::Field(member, "property"), name)) {
      return TSNode{};
    }
    TSNode parent = ts_node_parent(member);
    if (node::Is(parent, "call_expression") &&
        ts_node_eq(node::Field(parent, "function"), member)) {
      return parent;
    }
    if (node::Is(parent, "member_expression")) {
      std::string_view how = node::Text(node::Field(parent, "property"), source_);
      TSNode outer = ts_node_parent(parent);
      if ((how == "call" || how == "apply") && node::Is(outer, "call_expression") &&
          ts_node_eq(node::Field(outer, "function"), parent)) {
        return outer;
      }
    }
    return TSNode{};
  }

  CallSite Inspect(TSNode call, TSNode name) {
    CallSite site;
    site.call = node::Range(call);
    site.has_error = ts_node_has_error(call);
    TSNode member = ts_node_parent(name);
    site.callee = std::string(node::Text(member, source_));
    std::vector<TSNode> args = Arguments(call);
    bool via_apply = !ts_node_eq(node::Field(call, "function"), member) &&
                     node::Text(node::Field(ts_node_parent(member), "property"),
                                source_) == "apply";
    if (via_apply) {
      args = ApplyArguments(args, &site);
    } else if (!ts_node_eq(node::Field(call, "function"), member) && !args.empty()) {
      args.erase(args.begin());  // .call(thisArg, ...)
    }
    if (args.empty()) {
      if (site.blind_spots.empty()) {
        site.blind_spots.push_back("createSource() is called without a payload");
      }
      return site;
    }
    ResolvePayload(args.back(), &site);
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
    uint32_t count = ts_node_named_child_count(array);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode e = ts_node_named_child(array, i);
      if (!node::IsComment(e)) elements.push_back(e);
    }
    return elements;
  }

  void ResolvePayload(TSNode expr, CallSite* site) {
    TSNode value = node::Unwrap(expr);
    if (node::Is(value, "object")) {
      site->payloads.push_back({BuildObjectLiteral(value, source_), "inline"});
      return;
    }
    if (node::Is(value, "identifier")) {
      ResolveVariable(value, site);
      return;
    }
    site->blind_spots.push_back("the payload is " + Quote(node::Text(expr, source_)) +
                                ", not an object literal or a variable; check "
                                "where it is built");
  }

  void ResolveVariable(TSNode identifier, CallSite* site) {
    std::string_view name = node::Text(identifier, source_);
    Binding binding = ResolveName(name, identifier, source_);
    std::string var = "variable " + Quote(name);
    switch (binding.kind) {
      case Binding::Kind::kNotFound:
        site->blind_spots.push_back("the payload " + var +
                                    " is not declared in this file");
        return;
      case Binding::Kind::kParameter:
        site->blind_spots.push_back(
            "the payload " + Quote(name) + " is a parameter of the enclosing "
            "function" + AtLine(binding.declarator) +
            "; its callers build the object");
        return;
      case Binding::Kind::kImported:
        site->blind_spots.push_back("the payload " + Quote(name) +
                                    " is imported" + AtLine(binding.declarator) +
                                    "; migrate it where it is defined");
        return;
      case Binding::Kind::kVariable:
        break;
    }
    AddValue(node::Field(binding.declarator, "value"), var, site);
    for (TSNode assignment : binding.assignments) {
      AddValue(node::Field(assignment, "right"), var, site);
    }
    DropEmptyLiterals(site);
    site->mutations = FindMutations(name, binding.scope, source_);
  }

  void AddValue(TSNode value_expr, const std::string& var, CallSite* site) {
    if (ts_node_is_null(value_expr)) return;  // `let payload;`
    TSNode value = node::Unwrap(value_expr);
    if (node::Is(value, "object")) {
      site->payloads.push_back(
          {BuildObjectLiteral(value, source_), var + AtLine(value)});
      return;
    }
    if (node::Is(value, "undefined") || node::Is(value, "null")) return;
    site->blind_spots.push_back("the payload " + var + " is set to " +
                                Quote(node::Text(value_expr, source_)) +
                                AtLine(value_expr) +
                                "; the tool cannot see that object's fields");
  }

  // `let p = {}; if (x) p = {...}`: the empty start value carries nothing
  // to migrate once other literals can reach the call.
  static void DropEmptyLiterals(CallSite* site) {
    if (site->payloads.size() < 2) return;
    std::erase_if(site->payloads, [](const PayloadLiteral& p) {
      return p.object.members.empty();
    });
  }

  std::string_view source_;
};

}  // namespace

std::vector<CallSite> FindCallSites(std::string_view source, TSNode root) {
  return SiteFinder(source).FindAll(root);
}

}  // namespace psm
