#ifndef PSM_PROJECT_MODULE_LINKER_H_
#define PSM_PROJECT_MODULE_LINKER_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/byte_range.h"
#include "find/module_request.h"
#include "project/builder_reach.h"
#include "project/instance_escapes.h"
#include "project/known_words.h"
#include "project/module_exports.h"
#include "project/module_paths.h"
#include "project/project_survey.h"
#include "project/project_linker.h"
#include "project/text_index.h"
#include "syntax/tree.h"

namespace psm {

// The project model's look-ups for LinkProject (project_linker.cc):
// following requests to the modules that answer them
// (module_linker.cc), finding the callers of wrappers
// (wrapper_callers.cc) and telling receivers that are not DigitalRiver.js
// (receiver_links.cc).

struct Module {
  std::string path;
  std::string text;
  Tree tree;
  // Built on the first question about its exports (ModuleCache::Exports).
  mutable std::unique_ptr<ExportIndex> exports;
};

// The modules read for resolution, each parsed once.
class ModuleCache {
 public:
  // A module that runs: nullptr for a declaration file (`.d.ts`), which
  // holds types only.
  const Module* Load(const std::string& path);
  // The same, declaration files included (read as TypeScript): for types.
  const Module* LoadTypes(const std::string& path);
  // What `module` gives for `exported` (FindExport), from its index.
  static ExportedValue Export(const Module& module, std::string_view exported);

 private:
  const Module* LoadAs(const std::string& path,
                       std::optional<Language> language);

  Parser parser_;
  std::map<std::string, std::unique_ptr<Module>> modules_;
};

// What the scripts of a project give a global createSource receiver.
struct GlobalReceiverFound {
  enum class Kind {
    kUnseen,  // no script gives it a createSource of its own: left as is
    kOwn,     // only the shop's own client, which calls no DigitalRiver.js
    kMixed,   // that client in one place and something else in another, or
              // a client that uses the payload and may hand it on
  };
  Kind kind = Kind::kUnseen;
  std::string own;    // "src/api.js:7", where it gets its own createSource
  std::string other;  // for kMixed: another value it is set to, and where
  std::string use;    // for kMixed: what its own createSource, which may
                      // hand the payload on to DigitalRiver.js, does with
                      // it first
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
  // A receiver request's object member made by the page's DigitalRiver
  // (`{ dr: new DigitalRiver(key) }`): DigitalRiver.js itself.
  bool digital_river = false;
  // A receiver request's object that may be DigitalRiver.js or another
  // object (see MixedReceiverAlong): why; the request is not answered.
  std::string mixed_receiver;
  // A receiver request's object that a module of the project makes with a
  // class or factory of a package it imports (`export const gateway = new
  // SourcesClient(key)`): that package's specifier. What it makes is
  // unseen, and may be another library's client.
  std::string made_by_package;
};

// A class that reaches a base class's method (see Linker::UsersOf), with
// what it does with the object besides sending it.
struct BaseUserFound {
  PayloadUser user;
  std::string file;  // absolute
  std::vector<PayloadObserver> observers;
};

class EscapeWalk;
class HandedInstances;

class Linker {
 public:
  Linker(const ModulePaths& paths, const LinkOptions& options)
      : paths_(paths), options_(options) {}

  // Where `request`, made by the file `importer`, leads: through
  // re-exports to the module and the function, method or object that
  // answers it, or why not.
  Found Follow(const std::string& importer, const ModuleRequest& request);

  // The base class's `member` that `builder`, a method of a class of
  // `module`, reaches through its one `super.<member>()` call: followed
  // like an inherited member, from the class's base imported from another
  // module. `why_not` says why not.
  Found FollowSuper(const Module& module, TSNode builder);

  // Every class of the project that reaches the method `base` (of a class
  // in `module`): the classes that extend that class, found through the
  // index of the files naming it, each with its payment method (the `type`
  // of its own object built on `super.<member>()`, or, when it inherits the
  // method, the string its constructor sets the field `type: this.x`
  // reads). A file naming the class for anything else, or a class the tool
  // cannot read, is a user whose method is unknown.
  std::vector<BaseUserFound> UsersOf(const Module& module, TSNode base);

