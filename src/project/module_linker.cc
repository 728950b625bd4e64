#include "project/module_linker.h"

#include <optional>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "find/receiver_origin.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "project/class_syntax.h"
#include "project/declaration_files.h"
#include "project/module_exports.h"
#include "project/receiver_makers.h"
#include "project/receiver_mix.h"
#include "project/script_globals.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {

namespace {

// The property `name` of an exported object (`{ payments: new Api() }`) or
// class (a static field, or `this.name = ...` in it): what a receiver read
// through it was made from, or null.
TSNode PropertyValue(TSNode entity, const std::string& name,
                     std::string_view text) {
  entity = node::Unwrap(entity);
  if (class_syntax::IsClassNode(entity)) {
    TSNode value = OriginOfField(node::Field(entity, "body"), name, text).value;
    return ts_node_is_null(value) ? value : ValueOf(value, text);
  }
  return MemberOf(entity, name, false, text);
}

// `new X(...)` with `X` imported into the module of `text` from another
// module of the project: that import; nullopt otherwise.
std::optional<ModuleRef> ImportedClass(TSNode made, std::string_view text) {
  TSNode constructor = node::Unwrap(node::Field(made, "constructor"));
  if (!node::Is(constructor, "identifier")) return std::nullopt;
  std::string_view name = node::Text(constructor, text);
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, constructor, text), name, text);
  if (!ref || ref->specifier.empty()) return std::nullopt;
  return ref;
}

constexpr int kMaxReExports = 6;

// What an export that builds nothing is, for a message: its code when
// short (`paypal.build`), else its kind.
std::string WhatItIs(const Found& found) {
  std::string_view text =
      found.module ? node::Text(found.builder, found.module->text) : "";
  if (!text.empty() && text.size() <= 60 &&
      text.find('\n') == std::string_view::npos)
    return Quote(text);
  return node::Is(found.builder, "member_expression") ? "a property read"
         : node::Is(found.builder, "call_expression") ? "a call"
                                                      : "another value";
}

}  // namespace

const Module* ModuleCache::Load(const std::string& path) {
  if (IsDeclarationFile(path)) return nullptr;
  return LoadAs(path, LanguageForPath(path));
}

const Module* ModuleCache::LoadTypes(const std::string& path) {
  return LoadAs(path, IsDeclarationFile(path)
                          ? std::optional<Language>(Language::kTypeScript)
                          : LanguageForPath(path));
}

