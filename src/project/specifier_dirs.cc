// Specifiers that name a module by its folder. `require('./pp')` reaches
// `pp/lib/make.js` when `pp/package.json` says `"main": "lib/make.js"`;
// `import { build } from '.'` (or `'..'`, `'./'`) reaches the folder's
// index. Neither spells the module's file name, which the searches for its
// importers look for (SpecifierStems): without these, a file that reads
// what the builder returns went unseen and its fields were removed.

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "project/absolute_path.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

// Folders above a module that may name it: `.../pp` for
// `.../pp/lib/make.js`. Deeper mains are rare.
constexpr int kMaxFolderLevels = 3;

bool OnlyDotsAndSlashes(std::string_view s) {
  return !s.empty() && s.front() == '.' &&
         s.find_first_not_of("./") == std::string_view::npos;
}

}  // namespace

// The folders (absolute) above `module`, inside the project, that resolve
// to it as a whole: an importer beside such a folder names it by its name.
const std::vector<std::string>& Linker::FoldersNaming(
    const std::string& module) {
  auto [known, added] = folders_naming_.try_emplace(module);
  if (!added) return known->second;
  const std::string& root = paths_.root();
  fs::path dir = fs::path(module).parent_path();
  for (int level = 0; level < kMaxFolderLevels; ++level) {
    std::string shown = dir.string();
    if (shown.size() <= root.size() || !shown.starts_with(root)) break;
    // Only an index or a package's main is a folder's whole: the resolver
    // is asked only then (it tries a dozen names per question).
    bool index = level == 0 && fs::path(module).stem() == "index";
    auto [package, asked] = package_folders_.try_emplace(shown);
    if (asked) {
      std::error_code ec;
      package->second = fs::exists(dir / "package.json", ec);
    }
    if (!index && !package->second) {
      dir = dir.parent_path();
      continue;
    }
    std::string beside = (dir.parent_path() / "importer.js").string();
    std::optional<std::string> file =
        paths_.Resolve(beside, "./" + dir.filename().string());
    if (file && AbsolutePath(*file) == module) known->second.push_back(shown);
    dir = dir.parent_path();
  }
  return known->second;
}

std::vector<std::string> Linker::FolderStems(const std::string& module) {
  std::vector<std::string> stems;
  std::vector<std::string> known = SpecifierStems(module);
  for (const std::string& folder : FoldersNaming(module)) {
    std::string name = fs::path(folder).filename().string();
    if (std::find(known.begin(), known.end(), name) == known.end())
      stems.push_back(name);
  }
  return stems;
}

std::vector<uint32_t> Linker::DotImporterCandidates(const std::string& module) {
  std::vector<uint32_t> candidates;
  const std::vector<std::string>& folders = FoldersNaming(module);
  if (folders.empty()) return candidates;
  if (!sorted_files_) {
    sorted_files_.emplace();
    const std::vector<std::string>& files = ProjectFiles();
    for (uint32_t i = 0; i < files.size(); ++i)
      sorted_files_->emplace_back(AbsolutePath(files[i]), i);
    std::sort(sorted_files_->begin(), sorted_files_->end());
  }
  for (const std::string& folder : folders) {
    std::string prefix = folder + "/";
    for (auto it = std::lower_bound(sorted_files_->begin(),
                                    sorted_files_->end(),
                                    std::pair<std::string, uint32_t>{prefix, 0});
         it != sorted_files_->end() && it->first.starts_with(prefix); ++it) {
      if (it->first != module) candidates.push_back(it->second);
    }
  }
  return candidates;
}

TSNode Linker::DotSpecifierOf(const Module& file, const std::string& module) {
  std::string_view text = file.text;
  // Every quote followed by dots and slashes and the same quote: an
  // apostrophe in a comment must not pair the quotes up wrongly.
  for (size_t at = text.find_first_of("'\"`"); at != std::string_view::npos;
       at = text.find_first_of("'\"`", at + 1)) {
    size_t end = text.find_first_not_of("./", at + 1);
    if (end == std::string_view::npos || text[end] != text[at]) continue;
    std::string_view inside = text.substr(at + 1, end - at - 1);
    if (!OnlyDotsAndSlashes(inside)) continue;
    TSNode n = SpecifierAt(file, at + 1, inside.size(), module);
    if (!ts_node_is_null(n)) return n;
  }
  return TSNode{};
}

}  // namespace psm