  // A global of classic script pages (`DrPayloads.paypal(cart)`,
  // `buildPayload()`): followed when exactly one file of the project
  // defines it.
  Found FollowGlobal(const ModuleRequest& request);

  // The other files of the project that may use the global `name` of the
  // classic script `script` ("src/summary.js:4", first use of each): a
  // script or module referring to it unbound (or binding it at the top of
  // another classic script), or markup and templates that name it.
  // Files in `besides` (absolute paths) are left out too. With `member`
  // (a builder held by the global object), files that only read other
  // members of it (`name.other`) are left out as well.
  std::vector<std::string> GlobalReaders(
      const std::string& script, const std::string& name,
      const std::set<std::string>& besides = {},
      const std::string& member = "");

  // What the calls of the PHP function or method `name` of `file`, in the
  // project's other PHP files and templates, do with what it returns
  // (`path`: where the payload sits in it), for each that does not send it
  // on to the browser as it is (printed, `json_encode`d, put in a
  // response): "src/Controller/Pay.php:12: stored in `$data`".
  // `*calls`, when given, counts the calls found, whatever they do;
  // `*create_source_calls` grows as in BrowserReaders, for the pages of
  // the callers that send it to the browser.
  std::vector<std::string> PhpCallers(const std::string& file,
                                      const std::string& name,
                                      const std::vector<std::string>& path,
                                      int* calls = nullptr,
                                      int* create_source_calls = nullptr);

  // The browser code of the project (scripts, modules, the scripts of
  // pages and templates) that reads what the PHP file `file` sends under
  // the response paths `sent` (ServerRead keys; {} for the whole
  // response), other than handing it to createSource: one observer per
  // read, of the field it reads or of the whole array.
  // `*create_source_calls`, when given, grows by the createSource calls
  // of those pages that get the array (ResponseReadsIn).
  std::vector<PayloadObserver> BrowserReaders(
      const std::string& file,
      const std::vector<std::vector<std::string>>& sent,
      int* create_source_calls = nullptr);

  // The files of the project besides `file` and `also_skip` (absolute)
  // that name `method` as a member of something other than `this` or an
  // import of another module (`this.$parent.build()`, `vm.$refs.pay.build()`,
  // `this.payloads.build()`, `form['build']`), as "path:line"; at most
  // `limit`. A component's or service's method is reachable through its
  // instance from files that import nothing of it (a Vue `$parent`, an
  // Angular InjectionToken's factory).
  std::vector<std::string> MemberNamers(const std::string& file,
                                        const std::set<std::string>& also_skip,
                                        const std::string& method,
                                        size_t limit);

  // Where the project's PHP calls a method by a name it computes
  // (`$this->builder->{'build' . ucfirst($m)}()`, `$o->$name()`): one
  // "path:line (`code`)" per file, for the first such call. Read once.
  const std::vector<std::string>& DynamicPhpMethodCalls();

  // The Magento plugin methods of the project's other files that may
  // wrap the PHP method `method` of `file` (`beforeX`, `aroundX`,
  // `afterX` for `x`): "path (`afterX()`)".
  std::vector<std::string> PhpPluginMethods(const std::string& file,
                                            const std::string& method);

  // Whether any file of the project calls `createSource` or names
  // DigitalRiver (`DigitalRiver`, `digitalriver/...` config paths, the
  // js.digitalriverws.com script) or a platform it has an extension for
  // (Magento, WordPress's `drgc`): a PHP array shaped like a payload in a
  // project without any is other data. Looked up once.
  bool ProjectNamesDigitalRiver();

  // The files of the project besides `file` (absolute) that name `word`
  // as a whole word, as displayed; at most `limit`.
  std::vector<std::string> OtherFilesNaming(const std::string& file,
                                            const std::string& word,
                                            size_t limit);

  // The browser code reading what a Magento ConfigProvider's getConfig()
  // returns under `path`, through `window.checkoutConfig`.
  std::vector<PayloadObserver> CheckoutConfigReaders(
      const std::vector<std::string>& path, int* create_source_calls = nullptr);

  // Before GlobalReaders or PhpCallers is asked about `names`: unless a
  // question has built the project's word index already, finds the files
  // naming them in one read of each file (spread over the cores), looking
  // up only words as long as one of the names, instead of indexing every
  // word (a pre-commit run over one classic script of a large repository:
  // 2.4 s and 137 MB for the index of 11,000 files).
  void PrepareNames(const std::set<std::string>& names);
  // Keeps what the run learned of the project's words for the next run
  // (KnownWords::Save).
  void SaveWords();

