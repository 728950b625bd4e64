#include "project/project_linker.h"

#include <algorithm>
#include <optional>
#include <set>

#include "common/strings.h"
#include "find/digital_river_names.h"
#include "find/global_values.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "project/builder_observers.h"
#include "project/module_linker.h"
#include "project/readers_elsewhere.h"
#include "syntax/language.h"
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

// The name other files would use for the builder.
std::string BuilderName(TSNode builder, const ModuleRequest& request,
                        std::string_view source) {
  if (!request.member.empty()) return request.member;
  TSNode name = node::Field(builder, "name");
  TSNode parent = node::Parent(builder);
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
  if (calls.empty())
    calls = linker.CallsOfGlobalWrapper(caller.path, name, r.request.at);
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
      call.observers.push_back(
          {o.path, "in " + wrapper + ": " + o.what, o.adds_nothing});
    // A wrapper with two createSource calls of the parameter (`el ?
    // dr.createSource(el, data) : dr.createSource(data)`) makes one site of
    // each call of it, seen by what either sees.
    std::vector<WrapperCall>& calls_there =
        (*links)[module->path].wrapper_calls;
    auto same = std::find_if(
        calls_there.begin(), calls_there.end(), [&](const WrapperCall& w) {
          // `call.call`, not the structured binding `range`: clang 14 (the
          // WebAssembly build's) cannot capture one in a lambda.
          return w.call.begin == call.call.begin &&
                 w.call.end == call.call.end && w.argument == call.argument;
        });
    if (same == calls_there.end()) {
      calls_there.push_back(std::move(call));
      continue;
    }
    for (PayloadObserver& o : call.observers) {
      bool known = std::any_of(same->observers.begin(), same->observers.end(),
                               [&](const PayloadObserver& k) {
                                 return k.path == o.path && k.what == o.what;
                               });
      if (!known) same->observers.push_back(std::move(o));
    }
  }
}

// The value of the one `type:` member of `builder`'s objects when it is a
// field (`type: this.type`): its users decide it.
// `@/lib/payments`, `~/lib/payments`: a webpack or Vite alias (its config is
// code the tool does not run), not a package name (`@scope/name`).
bool IsBundlerAlias(std::string_view specifier) {
  return specifier.starts_with("@/") || specifier.starts_with("~");
}

bool TypeFromField(TSNode builder, std::string_view text) {
  std::vector<TSNode> types;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (node::Is(n, "pair") &&
        node::Text(node::Field(n, "key"), text) == "type")
      types.push_back(node::Unwrap(node::Field(n, "value")));
  });
  return types.size() == 1 && node::Is(types[0], "member_expression") &&
         node::Is(node::Field(types[0], "object"), "this");
}

// Links the createSource calls of the callers to the builders of their
// payloads; one instance per run.
class ProjectLinker {
 public:
  ProjectLinker(const std::vector<CallerFile>& callers,
                const ModulePaths& paths, const LinkOptions& options)
      : callers_(callers), options_(options), linker_(paths, options) {
    for (const CallerFile& c : callers)
      caller_paths_.insert(AbsolutePath(c.path));
    callers_and_users_ = caller_paths_;
  }

  std::map<std::string, FileLinks> Run() {
    std::set<std::string> globals;
    for (const CallerFile& caller : callers_) {
      for (const SiteRequest& r : caller.requests) {
        globals.insert(r.globals.begin(), r.globals.end());
        if (!r.php_function.empty()) globals.insert(r.php_function);
        globals.insert(r.php_helpers.begin(), r.php_helpers.end());
        // A run that read the project knows where a global receiver may
        // get a createSource (LinkOptions::definers): only when one does
        // are the files naming it read (Linker::GlobalReceiver).
        if (!r.global_receiver.empty() && !options_.definers)
          globals.insert(std::string(GlobalWord(r.global_receiver)));
      }
    }
    linker_.PrepareNames(globals);
    for (const CallerFile& caller : callers_) {
      for (const SiteRequest& r : caller.requests) LinkRequest(caller, r);
    }
    linker_.SaveWords();
    for (auto& [key, direct] : direct_users_) {
      BuilderRequest& b = links_[key.first].builders[builder_index_[key]];
      if (b.users.empty()) continue;
      for (PayloadUser& u : direct) b.users.push_back(std::move(u));
    }
    return std::move(links_);
  }

