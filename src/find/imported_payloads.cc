#include "find/module_taken_again.h"
#include "find/imported_payloads.h"

#include <algorithm>
#include <optional>
#include <string>

#include "common/strings.h"
#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/payload_uses.h"
#include "find/receiver_origin.h"
#include "syntax/node.h"

namespace psm {
namespace {

class ImportRequests {
 public:
  explicit ImportRequests(std::string_view source) : source_(source) {}

  // `build(...)`, `api.build(...)`, `new Builder(...).build()` or
  // `builder.build()` (with `const builder = new Builder(...)`) where the
  // function, object or class comes from another module.
  bool RequestImported(TSNode call, CallSite* site) {
    TSNode callee = node::Unwrap(node::Field(call, "function"));
    if (RefuseComputedLoad(callee, call, site)) return true;
    if (node::Is(callee, "identifier")) {
      std::optional<ModuleRef> ref = ImportOf(callee);
      if (!ref) return false;
      ObserveOtherImportUses(callee, "", site);
      Request(site, std::move(*ref), "", ModuleRequest::Access::kCall, call);
      return true;
    }
    if (!node::Is(callee, "member_expression")) return false;
    std::string member(node::Text(node::Field(callee, "property"), source_));
    TSNode object = node::Unwrap(node::Field(callee, "object"));
    if (std::optional<ModuleRef> ref = ImportOf(object)) {
      ObserveOtherImportUses(object, member, site);
      Request(site, std::move(*ref), member, ModuleRequest::Access::kCall,
              call);
      return true;
    }
    if (std::optional<ModuleRef> ref = InstanceOf(object, site)) {
      Request(site, std::move(*ref), member,
              ModuleRequest::Access::kNewThenMethod, call);
      return true;
    }
    return false;
  }

  // The imported class `object` is an instance of: `new X(...)`, a
  // variable bound once to one (its other uses observe), or `this.x` set
  // to one or injected (`constructor(private x: X)`). A class declared
  // nowhere (a global of classic script pages) counts when `globals`.
  std::optional<ModuleRef> InstanceOf(TSNode object, CallSite* site,
                                      bool globals = true) {
    if (node::Is(object, "member_expression") &&
        node::Is(node::Field(object, "object"), "this")) {
      return ClassOfThisField(object, source_);
    }
    TSNode made = ConstructedBy(object);
    std::optional<ModuleRef> ref = ImportOf(made);
    if (ref && ref->specifier.empty() && !globals) return std::nullopt;
    if (ref) {
      ObserveOtherImportUses(made, "", site);
      ObserveInstanceUses(object, site);
    }
    return ref;
  }

  // `req` of `const req = new PayPalRequest(total); ...; req.build()`: the
  // instance may hold the payload in a field (`this.payload`), so any use
  // of it but a method call (which the class's own analysis covers) may
  // see every field: `showTotal(req)`, `req.payload.amount`.
  void ObserveInstanceUses(TSNode object, CallSite* site) {
    if (!node::Is(object, "identifier")) return;
    std::string_view name = node::Text(object, source_);
    Binding b = ResolveName(name, object, source_);
    for (TSNode use : UsesOf(b, name, source_)) {
      if (ts_node_eq(use, object) || ts_node_eq(use, b.declarator) ||
          IsDeclaration(use, b)) {
        continue;
      }
      TSNode member = node::Parent(use);
      if (node::Is(member, "member_expression") &&
          ts_node_eq(node::Field(member, "object"), use) &&
          node::Is(node::Parent(member), "call_expression") &&
          ts_node_eq(node::Field(node::Parent(member), "function"), member))
        continue;
      site->observers.push_back(
          {"", "the instance " + Quote(name) +
                   ", whose method builds the payload, is also used at line " +
                   std::to_string(node::Line(use)) + " (" +
                   StatementAround(use, source_) +
                   "); it may hold the payload in a field"});
      return;
    }
  }

  bool RequestGetter(TSNode member, CallSite* site) {
    std::optional<ModuleRef> ref = InstanceOf(
        node::Unwrap(node::Field(member, "object")), site, /*globals=*/false);
    if (!ref) return false;
    Request(site, std::move(*ref),
            std::string(node::Text(node::Field(member, "property"), source_)),
            ModuleRequest::Access::kNewThenGetter, member);
    return true;
  }