  // Files besides the builder's and its callers' that name both the
  // builder and its module: they may do anything with the payload.
  // (`modules`: the builder's and those re-exporting it; an importer names
  // one of them in its specifier.)
  std::vector<std::string> OtherNamers(const std::set<std::string>& modules,
                                       const std::string& name,
                                       const std::set<std::string>& known);

  // Files besides `skip` (absolute) that may set or read the field
  // `this.<field>` of the class of the builder `method` of `module`: those
  // naming the class and the field, and the module of a base class naming
  // the field (field_namers.cc). As "path (naming `Class`)".
  std::vector<std::string> ClassFieldNamers(const Module& module,
                                            TSNode method,
                                            const std::string& field,
                                            const std::set<std::string>& skip);
  // The module of a base class of the class starting at byte `class_at` of
  // `file` (up the `extends` chain, into other modules) that names the
  // field `this.<field>` the class holds a payload in, as "path (the module
  // of its base class `Name`)"; "" when none does (field_namers.cc).
  std::string BaseModuleNamingField(const std::string& file, uint32_t class_at,
                                    const std::string& field);
  // The same, from the class `klass` of `module`; `skip` (absolute paths)
  // are not counted.
  std::string BaseModuleNaming(const Module& module, TSNode klass,
                               const std::string& field,
                               const std::set<std::string>& skip);

  // Files besides `skip` that name `field` and import a module that may
  // hand out instances of the class `class_name` of `module` without their
  // importers naming it (`makeRequest(cart).payload.amount`): `module`
  // itself, the files naming the class, and, over a few rounds, the
  // modules with exports that import one of those (a barrel, a factory
  // of factories). As "path (importing `src/factory.js`, ...)"; at most
  // `limit` (instance_handers.cc).
  std::vector<std::string> HandedInstanceReaders(
      const Module& module, const std::string& class_name,
      const std::string& field, const std::set<std::string>& skip,
      size_t limit);
  // The modules the file `caller` imports that say `this.<method>`
  // (this_callers.cc): a Vue mixin or `extends` options object, or a base
  // class, joins the same instance and may call the builder `method` of
  // `caller`'s component there. As "path (`this.method` at line N)".
  std::vector<std::string> ImportedThisCallers(const std::string& caller,
                                               const std::string& method);

  // The Knockout templates the module `module` (absolute) names as its
  // component's (`defaults: { template: 'Vendor_Pay/payment/paypal' }`, a
  // Magento UI component: `web/template/payment/paypal.html`) that name
  // `name`: their bindings call the component's methods
  // (`text: getPayload().amount`).
  std::vector<std::string> TemplateNamers(const std::string& module,
                                          const std::string& name);
  // The same for the components that import `module` (an Angular
  // component injecting a service whose method its template calls:
  // `{{ payments.buildPayPal(5).amount }}`).
  std::vector<std::string> ImporterTemplateNamers(const std::string& module,
                                                  const std::string& name);

  // The other files of the project (not `known`) that import a module of
  // `reach` and may get at the builder without naming it: under an alias
  // of a re-export, as its module's default export, through the module
  // object as a whole; and the RequireJS mixins that wrap the module.
  // Each as "src/summary.js imports it as `makeIt`". Re-exporters found on
  // the way join `reach`.
  std::vector<std::string> Reachers(BuilderReach* reach,
                                    const std::set<std::string>& known);

  // When the createSource receiver that `request` (made by `importer`)
  // traces to is a project module defining a createSource of its own that
  // does more with the payload than hand it on: where and what it does
  // ("src/dr-service.js:3 uses the payload (...)"); "" otherwise.
  std::string WrapperUse(const std::string& importer,
                         const ModuleRequest& request);
  // Every such createSource the project defines, found once per run: a
  // receiver the tool cannot trace may be one of them.
  const std::vector<std::string>& ProjectWrappers();

