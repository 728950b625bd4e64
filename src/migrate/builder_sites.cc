#include "migrate/builder_sites.h"

#include <algorithm>
#include <optional>
#include <set>

#include "common/strings.h"
#include "common/text_lines.h"
#include "find/module_factory.h"
#include "find/object_builder.h"
#include "find/object_writes.h"
#include "find/payload_resolver.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "find/wrapper_calls.h"
#include "syntax/node.h"

namespace psm {
namespace {

TSNode FindBuilder(TSNode root, const BuilderRequest& b) {
  TSNode n =
      ts_node_descendant_for_byte_range(root, b.builder.begin, b.builder.end);
  while (!ts_node_is_null(n) &&
         !(node::Range(n) == b.builder && node::Type(n) == b.type)) {
    n = node::Parent(n);
  }
  return n;
}

// A reference that only exports the builder: `export { build }`,
// `module.exports = { build }`, `exports.build = build`.
bool OnlyExports(TSNode use, std::string_view source) {
  for (TSNode p = node::Parent(use); !ts_node_is_null(p); p = node::Parent(p)) {
    if (node::Is(p, "export_statement")) return true;
    if (node::Is(p, "expression_statement")) {
      return node::Text(p, source).starts_with("module.exports") ||
             node::Text(p, source).starts_with("exports.");
    }
    if (node::IsFunction(p)) return false;
  }
  return false;
}

// For a use that names the builder in the object a module's factory
// returns (`return { getPayload }`, `return { payload: getPayload }`): the
// key the module gives it under; "" for any other use.
std::string_view FactoryObjectKey(TSNode use, std::string_view source) {
  TSNode member = use;
  TSNode parent = node::Parent(use);
  if (node::Is(parent, "pair") &&
      ts_node_eq(node::Field(parent, "value"), use)) {
    member = parent;
    parent = node::Parent(parent);
  } else if (!node::Is(use, "shorthand_property_identifier")) {
    return "";
  }
  if (!node::Is(parent, "object") || !IsModuleFactoryObject(parent, source))
    return "";
  if (ts_node_eq(member, use)) return node::Text(use, source);
  TSNode key = node::Field(member, "key");
  return node::Is(key, "property_identifier") ? node::Text(key, source) : "";
}

// The places that may set the member `key` of the object literal `owner`
// holding the builder again (HolderWrites): importers would get another
// function.
void AddHolderWrites(TSNode owner, std::string_view key,
                     std::string_view source, std::vector<TSNode>* uses) {
  if (!node::Is(owner, "object")) return;
  for (TSNode write : HolderWrites(owner, key, source)) uses->push_back(write);
}

// Any other use of the builder in this file may hand its payload elsewhere.
void ObserveLocalUses(TSNode builder, std::string_view source, CallSite* site) {
  TSNode name = node::Field(builder, "name");
  TSNode declarator = node::Parent(builder);
  if (node::Is(declarator, "variable_declarator"))
    name = node::Field(declarator, "name");
  std::vector<TSNode> uses;
  std::vector<TSNode> exports;     // uses that only export it
  bool declared_exported = false;  // `export function build`
  // `module.exports.build = function` / `exports.build = ...`: the module
  // may call it through those objects too.
  bool exported_member =
      node::Is(declarator, "assignment_expression") &&
      node::Is(node::Field(declarator, "left"), "member_expression");
  if (exported_member) {
    TSNode left = node::Field(declarator, "left");
    std::string_view member = node::Text(node::Field(left, "property"), source);
    std::string_view holder = node::Text(node::Field(left, "object"), source);
    ForEachDescendant(ts_tree_root_node(builder.tree), true, [&](TSNode n) {
      if (node::Is(n, "member_expression") && !ts_node_eq(n, left) &&
          node::Text(node::Field(n, "property"), source) == member &&
          (node::Text(node::Field(n, "object"), source) == holder ||
           node::Is(node::Field(n, "object"), "this")))
        uses.push_back(n);
    });
  } else if (node::Is(builder, "method_definition") ||
             node::Is(declarator, "pair")) {
    std::string_view method = node::Text(node::Is(builder, "method_definition")
                                             ? name
                                             : node::Field(declarator, "key"),
                                         source);
    ForEachDescendant(ts_tree_root_node(builder.tree), true, [&](TSNode n) {
      if (!node::Is(n, "member_expression") ||
          node::Text(node::Field(n, "property"), source) != method) {
        return;
      }
      // `super.build()` inside the builder calls its base class's method.
      bool base_call = node::Is(node::Field(n, "object"), "super") &&
                       node::Range(builder).Contains(node::Range(n));
      if (!base_call) uses.push_back(n);
    });
    // `this[m]()` in the builder's own class or object may call it.
    TSNode owner = node::Parent(
        node::Is(builder, "method_definition") ? builder : declarator);
    ForEachDescendant(owner, true, [&](TSNode n) {
      if (node::Is(n, "subscript_expression") &&
          node::Is(node::Unwrap(node::Field(n, "object")), "this"))
        uses.push_back(n);
    });
    AddHolderWrites(owner, method, source, &uses);
    if (node::Is(owner, "class_body")) {
      for (TSNode write : ClassMemberWrites(node::Parent(owner), method, source))
        uses.push_back(write);
    }
  } else if (node::Is(name, "identifier")) {
    std::string_view text = node::Text(name, source);
    // The ways the module exports it: its declaration (`export function
    // build`) and each export naming it. The request came through one of
    // them; the importers of any other (`export default { paypal: build }`
    // beside `export const build`) are not looked at.
    for (TSNode p = node::Parent(name); !ts_node_is_null(p);
         p = node::Parent(p)) {
      if (node::Is(p, "export_statement")) declared_exported = true;
      if (node::Is(p, "program")) break;
    }
    for (TSNode use : UsesOf(ResolveName(text, name, source), text, source)) {
      if (ts_node_eq(use, name)) continue;
      if (std::string_view key = FactoryObjectKey(use, source); !key.empty()) {
        // The module gives it as `key`: the file may call it, or set it
        // again, through the module's object (`CheckoutUtils.getPayload(
        // cart).amount`, `CheckoutUtils.getPayload = wrap(...)`).
        ForEachDescendant(ts_tree_root_node(builder.tree), true, [&](TSNode n) {
          if (node::Is(n, "member_expression") &&
              node::Text(node::Field(n, "property"), source) == key)
            uses.push_back(n);
        });
        continue;
      }
      if (!OnlyExports(use, source)) {
        uses.push_back(use);
      } else {
        exports.push_back(use);
      }
      // Held by an object (`export const api = { build: paypal }`) whose
      // member the module may set again (`api.build = wire`).
      TSNode parent = node::Parent(use);
      if (node::Is(parent, "pair") &&
          ts_node_eq(node::Field(parent, "value"), use)) {
        TSNode key = node::Field(parent, "key");
        std::string spelled;
        if (!node::StringLiteralValue(key, source, &spelled))
          spelled = node::Text(key, source);
        AddHolderWrites(node::Parent(parent), spelled, source, &uses);
      } else if (node::Is(use, "shorthand_property_identifier")) {
        AddHolderWrites(parent, text, source, &uses);
      }
    }
  }
  if (exports.size() + (declared_exported ? 1 : 0) > 1) {
    for (TSNode use : exports) {
      site->observers.push_back(
          {"", "the module exports the builder in more than one way; line " +
                   std::to_string(node::Line(use)) + " (" +
                   StatementAround(use, source) +
                   ") is one whose importers are not looked at"});
    }
  }
  for (TSNode use : uses) {
    site->observers.push_back({"", "the builder is also used at line " +
                                       std::to_string(node::Line(use)) + " (" +
                                       StatementAround(use, source) + ")"});
  }
}

// `build(type, cart)` returning `{type: type, ...}` (or `{type}`): the
// payment method is what the callers in other files pass there
// (`build('payPal', cart)`), when they all pass the same string.
void GiveTypeFromCallers(TSNode root, TSNode builder, std::string_view source,
                         const BuilderRequest& b, CallSite* site) {
  if (!b.returns || b.caller_arguments.empty() ||
      b.caller_arguments.size() != b.callers.size()) {
    return;
  }
  for (const PayloadLiteral& p : site->payloads) {
    std::string name;
    int index = TypeParameterIndex(p.object, root, builder, source, &name);
    if (index < 0) continue;
    std::set<std::string> passed;
    std::vector<GivenType> given;
    for (size_t i = 0; i < b.caller_arguments.size(); ++i) {
      const std::vector<GivenType>& args = b.caller_arguments[i];
      given.push_back(static_cast<size_t>(index) < args.size()
                          ? args[index]
                          : GivenType{std::nullopt, "undefined", ""});
      passed.insert(Quote(given.back().what) + " (" + b.callers[i] + ")");
    }
    if (std::optional<GivenType> agreed = AgreedType(given)) {
      agreed->binds = std::string(name);
      site->given_type = std::move(agreed);
      return;
    }
    AddBlindSpot(site, "the payload's type is the parameter " + Quote(name) +
                           " of the builder, and its callers pass " +
                           Join({passed.begin(), passed.end()}, ", ") +
                           ", not one string literal");
    return;
  }
}

// The builder returns `this.payload` or says `type: this.type`, and a
// subclass in another module uses that field: its constructor may set
// another object or type than the one this file shows.
void CheckSubclassFields(TSNode builder, std::string_view source,
                         const BuilderRequest& b, CallSite* site) {
  if (b.subclass_fields.empty()) return;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (!node::Is(n, "member_expression") ||
        !node::Is(node::Field(n, "object"), "this")) {
      return;
    }
    TSNode parent = node::Parent(n);
    bool decides = node::Is(parent, "return_statement") ||
                   (node::Is(parent, "pair") &&
                    node::Text(node::Field(parent, "key"), source) == "type");
    auto used = b.subclass_fields.find(
        std::string(node::Text(node::Field(n, "property"), source)));
    if (!decides || used == b.subclass_fields.end()) return;
    // Seen whole: nothing in the literal may change.
    site->observers.push_back(
        {"", Quote(node::Text(n, source)) + " (line " +
                 std::to_string(node::Line(n)) +
                 ") is also used by a subclass in another module (" +
                 used->second + "), which may set it otherwise"});
  });
}