  // The module (or, with an empty specifier, the global of classic script
  // pages) `n` comes from: an identifier bound by an import, or declared
  // nowhere in this file, or `window.X`.
  std::optional<ModuleRef> ImportOf(TSNode n) const {
    if (node::Is(n, "member_expression")) {
      std::string_view object = node::Text(node::Field(n, "object"), source_);
      if (object != "window" && object != "self" && object != "globalThis")
        return std::nullopt;
      return ModuleRef{
          "", std::string(node::Text(node::Field(n, "property"), source_))};
    }
    if (!node::Is(n, "identifier")) return std::nullopt;
    std::string_view name = node::Text(n, source_);
    Binding binding = ResolveName(name, n, source_);
    if (binding.kind == Binding::Kind::kNotFound && !IsBuiltin(name))
      return ModuleRef{"", std::string(name)};
    return ImportedAs(binding, name, source_);
  }

  // Globals of the platform, never a merchant's script.
  static bool IsBuiltin(std::string_view name) {
    static constexpr std::string_view kBuiltins[] = {
        "window",  "document", "globalThis",      "self", "JSON",
        "Object",  "Promise",  "Array",           "Math", "fetch",
        "require", "define",   "structuredClone", "$",    "jQuery",
        "_",       "axios",    "console"};
    for (std::string_view b : kBuiltins) {
      if (name == b) return true;
    }
    return false;
  }

  // `build` or `m.build` where `m` comes from `import(...)` or
  // `require(...)` of a specifier computed at run time: no file to follow.
  bool RefuseComputedLoad(TSNode callee, TSNode call, CallSite* site) const {
    if (node::Is(callee, "member_expression"))
      callee = node::Unwrap(node::Field(callee, "object"));
    if (!node::Is(callee, "identifier")) return false;
    Binding b = ResolveName(node::Text(callee, source_), callee, source_);
    TSNode load{};
    if (b.kind == Binding::Kind::kVariable || b.kind == Binding::Kind::kOther) {
      if (node::Is(b.declarator, "variable_declarator"))
        load = ModuleLoadCall(node::Field(b.declarator, "value"), source_);
    } else if (b.kind == Binding::Kind::kParameter) {
      load = ThenOfModuleLoad(b.scope);
    }
    TSNode specifier = AmdDependency(b, source_);
    if (!ts_node_is_null(load)) {
      std::vector<TSNode> args = node::Arguments(load);
      if (args.size() == 1) specifier = args[0];
    } else {
      load = specifier;
    }
    std::string literal;
    if (ts_node_is_null(specifier) ||
        node::StringLiteralValue(node::Unwrap(specifier), source_, &literal)) {
      return false;
    }
    AddBlindSpot(site, "the payload is built by " +
                           Quote(node::Text(call, source_)) + " (line " +
                           std::to_string(node::Line(call)) +
                           ") from a module whose name is computed at run "
                           "time (" +
                           Quote(node::Text(load, source_)) + ", line " +
                           std::to_string(node::Line(load)) +
                           "); the tool cannot tell which file builds it: "
                           "migrate each module it may load by hand");
    return true;
  }

  // `import(x)` when `function` is the callback of `import(x).then(...)`.
  TSNode ThenOfModuleLoad(TSNode function) const {
    if (ts_node_is_null(function)) return TSNode{};
    TSNode then = node::Parent(node::Parent(function));
    if (!node::Is(then, "call_expression")) return TSNode{};
    TSNode callee = node::Unwrap(node::Field(then, "function"));
    if (!node::Is(callee, "member_expression")) return TSNode{};
    return ModuleLoadCall(node::Field(callee, "object"), source_);
  }

  // The class `object` is made from: `new X(...)` itself, or a variable
  // bound once to one.
  TSNode ConstructedBy(TSNode object) const {
    if (node::Is(object, "identifier")) {
      Binding b = ResolveName(node::Text(object, source_), object, source_);
      if (b.kind != Binding::Kind::kVariable || !b.assignments.empty())
        return TSNode{};
      object = node::Unwrap(node::Field(b.declarator, "value"));
    }
    if (node::Is(object, "await_expression"))
      object = node::Unwrap(ts_node_named_child(object, 0));
    if (!node::Is(object, "new_expression")) return TSNode{};
    return node::Unwrap(node::Field(object, "constructor"));
  }

  // Other uses of the imported `name` in this file than the one at `flow`
  // (`member` of it, when the request takes a member) see what the
  // builder makes; a use that is itself the payload of a createSource
  // call is another site, linked on its own.
  void ObserveOtherImportUses(TSNode flow, const std::string& member,
                              CallSite* site) {
    if (std::optional<ModuleRef> ref = ImportOf(flow);
        ref && ref->specifier.empty()) {
      return ObserveOtherGlobalUses(flow, ref->exported, member, site);
    }
    std::string_view name = node::Text(flow, source_);
    Binding b = ResolveName(name, flow, source_);
    for (TSNode use : UsesOf(b, name, source_)) {
      if (ts_node_eq(use, flow) || ts_node_eq(use, b.declarator) ||
          IsDeclaration(use, b)) {
        continue;
      }
      TSNode taken = use;
      TSNode parent = node::Parent(use);
      if (!member.empty() && node::Is(parent, "member_expression") &&
          ts_node_eq(node::Field(parent, "object"), use)) {
        if (node::Text(node::Field(parent, "property"), source_) != member)
          continue;  // another export of the same module
        taken = parent;
      }
      TSNode call = node::Parent(taken);
      if (node::Is(call, "call_expression") &&
          ts_node_eq(node::Field(call, "function"), taken) &&
          IsPassedToCreateSource(call, source_)) {
        continue;
      }
      site->observers.push_back(
          {"", Quote(node::Text(taken, source_)) + ", which builds it, is " +
                   "also used at line " + std::to_string(node::Line(use)) +
                   " (" + StatementAround(use, source_) + ")"});
      return;
    }
  }

