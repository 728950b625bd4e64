#include "project/config_scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>
#include <sstream>
#include <system_error>

#include "io/dir_entries.h"
#include "io/file_io.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxDepth = 12;

bool SkippedDirectory(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name == "node_modules" || name.starts_with(".") ||
         name == "bower_components";
}

// `ComponentRegistrar::MODULE, 'Vendor_Module'` in a registration.php.
std::string RegisteredModule(const std::string& path) {
  std::string text, error;
  if (!ReadWholeFile(path, &text, &error)) return "";
  static const std::regex kModule(
      R"(ComponentRegistrar::MODULE\s*,\s*['"]([A-Za-z0-9]+_[A-Za-z0-9]+)['"])");
  std::smatch match;
  return std::regex_search(text, match, kModule) ? match[1].str() : "";
}

// The pairs of the object under key `key` anywhere in the tree.
void ObjectPairs(TSNode root, std::string_view source, std::string_view key,
                 const std::function<void(std::string, TSNode)>& visit) {
  std::vector<TSNode> stack = {root};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node::Is(n, "pair")) {
      std::string k;
      TSNode key_node = node::Field(n, "key");
      if (!node::StringLiteralValue(key_node, source, &k))
        k = std::string(node::Text(key_node, source));
      TSNode value = node::Unwrap(node::Field(n, "value"));
      if (k == key && node::Is(value, "object")) {
        for (TSNode p : node::NamedChildren(value)) {
          if (!node::Is(p, "pair")) continue;
          TSNode pk = node::Field(p, "key");
          std::string name;
          if (!node::StringLiteralValue(pk, source, &name))
            name = std::string(node::Text(pk, source));
          visit(name, node::Unwrap(node::Field(p, "value")));
        }
      }
    }
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;)
      stack.push_back(ts_node_named_child(n, i));
  }
}

// Listed through io/dir_entries.h, as the walk lists: the WebAssembly build
// then sees every name (Emscripten's own listing stops at one that is not
// UTF-8).
void ScanDirectory(const std::string& dir, int depth,
                   ProjectConfigFiles* found) {
  std::vector<std::string> subdirs;
  ListDirectory(dir, [&](std::string_view name, EntryType type) {
    std::string path = dir.ends_with('/') ? dir : dir + "/";
    path += name;
    if (type == EntryType::kUnknown) {
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0) return;
      type = S_ISDIR(st.st_mode) ? EntryType::kDirectory : EntryType::kOther;
    }
    if (type == EntryType::kDirectory) {
      if (name == "cartridge") found->cartridges.push_back(dir);
      if (!SkippedDirectory(path) && depth < kMaxDepth)
        subdirs.push_back(std::move(path));
    } else if (name == "requirejs-config.js") {
      found->requirejs_configs.push_back(std::move(path));
    } else if (name == "registration.php") {
      std::string module = RegisteredModule(path);
      if (!module.empty()) found->magento_modules.emplace_back(module, dir);
    }
  });
  for (const std::string& sub : subdirs) ScanDirectory(sub, depth + 1, found);
}

}  // namespace

ProjectConfigFiles ScanProjectConfigFiles(const std::string& root) {
  ProjectConfigFiles found;
  ScanDirectory(root, 0, &found);
  std::sort(found.requirejs_configs.begin(), found.requirejs_configs.end());
  std::sort(found.magento_modules.begin(), found.magento_modules.end());
  std::sort(found.cartridges.begin(), found.cartridges.end());
  return found;
}

std::vector<std::pair<std::string, std::string>> MixinsIn(
    TSNode root, std::string_view text) {
  std::vector<std::pair<std::string, std::string>> mixins;
  ObjectPairs(root, text, "mixins", [&](std::string target, TSNode value) {
    if (!node::Is(value, "object")) return;
    for (TSNode p : node::NamedChildren(value)) {
      if (!node::Is(p, "pair") ||
          node::Text(node::Field(p, "value"), text) == "false")
        continue;
      TSNode key = node::Field(p, "key");
      std::string mixin;
      if (!node::StringLiteralValue(key, text, &mixin))
        mixin = std::string(node::Text(key, text));
      mixins.emplace_back(target, mixin);
    }
  });
  return mixins;
}

RequireConfig ReadRequireConfig(const std::string& path) {
  RequireConfig config;
  std::string text, error;
  if (!ReadWholeFile(path, &text, &error)) return config;
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, text);
  if (!tree.ok()) return config;
  std::string dir = fs::path(path).parent_path().string();
  // The pairs of `object` whose values are strings, keys unquoted.
  auto string_pairs =
      [&](TSNode object,
          const std::function<void(std::string, std::string, TSNode)>& visit) {
        for (TSNode p : node::NamedChildren(object)) {
          if (!node::Is(p, "pair")) continue;
          std::string from, to;
          TSNode key = node::Field(p, "key");
          if (!node::StringLiteralValue(key, text, &from))
            from = std::string(node::Text(key, text));
          TSNode value = node::Unwrap(node::Field(p, "value"));
          node::StringLiteralValue(value, text, &to);
          visit(from, to, value);
        }
      };
  ObjectPairs(tree.Root(), text, "map", [&](std::string scope, TSNode value) {
    if (!node::Is(value, "object")) return;
    string_pairs(value, [&](std::string from, std::string to, TSNode) {
      if (to.empty()) return;
      config.any_map.emplace_back(from, to);
      config.maps.push_back({scope, from, to});
    });
  });
  config.mixins = MixinsIn(tree.Root(), text);
  ObjectPairs(tree.Root(), text, "paths", [&](std::string id, TSNode value) {
    std::string target;
    if (!node::StringLiteralValue(value, text, &target)) return;
    if (target.starts_with("./") || target.starts_with("../"))
      target = (fs::path(dir) / target).lexically_normal().string();
    config.paths.emplace_back(id, target);
  });
  return config;
}

std::vector<std::string> PnpmWorkspaceGlobs(const std::string& root) {
  std::string text, error;
  std::vector<std::string> globs;
  if (!ReadWholeFile(root + "/pnpm-workspace.yaml", &text, &error))
    return globs;
  std::istringstream lines(text);
  std::string line;
  bool in_packages = false;
  static const std::regex kItem(R"(^\s*-\s*['"]?([^'"#]+?)['"]?\s*$)");
  while (std::getline(lines, line)) {
    if (line.starts_with("packages:")) {
      in_packages = true;
      continue;
    }
    if (!line.empty() && !std::isspace(static_cast<unsigned char>(line[0])))
      in_packages = false;
    std::smatch match;
    if (in_packages && std::regex_match(line, match, kItem))
      globs.push_back(match[1].str());
  }
  return globs;
}

std::vector<std::string> ExpandWorkspaceGlobs(
    const std::string& root, const std::vector<std::string>& globs) {
  std::vector<std::string> dirs;
  std::error_code ec;
  for (std::string glob : globs) {
    if (glob.starts_with("!")) continue;
    while (glob.ends_with("/")) glob.pop_back();
    bool any = glob.ends_with("/*") || glob.ends_with("/**");
    std::string parent = any ? glob.substr(0, glob.rfind('/')) : glob;
    fs::path base = fs::path(root) / parent;
    if (!any) {
      if (fs::is_directory(base, ec)) dirs.push_back(base.string());
      continue;
    }
    ListDirectory(base.string(), [&](std::string_view name, EntryType) {
      fs::path entry = base / name;  // a link to a directory counts
      if (fs::is_directory(entry, ec)) dirs.push_back(entry.string());
    });
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace psm
