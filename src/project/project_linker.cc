#include "project/project_linker.h"

#include <set>

#include "find/object_builder.h"
#include "find/scope.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

std::vector<std::string> Via(std::string from,
                             const std::vector<std::string>& hops,
                             std::string to) {
  std::vector<std::string> via{std::move(from)};
  via.insert(via.end(), hops.begin(), hops.end());
  via.push_back(std::move(to));
  return via;
}

// The fields `this.x` that `builder` uses.
std::set<std::string> ThisFieldsUsed(TSNode builder, std::string_view text) {
  std::set<std::string> fields;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (node::Is(n, "member_expression") &&
        node::Is(node::Field(n, "object"), "this")) {
      fields.emplace(node::Text(node::Field(n, "property"), text));
    }
  });
  return fields;
}

// The name other files would use for the builder.
std::string BuilderName(TSNode builder, const ModuleRequest& request,
                        std::string_view source) {
  if (!request.member.empty()) return request.member;
  TSNode name = node::Field(builder, "name");
  TSNode parent = ts_node_parent(builder);
  if (node::Is(parent, "variable_declarator"))
    name = node::Field(parent, "name");
  if (!ts_node_is_null(name)) return std::string(node::Text(name, source));
  return request.ref.exported;
}

// A createSource wrapper of `caller` that other files import and call:
// each call there is a site with the argument as its payload, or, when
// one of those files may not be edited, the wrapper's site stays.
void LinkWrapper(const CallerFile& caller, const SiteRequest& r, Linker& linker,
                 const LinkOptions& options,
                 std::map<std::string, FileLinks>* links) {
  const std::string& name = r.request.member;
  auto calls = linker.CallsOfExport(caller.path, name, r.request.at);
  std::string wrapper =
      Quote(name) + " (" + caller.display + ":" + std::to_string(r.line) + ")";
  if (calls.empty()) return;  // its own reason stands
  for (const auto& [module, range] : calls) {
    if (std::string why = options.why_not_writable(module->path);
        !why.empty()) {
      (*links)[caller.path].unlinked[r.call_begin] =
          "the payload is built by the callers of " + wrapper + ", and " +
          options.display(module->path) + " is not edited by this run: " + why;
      return;
    }
  }
  (*links)[caller.path].forwarded.insert(r.call_begin);
  for (const auto& [module, range] : calls) {
    WrapperCall call{
        range, r.request.param_index, r.request.type_index, wrapper, {}};
    for (const PayloadObserver& o : r.observers)
      call.observers.push_back({o.path, "in " + wrapper + ": " + o.what});
    (*links)[module->path].wrapper_calls.push_back(std::move(call));
  }
}

}  // namespace

std::map<std::string, FileLinks> LinkProject(
    const std::vector<CallerFile>& callers, const ModulePaths& paths,
    const LinkOptions& options) {
  std::map<std::string, FileLinks> links;
  Linker linker(paths, options);
  std::set<std::string> caller_paths;
  for (const CallerFile& c : callers) caller_paths.insert(AbsolutePath(c.path));
  std::map<std::pair<std::string, uint32_t>, size_t> builder_index;
  for (const CallerFile& caller : callers) {
    for (const SiteRequest& r : caller.requests) {
      if (r.server_read) continue;  // on the server: see ServerPayloads
      if (r.request.access == ModuleRequest::Access::kWrapperArgument) {
        LinkWrapper(caller, r, linker, options, &links);
        continue;
      }
      if (r.request.access == ModuleRequest::Access::kReceiverInstance ||
          r.request.access == ModuleRequest::Access::kReceiverObject) {
        if (std::string what;
            linker.OwnsOtherCreateSource(caller.path, r.request, &what)) {
          links[caller.path].not_digital_river[r.call_begin] =
              r.request.what + " is made from " + what +
              ", which does not call DigitalRiver.js";
        }
        continue;
      }
      Found found = linker.Follow(caller.path, r.request);
      std::string where = caller.display + ":" + std::to_string(r.line);
      if (ts_node_is_null(found.builder)) {
        links[caller.path].unlinked[r.call_begin] =
            "the payload is built " +
            (r.request.ref.specifier.empty()
                 ? "by a global"
                 : "in module " + Quote(r.request.ref.specifier)) +
            " (" + r.request.what +
            "), which the tool cannot follow: " + found.why_not;
        continue;
      }
      const Module& module = *found.module;
      std::string builder_at = options.display(module.path) + ":" +
                               std::to_string(node::Line(found.builder));
      if (std::string why = options.why_not_writable(module.path);
          !why.empty()) {
        links[caller.path].unlinked[r.call_begin] =
            "the payload is built in " + builder_at + " (" + r.request.what +
            "), which this run does not edit: " + why;
        continue;
      }
      links[caller.path].answered[r.call_begin] = {
          module.path, ts_node_start_byte(found.builder),
          Via(where + ": " + r.request.what, found.hops,
              builder_at + ": " +
                  Quote(node::Text(found.builder, module.text)))};
      FileLinks& target = links[module.path];
      auto key = std::make_pair(module.path, ts_node_start_byte(found.builder));
      auto [it, added] = builder_index.emplace(key, target.builders.size());
      if (added) {
        BuilderRequest b;
        b.builder = node::Range(found.builder);
        b.type = std::string(node::Type(found.builder));
        b.returns = r.request.access != ModuleRequest::Access::kValue;
        std::string name = BuilderName(found.builder, r.request, module.text);
        std::set<std::string> modules = found.passed_through;
        modules.insert(AbsolutePath(module.path));
        for (const std::string& namer :
             linker.OtherNamers(modules, name, caller_paths)) {
          b.observers.push_back({"", Quote(name) + " from " +
                                         options.display(module.path) +
                                         " is also named in " + namer +
                                         ", which may use the payload"});
        }
        // A class elsewhere that extends the builder's may set or read the
        // fields it builds from (`return this.payload`, `type: this.type`).
        for (const std::string& field :
             ThisFieldsUsed(found.builder, module.text)) {
          for (const std::string& namer :
               linker.OtherNamers(modules, field, caller_paths)) {
            b.observers.push_back(
                {"", Quote("this." + field) + " of " + Quote(name) + " in " +
                         options.display(module.path) + " is also named in " +
                         namer + ", which may set or read it"});
          }
        }
        target.builders.push_back(std::move(b));
      }
      BuilderRequest& b = target.builders[it->second];
      b.callers.push_back(where);
      b.subclass_fields.insert(found.subclass_fields.begin(),
                               found.subclass_fields.end());
      for (const PayloadObserver& o : r.observers) {
        b.observers.push_back({o.path, where + ": " + o.what});
      }
    }
  }
  return links;
}

}  // namespace psm
