#include "project/magento_pages.h"

#include <filesystem>
#include <vector>

namespace psm {
namespace {

std::vector<std::string> PartsOf(std::string_view path) {
  std::vector<std::string> parts;
  for (const auto& part : std::filesystem::path(path)) {
    if (!part.empty() && part != "/") parts.push_back(part.string());
  }
  return parts;
}

// The root may end with a slash (`.` made absolute).
std::string WithSlash(const std::string& root) {
  return root.ends_with('/') ? root : root + "/";
}

std::string RelativeTo(const std::string& root, const std::string& path) {
  std::string prefix = WithSlash(root);
  return path.starts_with(prefix) ? path.substr(prefix.size()) : path;
}

std::string WithoutExtension(const std::string& path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return path;
  return path.substr(0, dot);
}

}  // namespace

PageScope PagesOf(const std::string& root, const std::string& path,
                  bool script) {
  std::vector<std::string> parts = PartsOf(RelativeTo(root, path));
  if (parts.size() > 4 && parts[0] == "app" && parts[1] == "design")
    return {parts[2], parts[2] + "/" + parts[3] + "/" + parts[4]};
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i] != "view") continue;
    if (parts[i + 1] == "frontend" || parts[i + 1] == "adminhtml")
      return {parts[i + 1], ""};
    if (parts[i + 1] == "base") return {script ? "frontend" : "", ""};
  }
  return {};
}

Reach ConfigReach(const PageScope& config, const PageScope& script) {
  if (!config.area.empty()) {
    if (script.area.empty()) return Reach::kSometimes;
    if (script.area != config.area) return Reach::kNever;
  }
  // A script of the modules is served with every theme; one of another
  // theme may inherit this one (theme.xml's parent, not read here).
  if (!config.theme.empty() && config.theme != script.theme)
    return Reach::kSometimes;
  return Reach::kAlways;
}

std::string MagentoIdOf(
    const std::string& root, const std::string& file,
    const std::map<std::string, std::string, std::less<>>& modules) {
  std::string rel = RelativeTo(root, file);
  std::vector<std::string> parts = PartsOf(rel);
  auto rest_after = [&](size_t web) {
    std::string rest;
    for (size_t i = web + 1; i < parts.size(); ++i)
      rest += (rest.empty() ? "" : "/") + parts[i];
    return WithoutExtension(rest);
  };
  // A theme's copy: app/design/<area>/<Vendor>/<theme>/<Module>/web/...
  if (parts.size() > 7 && parts[0] == "app" && parts[1] == "design" &&
      parts[6] == "web" && parts[5].find('_') != std::string::npos)
    return parts[5] + "/" + rest_after(6);
  for (size_t i = 0; i + 3 < parts.size(); ++i) {
    if (parts[i] != "view" || parts[i + 2] != "web") continue;
    std::string dir = WithSlash(root) + parts[0];
    for (size_t k = 1; k < i; ++k) dir += "/" + parts[k];
    for (const auto& [name, module_dir] : modules) {
      if (module_dir == dir) return name + "/" + rest_after(i + 2);
    }
    if (i == 4 && parts[0] == "app" && parts[1] == "code")
      return parts[2] + "_" + parts[3] + "/" + rest_after(i + 2);
    return "";
  }
  return "";
}

}  // namespace psm
