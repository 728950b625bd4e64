#include "common/path_glob.h"

#include <fnmatch.h>

#include <tuple>

namespace psm {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

bool IsWildcard(char c) { return c == '*' || c == '?' || c == '['; }

// Why `part` cannot be a part of a glob, or "".
std::string PartError(std::string_view part) {
  if (part.empty()) return "empty path part (`//` or a trailing `/`)";
  if (part == "." || part == "..") return "`.` and `..` parts are not allowed";
  if (part != "**" && part.find("**") != std::string_view::npos)
    return "`**` must be a whole path part, as in `src/**/x.js`";
  size_t open = part.find('[');
  while (open != std::string_view::npos) {
    // `[]...]` and `[!]...]` hold a literal `]` first, as in fnmatch(3).
    size_t from = open + 1;
    if (from < part.size() && part[from] == '!') ++from;
    if (from < part.size() && part[from] == ']') ++from;
    size_t close = part.find(']', from);
    if (close == std::string_view::npos) return "unclosed `[`";
    open = part.find('[', close + 1);
  }
  return "";
}

}  // namespace

std::optional<PathGlob> PathGlob::Parse(std::string_view text,
                                        std::string* error) {
  if (text.empty()) {
    *error = "empty glob";
    return std::nullopt;
  }
  if (text.front() == '/') {
    *error = "absolute glob; write it relative to the config file";
    return std::nullopt;
  }
  PathGlob glob;
  glob.text_ = std::string(text);
  for (std::string_view part : Split(text)) {
    if (std::string why = PartError(part); !why.empty()) {
      *error = why;
      return std::nullopt;
    }
    glob.parts_.emplace_back(part);
  }
  size_t first = text.find_first_of("*?[");
  glob.literal_prefix_ = first == std::string_view::npos ? text.size() : first;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsWildcard(text[i])) continue;
    ++glob.wildcards_;
    // `**` counts twice: it matches more than `*` does.
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      ++glob.wildcards_;
      ++i;
    }
    if (text[i] == '[') i = text.find(']', i + 2);
  }
  return glob;
}

bool PathGlob::MatchParts(size_t i, const std::vector<std::string_view>& path,
                          size_t j) const {
  for (; i < parts_.size(); ++i, ++j) {
    if (parts_[i] == "**") {
      for (size_t k = j; k <= path.size(); ++k) {
        if (MatchParts(i + 1, path, k)) return true;
      }
      return false;
    }
    if (j == path.size()) return false;
    std::string name(path[j]);
    if (::fnmatch(parts_[i].c_str(), name.c_str(), 0) != 0) return false;
  }
  return j == path.size();
}

bool PathGlob::Matches(std::string_view path) const {
  return MatchParts(0, Split(path), 0);
}

bool PathGlob::MoreSpecificThan(const PathGlob& other) const {
  // Larger is more specific; the text breaks ties so that the choice never
  // depends on the order of the config file's keys.
  auto key = [](const PathGlob& g) {
    return std::make_tuple(g.literal_prefix_, -static_cast<long>(g.wildcards_),
                           g.text_.size());
  };
  if (key(*this) != key(other)) return key(*this) > key(other);
  return text_ < other.text_;
}

}  // namespace psm