  // A global has no binding to follow: any other occurrence of its name
  // in this file may see what it builds, except a read of another of its
  // members when the builder is `member` of it (`LegacyPayloads.konbini`
  // beside `LegacyPayloads.klarna`).
  void ObserveOtherGlobalUses(TSNode flow, const std::string& name,
                              const std::string& member, CallSite* site) {
    uint32_t own = ts_node_start_byte(flow);
    size_t own_end = ts_node_end_byte(flow);
    for (size_t at = source_.find(name); at != std::string_view::npos;
         at = source_.find(name, at + name.size())) {
      if ((at >= own && at < own_end) ||
          !IsWholeIdentifierAt(source_, at, name.size()) ||
          ReadsAnotherMemberAt(at + name.size(), member)) {
        continue;
      }
      site->observers.push_back(
          {"", "the global " + Quote(name) +
                   " that builds it is also named "
                   "at line " +
                   std::to_string(1 + std::count(source_.begin(),
                                                 source_.begin() + at, '\n'))});
      return;
    }
  }

  // Whether the text at `end` (just after a name) reads `.other`, a plain
  // member other than `member` (none when `member` is empty).
  bool ReadsAnotherMemberAt(size_t end, const std::string& member) const {
    if (member.empty()) return false;
    size_t dot = source_.find_first_not_of(" \t", end);
    if (dot == std::string_view::npos || source_[dot] != '.') return false;
    size_t begin = source_.find_first_not_of(" \t\r\n", dot + 1);
    if (begin == std::string_view::npos) return false;
    size_t stop = begin;
    while (stop < source_.size() && IsIdentifierByte(source_[stop])) ++stop;
    std::string_view other = source_.substr(begin, stop - begin);
    return !other.empty() && other != member;
  }

  static bool IsDeclaration(TSNode use, const Binding& b) {
    for (TSNode p = node::Parent(use); !ts_node_is_null(p);
         p = node::Parent(p)) {
      if (node::Is(p, "import_statement") || ts_node_eq(p, b.declarator))
        return true;
      if (node::Is(p, "formal_parameters")) return true;  // AMD factory
      if (node::Is(p, "statement_block") || node::Is(p, "program"))
        return false;
    }
    return false;
  }

  void Request(CallSite* site, ModuleRef ref, std::string member,
               ModuleRequest::Access access, TSNode expr) {
    ModuleRequest request =
        RequestAt(std::move(ref), std::move(member), access, expr, source_);
    AddBlindSpot(site, request.ref.specifier.empty()
                           ? "the payload is built by a global (" +
                                 request.what + "), defined in another file"
                           : "the payload is built in module " +
                                 Quote(request.ref.specifier) + " (" +
                                 request.what + ")");
    if (!request.ref.specifier.empty()) {
      const std::string& taken = request.ref.exported == "*"
                                     ? request.member
                                     : request.ref.exported;
      if (std::string why = ModuleTakenAgain(ts_tree_root_node(expr.tree),
                                             source_, request.ref.specifier,
                                             taken);
          !why.empty())
        site->observers.push_back({"", std::move(why)});
    }
    site->requests.push_back(std::move(request));
  }

  std::string_view source_;
};

}  // namespace

bool RequestImportedCall(TSNode call, std::string_view source, CallSite* site) {
  return ImportRequests(source).RequestImported(call, site);
}

bool RequestImportedGetter(TSNode member, std::string_view source,
                           CallSite* site) {
  return ImportRequests(source).RequestGetter(member, site);
}

bool RequestImportedValue(TSNode identifier, const Binding& binding,
                          std::string_view source, CallSite* site) {
  std::string_view name = node::Text(identifier, source);
  std::optional<ModuleRef> ref = ImportedAs(binding, name, source);
  if (!ref) return false;
  ImportRequests requests(source);
  requests.ObserveOtherImportUses(identifier, "", site);
  requests.Request(site, std::move(*ref), "", ModuleRequest::Access::kValue,
                   identifier);
  return true;
}

}  // namespace psm
