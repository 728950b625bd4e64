#include "io/builtin_ignore.h"

#include <fstream>
#include <sstream>

namespace psm {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BuiltinIgnore::BuiltinIgnore(GitRepoFiles files) : files_(std::move(files)) {
  added_ = ParseIgnorePatterns(".\n..\n.git\n", "");  // libgit2's defaults
  info_exclude_ = ParseIgnorePatterns(ReadText(files_.info_exclude), "");
  if (!files_.excludes_file.empty())
    excludes_file_ = ParseIgnorePatterns(ReadText(files_.excludes_file), "");
}

void BuiltinIgnore::AddRules(std::string_view rules) {
  std::vector<IgnorePattern> more = ParseIgnorePatterns(rules, "");
  added_.insert(added_.end(), more.begin(), more.end());
}

const std::vector<IgnorePattern>& BuiltinIgnore::GitignoreOf(
    const std::string& dir) {
  auto it = gitignores_.find(dir);
  if (it == gitignores_.end()) {
    std::string text = ReadText(files_.workdir + dir + ".gitignore");
    it = gitignores_.emplace(dir, ParseIgnorePatterns(text, dir)).first;
  }
  return it->second;
}

bool BuiltinIgnore::IsIgnored(std::string_view path, bool is_dir) {
  // The .gitignore files that can speak for `path`, deepest first; they
  // also serve its ancestors (each pattern knows its own directory).
  std::vector<const std::vector<IgnorePattern>*> lists = {&added_};
  for (size_t slash = path.rfind('/'); slash != std::string_view::npos;
       slash = slash == 0 ? std::string_view::npos : path.rfind('/', slash - 1))
    lists.push_back(&GitignoreOf(std::string(path.substr(0, slash + 1))));
  lists.push_back(&GitignoreOf(""));
  lists.push_back(&info_exclude_);
  lists.push_back(&excludes_file_);
  std::string_view current = path;
  for (;;) {
    for (const std::vector<IgnorePattern>* list : lists) {
      IgnoreVerdict verdict = MatchIgnorePatterns(*list, current, is_dir);
      if (verdict == IgnoreVerdict::kIgnored) return true;
      if (verdict == IgnoreVerdict::kIncluded) break;
    }
    size_t slash = current.rfind('/');
    if (slash == std::string_view::npos) return false;
    current = current.substr(0, slash);
    is_dir = true;
  }
}

}  // namespace psm