 private:
  using BuilderKey = std::pair<std::string, uint32_t>;

  void LinkGlobalReceiver(const CallerFile& caller, const SiteRequest& r) {
    const GlobalReceiverFound& g = linker_.GlobalReceiver(r.global_receiver);
    std::string name = Quote(r.global_receiver);
    if (std::optional<Language> language = LanguageForPath(caller.path);
        language == Language::kTypeScript || language == Language::kTsx) {
      if (std::string typed = linker_.GlobalTypeTypingPayload(r.global_receiver);
          !typed.empty()) {
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             "the receiver, the global " + name + ", is declared as " +
                 typed +
                 ": the edited object may no longer fit it (the file may "
                 "not compile)",
             /*adds_nothing=*/true, /*doubts_receiver=*/true});
      }
    }
    if (g.kind == GlobalReceiverFound::Kind::kOwn) {
      links_[caller.path].not_digital_river[r.call_begin] =
          name + " is a global another script sets: " + g.own +
          " gives it a createSource of its own, which does not call "
          "DigitalRiver.js";
    } else if (g.kind == GlobalReceiverFound::Kind::kMixed) {
      std::string why =
          g.use.empty()
              ? name + " is a global other scripts set: " + g.own +
                    " gives it a createSource of its own, and " + g.other +
                    "; it may not be DigitalRiver.js"
              : name + " is a global another script sets: " + g.own +
                    " gives it a createSource of its own, which uses the "
                    "payload (" +
                    g.use + ") before DigitalRiver.js may see it";
      links_[caller.path].readers_elsewhere[r.call_begin].push_back(
          {"", std::move(why)});
    }
  }

  void LinkRequest(const CallerFile& caller, const SiteRequest& r) {
    if (r.server_read) return;  // on the server: see ServerPayloads
    if (!r.global_receiver.empty()) {
      LinkGlobalReceiver(caller, r);
      return;
    }
    if (r.unseen_receiver) {
      const std::vector<std::string>& wrappers = linker_.ProjectWrappers();
      if (!wrappers.empty()) {
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             "the receiver is not traced, and the project's own "
             "createSource at " +
                 wrappers.front() +
                 ", which it may be; it can see the payload before "
                 "DigitalRiver.js does",
             // A payload needing no edit shows it the same fields; what
             // the keys say of another API's payload still holds.
             /*adds_nothing=*/true, /*doubts_receiver=*/true});
      }
      return;
    }
    if (r.AsksForObservers()) {
      bool shape_only = false;
      std::vector<PayloadObserver> seen =
          readers_.Of(caller.path, r, &shape_only);
      if (shape_only && !linker_.ProjectNamesDigitalRiver()) {
        // A payload's shape in a project with no trace of DigitalRiver.js:
        // an order's or an API's data, not a site (a check must not fail
        // on it). --php-pages-elsewhere vouches for such arrays.
        links_[caller.path].not_digital_river[r.call_begin] =
            "no file of the project calls createSource or names "
            "DigitalRiver (if its page lives in another repository, rerun "
            "with --php-pages-elsewhere)";
      }
      if (!seen.empty())
        links_[caller.path].readers_elsewhere[r.call_begin] = std::move(seen);
      return;
    }
    if (r.request.access == ModuleRequest::Access::kWrapperArgument) {
      LinkWrapper(caller, r, linker_, options_, &links_);
      return;
    }
    if (std::string typed =
            linker_.ReceiverTypeTypingPayload(caller.path, r.request);
        !typed.empty()) {
      // Only an edit may break the build: none is no change.
      links_[caller.path].readers_elsewhere[r.call_begin].push_back(
          {"",
           "the receiver, " + r.request.what + ", is typed by " + typed +
               ": the edited object may no longer fit it (the file may "
               "not compile)",
           /*adds_nothing=*/true, /*doubts_receiver=*/true});
      return;
    }
    // A declared type answers nothing else.
    if (r.request.access == ModuleRequest::Access::kReceiverType) return;
    if (r.request.access == ModuleRequest::Access::kReceiverInstance ||
        r.request.access == ModuleRequest::Access::kReceiverObject) {
      Found f = linker_.Follow(caller.path, r.request);
      if (!f.module &&
          r.request.access == ModuleRequest::Access::kReceiverInstance) {
        // `new PaymentsClient()` of a package the project does not hold:
        // DigitalRiver.js is never made with `new` of another name, and
        // what the class's createSource does is unseen.
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             "the receiver, " + r.request.what +
                 ", is made with `new` from a class the tool cannot read "
                 "(" +
                 f.why_not + "): it may not be DigitalRiver.js",
             false, true});
      } else if (!f.made_by_package.empty() &&
                 !NamedAfterDigitalRiver(f.made_by_package) &&
                 !IsBundlerAlias(f.made_by_package)) {
        // As `new PaymentsClient()` in the caller's own file would be.
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             "the receiver, " + r.request.what + ", is made in " +
                 options_.display(f.module->path) +
                 " by a class or factory of " + Quote(f.made_by_package) +
                 ", which the tool cannot read: it may not be "
                 "DigitalRiver.js",
             false, true});
      } else if (!f.mixed_receiver.empty()) {
        // Whatever else it may hold sees every field.
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"", options_.display(f.module->path) + ": " + f.mixed_receiver});
      } else if (std::string what;
                 linker_.OwnsOtherCreateSource(caller.path, r.request, &what)) {
        links_[caller.path].not_digital_river[r.call_begin] =
            r.request.what + " is made from " + what +
            ", which does not call DigitalRiver.js";
      } else if (std::string use = linker_.WrapperUse(caller.path, r.request);
                 !use.empty()) {
        // It sees the fields an edit would change; none, nothing. One that
        // only may be the receiver (the project's own, the receiver not
        // traced) doubts where the call goes.
        bool only_may_be = use.starts_with("it may be the project's own");
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             r.request.what + " has a createSource of its own: " + use +
                 " before DigitalRiver.js sees it",
             /*adds_nothing=*/true, /*doubts_receiver=*/only_may_be});
      } else if (!f.module &&
                 !NamedAfterDigitalRiver(r.request.ref.specifier) &&
                 !IsBundlerAlias(r.request.ref.specifier)) {
        // `import acme from '@acme/gateway'`, `createClient()` of one, a
        // base class of one, or a module of the project that is not there
        // (generated, ignored): what it hands out is unseen, and may be
        // another library's object. (A package named after DigitalRiver,
        // such as a hooks package, is taken at its word; so is a bundler's
        // alias, `@/lib/dr`, whose config the tool does not read.)
        links_[caller.path].readers_elsewhere[r.call_begin].push_back(
            {"",
             "the receiver, " + r.request.what +
                 ", comes from a module the tool cannot read (" + f.why_not +
                 "): it may not be DigitalRiver.js",
             false, true});
      }
      return;
    }
    Found found = linker_.Follow(caller.path, r.request);
    std::string where = caller.display + ":" + std::to_string(r.line);
    if (ts_node_is_null(found.builder)) {
      links_[caller.path].unlinked[r.call_begin] =
          "the payload is built " +
          (r.request.ref.specifier.empty()
               ? "by a global"
               : "in module " + Quote(r.request.ref.specifier)) +
          " (" + r.request.what +
          "), which the tool cannot follow: " + found.why_not;
      return;
    }
    const Module& module = *found.module;
    std::string builder_at = At(module, found.builder);
    if (std::string why = options_.why_not_writable(module.path);
        !why.empty()) {
      links_[caller.path].unlinked[r.call_begin] =
          "the payload is built in " + builder_at + " (" + r.request.what +
          "), which this run does not edit: " + why;
      return;
    }
    std::vector<std::string> via =
        Via(where + ": " + r.request.what, found.hops,
            builder_at + ": " + Quote(node::Text(found.builder, module.text)));
    BuilderRequest& b = Builder(found, r.request, via, where);
    b.callers.push_back(where);
    b.caller_arguments.push_back(r.request.arguments);
    if (found.hops.empty()) NoteDirectUse(found, where);
    if (!found.hops.empty() && TypeFromField(found.builder, module.text))
      ShareAmongUsers(found,
                      BuilderName(found.builder, r.request, module.text));
    if (!b.type_from_users) {
      b.subclass_fields.insert(found.subclass_fields.begin(),
                               found.subclass_fields.end());
    }
    std::vector<PayloadObserver> observers = r.observers;
    if (r.follows_module) {  // other files calling this file's getPayload()
      for (PayloadObserver& o : readers_.Of(caller.path, r))
        observers.push_back(std::move(o));
    }
    for (const PayloadObserver& o : observers) {
      b.observers.push_back({o.path, where + ": " + o.what});
      // What the call sees of the payload, it sees of the base's fields.
      if (!b.base_file.empty())
        BaseOf(b).observers.push_back(b.observers.back());
    }
    links_[caller.path].answered[r.call_begin] = {
        module.path, ts_node_start_byte(found.builder), std::move(via)};
  }

  // The builder's request in its file's links, made on first use; a
  // builder built on `super.build()` is linked to its base's.
  BuilderRequest& Builder(const Found& found, const ModuleRequest& request,
                          std::vector<std::string>& via,
                          const std::string& where) {
    const Module& module = *found.module;
    BuilderKey key{module.path, ts_node_start_byte(found.builder)};
    auto [it, added] =
        builder_index_.emplace(key, links_[module.path].builders.size());
    if (added) {
      BuilderRequest b;
      b.builder = node::Range(found.builder);
      b.type = std::string(node::Type(found.builder));
      b.returns = request.access != ModuleRequest::Access::kValue;
      std::string name = BuilderName(found.builder, request, module.text);
      b.observers = ObserversOfBuilder(linker_, options_, found, request, name,
                                       callers_and_users_);
      links_[module.path].builders.push_back(std::move(b));
      FollowSuper(found, it->second);
    }
    BuilderRequest& b = links_[module.path].builders[it->second];
    if (!b.base_file.empty() && !where.empty()) {
      via.insert(via.end(), base_hops_[key].begin(), base_hops_[key].end());
      BuilderKey base{b.base_file, b.base_begin};
      links_[base.first].builders[builder_index_[base]].callers.push_back(
          where);
    }
    return b;
  }

  // `super.build()` in the new builder at `index`: its base's method
  // becomes a builder whose users decide what goes from its object.
  void FollowSuper(const Found& sub, size_t index) {
    const Module& module = *sub.module;
    if (!node::Is(sub.builder, "method_definition")) return;
    Found base = linker_.FollowSuper(module, sub.builder);
    if (ts_node_is_null(base.builder)) return;  // its reason stands
    BuilderRequest& b = links_[module.path].builders[index];
    b.super_member =
        std::string(node::Text(node::Field(sub.builder, "name"), module.text));
    b.base_at = At(*base.module, base.builder);
    if (std::string why = options_.why_not_writable(base.module->path);
        !why.empty()) {
      b.refused = "the fields of " + Quote("super." + b.super_member + "()") +
                  " are built in " + b.base_at +
                  ", which this run does not edit: " + why;
      return;
    }
    b.base_file = base.module->path;
    b.base_begin = ts_node_start_byte(base.builder);
    BuilderKey key{module.path, ts_node_start_byte(sub.builder)};
    base_hops_[key] = base.hops;
    base_hops_[key].push_back(
        b.base_at + ": " + Quote(node::Text(base.builder, base.module->text)));
    ModuleRequest up;
    up.member = b.super_member;
    up.access = ModuleRequest::Access::kNewThenMethod;
    std::vector<std::string> unused;
    std::string member = b.super_member;
    std::vector<PayloadObserver> seen = b.observers;
    BuilderRequest& shared = Builder(base, up, unused, "");
    // Whatever may see the subclass's payload sees the base's fields.
    for (PayloadObserver& o : seen) shared.observers.push_back(std::move(o));
    ShareAmongUsers(base, member);
    BuilderRequest& sub_b = links_[module.path].builders[index];
    DropKnownNamers(&BaseOf(sub_b));
    // A subclass that sets no type sends the base's: its own object is
    // planned with that method, and sessionId goes into the base's.
    std::string klass_at = At(module, node::Parent(node::Parent(sub.builder)));
    for (const PayloadUser& u : BaseOf(sub_b).users) {
      if (u.where == klass_at && !u.sets_type && !u.method.empty())
        sub_b.inherited_type = u.method;
    }
  }

  // The users' files name the builder and its module: they are known, not
  // observers.
  void DropKnownNamers(BuilderRequest* b) const {
    std::erase_if(b->observers, [&](const PayloadObserver& o) {
      return std::any_of(user_files_.begin(), user_files_.end(),
                         [&](const std::string& f) {
                           return IsNamerIn(o, options_.display(f));
                         });
    });
  }

  BuilderRequest& BaseOf(const BuilderRequest& b) {
    return links_[b.base_file]
        .builders[builder_index_[{b.base_file, b.base_begin}]];
  }

  // The users of a base class's method `found`, found once.
  void ShareAmongUsers(const Found& found, const std::string& name) {
    const Module& module = *found.module;
    BuilderKey key{module.path, ts_node_start_byte(found.builder)};
    BuilderRequest& b = links_[module.path].builders[builder_index_[key]];
    if (!b.users.empty()) return;
    b.type_from_users = TypeFromField(found.builder, module.text);
    std::set<std::string> files;
    for (BaseUserFound& u : linker_.UsersOf(module, found.builder)) {
      files.insert(u.file);
      user_files_.insert(u.file);
      callers_and_users_.insert(u.file);
      for (PayloadObserver& o : u.observers) b.observers.push_back(o);
      b.users.push_back(std::move(u.user));
    }
    if (b.users.empty()) {
      b.users.push_back({Quote(name), At(module, found.builder), "",
                         "no class of the project extends its class", false});
    }
    DropKnownNamers(&b);
    if (b.type_from_users) b.subclass_fields.clear();
  }

  // A call that takes the shared method's object from its own class: a
  // user whose method is the object's own type.
  void NoteDirectUse(const Found& found, const std::string& where) {
    BuilderKey key{found.module->path, ts_node_start_byte(found.builder)};
    direct_users_[key].push_back(
        {"the class itself", where, "",
         "the class is used directly, and its object's type is not set by a "
         "subclass",
         false});
  }

  std::string At(const Module& module, TSNode n) const {
    return options_.display(module.path) + ":" + std::to_string(node::Line(n));
  }

  const std::vector<CallerFile>& callers_;
  const LinkOptions& options_;
  Linker linker_;
  std::set<std::string> caller_paths_;
  ReadersElsewhere readers_{linker_, options_.php_pages_elsewhere};
  std::set<std::string> user_files_;
  // Both, the files a builder's other users are not looked for in: kept
  // as they grow (a copy per builder made 1,200 builders quadratic: 27% of
  // the generated monorepo's instructions).
  std::set<std::string> callers_and_users_;
  std::map<std::string, FileLinks> links_;
  std::map<BuilderKey, size_t> builder_index_;
  std::map<BuilderKey, std::vector<std::string>> base_hops_;
  std::map<BuilderKey, std::vector<PayloadUser>> direct_users_;
};

}  // namespace

std::map<std::string, FileLinks> LinkProject(
    const std::vector<CallerFile>& callers, const ModulePaths& paths,
    const LinkOptions& options) {
  return ProjectLinker(callers, paths, options).Run();
}

}  // namespace psm
