#ifndef PSM_PROJECT_CONFIG_SCAN_H_
#define PSM_PROJECT_CONFIG_SCAN_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace psm {

// The files under a project root that tell how its module ids map to files.
struct ProjectConfigFiles {
  std::vector<std::string> requirejs_configs;  // every requirejs-config.js
  // Magento 2 modules from their registration.php: `Vendor_Module` -> dir.
  std::vector<std::pair<std::string, std::string>> magento_modules;
  // Salesforce Commerce Cloud cartridges: every directory that holds a
  // `cartridge` directory, in whichever folder (`cartridges/`,
  // `plugins/x/cartridges/`, a vendored copy).
  std::vector<std::string> cartridges;
};

// One walk of `root` (node_modules, VCS and hidden directories left out).
ProjectConfigFiles ScanProjectConfigFiles(const std::string& root);

// `map: {scope: {from: to}}`: in the module `scope` (or any, `'*'`), the id
// `from` (or an id under it) stands for `to`.
struct RequireMapEntry {
  std::string scope, from, to;
};

// A RequireJS configuration as far as module ids go.
struct RequireConfig {
  std::vector<std::pair<std::string, std::string>> paths;  // id prefix -> id
  // `map` entries of every scope (`'*'` and `'Vendor_Module/js/x'`): an
  // alias a module of that scope may import instead.
  std::vector<std::pair<std::string, std::string>> any_map;
  std::vector<RequireMapEntry> maps;  // the same with their scopes
  // `config.mixins`: target id -> mixin id (a mixin wraps its target).
  std::vector<std::pair<std::string, std::string>> mixins;
};

// The `mixins: { target: { mixin: true } }` pairs (target id, mixin id)
// anywhere under `root`, those set to `false` left out.
std::vector<std::pair<std::string, std::string>> MixinsIn(
    TSNode root, std::string_view text);

// Reads `var config = { map: {'*': {...}}, paths: {...} }` (parsed as
// JavaScript, not evaluated). Relative `paths` targets become absolute.
RequireConfig ReadRequireConfig(const std::string& path);

// `packages:` globs of a pnpm-workspace.yaml at `root` (simple list form).
std::vector<std::string> PnpmWorkspaceGlobs(const std::string& root);

// The directories `globs` (`packages/*`, `apps/web`) name under `root`.
std::vector<std::string> ExpandWorkspaceGlobs(
    const std::string& root, const std::vector<std::string>& globs);

}  // namespace psm

#endif  // PSM_PROJECT_CONFIG_SCAN_H_
