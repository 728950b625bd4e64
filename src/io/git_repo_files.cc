#include "io/git_repo_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace psm {
namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.pop_back();
  return line;
}

std::string Resolve(const std::string& base, const std::string& path) {
  return path.starts_with("/") ? path : base + "/" + path;
}

// The directory holding objects/, refs/ and config: a linked worktree's
// git directory names it in `commondir`.
std::string CommonDirOf(const std::string& git_dir) {
  std::string common = FirstLine(git_dir + "/commondir");
  return common.empty() ? git_dir : Resolve(git_dir, common);
}

// libgit2's test for a git directory: HEAD, objects/ and refs/.
bool IsGitDir(const std::string& dir) {
  std::string common = CommonDirOf(dir);
  return IsFile(dir + "/HEAD") && IsDir(common + "/objects") &&
         IsDir(common + "/refs");
}

// The git directory `work/.git` stands for, or "" when there is none.
std::string GitDirOf(const std::string& work) {
  std::string dot_git = work + "/.git";
  if (IsDir(dot_git)) return dot_git;
  std::string line = FirstLine(dot_git);
  if (!line.starts_with("gitdir:")) return "";
  size_t start = line.find_first_not_of(' ', 7);
  return start == std::string::npos ? "" : Resolve(work, line.substr(start));
}

std::string Home() {
  const char* home = std::getenv("HOME");
  return home ? home : "";
}

std::string XdgGitDir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/git/";
  return Home().empty() ? "" : Home() + "/.config/git/";
}

// A config value: quotes removed, escapes decoded, comments dropped.
std::string ConfigValue(std::string_view raw) {
  std::string value;
  bool quoted = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (c == '\\' && i + 1 < raw.size()) {
      char n = raw[++i];
      value += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else if ((c == '#' || c == ';') && !quoted) {
      break;
    } else {
      value += c;
    }
  }
  while (!value.empty() &&
         std::isspace(static_cast<unsigned char>(value.back())))
    value.pop_back();
  return value;
}

// core.excludesFile as set in one config file (`[include]` is not read).
void ReadExcludesFile(const std::string& config, std::string* value) {
  std::ifstream in(config);
  std::string section;
  for (std::string line; std::getline(in, line);) {
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) continue;
    std::string_view l = std::string_view(line).substr(start);
    if (l[0] == '[') {
      size_t end = l.find_first_of(" \t]\"");
      section = std::string(l.substr(1, end == l.npos ? l.npos : end - 1));
      for (char& c : section) c = std::tolower(static_cast<unsigned char>(c));
      continue;
    }
    size_t eq = l.find('=');
    std::string key(l.substr(0, eq));
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
      key.pop_back();
    for (char& c : key) c = std::tolower(static_cast<unsigned char>(c));
    if (section != "core" || key != "excludesfile" || eq == l.npos) continue;
    std::string_view raw = l.substr(eq + 1);
    raw.remove_prefix(std::min(raw.find_first_not_of(" \t"), raw.size()));
    *value = ConfigValue(raw);
  }
}

// Config files from the weakest to the strongest, as libgit2 reads them.
std::string ExcludesFile(const std::string& common_dir) {
  std::string value;
  ReadExcludesFile("/etc/gitconfig", &value);
  if (!XdgGitDir().empty()) ReadExcludesFile(XdgGitDir() + "config", &value);
  if (!Home().empty()) ReadExcludesFile(Home() + "/.gitconfig", &value);
  ReadExcludesFile(common_dir + "/config", &value);
  if (value.starts_with("~/")) value = Home() + value.substr(1);
  if (value.empty() && !XdgGitDir().empty()) value = XdgGitDir() + "ignore";
  return value;
}

std::string Absolute(const std::string& path) {
  char buffer[PATH_MAX];
  return ::realpath(path.c_str(), buffer) ? buffer : "";
}

}  // namespace

std::optional<GitRepoFiles> FindGitRepoFiles(const std::string& dir) {
  std::string work = Absolute(dir);
  while (!work.empty()) {
    if (IsGitDir(work)) return std::nullopt;  // a bare repository
    std::string git_dir = GitDirOf(work);
    if (!git_dir.empty() && IsGitDir(git_dir)) {
      std::string common_dir = CommonDirOf(git_dir);
      GitRepoFiles files;
      files.workdir = work == "/" ? work : work + "/";
      files.info_exclude = common_dir + "/info/exclude";
      files.excludes_file = ExcludesFile(common_dir);
      return files;
    }
    if (work == "/") break;
    size_t slash = work.rfind('/');
    work.resize(slash == 0 ? 1 : slash);
  }
  return std::nullopt;
}

}  // namespace psm