  // When `builder`, a method of a class of `module`, is used as
  // `this.<method>` (or `this[...]`) by a base class up its `extends`
  // chain, in this module or another: where ("`this.build` at line 2 of
  // its base class `Base` (src/base.js:1)"); "" otherwise.
  std::string BaseCallOf(const Module& module, TSNode builder);
  // When a class of one of `modules` (the modules a builder method was
  // inherited through), other than `builder_module`, calls the method
  // `member` on its own instances (`this.build()` in a subclass's other
  // method): where ("`this.build` at src/special.js:4"); "" otherwise.
  std::string SubclassCallOf(const std::set<std::string>& modules,
                             const std::string& builder_module,
                             const std::string& member);

  // The calls, in other files of the project, of the function `name` this
  // file (`file`, absolute) exports: through a named, default or namespace
  // import, or require.
  std::vector<std::pair<const Module*, ByteRange>> CallsOfExport(
      const std::string& file, const std::string& name, uint32_t wrapper_at);
  // The calls `G.name(...)`, in the project's other scripts, of the wrapper
  // `name` held by the global object `G` of the classic script `file`;
  // none when another file mentions `G` in any other way (an alias, a page
  // or template, `window.G`), which may reach the wrapper unseen.
  std::vector<std::pair<const Module*, ByteRange>> CallsOfGlobalWrapper(
      const std::string& file, const std::string& name, uint32_t wrapper_at);

  // What the project's scripts give the global `name`, a createSource
  // receiver some script calls without setting it (SiteRequest::
  // global_receiver): found once per name (project/global_receivers.cc).
  const GlobalReceiverFound& GlobalReceiver(const std::string& name);
  // Where the export `value` of `file` passes on to: through one of several
  // `export *` (ExportedValue::other_stars), the one module that has it;
  // null with `why_not` set when that cannot be told.
  std::optional<ModuleRef> StarGiving(const std::string& file,
                                      const ExportedValue& value,
                                      std::string* why_not);
  // The files that may give the global `name` a createSource of its own
  // (absolute, sorted).
  std::vector<std::string> GlobalCreateSourceDefiners(const std::string& name);

  // When the receiver `request` (kReceiverInstance, made by `importer`)
  // names is a type of another module whose createSource types the payload
  // with fields (CreateSourceTypingLine): "`DrApi` of src/types.ts, whose
  // createSource (line 3) types the payload"; "" otherwise
  // (receiver_types.cc).
  std::string ReceiverTypeTypingPayload(const std::string& importer,
                                        const ModuleRequest& request);
  // When the global `name` (a receiver a TypeScript file calls without
  // declaring it) is declared by a declaration file of the project (`declare
  // const dr: DrApi`, `interface Window { dr: DrApi }`) with a type whose
  // createSource types the payload with fields: "`DrApi` (src/global.d.ts:
  // 12), whose createSource (src/types.d.ts:3) types the payload"; ""
  // otherwise (global_receiver_types.cc).
  std::string GlobalTypeTypingPayload(const std::string& name);

  // Whether the project class or object a createSource receiver is made
  // from (`request`, see ReceiverRequest) has a createSource of its own
  // that cannot reach DigitalRiver.js: its module calls no createSource
  // but other libraries', and the class uses no other module of the
  // project it might hand the payload to. Sets `what` to where it is.
  bool OwnsOtherCreateSource(const std::string& importer,
                             const ModuleRequest& request, std::string* what);

 private:
  friend class EscapeWalk;
  friend class HandedInstances;

  // Where `file` hands a class or its instances beyond its own code and
  // exports, following each use of the `carriers` (the class's name, or
  // the names it imports from a module handing out instances): into
  // another module of the project, into code the tool cannot follow, or
  // to a built-in reading every field (instance_escapes.cc).
  std::vector<EscapeFound> InstanceEscapes(
      const Module& file, const std::vector<std::string>& carriers);
  // A module, or the scripts of a component or page (`.vue`, `.svelte`,
  // `.html`) parsed as one and kept for the run: HandedInstanceReaders
  // reads both alike. Null for other files.
  const Module* ScriptModule(const std::string& path);
  // The components (`.vue`, `.svelte`, ...) of the project the scripts of
  // `page` import: its template may hand them anything its script holds
  // (`<Summary :request="request" />`).
  std::vector<std::string> ImportedModules(const Module& page);
  // For ReceiverTypeTypingPayload: the file where the type `*type` of
  // `module` is declared when `module` only names it, through an alias
  // (`export type Api = DrApi`) or a re-export (`export * from './dr'`);
  // `*type` becomes its name there. Null when the tool cannot follow it.
  std::optional<std::string> TypeDeclaredElsewhere(const Module& module,
                                                   std::string* type);
  // For HandedInstanceReaders, once a file hands an instance to code the
  // tool cannot follow: the files naming `field`.
  void UnknownCodeReaders(const std::string& field, HandedInstances* search);
  // The names `file` binds to what the string `specifier` (an import's or
  // a `require`'s) loads: `import a, {b as c}`, `const {b} = require()`.
  static std::vector<std::string> NamesBoundBy(const Module& file,
                                               TSNode specifier);

