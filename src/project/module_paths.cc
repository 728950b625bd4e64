#include "project/module_paths.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "io/file_io.h"
#include "project/config_scan.h"
#include "project/magento_themes.h"
#include "project/package_specifiers.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 8> kExtensions = {
    ".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", ".mts", ".cts"};

bool IsRegularFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(path, ec));
}

std::string Normal(const fs::path& p) { return p.lexically_normal().string(); }

std::string DirectoryOf(std::string_view file) {
  return fs::path(file).parent_path().string();
}

bool IsRelative(std::string_view specifier) {
  return specifier.starts_with("./") || specifier.starts_with("../") ||
         specifier == "." || specifier == ".." || specifier.starts_with("/");
}

std::optional<nlohmann::json> ReadJson(const std::string& path) {
  std::string text, error;
  if (!ReadWholeFile(path, &text, &error)) return std::nullopt;
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false, true);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  return json;
}

// `pattern` with at most one `*`; the text it stands for, or nullopt.
std::optional<std::string> MatchStar(std::string_view pattern,
                                     std::string_view specifier) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    return pattern == specifier ? std::optional<std::string>("") : std::nullopt;
  }
  std::string_view prefix = pattern.substr(0, star);
  std::string_view suffix = pattern.substr(star + 1);
  if (specifier.size() < prefix.size() + suffix.size() ||
      !specifier.starts_with(prefix) || !specifier.ends_with(suffix)) {
    return std::nullopt;
  }
  return std::string(specifier.substr(
      prefix.size(), specifier.size() - prefix.size() - suffix.size()));
}

std::string ReplaceStar(std::string_view target, std::string_view text) {
  size_t star = target.find('*');
  if (star == std::string_view::npos) return std::string(target);
  return std::string(target.substr(0, star)) + std::string(text) +
         std::string(target.substr(star + 1));
}

}  // namespace

std::optional<std::string> ExistingModuleFile(const std::string& base) {
  if (IsRegularFile(base)) return Normal(base);
  for (std::string_view ext : kExtensions) {
    std::string candidate = base + std::string(ext);
    if (IsRegularFile(candidate)) return Normal(candidate);
  }
  // TypeScript's `import './x.js'` names `x.ts`.
  for (std::string_view js : {".js", ".mjs", ".cjs", ".jsx"}) {
    if (!base.ends_with(js)) continue;
    std::string stem = base.substr(0, base.size() - js.size());
    for (std::string_view ts : {".ts", ".mts", ".cts", ".tsx"}) {
      if (IsRegularFile(stem + std::string(ts)))
        return Normal(stem + std::string(ts));
    }
  }
  std::error_code ec;
  if (!fs::is_directory(base, ec)) return std::nullopt;
  if (auto pkg = ReadJson(base + "/package.json")) {
    for (const char* field : {"module", "main"}) {
      if (pkg->contains(field) && (*pkg)[field].is_string()) {
        std::string main = base + "/" + (*pkg)[field].get<std::string>();
        if (main != base + "/" && IsRegularFile(main)) return Normal(main);
        for (std::string_view ext : kExtensions) {
          if (IsRegularFile(main + std::string(ext)))
            return Normal(main + std::string(ext));
        }
      }
    }
  }
  for (std::string_view ext : kExtensions) {
    std::string index = base + "/index" + std::string(ext);
    if (IsRegularFile(index)) return Normal(index);
  }
  return std::nullopt;
}

namespace {

// The working directory, read once: the tool never changes it, and
// fs::absolute asks the kernel (getcwd) on every call, ~1% of a dense run.
const fs::path& WorkingDirectory() {
  static const fs::path cwd = [] {
    std::error_code ec;
    return fs::current_path(ec);
  }();
  return cwd;
}

}  // namespace

std::vector<std::string> SpecifierStems(const std::string& module) {
  fs::path path(module);
  std::vector<std::string> stems;
  std::string stem = path.stem().string();
  if (!stem.empty()) stems.push_back(stem);
  std::string directory = path.parent_path().filename().string();
  if (stem == "index" && !directory.empty()) stems.push_back(directory);
  return stems;
}

std::string AbsolutePath(const std::string& path) {
  fs::path given(path);
  std::string absolute = (given.is_absolute() || WorkingDirectory().empty()
                              ? given
                              : WorkingDirectory() / given)
                             .lexically_normal()
                             .string();
  if (absolute.size() > 1 && absolute.ends_with('/')) absolute.pop_back();
  return absolute;  // `.` normalises to "dir/"
}

