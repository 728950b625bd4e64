#include "io/git_files.h"

#include <strings.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace psm {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return std::string(s);
}

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return true;
}

// `~/x` is relative to $HOME; a relative include to the including file.
std::string ExpandPath(const std::string& value, const std::string& base) {
  if (value.starts_with("~/")) return Env("HOME") + value.substr(1);
  if (!base.empty() && !value.empty() && value[0] != '/')
    return base + "/" + value;
  return value;
}

// A value with its quotes and escapes undone, up to a comment.
std::string ConfigValue(std::string_view raw) {
  std::string value;
  bool quoted = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (c == '\\' && i + 1 < raw.size()) {
      char next = raw[++i];
      value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else if (!quoted && (c == '#' || c == ';')) {
      break;
    } else {
      value += c;
    }
  }
  return Trim(value);
}

bool IsTrue(const std::string& value) {
  return value.empty() || strcasecmp(value.c_str(), "true") == 0 ||
         strcasecmp(value.c_str(), "yes") == 0 ||
         strcasecmp(value.c_str(), "on") == 0 || value == "1";
}

void ReadConfigFile(const std::string& path, int depth, IgnoreConfig* config,
                    bool* excludes_set, WalkSources* sources) {
  std::string text;
  if (depth > 10) return;
  NoteSource(sources, path);
  if (!ReadFile(path, &text)) return;
  std::istringstream lines(text);
  std::string section;
  for (std::string line; std::getline(lines, line);) {
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == ';') continue;
    if (trimmed[0] == '[') {
      size_t close = trimmed.find(']');
      section = Trim(trimmed.substr(
          1, close == std::string::npos ? std::string::npos : close - 1));
      trimmed =
          close == std::string::npos ? "" : Trim(trimmed.substr(close + 1));
      if (trimmed.empty()) continue;  // else `[core] key = value`
    }
    size_t equals = trimmed.find('=');
    std::string key = Trim(trimmed.substr(0, equals));
    std::string value = equals == std::string::npos
                            ? ""
                            : ConfigValue(trimmed.substr(equals + 1));
    bool core = strcasecmp(section.c_str(), "core") == 0;
    if (core && strcasecmp(key.c_str(), "excludesFile") == 0) {
      config->excludes_file = ExpandPath(value, "");
      *excludes_set = true;
    } else if (core && strcasecmp(key.c_str(), "ignoreCase") == 0) {
      config->ignore_case = IsTrue(value);
    } else if (strcasecmp(section.c_str(), "include") == 0 &&
               strcasecmp(key.c_str(), "path") == 0) {
      ReadConfigFile(ExpandPath(value, Dirname(path)), depth + 1, config,
                     excludes_set, sources);
    }
  }
}

bool Exists(const std::string& path, bool* is_dir) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  *is_dir = S_ISDIR(st.st_mode);
  return true;
}

}  // namespace

std::optional<GitLocation> GitLocationAt(const std::string& dir,
                                         WalkSources* sources) {
  std::string dot_git = dir + "/.git";
  bool is_dir = false;
  bool exists = Exists(dot_git, &is_dir);
  // A `.git` file's text names the git directory; a directory counts by
  // itself (what is read in it is noted on its own).
  if (sources && exists && is_dir) {
    sources->NoteIdentity(dot_git);
  } else {
    NoteSource(sources, dot_git);
  }
  if (!exists) return std::nullopt;
  std::string git_dir = dot_git;
  if (!is_dir) {
    std::string text;
    if (!ReadFile(dot_git, &text) || !text.starts_with("gitdir:"))
      return std::nullopt;
    git_dir = ExpandPath(Trim(std::string_view(text).substr(7)), dir);
  }
  // A linked worktree's git dir names the main one's in `commondir`.
  std::string common = git_dir, text;
  NoteSource(sources, git_dir + "/commondir");
  if (ReadFile(git_dir + "/commondir", &text))
    common = ExpandPath(Trim(text), git_dir);
  return GitLocation{dir, common, git_dir};
}

std::optional<GitLocation> FindGitRepository(const std::string& dir,
                                             WalkSources* sources) {
  std::string at = dir;
  while (true) {
    if (auto found = GitLocationAt(at == "/" ? "" : at, sources)) {
      if (found->work_tree.empty()) found->work_tree = "/";
      return found;
    }
    if (at == "/" || at.empty()) return std::nullopt;
    at = Dirname(at);
  }
}

IgnoreConfig ReadIgnoreConfig(const GitLocation& repo,
                              WalkSources* sources) {
  IgnoreConfig config;
  bool excludes_set = false;
  std::string home = Env("HOME"), xdg = Env("XDG_CONFIG_HOME");
  std::string xdg_git = (xdg.empty() ? home + "/.config" : xdg) + "/git";
  if (Env("GIT_CONFIG_NOSYSTEM").empty()) {
    std::string system = Env("GIT_CONFIG_SYSTEM");
    ReadConfigFile(system.empty() ? "/etc/gitconfig" : system, 0, &config,
                   &excludes_set, sources);
  }
  if (std::string global = Env("GIT_CONFIG_GLOBAL"); !global.empty()) {
    ReadConfigFile(global, 0, &config, &excludes_set, sources);
  } else {
    ReadConfigFile(xdg_git + "/config", 0, &config, &excludes_set, sources);
    if (!home.empty())
      ReadConfigFile(home + "/.gitconfig", 0, &config, &excludes_set, sources);
  }
  ReadConfigFile(repo.common_dir + "/config", 0, &config, &excludes_set, sources);
  if (!excludes_set) config.excludes_file = xdg_git + "/ignore";
  return config;
}

}  // namespace psm
