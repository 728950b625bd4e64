#ifndef PSM_PROJECT_MODULE_PATHS_H_
#define PSM_PROJECT_MODULE_PATHS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "project/absolute_path.h"  // AbsolutePath, for the model's users
#include "project/requirejs_maps.h"

namespace psm {

// The file a specifier names, or why the tool cannot tell which one.
struct Resolution {
  std::optional<std::string> file;
  // Set when the specifier names a file of the project on some pages (or
  // builds) and another elsewhere: a reason for a message ("is mapped to
  // ... only on ..."). Empty when it simply names nothing of the project.
  std::string unsure;
};

// Turns module specifiers into files of one project, the way the module
// systems a storefront uses would: relative paths with extension and
// `index` resolution (`.js` naming a `.ts` file too), TypeScript's
// `baseUrl`/`paths` (with `extends`), RequireJS's `paths` and `map` from
// every `requirejs-config.js`, Magento 2 ids (`Vendor_Module/js/file` ->
// that module's `view/{frontend,base}/web/js/file.js`), the packages of
// npm/yarn/pnpm workspaces (`exports`/`main`), and the root package's
// subpath imports (`#pay`) and own name (`@shop/app/pay` inside it). Packages
// from node_modules are never followed: they are not the merchant's code.
class ModulePaths {
 public:
  // `root`: the project root (see ProjectRootOf); its config files are
  // read once, here.
  explicit ModulePaths(std::string root);

  // The file `specifier` names when imported from the file `importer`;
  // nullopt when it names a package or nothing in the project.
  std::optional<std::string> Resolve(std::string_view importer,
                                     std::string_view specifier) const;
  // The same, with the reason when the answer depends on the page.
  Resolution ResolveWithReason(std::string_view importer,
                               std::string_view specifier) const;

  const std::string& root() const { return root_; }

  // For a Magento id (`Acme_Dr/js/model/payloads`) whose module file is in
  // the project and which a theme also copies (MagentoThemeCopies): the
  // themes' copies. Resolve answers neither then: which one a page gets
  // depends on its theme. Empty otherwise.
  std::vector<std::string> MagentoThemeCopiesBeside(
      std::string_view specifier) const;

  // Other specifiers that import `module` (absolute): RequireJS `map`
  // aliases of any scope and `paths` entries, tsconfig `paths` keys and
  // the root package's `imports` keys and own subpaths without `*`, that
  // resolve to it.
  std::vector<std::string> AliasesOf(const std::string& module) const;
  // The RequireJS mixins (ids) that the project's configs put on `module`.
  std::vector<std::string> MixinsOf(const std::string& module) const;
  // Whether the project may load modules through Magento's RequireJS
  // (whose mixins plugin reads `config.mixins`): it registers a Magento
  // module or holds a requirejs-config.js.
  bool MayHaveMixins() const;
  // Whether the root holds `.git`, `package.json` or `composer.json`;
  // false when none was found at or above the paths and the root is only a
  // guess (see ProjectRootOf).
  bool marked() const { return marked_; }

 private:
  void ReadTsConfig(const std::string& path, int depth);
  // requirejs-config.js files and Magento registrations take a walk of
  // the whole root: done on the first specifier that needs them.
  void ReadRequireConfigs() const;
  void ReadWorkspaces();
  std::vector<std::string> IdsLeadingTo(
      const std::vector<std::pair<std::string, std::string>>& pairs,
      const std::string& module, bool by_first) const;
  // A (non-relative) id as some page may load it: every RequireJS map
  // applies (for AliasesOf and MixinsOf, which look for any way in).
  std::optional<std::string> ResolveOnAnyPage(std::string_view id) const;
  // An empty `importer` stands for any page (see RequireMaps::Apply).
  Resolution FromAliases(std::string_view importer,
                         std::string_view specifier) const;
  std::optional<std::string> FromMagentoId(std::string_view specifier) const;
  // The module's own web file a Magento id names, ignoring themes.
  std::optional<std::string> ModuleWebFile(std::string_view specifier) const;
  std::optional<std::string> FromCartridgePath(
      std::string_view importer, std::string_view specifier) const;
  Resolution FromWorkspace(std::string_view specifier) const;
  // ResolveWithReason before the browser field is applied.
  Resolution Locate(std::string_view importer,
                    std::string_view specifier) const;
  Resolution ConditionalTarget(const std::vector<std::string>& targets,
                               std::string_view star,
                               std::string_view pattern) const;
  // `file` as a browser build loads it: the `browser` field of its
  // package may replace it (DigitalRiver.js runs in the browser).
  Resolution InBrowser(const std::string& file) const;
  using Replacements = std::vector<std::pair<std::string, std::string>>;
  const Replacements& BrowserFieldOver(const std::string& dir) const;
  std::string Shown(const std::string& path) const;  // root-relative
  // `.` made absolute ends with a slash; other roots do not.
  std::string RootWithSlash() const {
    return root_.ends_with('/') ? root_ : root_ + "/";
  }

  std::string root_;
  bool marked_ = false;
  std::string base_url_;  // absolute; empty when tsconfig sets none
  // Salesforce Commerce Cloud cartridges (directories holding `cartridge`),
  // from the walk of ReadRequireConfigs.
  mutable std::vector<std::string> cartridges_;
  // tsconfig `paths`: pattern (maybe with one `*`) -> targets (absolute).
  std::vector<std::pair<std::string, std::vector<std::string>>> ts_paths_;
  // The same for the root package.json's subpath `imports` and its own
  // name with its `exports` (OwnPackageSpecifiers).
  std::vector<std::pair<std::string, std::vector<std::string>>> package_paths_;
  // RequireJS: `map` of every scope, `paths` id prefix -> path (absolute
  // when it was relative to the config's base).
  mutable bool amd_read_ = false;
  mutable RequireMaps amd_maps_{root_};
  mutable std::vector<std::pair<std::string, std::string>> amd_any_map_;
  mutable std::vector<std::pair<std::string, std::string>> amd_mixins_;
  mutable std::vector<std::pair<std::string, std::string>> amd_paths_;
  // For AliasesOf: each RequireJS `paths` id and tsconfig `paths` key
  // without `*`, with the file it resolves to.
  mutable std::optional<std::vector<std::pair<std::string, std::string>>>
      named_modules_;
  // Magento module name (`Vendor_Module`) -> its directory.
  mutable std::map<std::string, std::string, std::less<>> magento_modules_;
  mutable std::optional<std::vector<std::string>> magento_themes_;
  // Directory -> the `browser` field replacements of its package.
  mutable std::map<std::string, Replacements, std::less<>> browser_fields_;
  // Workspace package name -> its directory.
  std::map<std::string, std::string, std::less<>> workspaces_;
};

// The words a specifier of `module` is spelled with: its stem
// (`payloads` of `payloads.js`) and, for an `index` file, its directory's
// name too (`./payloads` names `payloads/index.js`). A file that imports
// the module contains one of them.
std::vector<std::string> SpecifierStems(const std::string& module);

// The nearest ancestor directory of `path` (itself included) that holds
// `.git`, `package.json` or `composer.json`; when none does, the directory
// of `path` itself (not the working directory: see module_paths.cc).
std::string ProjectRootOf(const std::string& path);

// The file a path names once the module system's extensions and `index`
// files are tried; nullopt when none exists.
std::optional<std::string> ExistingModuleFile(const std::string& base);

}  // namespace psm

#endif  // PSM_PROJECT_MODULE_PATHS_H_