// The call expression spanning `range`, or null.
TSNode CallAt(TSNode root, ByteRange range) {
  TSNode call = ts_node_descendant_for_byte_range(root, range.begin, range.end);
  while (!ts_node_is_null(call) &&
         !(node::Is(call, "call_expression") && node::Range(call) == range))
    call = node::Parent(call);
  return call;
}

// A wrapper call that passes nothing where the wrapper takes its payload
// (`createSource('creditCard')`, `createSource(element)` of
// `(type, data) => dr.createSource(..., data)`), or a string or number.
bool PassesNoPayload(TSNode root, const WrapperCall& w) {
  std::vector<TSNode> args = node::Arguments(CallAt(root, w.call));
  if (w.argument >= static_cast<int>(args.size())) return true;
  std::string_view type = node::Type(node::Unwrap(args[w.argument]));
  return type == "string" || type == "number" || type == "template_string";
}

// `names` added to `into`, each once.
void AddOnce(const std::vector<std::string>& names,
             std::vector<std::string>* into) {
  for (const std::string& name : names) {
    if (std::find(into->begin(), into->end(), name) == into->end())
      into->push_back(name);
  }
}

}  // namespace

std::vector<CallSite> BuilderSites(std::string_view source, TSNode root,
                                   const FileLinks& links,
                                   std::vector<std::string>* notes) {
  std::vector<CallSite> sites;
  for (const BuilderRequest& b : links.builders) {
    TSNode builder = FindBuilder(root, b);
    if (ts_node_is_null(builder)) continue;
    CallSite site;
    site.call = b.builder;
    site.callee = "builder";
    BuiltPayloadOptions options;
    if (!b.base_file.empty()) {
      options.super_member = b.super_member;
      options.covered = "migrated where it is built, " + b.base_at;
    }
    options.type_from_users = b.type_from_users;
    ResolveBuiltPayload(source, root, builder, b.returns, &site, options);
    // The builder takes its object from yet another module: the project
    // model follows one module from the call, not the builder's imports.
    for (std::string& spot : site.blind_spots) {
      if (spot.starts_with("the payload is built in module") ||
          spot.starts_with("the payload is built by a global"))
        spot +=
            ", from which this builder takes it: the tool follows the "
            "call to one module, not on to the modules that one uses; "
            "migrate by hand, or have the call use that builder directly";
    }
    site.users = b.users;
    if (!b.inherited_type.empty()) {
      // Planned with the base's type; its sessionId goes where that type
      // is, into the base's object.
      PayloadUser self;
      self.name = "its class";
      self.where = b.base_at;
      self.method = b.inherited_type;
      self.sets_type = true;
      site.users = {self};
    }
    site.refused = b.refused;
    for (const PayloadObserver& o : b.observers) site.observers.push_back(o);
    if (b.returns) ObserveLocalUses(builder, source, &site);
    GiveTypeFromCallers(root, builder, source, b, &site);
    CheckSubclassFields(builder, source, b, &site);
    notes->push_back("builds the payload of createSource at " +
                     Join(b.callers, ", "));
    sites.push_back(std::move(site));
  }
  return sites;
}

