#include "project/declaration_files.h"

#include <array>
#include <filesystem>
#include <system_error>
#include <vector>

namespace psm {
namespace fs = std::filesystem;
namespace {

bool IsTypeScriptSource(std::string_view path) {
  for (std::string_view ext : {".ts", ".tsx", ".mts", ".cts"})
    if (path.ends_with(ext)) return true;
  return false;
}

bool IsRegularFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::status(path, ec));
}

// Where TypeScript looks for the declarations of `base` (a specifier made
// absolute), in its order: a JavaScript extension stands for the
// declaration file of the same stem.
std::vector<std::string> DeclarationCandidates(const std::string& base) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 4>
      kStems = {{{".js", ".d.ts"},
                 {".jsx", ".d.ts"},
                 {".mjs", ".d.mts"},
                 {".cjs", ".d.cts"}}};
  for (const auto& [js, declaration] : kStems) {
    if (base.ends_with(js))
      return {base.substr(0, base.size() - js.size()) +
              std::string(declaration)};
  }
  return {base + ".d.ts", base + "/index.d.ts"};
}

}  // namespace

bool IsDeclarationFile(std::string_view path) {
  return path.ends_with(".d.ts") || path.ends_with(".d.mts") ||
         path.ends_with(".d.cts");
}

std::optional<std::string> TypesFileOf(std::string_view importer,
                                       std::string_view specifier,
                                       std::optional<std::string> resolved) {
  if (resolved && IsTypeScriptSource(*resolved)) return resolved;
  if (!specifier.starts_with("./") && !specifier.starts_with("../"))
    return resolved;
  fs::path base = fs::path(importer).parent_path() / std::string(specifier);
  for (const std::string& candidate :
       DeclarationCandidates(base.lexically_normal().string())) {
    if (IsRegularFile(candidate)) return candidate;
  }
  return resolved;
}

}  // namespace psm
