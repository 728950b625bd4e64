#include "io/git_files.h"

#include <strings.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string_view>

namespace psm {
namespace {

using ConfigVisitor =
    std::function<void(const std::string& section, const std::string& key,
                       const std::string& value)>;

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

// Where git keeps its per-user files when $XDG_CONFIG_HOME says nothing.
std::string XdgGitDir() {
  std::string xdg = Env("XDG_CONFIG_HOME");
  return (xdg.empty() ? Env("HOME") + "/.config" : xdg) + "/git";
}

bool IsTrue(const std::string& value) {
  return value.empty() || strcasecmp(value.c_str(), "true") == 0 ||
         strcasecmp(value.c_str(), "yes") == 0 ||
         strcasecmp(value.c_str(), "on") == 0 || value == "1";
}

// Calls `visit` with each `key = value` of the config file `path`, section
// and key as written, following `include.path`.
void VisitConfigFile(const std::string& path, int depth,
                     const ConfigVisitor& visit, WalkSources* sources) {
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
    if (strcasecmp(section.c_str(), "include") == 0 &&
        strcasecmp(key.c_str(), "path") == 0) {
      VisitConfigFile(ExpandPath(value, Dirname(path)), depth + 1, visit,
                      sources);
    } else {
      visit(section, key, value);
    }
  }
}

// The system and global config files, in git's order (later wins); git
// trusts only these (and the command line) with safe.directory.
void VisitUserConfig(const ConfigVisitor& visit, WalkSources* sources) {
  std::string global = Env("GIT_CONFIG_GLOBAL"), home = Env("HOME");
  if (Env("GIT_CONFIG_NOSYSTEM").empty()) {
    std::string system = Env("GIT_CONFIG_SYSTEM");
    VisitConfigFile(system.empty() ? "/etc/gitconfig" : system, 0, visit,
                    sources);
  }
  if (!global.empty()) {
    VisitConfigFile(global, 0, visit, sources);
    return;
  }
  VisitConfigFile(XdgGitDir() + "/config", 0, visit, sources);
  if (!home.empty()) VisitConfigFile(home + "/.gitconfig", 0, visit, sources);
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

IgnoreConfig ReadIgnoreConfig(const GitLocation& repo, WalkSources* sources) {
  IgnoreConfig config;
  bool excludes_set = false;
  ConfigVisitor visit = [&](const std::string& section, const std::string& key,
                            const std::string& value) {
    if (strcasecmp(section.c_str(), "core") != 0) return;
    if (strcasecmp(key.c_str(), "excludesFile") == 0) {
      config.excludes_file = ExpandPath(value, "");
      excludes_set = true;
    } else if (strcasecmp(key.c_str(), "ignoreCase") == 0) {
      config.ignore_case = IsTrue(value);
    }
  };
  VisitUserConfig(visit, sources);
  VisitConfigFile(repo.common_dir + "/config", 0, visit, sources);
  if (!excludes_set) config.excludes_file = XdgGitDir() + "/ignore";
  return config;
}

std::vector<std::string> ReadSafeDirectories() {
  std::vector<std::string> safe;
  VisitUserConfig(
      [&](const std::string& section, const std::string& key,
          const std::string& value) {
        if (strcasecmp(section.c_str(), "safe") != 0 ||
            strcasecmp(key.c_str(), "directory") != 0)
          return;
        if (value.empty())
          safe.clear();  // git's way to reset the list
        else
          safe.push_back(ExpandPath(value, ""));
      },
      nullptr);
  return safe;
}

}  // namespace psm