  // The scripts of `file`: the module of a script, or the masked scripts
  // of a page (kept in `page`); null for anything else.
  const Module* ScriptsOf(const std::string& file, Parser& parser,
                          std::optional<Module>* page);

  // The RequireJS mixins (ids) of `module`: those of the project's
  // requirejs-config.js files and of its inline `require.config({...})`
  // calls (project/inline_mixins.cc).
  std::vector<std::string> MixinsOf(const std::string& module);
  struct InlineMixin {
    std::string file;  // absolute: the script or page making the call
    std::string target, mixin;
  };
  const std::vector<InlineMixin>& InlineMixins();

  // For WrapperUse and ProjectWrappers (project/createsource_wrappers.cc).
  // Where the DigitalRiver.js instance `module` makes may have its
  // createSource wrapped: by `module` itself or a RequireJS mixin of it.
  std::string DigitalRiverWrapped(const Module& module);
  std::string MixinNamingCreateSource(const Module& module);
  std::vector<std::string> WrapperUses(const Module& module);
  std::string PayloadUse(const Module& module, TSNode function, int depth);
  TSNode FunctionNamed(const Module& module, TSNode callee);

  // For Reachers: what `file`'s import at the string `spec` gives it of
  // the builder ("" when nothing), and how it uses the whole-module
  // binding `binding`.
  std::string ImportReach(const Module& file, TSNode spec, BuilderReach* reach,
                          bool* re_exports);
  static std::string WholeModuleUse(const Module& file, TSNode binding,
                                    const BuilderReach& reach);

  // `member` of the class `klass` (in `found->module`), of a base class
  // in the same file, or, up its `extends` chain, of a base class imported
  // from another module: then `found` moves to that module (the
  // subclass's joins the modules whose other importers may see the
  // payload). Null, with `found->why_not` set when a base in the chain
  // cannot be followed.
  TSNode InheritedMember(TSNode klass, const std::string& member, bool instance,
                         Found* found);

  // The classes extending `klass` (of `module`) below the first level of
  // users: each inherits its parent's method, or, for `type: this.x`, the
  // string its own constructor sets. One that uses `super` again is a user
  // the tool cannot follow.
  void DeeperUsers(const Module& module, TSNode klass,
                   const PayloadUser& parent, TSNode base,
                   const Module& base_module, int depth,
                   std::vector<BaseUserFound>* users);

  // Calls `visit` for each class of the project that extends `klass` (of
  // `module`): in its file, and in the files the index says name it. A
  // class whose base cannot be traced to `klass`, and, with `mentions`, a
  // file naming the class for anything but an import or `extends`, is a
  // user whose method is unknown.
  void VisitExtenders(const Module& module, TSNode klass, bool mentions,
                      const std::function<void(const Module&, TSNode)>& visit,
                      std::vector<BaseUserFound>* users);

  // The user `klass` (of `module`, extending the class of `base`) is.
  std::optional<BaseUserFound> UserOf(const Module& module, TSNode klass,
                                      TSNode base, const Module& base_module);

  // The user whose own method `own` builds on `super.<member>()` of
  // `base`: its method is the `type` it sets after the base's fields, or,
  // when it sets none, the base's.
  BaseUserFound SuperUser(const Module& module, TSNode own, TSNode base,
                          const Module& base_module, BaseUserFound found);

  // Whether `klass` (of `module`) extends the class of `base`, in
  // `base_module`: its base is imported from that module (through
  // re-exports).
  bool Extends(const Module& module, TSNode klass, const Module& base_module,
               TSNode base);