namespace {

bool HoldsProjectMarker(const fs::path& dir) {
  std::error_code ec;
  // composer.json: a PHP project (Magento, Laravel, WordPress) often has
  // no package.json at its root.
  return fs::exists(dir / ".git", ec) || fs::exists(dir / "package.json", ec) ||
         fs::exists(dir / "composer.json", ec);
}

// The root of the git work tree holding `marked`, a directory with a
// package.json or composer.json but no .git: a Magento module's own
// composer.json under app/code, or a package of a workspace, is part of
// the repository's project, and the pages that load its scripts load the
// other modules' too (a shop client in another module went unseen when
// the module was the project). `marked` itself when no work tree holds it,
// or when the one above is the home directory (a dotfiles repository).
fs::path WorkTreeAround(const fs::path& marked) {
  std::error_code ec;
  if (fs::exists(marked / ".git", ec)) return marked;
  const char* home = std::getenv("HOME");
  fs::path home_dir =
      home && *home ? fs::path(home).lexically_normal() : fs::path();
  for (fs::path p = marked; p.has_parent_path() && p.parent_path() != p;) {
    p = p.parent_path();
    if (!fs::exists(p / ".git", ec)) continue;
    bool at_home = !home_dir.empty() && fs::equivalent(p, home_dir, ec);
    return at_home || p == p.root_path() ? marked : p;
  }
  return marked;
}

}  // namespace

std::string ProjectRootOf(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec).lexically_normal();
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  fs::path start = p;
  for (;;) {
    if (HoldsProjectMarker(p)) return WorkTreeAround(p).string();
    if (!p.has_parent_path() || p.parent_path() == p) break;
    p = p.parent_path();
  }
  // No marker: the path's own directory. (Not the working directory: run
  // from a folder of many projects, reading all of it made a 10 ms
  // pre-commit run take 550 ms.)
  return start.string();
}

ModulePaths::ModulePaths(std::string root)
    : root_(std::move(root)), marked_(HoldsProjectMarker(root_)) {
  ReadTsConfig(root_ + "/tsconfig.json", 0);
  ReadTsConfig(root_ + "/jsconfig.json", 0);
  ReadWorkspaces();
}

void ModulePaths::ReadTsConfig(const std::string& path, int depth) {
  if (depth > 4) return;
  std::optional<nlohmann::json> config = ReadJson(path);
  if (!config) return;
  std::string dir = DirectoryOf(path);
  if (config->contains("extends") && (*config)["extends"].is_string()) {
    std::string parent = (*config)["extends"].get<std::string>();
    if (IsRelative(parent)) {
      std::string file = Normal(fs::path(dir) / parent);
      if (!file.ends_with(".json")) file += ".json";
      ReadTsConfig(file, depth + 1);
    }
  }
  if (!config->contains("compilerOptions")) return;
  const nlohmann::json& options = (*config)["compilerOptions"];
  if (!options.is_object()) return;
  if (options.contains("baseUrl") && options["baseUrl"].is_string())
    base_url_ = Normal(fs::path(dir) / options["baseUrl"].get<std::string>());
  if (!options.contains("paths") || !options["paths"].is_object()) return;
  std::string base = base_url_.empty() ? dir : base_url_;
  ts_paths_.clear();  // a config's own `paths` replace the inherited ones
  for (const auto& [pattern, targets] : options["paths"].items()) {
    std::vector<std::string> absolute;
    if (!targets.is_array()) continue;
    for (const auto& t : targets) {
      if (t.is_string())
        absolute.push_back(Normal(fs::path(base) / t.get<std::string>()));
    }
    ts_paths_.emplace_back(pattern, std::move(absolute));
  }
}

void ModulePaths::ReadRequireConfigs() const {
  if (amd_read_) return;
  amd_read_ = true;
  ProjectConfigFiles files = ScanProjectConfigFiles(root_);
  for (const auto& [name, dir] : files.magento_modules)
    magento_modules_.emplace(name, dir);
  cartridges_ = std::move(files.cartridges);
  for (const std::string& config : files.requirejs_configs) {
    RequireConfig read = ReadRequireConfig(config);
    for (auto& [from, to] : read.map) amd_map_.emplace(from, to);
    for (auto& pair : read.any_map) amd_any_map_.push_back(std::move(pair));
    for (auto& pair : read.mixins) amd_mixins_.push_back(std::move(pair));
    for (auto& [prefix, target] : read.paths) {
      amd_paths_.emplace_back(prefix, target);
    }
  }
}