std::vector<CallSite> WrapperCallSites(std::string_view source, TSNode root,
                                       const FileLinks& links,
                                       std::vector<std::string>* notes) {
  std::vector<CallSite> sites;
  for (const WrapperCall& w : links.wrapper_calls) {
    TSNode call = CallAt(root, w.call);
    std::vector<TSNode> args = node::Arguments(call);
    if (ts_node_is_null(call) || w.argument >= static_cast<int>(args.size()))
      continue;
    // A string, number or element passed through is not a payload.
    TSNode arg = node::Unwrap(args[w.argument]);
    if (!node::Is(arg, "object") && !node::Is(arg, "identifier") &&
        !node::Is(arg, "call_expression") && !node::Is(arg, "await_expression"))
      continue;
    CallSite site;
    site.call = w.call;
    site.callee =
        std::string(node::Text(node::Field(call, "function"), source));
    if (w.type_argument >= 0)
      site.given_type = TypeGivenBy(call, w.type_argument, source);
    ResolvePayload(source, root, args[w.argument], &site);
    for (const PayloadObserver& o : w.observers) site.observers.push_back(o);
    notes->push_back("through " + w.wrapper + ", which calls createSource");
    sites.push_back(std::move(site));
  }
  return sites;
}

void GiveWayToWrapperCalls(TSNode root, const FileLinks& links,
                           const std::vector<CallSite>& wrapper_sites,
                           std::vector<CallSite>* sites) {
  std::erase_if(*sites, [&](const CallSite& s) {
    return std::any_of(wrapper_sites.begin(), wrapper_sites.end(),
                       [&](const CallSite& w) {
                         return w.call.begin == s.call.begin;
                       }) ||
           std::any_of(links.wrapper_calls.begin(), links.wrapper_calls.end(),
                       [&](const WrapperCall& w) {
                         return w.call.begin == s.call.begin &&
                                PassesNoPayload(root, w);
                       });
  });
}