  // Every `this.x` in the classes from `klass` up to `last` (one file).
  void NoteFieldsUsed(TSNode klass, TSNode last, const Module& module,
                      std::map<std::string, std::string>* fields);

  // The string at byte `at` (of `size`) of `file` (loaded by its absolute
  // path) when it names the module `module` (absolute) as `file` would
  // import it; null otherwise.
  TSNode SpecifierAt(const Module& file, size_t at, size_t size,
                     const std::string& module);
  // Specifiers that name `module` (absolute) by a directory
  // (specifier_dirs.cc): the words of the folders that resolve to it (a
  // folder whose package.json `main` is the module), beyond SpecifierStems;
  // the files below such a folder, which may import it by dots alone
  // (`'.'`, `'..'`, `'../'`); and the first such string of `file`.
  std::vector<std::string> FolderStems(const std::string& module);
  std::vector<uint32_t> DotImporterCandidates(const std::string& module);
  TSNode DotSpecifierOf(const Module& file, const std::string& module);
  // The project's files (absolute) that import, require or list as an AMD
  // dependency the module `module` (absolute): a string of theirs
  // resolves to it. `specifiers`, when given, gets that string of each.
  std::vector<std::string> ImportersOf(const std::string& module,
                                       std::vector<TSNode>* specifiers = nullptr);

  // Built on the first search of the project's files; each is read once.
  const TextIndex& Index();

  // For GlobalReaders: every file that uses the global `name` (other than
  // by reading members other than `member`, when given), itself included,
  // found once per name and member.
  const std::vector<std::pair<std::string, std::string>>& ReadersOfGlobal(
      const std::string& name, const std::string& member = "");

  // Whether the word at `at` (of `length`) of `module` is a member read or
  // called on an object that may be an instance of a class of `self`
  // (absolute): not on `this` or `super`, not where it is defined
  // (`exports.build = ...`), not on an import of another module
  // (`paypal.build()` with `paypal` from './paypal'), not in a comment.
  bool ReadThroughInstance(const Module& module, size_t at, size_t length,
                           const std::string& self);

  // Whether a name used in `entity` (of `module`) is imported from a file
  // of the project, which may forward what it is given to DigitalRiver.js.
  bool UsesProjectModule(const Module& module, TSNode entity);

  // Whether `object.name(...)` in `module` calls the wrapper method at
  // `wrapper_at` of `file`: `object` is an instance of the class there
  // (`new Client(...)`, an injected `this.client: Client`).
  bool IsInstanceOfWrapper(const Module* module, TSNode object,
                           const std::string& file, const std::string& name,
                           uint32_t wrapper_at);

  // Whether the wrapper at `wrapper_at` is the one member `name` of an
  // object literal in `module` (`value={{ createSource: (type, data) =>
  // dr.createSource(..., data) }}`), and nothing else there is defined by
  // that name: an object the module hands out (a React context, a hook's
  // value) has it as its `name`.
  static bool IsOnlyObjectMember(const Module& module, const std::string& name,
                                 uint32_t wrapper_at);

  // What `callee` takes the method `name` from: the object of
  // `obj.name`, or the value destructured in `const { name } = value`.
  static TSNode ProvidingObject(TSNode callee, const std::string& member,
                                const std::string& name,
                                std::string_view source);

  // Whether `object` (of `module`) is handed out by the module `file`:
  // imported from it, or got from a context or hook imported from it.
  bool TakesFromModule(const Module* module, TSNode object,
                       const std::string& file);

  std::string RootShown() const;

  static std::string Named(const ModuleRef& ref, const std::string& member);

  // Whether the request asks for a method of an instance of the export.
  static bool OnInstance(ModuleRequest::Access access);

  // Whether `builder` can answer a request of that access.
  static bool Fits(TSNode builder, ModuleRequest::Access access);

  // The file `path` (absolute) with `text` as a browser script: a
  // JavaScript or TypeScript file, or the scripts of a page or template;
  // nullopt for anything else.
  static std::optional<Module> BrowserScript(const std::string& path,
                                             std::string text, Parser& parser);

