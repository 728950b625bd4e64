#include "project/package_specifiers.h"

#include <filesystem>

#include "project/module_paths.h"  // ExistingModuleFile

namespace psm {
namespace {

using Specifiers =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

// Every path a target names, conditions followed (`null` excludes).
void Targets(const nlohmann::json& target, const std::string& root, int depth,
             std::vector<std::string>* out) {
  if (target.is_string()) {
    std::string path = target.get<std::string>();
    if (path.starts_with("./"))
      out->push_back(
          (std::filesystem::path(root) / path).lexically_normal().string());
    return;
  }
  if (depth > 4) return;
  if (target.is_array()) {  // fallbacks
    for (const nlohmann::json& t : target) Targets(t, root, depth + 1, out);
  } else if (target.is_object()) {
    // The conditions a bundler or Node takes for an import first (the
    // object's keys come sorted, not in the file's order).
    for (const char* condition : {"import", "module", "browser", "default"}) {
      if (auto t = target.find(condition); t != target.end())
        Targets(*t, root, depth + 1, out);
    }
    for (const auto& [condition, t] : target.items()) {
      if (condition != "import" && condition != "module" &&
          condition != "browser" && condition != "default")
        Targets(t, root, depth + 1, out);
    }
  }
}

void Add(std::string pattern, const nlohmann::json& target,
         const std::string& root, Specifiers* out) {
  std::vector<std::string> targets;
  Targets(target, root, 0, &targets);
  if (!targets.empty())
    out->emplace_back(std::move(pattern), std::move(targets));
}

// Whether an `exports` object maps subpaths (`"./pay"`) rather than being
// the conditions of the package itself (`{"import": ...}`).
bool MapsSubpaths(const nlohmann::json& exports) {
  for (const auto& [key, value] : exports.items())
    if (key.starts_with(".")) return true;
  return false;
}

}  // namespace

Specifiers OwnPackageSpecifiers(const std::string& root,
                                const nlohmann::json& package) {
  Specifiers found;
  if (!package.is_object()) return found;
  if (auto imports = package.find("imports");
      imports != package.end() && imports->is_object()) {
    for (const auto& [key, target] : imports->items())
      if (key.starts_with("#")) Add(key, target, root, &found);
  }
  for (auto& exported : PackageExports(root, package))
    found.push_back(std::move(exported));
  return found;
}

Specifiers PackageExports(const std::string& root,
                          const nlohmann::json& package) {
  Specifiers found;
  if (!package.is_object()) return found;
  auto name = package.find("name");
  auto exports = package.find("exports");
  if (name == package.end() || !name->is_string() || exports == package.end())
    return found;
  std::string self = name->get<std::string>();
  if (exports->is_object() && MapsSubpaths(*exports)) {
    for (const auto& [key, target] : exports->items()) {
      if (key == ".") {
        Add(self, target, root, &found);
      } else if (key.starts_with("./")) {
        Add(self + key.substr(1), target, root, &found);
      }
    }
  } else {
    Add(self, *exports, root, &found);
  }
  return found;
}

std::vector<std::pair<std::string, std::string>> BrowserReplacements(
    const std::string& root, const nlohmann::json& package) {
  std::vector<std::pair<std::string, std::string>> found;
  auto browser = package.find("browser");
  if (browser == package.end() || !browser->is_object()) return found;
  for (const auto& [key, value] : browser->items()) {
    if (!key.starts_with("./")) continue;
    std::optional<std::string> from = ExistingModuleFile(
        (std::filesystem::path(root) / key).lexically_normal().string());
    if (!from) continue;
    if (value.is_boolean() && !value.get<bool>()) {
      found.emplace_back(*from, "");
    } else if (value.is_string()) {
      std::string to = (std::filesystem::path(root) / value.get<std::string>())
                           .lexically_normal()
                           .string();
      found.emplace_back(*from, ExistingModuleFile(to).value_or(to));
    }
  }
  return found;
}

}  // namespace psm