void ApplyLinks(const FileLinks& links, std::vector<CallSite>* sites,
                std::vector<PassedOverCall>* passed_over) {
  std::erase_if(*sites, [&](const CallSite& s) {
    auto other = links.not_digital_river.find(s.call.begin);
    if (other != links.not_digital_river.end())
      passed_over->push_back({s.call, other->second});
    return links.forwarded.contains(s.call.begin) ||
           other != links.not_digital_river.end();
  });
  for (CallSite& s : *sites) {
    if (auto readers = links.readers_elsewhere.find(s.call.begin);
        readers != links.readers_elsewhere.end()) {
      for (const PayloadObserver& o : readers->second) s.observers.push_back(o);
    }
    auto reason = links.unlinked.find(s.call.begin);
    if (reason == links.unlinked.end() || s.requests.empty()) continue;
    bool replaced = false;
    for (std::string& spot : s.blind_spots) {
      if (spot.starts_with("the payload is built in module") ||
          spot.starts_with("the payload is built by a global")) {
        spot = reason->second;
        replaced = true;
      }
    }
    if (!replaced) s.blind_spots.push_back(reason->second);
  }
}

std::vector<SiteRequest> RequestsOf(const std::vector<CallSite>& sites,
                                    std::string_view source,
                                    bool classic_script) {
  std::vector<SiteRequest> requests;
  LinesOnDemand lines(source);
  for (const CallSite& s : sites) {
    if (classic_script && !s.payloads.empty() && !s.program_bindings.empty()) {
      SiteRequest r;
      r.call_begin = s.call.begin;
      r.line = lines.Line(s.call.begin);
      AddOnce(s.program_bindings, &r.globals);
      requests.push_back(std::move(r));
    }
    if (!s.payloads.empty() &&
        (!s.exported_methods.empty() || !s.field_bases.empty() ||
         (!classic_script && !s.exported_builders.empty()))) {
      SiteRequest r;
      r.call_begin = s.call.begin;
      r.line = lines.Line(s.call.begin);
      if (!classic_script) r.exported = s.exported_builders;
      r.exported_methods = s.exported_methods;
      r.field_bases = s.field_bases;
      requests.push_back(std::move(r));
    }
    if (s.receiver || s.unseen_receiver || !s.global_receiver.empty()) {
      SiteRequest r;
      r.call_begin = s.call.begin;
      r.line = lines.Line(s.call.begin);
      if (s.receiver) r.request = *s.receiver;
      r.unseen_receiver = !s.receiver && s.unseen_receiver;
      r.global_receiver = s.global_receiver;
      requests.push_back(std::move(r));
    }
    if (s.receiver_type) {
      SiteRequest r;
      r.call_begin = s.call.begin;
      r.line = lines.Line(s.call.begin);
      r.request = *s.receiver_type;
      requests.push_back(std::move(r));
    }
    bool from_module = s.requests.size() == 1;
    bool from_server = s.requests.empty() && s.server_read.has_value();
    if (!(from_module || from_server) || !s.payloads.empty() ||
        s.blind_spots.size() != 1) {
      continue;
    }
    SiteRequest r;
    r.call_begin = s.call.begin;
    r.line = lines.Line(s.call.begin);
    if (from_module) {
      r.request = s.requests[0];
      r.follows_module = true;
      if (classic_script) {
        AddOnce(s.program_bindings, &r.globals);
      } else {
        r.exported = s.exported_builders;
      }
      r.exported_methods = s.exported_methods;
    } else {
      r.server_read = s.server_read;
    }
    r.observers = s.observers;
    for (const PayloadMutation& m : s.mutations) {
      if (m.after_call) continue;
      // `payload.type = method` in a wrapper elsewhere: the fields the call
      // takes depend on it, so the caller's object keeps every one.
      if (m.path == "type") {
        r.observers.push_back(
            {"", m.what + " may change the payment type where "
                          "the call is; migrate that file by hand"});
        continue;
      }
      // `if (session) p.sessionId = ...` where the call is: the builder's
      // object must keep its legacy fields for the other paths.
      if (m.path == "sessionId" && !m.always_before_call) {
        r.observers.push_back(
            {"", m.what +
                     " sets sessionId where the call is, on some paths only: "
                     "the other paths need the fields payment sessions "
                     "drop; migrate both files by hand"});
        continue;
      }
      r.observers.push_back(
          {m.path, m.what + " changes the payload where the call is; "
                            "migrate that file by hand"});
    }
    requests.push_back(std::move(r));
  }
  return requests;
}

}  // namespace psm
