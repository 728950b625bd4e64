#include "project/module_paths.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "find/object_builder.h"  // Quote
#include "io/file_io.h"
#include "project/magento_pages.h"
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
    // A string `browser` replaces `main` in browser builds, where
    // DigitalRiver.js runs.
    for (const char* field : {"browser", "module", "main"}) {
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

bool IsTypeScript(std::string_view file) {
  for (std::string_view ext : {".ts", ".tsx", ".mts", ".cts"})
    if (file.ends_with(ext)) return true;
  return false;
}

// What a TypeScript file's relative import names: TypeScript takes
// `x.ts` (or `x.tsx`) for `./x` and `./x.js` before `x.js`, which beside
// it is usually tsc's own output (a stale copy to leave alone).
std::optional<std::string> TypeScriptModuleFile(const std::string& base) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 5>
      kSources = {{{".js", ".ts"},
                   {".js", ".tsx"},
                   {".jsx", ".tsx"},
                   {".mjs", ".mts"},
                   {".cjs", ".cts"}}};
  bool has_js = false;
  for (const auto& [js, ts] : kSources) {
    if (!base.ends_with(js)) continue;
    has_js = true;
    std::string source = base.substr(0, base.size() - js.size()) + ts.data();
    if (IsRegularFile(source)) return Normal(source);
  }
  if (!has_js) {
    for (std::string_view ts : {".ts", ".tsx"}) {
      if (IsRegularFile(base + ts.data())) return Normal(base + ts.data());
    }
  }
  return ExistingModuleFile(base);
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

std::optional<std::string> ModulePaths::Resolve(
    std::string_view importer, std::string_view specifier) const {
  return ResolveWithReason(importer, specifier).file;
}

Resolution ModulePaths::ResolveWithReason(std::string_view importer,
                                          std::string_view specifier) const {
  Resolution found = Locate(importer, specifier);
  return found.file ? InBrowser(*found.file) : found;
}

// The package holding `dir` is the one of the nearest package.json at or
// above it, up to the root.
const ModulePaths::Replacements& ModulePaths::BrowserFieldOver(
    const std::string& dir) const {
  if (auto known = browser_fields_.find(dir); known != browser_fields_.end())
    return known->second;
  Replacements replacements;
  if (std::optional<nlohmann::json> pkg = ReadJson(dir + "/package.json")) {
    replacements = BrowserReplacements(dir, *pkg);
  } else if (dir.starts_with(RootWithSlash())) {
    replacements = BrowserFieldOver(DirectoryOf(dir));
  }
  return browser_fields_[dir] = std::move(replacements);
}

Resolution ModulePaths::InBrowser(const std::string& file) const {
  for (const auto& [from, to] : BrowserFieldOver(DirectoryOf(file))) {
    if (from != file) continue;
    if (!to.empty() && IsRegularFile(to)) return {to, ""};
    return {std::nullopt,
            "is " + Quote(Shown(file)) + ", which the package.json " +
                "\"browser\" field replaces with " +
                (to.empty() ? std::string("nothing (false)")
                            : Quote(Shown(to)) + " (not a file)") +
                " in browser builds; migrate by hand"};
  }
  return {file, ""};
}

std::string ModulePaths::Shown(const std::string& path) const {
  std::string prefix = RootWithSlash();
  return path.starts_with(prefix) ? path.substr(prefix.size()) : path;
}

// Which of the files an `imports`/`exports` entry's conditions name
// (`import`, `require`, `browser`, `default`, nested, and fallbacks)
// loads depends on how the module is imported and bundled: one file, or
// why the tool cannot tell.
Resolution ModulePaths::ConditionalTarget(
    const std::vector<std::string>& targets, std::string_view star,
    std::string_view pattern) const {
  std::vector<std::string> files;
  for (const std::string& target : targets) {
    std::optional<std::string> file =
        ExistingModuleFile(ReplaceStar(target, star));
    if (file && std::find(files.begin(), files.end(), *file) == files.end())
      files.push_back(*file);
  }
  if (files.size() <= 1)
    return {files.empty() ? std::nullopt : std::optional(files[0]), ""};
  std::string listed;
  for (const std::string& file : files)
    listed += (listed.empty() ? "" : ", ") + Quote(Shown(file));
  return {std::nullopt,
          "names several files through the package.json conditions of " +
              Quote(std::string(pattern)) + " (" + listed +
              "): which one loads depends on whether it is imported, "
              "required or bundled for the browser; migrate by hand"};
}

Resolution ModulePaths::Locate(std::string_view importer,
                               std::string_view specifier) const {
  if (specifier.empty()) return {};
  if (IsRelative(specifier)) {
    fs::path base = specifier.starts_with("/")
                        ? fs::path(root_) / specifier.substr(1)
                        : fs::path(DirectoryOf(importer)) / specifier;
    if (IsTypeScript(importer)) return {TypeScriptModuleFile(Normal(base)), ""};
    return {ExistingModuleFile(Normal(base)), ""};
  }
  if (specifier.starts_with("*/cartridge/") ||
      specifier.starts_with("~/cartridge/"))
    return {FromCartridgePath(importer, specifier), ""};
  Resolution aliased = FromAliases(
      importer.empty() ? root_ + "/requirejs-config.js" : importer, specifier);
  if (aliased.file || !aliased.unsure.empty()) return aliased;
  Resolution in_workspace = FromWorkspace(specifier);
  if (in_workspace.file || !in_workspace.unsure.empty()) return in_workspace;
  return {FromMagentoId(specifier), ""};
}

std::optional<std::string> ModulePaths::ResolveOnAnyPage(
    std::string_view id) const {
  if (auto found = FromAliases("", id).file) return found;
  if (auto found = FromWorkspace(id).file) return found;
  return FromMagentoId(id);
}

Resolution ModulePaths::FromAliases(std::string_view importer,
                                    std::string_view specifier) const {
  for (const auto& [pattern, targets] : package_paths_) {
    std::optional<std::string> star = MatchStar(pattern, specifier);
    if (!star) continue;
    Resolution found = ConditionalTarget(targets, *star, pattern);
    if (found.file || !found.unsure.empty()) return found;
  }
  for (const auto& [pattern, targets] : ts_paths_) {
    std::optional<std::string> star = MatchStar(pattern, specifier);
    if (!star) continue;
    for (const std::string& target : targets) {  // fallbacks, in order
      if (auto file = ExistingModuleFile(ReplaceStar(target, *star)))
        return {file, ""};
    }
  }
  if (!base_url_.empty()) {
    if (auto file = ExistingModuleFile(Normal(fs::path(base_url_) / specifier)))
      return {file, ""};
  }
  ReadRequireConfigs();
  std::string from(importer);
  MappedId mapped = amd_maps_.Apply(
      from, from.empty() ? "" : MagentoIdOf(root_, from, magento_modules_),
      specifier);
  if (!mapped.unsure.empty()) return {std::nullopt, mapped.unsure};
  const std::string& id = mapped.id;
  for (const auto& [prefix, target] : amd_paths_) {
    if (id != prefix && !id.starts_with(prefix + "/")) continue;
    std::string rest = id.substr(prefix.size());
    if (auto file = FromMagentoId(target + rest)) return {file, ""};
    if (auto file = ExistingModuleFile(target + rest)) return {file, ""};
  }
  if (id != specifier) return {FromMagentoId(id), ""};
  return {};
}

Resolution ModulePaths::FromWorkspace(std::string_view specifier) const {
  // `@scope/name/sub/path` or `name/sub/path`.
  size_t cut = specifier.find('/');
  if (specifier.starts_with("@") && cut != std::string_view::npos)
    cut = specifier.find('/', cut + 1);
  std::string_view name = specifier.substr(0, cut);
  auto found = workspaces_.find(name);
  if (found == workspaces_.end()) return {};
  // What the package exports under that name (`"./builder":
  // "./lib/builder.js"`), else its directory's own layout.
  if (std::optional<nlohmann::json> pkg =
          ReadJson(found->second + "/package.json")) {
    for (const auto& [pattern, targets] : PackageExports(found->second, *pkg)) {
      std::optional<std::string> star = MatchStar(pattern, specifier);
      if (!star) continue;
      Resolution exported = ConditionalTarget(targets, *star, pattern);
      if (exported.file || !exported.unsure.empty()) return exported;
    }
  }
  if (cut == std::string_view::npos)
    return {ExistingModuleFile(found->second), ""};
  return {ExistingModuleFile(
              Normal(fs::path(found->second) / specifier.substr(cut + 1))),
          ""};
}

}  // namespace psm
