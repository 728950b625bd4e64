#include "project/magento_themes.h"

#include <algorithm>
#include <filesystem>

#include "project/module_paths.h"  // ExistingModuleFile

namespace psm {

namespace fs = std::filesystem;

std::vector<std::string> MagentoThemeDirs(const std::string& root) {
  std::vector<std::string> dirs;
  for (const char* area : {"frontend", "adminhtml"}) {
    fs::path base = fs::path(root) / "app" / "design" / area;
    std::error_code error;
    for (const fs::directory_entry& vendor :
         fs::directory_iterator(base, error)) {
      std::error_code inner;
      if (!vendor.is_directory(inner)) continue;
      for (const fs::directory_entry& theme :
           fs::directory_iterator(vendor.path(), inner)) {
        std::error_code ignored;
        if (theme.is_directory(ignored)) dirs.push_back(theme.path().string());
      }
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<std::string> MagentoThemeCopies(
    const std::vector<std::string>& theme_dirs, std::string_view module,
    std::string_view rest) {
  std::vector<std::string> copies;
  for (const std::string& theme : theme_dirs) {
    std::string base =
        theme + "/" + std::string(module) + "/web/" + std::string(rest);
    if (std::optional<std::string> file = ExistingModuleFile(base))
      copies.push_back(*file);
  }
  return copies;
}

}  // namespace psm
