#include "project/project_linker.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/wrapper_calls.h"
#include "io/file_io.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "project/module_exports.h"
#include "project/script_globals.h"
#include "project/text_index.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxReExports = 6;

struct Module {
  std::string path;
  std::string text;
  Tree tree;
};

// The modules read for resolution, each parsed once.
class ModuleCache {
 public:
  const Module* Load(const std::string& path) {
    auto found = modules_.find(path);
    if (found != modules_.end()) return found->second.get();
    std::unique_ptr<Module>& slot = modules_[path];
    SourceFile file = ReadSourceFile(path, kDefaultMaxFileBytes);
    std::optional<Language> language = LanguageForPath(path);
    if (!file.error.empty() || !language) return nullptr;
    slot = std::make_unique<Module>();
    slot->path = path;
    slot->text = std::move(file.text);
    slot->tree = parser_.Parse(*language, slot->text);
    if (!slot->tree.ok()) {
      slot.reset();
      return nullptr;
    }
    return slot.get();
  }

 private:
  Parser parser_;
  std::map<std::string, std::unique_ptr<Module>> modules_;
};

// Where a request leads: the module and the node that builds the payload.
struct Found {
  const Module* module = nullptr;
  std::set<std::string> passed_through;  // modules that re-export it
  // Hops between the request and the builder ("src/a.js:3: `class A
  // extends B` inherits `build`"), for the report's `via`.
  std::vector<std::string> hops;
  // `this.x` used by the classes the builder was inherited through, in
  // other modules: name -> where (see BuilderRequest::subclass_fields).
  std::map<std::string, std::string> subclass_fields;
  TSNode builder{};
  std::string why_not;  // set when the request cannot be answered
};

class Linker {
 public:
  Linker(const ModulePaths& paths, const LinkOptions& options)
      : paths_(paths), options_(options) {}

  Found Follow(const std::string& importer, const ModuleRequest& request) {
    Found found;
    ModuleRef ref = request.ref;
    std::string member = request.member;
    std::string from = AbsolutePath(importer);
    if (ref.specifier.empty()) return FollowGlobal(request);
    for (int hop = 0; hop < kMaxReExports; ++hop) {
      std::optional<std::string> file = paths_.Resolve(from, ref.specifier);
      if (!file) {
        found.why_not = "module " + Quote(ref.specifier) +
                        " is not a file of the project (a package, or not "
                        "found under the project root " +
                        Quote(RootShown()) + ")";
        return found;
      }
      found.module = cache_.Load(*file);
      if (!found.module) {
        found.why_not =
            options_.display(*file) + " could not be read or parsed";
        return found;
      }
      TSNode root = found.module->tree.Root();
      std::string_view text = found.module->text;
      ExportedValue value = FindExport(root, text, ref.exported);
      if (value.passed_on) {
        found.passed_through.insert(*file);
        from = *file;
        ref = *value.passed_on;
        continue;
      }
      if (ts_node_is_null(value.node) && ref.exported == "*" &&
          !member.empty()) {
        // An ES namespace: `ns.build` is the named export `build`.
        ref.exported = member;
        member.clear();
        value = FindExport(root, text, ref.exported);
        if (value.passed_on) {
          found.passed_through.insert(*file);
          from = *file;
          ref = *value.passed_on;
          continue;
        }
        found.builder = value.node;
      } else if (member.empty()) {
        found.builder = value.node;
      } else {
        found.builder = InheritedMember(
            value.node, member,
            request.access == ModuleRequest::Access::kNewThenMethod, &found);
        if (!found.why_not.empty()) return found;
      }
      if (ts_node_is_null(found.builder)) {
        found.why_not = options_.display(*file) + " has no export " +
                        Quote(Named(ref, member)) + " the tool can follow";
      } else if (!Fits(found.builder, request.access)) {
        found.why_not = Quote(Named(ref, member)) + " in " +
                        options_.display(*file) + " is " +
                        std::string(node::Type(found.builder)) +
                        ", not a function or object literal that builds it";
        found.builder = TSNode{};
      }
      return found;
    }
    found.why_not = "too many re-exports of " + Quote(request.ref.specifier);
    return found;
  }