const Module* ModuleCache::LoadAs(const std::string& path,
                                  std::optional<Language> language) {
  auto found = modules_.find(path);
  if (found != modules_.end()) return found->second.get();
  std::unique_ptr<Module>& slot = modules_[path];
  SourceFile file = ReadSourceFile(path, kDefaultMaxFileBytes);
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

ExportedValue ModuleCache::Export(const Module& module,
                                  std::string_view exported) {
  if (!module.exports) {
    module.exports =
        std::make_unique<ExportIndex>(module.tree.Root(), module.text);
  }
  return module.exports->Find(exported);
}

Found Linker::Follow(const std::string& importer,
                     const ModuleRequest& request) {
  Found found;
  ModuleRef ref = request.ref;
  std::string member = request.member;
  std::string from = AbsolutePath(importer);
  // A receiver's may change on the way: `app.services.payments` reaching
  // `new PaymentsApi()` with the class imported there asks for the class.
  ModuleRequest::Access access = request.access;
  std::vector<std::string> receiver_path = request.receiver_path;
  if (ref.specifier.empty()) return FollowGlobal(request);
  for (int hop = 0; hop < kMaxReExports; ++hop) {
    Resolution resolved = paths_.ResolveWithReason(from, ref.specifier);
    if (!resolved.unsure.empty()) {
      found.why_not = "module " + Quote(ref.specifier) + " " + resolved.unsure;
      return found;
    }
    std::optional<std::string> file = std::move(resolved.file);
    if (std::vector<std::string> copies =
            paths_.MagentoThemeCopiesBeside(ref.specifier);
        !file && !copies.empty()) {
      found.why_not = "module " + Quote(ref.specifier) +
                      " is the module's file and a theme's copy (" +
                      options_.display(copies.front()) +
                      "), which Magento serves in its place to the pages "
                      "of that theme; migrate both by hand";
      return found;
    }
    if (!file) {
      if (found.module && access == ModuleRequest::Access::kReceiverInstance)
        found.made_by_package = ref.specifier;  // see ImportedClass below
      found.why_not = "module " + Quote(ref.specifier) +
                      " is not a file of the project (a package, or not "
                      "found under the project root " +
                      Quote(RootShown()) + ")";
      return found;
    }
    found.module = cache_.Load(*file);
    if (!found.module) {
      found.why_not = options_.display(*file) + " could not be read or parsed";
      return found;
    }
    ExportedValue value = ModuleCache::Export(*found.module, ref.exported);
    if (!value.unsure.empty()) {
      found.why_not = options_.display(*file) + " " + value.unsure;
      return found;
    }
    if (value.passed_on) {
      std::optional<ModuleRef> next = StarGiving(*file, value, &found.why_not);
      if (!next) return found;
      found.passed_through.insert(*file);
      from = *file;
      ref = *next;
      continue;
    }
    if (ts_node_is_null(value.node) && ref.exported == "*" && !member.empty()) {
      // An ES namespace: `ns.build` is the named export `build`.
      ref.exported = member;
      member.clear();
      value = ModuleCache::Export(*found.module, ref.exported);
      if (!value.unsure.empty()) {
        found.why_not = options_.display(*file) + " " + value.unsure;
        return found;
      }
      if (value.passed_on) {
        std::optional<ModuleRef> next =
            StarGiving(*file, value, &found.why_not);
        if (!next) return found;
        found.passed_through.insert(*file);
        from = *file;
        ref = *next;
        continue;
      }
      found.builder = value.node;
    } else if (member.empty()) {
      found.builder = value.node;
    } else {
      // `require('./m').build` of `module.exports = {...}`: a second write
      // of that member (`if (c) module.exports.build = wire`) is one of
      // `build`, which `*` does not ask about.
      if (ref.exported == "*") {
        ExportedValue again = ModuleCache::Export(*found.module, member);
        if (!again.unsure.empty()) {
          found.why_not = options_.display(*file) + " " + again.unsure;
          return found;
        }
      }
      TSNode entity = value.node;
      if (!receiver_path.empty()) {  // `state.api.createSource`
        found.mixed_receiver =
            MixedReceiverAlong(entity, receiver_path, found.module->text);
        if (!found.mixed_receiver.empty()) {
          found.why_not = found.mixed_receiver;
          return found;
        }
        for (const std::string& property : receiver_path)
          entity = PropertyValue(entity, property, found.module->text);
        if (MadeByDigitalRiver(entity, found.module->text)) {
          found.digital_river = true;
          return found;
        }
      }
      // `export const dr = new DigitalRiver(key)` taken whole: DigitalRiver.js
      // itself, not something the project's own createSource may be.
      if (access == ModuleRequest::Access::kReceiverObject &&
          receiver_path.empty() &&
          MadeByDigitalRiver(entity, found.module->text)) {
        found.digital_river = true;
        return found;
      }
      bool instance = OnInstance(access);
      // `export default new RestClient()`: a receiver that is an instance
      // of a class of that module has the class's instance methods; of a
      // class that module imports, the instance methods of that class in
      // its own module.
      if (access == ModuleRequest::Access::kReceiverObject &&
          node::Is(entity, "new_expression")) {
        TSNode klass =
            ValueOf(node::Field(entity, "constructor"), found.module->text);
        if (class_syntax::IsClassNode(klass)) {
          entity = klass;
          instance = true;
        } else if (std::optional<ModuleRef> imported =
                       ImportedClass(entity, found.module->text)) {
          found.passed_through.insert(*file);
          from = *file;
          ref = std::move(*imported);
          access = ModuleRequest::Access::kReceiverInstance;
          receiver_path.clear();
          continue;
        }
      }
      if (access == ModuleRequest::Access::kReceiverObject) {
        found.made_by_package =
            PackageFactory(paths_, *file, entity, found.module->text);
        if (!found.made_by_package.empty()) return found;
      }
      found.builder = InheritedMember(entity, member, instance, &found);
      if (!found.why_not.empty()) return found;
    }
    if (ts_node_is_null(found.builder)) {
      found.why_not = options_.display(*file) + " has no export " +
                      Quote(Named(ref, member)) + " the tool can follow";
    } else if (!Fits(found.builder, access)) {
      bool read = access == ModuleRequest::Access::kNewThenGetter;
      found.why_not =
          Quote(Named(ref, member)) + " in " + options_.display(*file) +
          (read ? " is read as a property but is not a getter"
                : " is " + WhatItIs(found) +
                      ", not a function or object literal that builds it");
      found.builder = TSNode{};
    }
    return found;
  }
  found.why_not = "too many re-exports of " + Quote(request.ref.specifier);
  return found;
}

Found Linker::FollowGlobal(const ModuleRequest& request) {
  Found found;
  const std::string& name = request.ref.exported;
  std::vector<std::string> definers;
  for (uint32_t i : FilesNaming(name)) {
    const Module* module = cache_.Load(AbsolutePath(ProjectFiles()[i]));
    if (!module || module->text.find(name) == std::string::npos) continue;
    TSNode value = GlobalDefinition(module->tree.Root(), module->text, name);
    if (ts_node_is_null(value)) continue;
    definers.push_back(options_.display(module->path));
    found.module = module;
    found.builder = request.member.empty()
                        ? value
                        : MemberOf(value, request.member,
                                   OnInstance(request.access), module->text);
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

std::vector<std::string> Linker::OtherNamers(
    const std::set<std::string>& modules, const std::string& name,
    const std::set<std::string>& known) {
  std::vector<std::string> namers;
  std::set<std::string> stems;
  std::set<uint32_t> by_dots;  // may import one of them as `'.'`, `'..'`
  for (const std::string& module : modules) {
    for (std::string& stem : SpecifierStems(module)) stems.insert(stem);
    for (std::string& stem : FolderStems(module)) stems.insert(stem);
    for (uint32_t i : DotImporterCandidates(module)) by_dots.insert(i);
  }
  std::vector<uint32_t> candidates = FilesNaming(name);
  // With the index built, the stems narrow the files to read; without it
  // each candidate's text is checked for them below anyway.
  std::optional<std::set<uint32_t>> with_stem;
  if (index_) {
    with_stem.emplace();
    for (const std::string& stem : stems) {
      for (uint32_t i : Index().MayContain(stem)) with_stem->insert(i);
    }
  }
  for (uint32_t i : candidates) {
    if (with_stem && !with_stem->contains(i) && !by_dots.contains(i)) continue;
    const std::string& file = ProjectFiles()[i];
    std::string absolute = AbsolutePath(file);
    if (modules.contains(absolute) || known.contains(absolute)) continue;
    SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
    if (!read.error.empty() || read.text.find(name) == std::string::npos ||
        IsToolReport(read.text)) {
      continue;
    }
    // A stem that is one name is one as a whole word (`zcod`, not in
    // `zcodPayload`), as the index finds it: with or without the index (the
    // word store makes it rarer), the same answer.
    bool named = std::any_of(stems.begin(), stems.end(), [&](const auto& stem) {
      bool one_word = std::all_of(stem.begin(), stem.end(), IsIdentifierByte);
      return one_word ? !WordsAt(read.text, stem).empty()
                      : read.text.find(stem) != std::string::npos;
    });
    // Or by dots alone, from below a folder that resolves to one of them.
    if (!named && by_dots.contains(i)) {
      const Module* script = ScriptModule(absolute);
      named = script && std::any_of(modules.begin(), modules.end(),
                                    [&](const std::string& m) {
                                      return !ts_node_is_null(
                                          DotSpecifierOf(*script, m));
                                    });
    }
    if (named) namers.push_back(options_.display(file));
  }
  return namers;
}

std::string Linker::RootShown() const {
  std::string shown = options_.display(paths_.root());
  return shown.empty() ? "." : shown;
}

std::string Linker::Named(const ModuleRef& ref, const std::string& member) {
  std::string name = ref.exported == "*" ? "" : ref.exported;
  if (!member.empty()) name += (name.empty() ? "" : ".") + member;
  return name.empty() ? "module value" : name;
}

bool Linker::OnInstance(ModuleRequest::Access access) {
  return access == ModuleRequest::Access::kNewThenMethod ||
         access == ModuleRequest::Access::kNewThenGetter ||
         access == ModuleRequest::Access::kReceiverInstance;
}

bool Linker::Fits(TSNode builder, ModuleRequest::Access access) {
  if (access == ModuleRequest::Access::kValue)
    return node::Is(builder, "object");
  if (access == ModuleRequest::Access::kNewThenGetter) {
    // `x.payload` reads a getter; a method or setter of that name is not
    // what the read gets.
    if (!node::Is(builder, "method_definition")) return false;
    TSNode name = node::Field(builder, "name");
    for (uint32_t i = 0; i < ts_node_child_count(builder); ++i) {
      TSNode c = ts_node_child(builder, i);
      if (ts_node_eq(c, name)) break;
      if (node::Is(c, "get")) return true;
    }
    return false;
  }
  return node::IsFunction(builder);
}

KnownWords& Linker::Words() {
  ProjectFiles();
  return Survey().Words();
}

void Linker::SaveWords() {
  if (survey_) survey_->SaveWords();
}

ProjectSurvey& Linker::Survey() {
  if (!survey_) {
    if (options_.survey && options_.survey->Answers(paths_.root(),
                                                    options_.no_ignore,
                                                    options_.word_store)) {
      survey_ = options_.survey;
    } else {
      own_survey_ = std::make_unique<ProjectSurvey>(
          paths_.root(), options_.no_ignore, options_.word_store);
      survey_ = own_survey_.get();
    }
  }
  return *survey_;
}

const TextIndex& Linker::Index() {
  if (!index_) index_.emplace(ProjectFiles());
  return *index_;
}

TSNode Linker::InheritedMember(TSNode klass, const std::string& member,
                               bool instance, Found* found) {
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

void Linker::NoteFieldsUsed(TSNode klass, TSNode last, const Module& module,
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

const std::vector<std::string>& Linker::ProjectFiles() {
  const std::vector<std::string>& files = Survey().Files();
  if (!noted_size_) {
    noted_size_ = true;
    NoteAnUnmarkedLargeProject(files.size());
  }
  return files;
}

// Without `.git`, `package.json` or `composer.json` at or above the paths
// given, the project is only a guess (ProjectRootOf), and everything below
// it is read once to find other users of a linked payload. Run on a file
// in a download folder or /tmp, that is a great deal to read (100,000
// files below /tmp: 12.8 s) for a reason the user cannot see.
void Linker::NoteAnUnmarkedLargeProject(size_t files) {
  constexpr size_t kManyFiles = 5000;
  if (paths_.marked() || files < kManyFiles || !options_.note) return;
  std::string root =
      options_.display ? options_.display(paths_.root()) : paths_.root();
  options_.note("no .git, package.json or composer.json at or above " + root +
                ": all " + std::to_string(files) +
                " files below it are read as the project, to find other "
                "users of payloads built in other files (a package.json at "
                "the project's root bounds it; --no-follow skips this)");
}

}  // namespace psm