void ModulePaths::ReadWorkspaces() {
  std::optional<nlohmann::json> pkg = ReadJson(root_ + "/package.json");
  if (pkg) package_paths_ = OwnPackageSpecifiers(root_, *pkg);
  std::vector<std::string> globs;
  if (pkg && pkg->contains("workspaces")) {
    const nlohmann::json& ws = (*pkg)["workspaces"];
    const nlohmann::json& list =
        ws.is_object() && ws.contains("packages") ? ws["packages"] : ws;
    if (list.is_array()) {
      for (const auto& g : list)
        if (g.is_string()) globs.push_back(g.get<std::string>());
    }
  }
  for (const std::string& g : PnpmWorkspaceGlobs(root_)) globs.push_back(g);
  for (const std::string& dir : ExpandWorkspaceGlobs(root_, globs)) {
    std::optional<nlohmann::json> member = ReadJson(dir + "/package.json");
    if (member && member->contains("name") && (*member)["name"].is_string())
      workspaces_.emplace((*member)["name"].get<std::string>(), dir);
  }
}

// The `first` of each pair whose `second` (an id) resolves to `module`,
// or the reverse when `by_first`.
std::vector<std::string> ModulePaths::IdsLeadingTo(
    const std::vector<std::pair<std::string, std::string>>& pairs,
    const std::string& module, bool by_first) const {
  ReadRequireConfigs();
  std::vector<std::string> found;
  std::string importer = root_ + "/requirejs-config.js";
  for (const auto& [first, second] : pairs) {
    if (Resolve(importer, by_first ? first : second) == module)
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
    std::string importer = root_ + "/requirejs-config.js";
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
      if (std::optional<std::string> file = Resolve(importer, name))
        named_modules_->emplace_back(name, *file);
    }
  }
  for (const auto& [name, file] : *named_modules_) {
    if (file == module) found.push_back(name);
  }
  return found;
}

std::vector<std::string> ModulePaths::MixinsOf(
    const std::string& module) const {
  return IdsLeadingTo(amd_mixins_, module, true);
}

std::optional<std::string> ModulePaths::Resolve(
    std::string_view importer, std::string_view specifier) const {
  if (specifier.empty()) return std::nullopt;
  if (IsRelative(specifier)) {
    fs::path base = specifier.starts_with("/")
                        ? fs::path(root_) / specifier.substr(1)
                        : fs::path(DirectoryOf(importer)) / specifier;
    return ExistingModuleFile(Normal(base));
  }
  if (specifier.starts_with("*/cartridge/") ||
      specifier.starts_with("~/cartridge/"))
    return FromCartridgePath(importer, specifier);
  if (auto found = FromAliases(specifier)) return found;
  if (auto found = FromWorkspace(specifier)) return found;
  return FromMagentoId(specifier);
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

std::optional<std::string> ModulePaths::FromAliases(
    std::string_view specifier) const {
  for (const auto* patterns : {&package_paths_, &ts_paths_}) {
    for (const auto& [pattern, targets] : *patterns) {
      std::optional<std::string> star = MatchStar(pattern, specifier);
      if (!star) continue;
      for (const std::string& target : targets) {
        if (auto file = ExistingModuleFile(ReplaceStar(target, *star)))
          return file;
      }
    }
  }
  if (!base_url_.empty()) {
    if (auto file = ExistingModuleFile(Normal(fs::path(base_url_) / specifier)))
      return file;
  }
  ReadRequireConfigs();
  std::string id(specifier);
  if (auto mapped = amd_map_.find(id); mapped != amd_map_.end())
    id = mapped->second;
  for (const auto& [prefix, target] : amd_paths_) {
    if (id != prefix && !id.starts_with(prefix + "/")) continue;
    std::string rest = id.substr(prefix.size());
    if (auto file = FromMagentoId(target + rest)) return file;
    if (auto file = ExistingModuleFile(target + rest)) return file;
  }
  if (id != specifier) return FromMagentoId(id);
  return std::nullopt;
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

std::optional<std::string> ModulePaths::FromWorkspace(
    std::string_view specifier) const {
  // `@scope/name/sub/path` or `name/sub/path`.
  size_t cut = specifier.find('/');
  if (specifier.starts_with("@") && cut != std::string_view::npos)
    cut = specifier.find('/', cut + 1);
  std::string_view name = specifier.substr(0, cut);
  auto found = workspaces_.find(name);
  if (found == workspaces_.end()) return std::nullopt;
  // What the package exports under that name (`"./builder":
  // "./lib/builder.js"`), else its directory's own layout.
  if (std::optional<nlohmann::json> pkg =
          ReadJson(found->second + "/package.json")) {
    for (const auto& [pattern, targets] : PackageExports(found->second, *pkg)) {
      std::optional<std::string> star = MatchStar(pattern, specifier);
      if (!star) continue;
      for (const std::string& target : targets) {
        if (auto file = ExistingModuleFile(ReplaceStar(target, *star)))
          return file;
      }
    }
  }
  if (cut == std::string_view::npos) return ExistingModuleFile(found->second);
  return ExistingModuleFile(
      Normal(fs::path(found->second) / specifier.substr(cut + 1)));
}

}  // namespace psm