  // `member` of the class `klass` (in `found->module`), of a base class
  // in the same file, or, up its `extends` chain, of a base class imported
  // from another module: then `found` moves to that module (the
  // subclass's joins the modules whose other importers may see the
  // payload). Null, with `found->why_not` set when a base in the chain
  // cannot be followed.
  TSNode InheritedMember(TSNode klass, const std::string& member, bool instance,
                         Found* found) {
    std::string_view text = found->module->text;
    TSNode method = MemberOf(klass, member, instance, text);
    TSNode last = LastLocalClass(klass, text);
    if (!ts_node_is_null(method) || ts_node_is_null(last)) return method;
    TSNode base = BaseClassOf(last);
    std::string where = options_.display(found->module->path) + ":" +
                        std::to_string(node::Line(base));
    std::string_view name = node::Text(base, text);
    std::optional<ModuleRef> ref;
    if (node::Is(base, "identifier"))
      ref = ImportedAs(ResolveName(name, base, text), name, text);
    if (!ref || ref->specifier.empty() || ++base_hops_ > kMaxReExports) {
      found->why_not = "the class at " + where + " takes " + Quote(member) +
                       " from its base class " + Quote(name) +
                       ", which the tool cannot follow (not a class imported "
                       "from a module of the project)";
      return TSNode{};
    }
    ModuleRequest up;
    up.ref = *ref;
    up.member = member;
    up.access = instance ? ModuleRequest::Access::kNewThenMethod
                         : ModuleRequest::Access::kCall;
    Found inherited = Follow(found->module->path, up);
    --base_hops_;
    if (!inherited.why_not.empty()) {
      found->why_not = "its base class " + Quote(name) + " (" + where +
                       "): " + inherited.why_not;
      return TSNode{};
    }
    inherited.passed_through.insert(found->passed_through.begin(),
                                    found->passed_through.end());
    inherited.passed_through.insert(AbsolutePath(found->module->path));
    TSNode own = node::Field(last, "name");
    std::string header =
        "class " +
        (ts_node_is_null(own) ? "" : std::string(node::Text(own, text)) + " ") +
        "extends " + std::string(name);
    inherited.hops.insert(
        inherited.hops.begin(),
        where + ": " + Quote(header) + " inherits " + Quote(member));
    inherited.hops.insert(inherited.hops.begin(), found->hops.begin(),
                          found->hops.end());
    inherited.subclass_fields.insert(found->subclass_fields.begin(),
                                     found->subclass_fields.end());
    NoteFieldsUsed(klass, last, *found->module, &inherited.subclass_fields);
    *found = std::move(inherited);
    return found->builder;
  }

  // Every `this.x` in the classes from `klass` up to `last` (one file).
  void NoteFieldsUsed(TSNode klass, TSNode last, const Module& module,
                      std::map<std::string, std::string>* fields) {
    for (int depth = 0; depth < 8 && !ts_node_is_null(klass); ++depth) {
      ForEachDescendant(klass, true, [&](TSNode n) {
        if (!node::Is(n, "member_expression") ||
            !node::Is(node::Field(n, "object"), "this"))
          return;
        std::string name(node::Text(node::Field(n, "property"), module.text));
        fields->try_emplace(name, options_.display(module.path) + ":" +
                                      std::to_string(node::Line(n)));
      });
      if (ts_node_eq(klass, last)) break;
      klass = ValueOf(BaseClassOf(klass), module.text);
    }
  }

  // A global of classic script pages (`DrPayloads.paypal(cart)`,
  // `buildPayload()`): followed when exactly one file of the project
  // defines it.
  Found FollowGlobal(const ModuleRequest& request) {
    Found found;
    const std::string& name = request.ref.exported;
    std::vector<std::string> definers;
    for (uint32_t i : Index().MayContain(name)) {
      const Module* module = cache_.Load(AbsolutePath(ProjectFiles()[i]));
      if (!module || module->text.find(name) == std::string::npos) continue;
      TSNode value = GlobalDefinition(module->tree.Root(), module->text, name);
      if (ts_node_is_null(value)) continue;
      definers.push_back(options_.display(module->path));
      found.module = module;
      found.builder = request.member.empty()
                          ? value
                          : MemberOf(value, request.member,
                                     request.access ==
                                         ModuleRequest::Access::kNewThenMethod,
                                     module->text);
    }
    if (definers.size() != 1) {
      found.builder = TSNode{};
      found.why_not =
          definers.empty()
              ? "no file of the project defines the global " + Quote(name)
              : "the global " + Quote(name) + " is defined in several files (" +
                    Join(definers, ", ") + ")";
    } else if (ts_node_is_null(found.builder) ||
               !Fits(found.builder, request.access)) {
      found.builder = TSNode{};
      found.why_not = "the global " + Quote(name) + " in " + definers[0] +
                      " is not a function or object literal that builds it";
    }
    return found;
  }