  // Indices in ProjectFiles() of the files that may read what is sent
  // by the PHP file `file` under `sent` (BrowserReaders).
  std::vector<uint32_t> FilesReadingSent(
      const std::string& file,
      const std::vector<std::vector<std::string>>& sent);
  // An observer for a template whose scripts are not read (IsOpaqueTemplate)
  // naming a key of `sent`.
  static std::optional<PayloadObserver> NamedInOpaqueTemplate(
      std::string_view text, const std::string& shown,
      const std::vector<std::vector<std::string>>& sent);
  // The project's PHP files (relative to the root) naming `json`, but for
  // front controllers (including a file picked at run time): those that may
  // answer a request with JSON themselves. Read once per run.
  const std::vector<std::string>& JsonAnsweringPhpFiles();

  // Every file under the project root, walked once.
  const std::vector<std::string>& ProjectFiles();
  // The run's survey of this project (LinkOptions::survey), or one of the
  // linker's own.
  ProjectSurvey& Survey();
  // The words of ProjectFiles(), as far as the word store knows them.
  KnownWords& Words();
  void NoteAnUnmarkedLargeProject(size_t files);

  const ModulePaths& paths_;
  const LinkOptions& options_;
  ModuleCache cache_;
  // Indices in ProjectFiles() of the files that may name `name` (one word
  // names: that name as a whole word): from PrepareNames when it read
  // them for `name`, by such a read for the first couple of names asked,
  // else from the index.
  std::vector<uint32_t> FilesNaming(const std::string& name);
  // Files naming each global, from PrepareNames.
  std::map<std::string, std::vector<uint32_t>> files_naming_;
  int lazy_scans_ = 0;  // names FilesNaming looked for by reading
  std::optional<bool> names_digital_river_;  // ProjectNamesDigitalRiver
  // By index in ProjectFiles(), whether the file may define a createSource
  // (MayDefineCreateSource): noted by PrepareNames's reads for the files
  // naming the names it looked for. GlobalCreateSourceDefiners reads again
  // only the files naming a global that may define one, instead of every
  // file naming it (a pre-commit run in a git work tree read them twice).
  std::vector<uint8_t> may_define_create_source_;
  // (name, file) where the file declares the name at a line start.
  std::set<std::pair<std::string, uint32_t>> files_declaring_;
  // Every file's first use of a global, (absolute path, "path:line"), by
  // name: a project of N classic scripts each keeping `payload` asked N
  // times about the same N files (issue 14: 5,000 files took 18 s).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      global_name_readers_;
  ProjectSurvey* survey_ = nullptr;
  std::unique_ptr<ProjectSurvey> own_survey_;
  bool noted_size_ = false;
  std::optional<std::vector<std::string>> json_answering_php_;
  std::optional<std::vector<std::string>> dynamic_php_calls_;
  // Browser pages BrowserReaders parsed, by index in ProjectFiles(), up to
  // kKeptBrowserPageBytes of their text (their trees take some ten times
  // that).
  static constexpr size_t kKeptBrowserPageBytes = 4 << 20;
  std::map<uint32_t, std::unique_ptr<Module>> browser_pages_;
  size_t browser_page_bytes_ = 0;
  std::optional<TextIndex> index_;
  std::optional<std::vector<std::string>> project_wrappers_;
  std::optional<std::vector<InlineMixin>> inline_mixins_;
  std::map<std::string, GlobalReceiverFound> global_receivers_;
  // The project's declaration files, listed on the first question about a
  // global's type (GlobalTypeTypingPayload).
  std::optional<std::vector<std::string>> declaration_files_;
  std::map<std::string, std::unique_ptr<Module>> page_scripts_;  // ScriptModule
  // specifier_dirs.cc: the folders that resolve to a module, by module;
  // and ProjectFiles() as (absolute path, index), sorted, to list the
  // files below a folder without making every path absolute per question.
  const std::vector<std::string>& FoldersNaming(const std::string& module);
  std::map<std::string, std::vector<std::string>> folders_naming_;
  std::map<std::string, bool> package_folders_;  // holds a package.json
  std::optional<std::vector<std::pair<std::string, uint32_t>>> sorted_files_;
  Parser page_parser_;
  const Module* next_module_ = nullptr;  // set by FunctionNamed
  int base_hops_ = 0;  // depth of InheritedMember across modules
};

}  // namespace psm

#endif  // PSM_PROJECT_MODULE_LINKER_H_
