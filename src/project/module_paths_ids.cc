// ModulePaths, continued: the ids of RequireJS and Magento 2 modules and
// Salesforce Commerce Cloud cartridge paths.
#include <filesystem>

#include "project/config_scan.h"
#include "project/magento_themes.h"
#include "project/module_paths.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

std::string Normal(const fs::path& p) { return p.lexically_normal().string(); }

std::string DirectoryOf(std::string_view file) {
  return fs::path(file).parent_path().string();
}

}  // namespace

void ModulePaths::ReadRequireConfigs() const {
  if (amd_read_) return;
  amd_read_ = true;
  ProjectConfigFiles files = ScanProjectConfigFiles(root_);
  for (const auto& [name, dir] : files.magento_modules)
    magento_modules_.emplace(name, dir);
  cartridges_ = std::move(files.cartridges);
  for (const std::string& config : files.requirejs_configs) {
    RequireConfig read = ReadRequireConfig(config);
    amd_maps_.Add(config, std::move(read.maps));
    for (auto& pair : read.any_map) amd_any_map_.push_back(std::move(pair));
    for (auto& pair : read.mixins) amd_mixins_.push_back(std::move(pair));
    for (auto& [prefix, target] : read.paths) {
      amd_paths_.emplace_back(prefix, target);
    }
  }
}

// The `first` of each pair whose `second` (an id) resolves to `module`,
// or the reverse when `by_first`.
std::vector<std::string> ModulePaths::IdsLeadingTo(
    const std::vector<std::pair<std::string, std::string>>& pairs,
    const std::string& module, bool by_first) const {
  ReadRequireConfigs();
  std::vector<std::string> found;
  for (const auto& [first, second] : pairs) {
    // Any page's: an alias that leads to the module on some pages counts.
    if (ResolveOnAnyPage(by_first ? first : second) == module)
      found.push_back(by_first ? second : first);
  }
  return found;
}

std::vector<std::string> ModulePaths::AliasesOf(
    const std::string& module) const {
  std::vector<std::string> found = IdsLeadingTo(amd_any_map_, module, false);
  // Resolved once for the run, not once per module asked about: each
  // resolution probes the file system (issue 14).
  if (!named_modules_) {
    named_modules_.emplace();
    std::vector<std::string> names;
    // `paths: { drp: './payload-builder' }`: `define(['drp'], ...)`.
    for (const auto& [prefix, target] : amd_paths_) names.push_back(prefix);
    // A tsconfig or jsconfig `paths` key without `*` (`import { build }
    // from '@pp'`). (Workspace package names are left out: in a monorepo
    // every module of a package would ask about all its importers, which
    // doubled the project model's time; a package whose name does not
    // spell its module's path is a known gap.)
    for (const auto* patterns : {&ts_paths_, &package_paths_}) {
      for (const auto& [pattern, targets] : *patterns) {
        if (pattern.find('*') == std::string::npos) names.push_back(pattern);
      }
    }
    for (const std::string& name : names) {
      if (std::optional<std::string> file = ResolveOnAnyPage(name))
        named_modules_->emplace_back(name, *file);
    }
  }
  for (const auto& [name, file] : *named_modules_) {
    if (file == module) found.push_back(name);
  }
  return found;
}

bool ModulePaths::MayHaveMixins() const {
  ReadRequireConfigs();
  return !magento_modules_.empty() || !amd_mixins_.empty() ||
         !amd_paths_.empty() || !amd_any_map_.empty();
}

std::vector<std::string> ModulePaths::MixinsOf(
    const std::string& module) const {
  return IdsLeadingTo(amd_mixins_, module, true);
}

// Salesforce Commerce Cloud: `~/cartridge/scripts/x` is the importer's own
// cartridge's file, `*/cartridge/scripts/x` the first cartridge of the
// site's cartridge path that has it. That path is a setting of the
// instance, not of the repository: every cartridge of the project is
// searched (in any folder: `cartridges/`, `plugins/x/cartridges/`, a
// vendored copy), and the specifier resolves only when exactly one has the
// file (when another overrides it, the tool cannot tell which one runs).
std::optional<std::string> ModulePaths::FromCartridgePath(
    std::string_view importer, std::string_view specifier) const {
  fs::path own;  // the importer's cartridge: the directory over `cartridge`
  fs::path dir = DirectoryOf(importer);
  for (int up = 0; up < 32 && dir.has_relative_path(); ++up) {
    if (dir.filename() == "cartridge") {
      own = dir.parent_path();
      break;
    }
    dir = dir.parent_path();
  }
  if (own.empty()) return std::nullopt;
  std::string rest(specifier.substr(2));  // "cartridge/..."
  if (specifier.starts_with("~")) return ExistingModuleFile(Normal(own / rest));
  ReadRequireConfigs();  // the walk that lists the cartridges
  std::optional<std::string> found;
  for (const std::string& cartridge : cartridges_) {
    std::optional<std::string> file =
        ExistingModuleFile(Normal(fs::path(cartridge) / rest));
    if (!file) continue;
    if (found) return std::nullopt;  // two cartridges have it
    found = std::move(file);
  }
  return found;
}

std::vector<std::string> ModulePaths::MagentoThemeCopiesBeside(
    std::string_view specifier) const {
  size_t slash = specifier.find('/');
  if (slash == std::string_view::npos || !ModuleWebFile(specifier)) return {};
  if (!magento_themes_) magento_themes_ = MagentoThemeDirs(root_);
  return MagentoThemeCopies(*magento_themes_, specifier.substr(0, slash),
                            specifier.substr(slash + 1));
}

// A theme's copy of a module's web file is what Magento serves to the
// pages of that theme: the id names it when the module's own file is not
// in the project (a module Composer installs in an ignored vendor/), and
// nothing when both are (MagentoThemeCopiesBeside).
std::optional<std::string> ModulePaths::FromMagentoId(
    std::string_view specifier) const {
  std::optional<std::string> module_file = ModuleWebFile(specifier);
  size_t slash = specifier.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  if (!magento_themes_) magento_themes_ = MagentoThemeDirs(root_);
  std::vector<std::string> copies =
      MagentoThemeCopies(*magento_themes_, specifier.substr(0, slash),
                         specifier.substr(slash + 1));
  if (copies.empty()) return module_file;
  if (!module_file && copies.size() == 1) return copies.front();
  return std::nullopt;
}

std::optional<std::string> ModulePaths::ModuleWebFile(
    std::string_view specifier) const {
  size_t slash = specifier.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view module = specifier.substr(0, slash);
  ReadRequireConfigs();
  auto found = magento_modules_.find(module);
  std::string dir;
  if (found != magento_modules_.end()) {
    dir = found->second;
  } else if (size_t underscore = module.find('_');
             underscore != std::string_view::npos) {
    dir = root_ + "/app/code/" + std::string(module.substr(0, underscore)) +
          "/" + std::string(module.substr(underscore + 1));
  } else {
    return std::nullopt;
  }
  std::string rest(specifier.substr(slash + 1));
  for (const char* area : {"frontend", "base", "adminhtml"}) {
    if (auto file =
            ExistingModuleFile(dir + "/view/" + area + "/web/" + rest)) {
      return file;
    }
  }
  return std::nullopt;
}

}  // namespace psm