  // Files besides the builder's and its callers' that name both the
  // builder and its module: they may do anything with the payload.
  // (`modules`: the builder's and those re-exporting it; an importer names
  // one of them in its specifier.)
  std::vector<std::string> OtherNamers(const std::set<std::string>& modules,
                                       const std::string& name,
                                       const std::set<std::string>& known) {
    std::vector<std::string> namers;
    std::set<std::string> stems;
    for (const std::string& module : modules) {
      fs::path p(module);
      std::string stem = p.stem().string();
      if (stem == "index") stem = p.parent_path().filename().string();
      stems.insert(stem);
    }
    std::set<uint32_t> with_stem;
    for (const std::string& stem : stems) {
      for (uint32_t i : Index().MayContain(stem)) with_stem.insert(i);
    }
    for (uint32_t i : Index().MayContain(name)) {
      if (!with_stem.contains(i)) continue;
      const std::string& file = ProjectFiles()[i];
      std::string absolute = AbsolutePath(file);
      if (modules.contains(absolute) || known.contains(absolute)) continue;
      SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
      if (!read.error.empty() || read.text.find(name) == std::string::npos)
        continue;
      for (const std::string& stem : stems) {
        if (read.text.find(stem) != std::string::npos) {
          namers.push_back(options_.display(file));
          break;
        }
      }
    }
    return namers;
  }

  // The calls, in other files of the project, of the function `name` this
  // file (`file`, absolute) exports: through a named, default or namespace
  // import, or require.
  std::vector<std::pair<const Module*, ByteRange>> CallsOfExport(
      const std::string& file, const std::string& name) {
    std::vector<std::pair<const Module*, ByteRange>> calls;
    std::string stem = fs::path(file).stem().string();
    if (stem == "index")
      stem = fs::path(file).parent_path().filename().string();
    const Module* own = cache_.Load(file);
    if (!own) return calls;
    TSNode default_export =
        FindExport(own->tree.Root(), own->text, "default").node;
    bool is_default = !ts_node_is_null(default_export) &&
                      FunctionName(default_export, own->text) == name;
    for (uint32_t i : Index().MayContain(stem)) {
      std::string path = AbsolutePath(ProjectFiles()[i]);
      if (path == file) continue;
      const Module* module = cache_.Load(path);
      if (!module || module->text.find(stem) == std::string::npos) continue;
      ForEachDescendant(module->tree.Root(), true, [&](TSNode n) {
        if (!node::Is(n, "call_expression")) return;
        TSNode callee = node::Unwrap(node::Field(n, "function"));
        std::string member;
        if (node::Is(callee, "member_expression")) {
          member = node::Text(node::Field(callee, "property"), module->text);
          callee = node::Unwrap(node::Field(callee, "object"));
        }
        if (!node::Is(callee, "identifier")) return;
        std::string_view id = node::Text(callee, module->text);
        std::optional<ModuleRef> ref =
            ImportedAs(ResolveName(id, callee, module->text), id, module->text);
        if (!ref || paths_.Resolve(path, ref->specifier) != file) return;
        std::string exported = ref->exported == "*" ? member : ref->exported;
        if (ref->exported != "*" && !member.empty()) return;
        if (exported == name || (exported == "default" && is_default) ||
            (ref->exported == "*" && member.empty() && is_default)) {
          calls.emplace_back(module, node::Range(n));
        }
      });
    }
    return calls;
  }

 private:
  std::string RootShown() const {
    std::string shown = options_.display(paths_.root());
    return shown.empty() ? "." : shown;
  }

  static std::string Named(const ModuleRef& ref, const std::string& member) {
    std::string name = ref.exported == "*" ? "" : ref.exported;
    if (!member.empty()) name += (name.empty() ? "" : ".") + member;
    return name.empty() ? "module value" : name;
  }

  static bool Fits(TSNode builder, ModuleRequest::Access access) {
    if (access == ModuleRequest::Access::kValue)
      return node::Is(builder, "object");
    return node::IsFunction(builder);
  }

  const std::vector<std::string>& ProjectFiles() {
    if (!project_files_) {
      IgnoreRules ignore({}, {}, true);
      project_files_ = CollectFiles({paths_.root()}, &ignore).files;
    }
    return *project_files_;
  }

  // Built on the first search of the project's files; each is read once.
  const TextIndex& Index() {
    if (!index_) index_.emplace(ProjectFiles());
    return *index_;
  }

  const ModulePaths& paths_;
  const LinkOptions& options_;
  ModuleCache cache_;
  std::optional<std::vector<std::string>> project_files_;
  std::optional<TextIndex> index_;
  int base_hops_ = 0;  // depth of InheritedMember across modules
};

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
  auto calls = linker.CallsOfExport(caller.path, name);
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
    WrapperCall call{range, r.request.param_index, wrapper, {}};
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
