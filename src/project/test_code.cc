#include "project/test_code.h"

#include <array>
#include <string>

namespace psm {

bool IsTestCode(std::string_view inside) {
  static constexpr std::array<std::string_view, 8> kFolders = {
      "/test/", "/tests/", "/__tests__/", "/__mocks__/",
      "/spec/", "/specs/", "/cypress/",   "/e2e/"};
  std::string path =
      inside.starts_with('/') ? std::string(inside) : "/" + std::string(inside);
  for (std::string_view folder : kFolders) {
    if (path.find(folder) != std::string::npos) return true;
  }
  std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  return name.find(".test.") != std::string_view::npos ||
         name.find(".spec.") != std::string_view::npos;
}

}  // namespace psm
