#include "cli/config.h"

#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/path_quote.h"
#include "io/file_io.h"
#include "project/module_paths.h"
#include "rules/json_text.h"
#include "syntax/expression_probe.h"

namespace psm {
namespace {

using Json = nlohmann::json;

struct Invalid {
  std::string where;
  std::string message;
};

std::string FindUpwards(const std::string& cwd) {
  std::string dir = cwd;
  for (;;) {
    std::string candidate = (dir == "/" ? "" : dir) + "/" + kConfigFileName;
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0) return candidate;
    if (dir == "/" || dir.empty()) return "";
    size_t slash = dir.rfind('/');
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

std::vector<std::string> Strings(const Json& value, const std::string& where) {
  std::vector<std::string> out;
  if (value.is_string()) return {value.get<std::string>()};
  if (!value.is_array())
    throw Invalid{
        where, std::string("expected a string or an array of strings, got ") +
                   value.type_name()};
  for (size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      throw Invalid{
          where + "/" + std::to_string(i),
          std::string("expected a string, got ") + value[i].type_name()};
    }
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

std::string Relative(const std::string& config_path, const std::string& file) {
  if (file.starts_with("/")) return file;
  size_t slash = config_path.rfind('/');
  return slash == std::string::npos ? file
                                    : config_path.substr(0, slash + 1) + file;
}

// A session expression setting, checked now as --session-id is: a typo
// stops the run naming this file and key, before any file is touched.
std::string Expression(const Json& value, const std::string& where,
                       Language language) {
  if (!value.is_string())
    throw Invalid{where,
                  std::string("expected a string, got ") + value.type_name()};
  std::string text = value.get<std::string>();
  if (!IsExpression(text, language))
    throw Invalid{where, ExpressionRefusal(text, language)};
  return text;
}

// `"sessionIds": {"src/payments/**": "this.config.sessionId", ...}`: each
// key a glob, each value a JavaScript expression, checked now so that a
// typo stops the run before any file is touched.
void ReadSessionIds(const Json& value, ProjectConfig* config) {
  if (!value.is_object())
    throw Invalid{"sessionIds", std::string("expected an object (glob -> "
                                            "expression), got ") +
                                    value.type_name()};
  for (const auto& [glob, expression] : value.items()) {
    std::string where = "sessionIds \"" + glob + "\"";
    std::string why;
    if (!PathGlob::Parse(glob, &why))
      throw Invalid{where, "invalid glob: " + why};
    // "" would be the placeholder, which a glob has no reason to name.
    if (expression.is_string() && expression.get<std::string>().empty())
      throw Invalid{where, "not a JavaScript expression: "};
    config->session_ids.emplace_back(
        glob, Expression(expression, where, Language::kTypeScript));
  }
}

void Read(const Json& doc, const std::string& path, ProjectConfig* config) {
  if (!doc.is_object())
    throw Invalid{"/",
                  std::string("expected an object, got ") + doc.type_name()};
  for (const auto& [key, value] : doc.items()) {
    std::string where = "/" + key;
    if (key == "sessionId") {
      config->session_id = Expression(value, where, Language::kTypeScript);
    } else if (key == "sessionIds") {
      ReadSessionIds(value, config);
    } else if (key == "phpSessionId") {
      config->php_session_id = Expression(value, where, Language::kPhp);
    } else if (key == "rules") {
      if (value.is_object()) {
        RulesResult rules = ParseRules(value.dump(), path);
        if (!rules.table)
          throw Invalid{where + rules.error.where, rules.error.message};
        config->inline_rules = *rules.table;
      } else {
        for (const std::string& f : Strings(value, where)) {
          config->rules_files.push_back(Relative(path, f));
        }
      }
    } else if (key == "exclude") {
      config->excludes = Strings(value, where);
    } else if (key == "include") {
      config->includes = Strings(value, where);
    } else if (key == "includeMinified") {
      if (!value.is_boolean()) throw Invalid{where, "expected true or false"};
      config->include_minified = value.get<bool>();
    } else if (key == "phpPagesElsewhere") {
      if (!value.is_boolean()) throw Invalid{where, "expected true or false"};
      config->php_pages_elsewhere = value.get<bool>();
    } else {
      throw Invalid{where, "unknown setting \"" + key + "\""};
    }
  }
}

}  // namespace

bool LoadProjectConfig(const Options& options, const std::string& cwd,
                       ProjectConfig* config, std::string* error) {
  if (options.no_config) return true;
  std::string path =
      options.config_file.empty() ? FindUpwards(cwd) : options.config_file;
  if (path.empty()) return true;
  config->path = path;
  std::string text, read_error;
  if (!ReadWholeFile(path, &text, &read_error)) {
    *error = ReadablePath(path) + ": " + read_error;
    return false;
  }
  JsonText read = ReadJsonText(text);
  if (!read.doc) {
    *error = ReadablePath(path) + ": " + read.where + ": " + read.message;
    return false;
  }
  try {
    Read(*read.doc, path, config);
  } catch (const Invalid& invalid) {
    *error = ReadablePath(path) + ": " + invalid.where + ": " + invalid.message;
    return false;
  } catch (const Json::exception& e) {
    *error = ReadablePath(path) + ": invalid JSON: " + e.what();
    return false;
  }
  return true;
}

namespace {

// What the config's globs are relative to: its directory (absolute), or
// `cwd` without a config file.
std::string GlobBase(const ProjectConfig& config, const std::string& cwd) {
  if (config.path.empty()) return cwd;
  std::string absolute = AbsolutePath(config.path);
  size_t slash = absolute.rfind('/');
  return slash == 0 ? "/" : absolute.substr(0, slash);
}

}  // namespace

SessionExpressions SessionExpressionsOf(const Options& options,
                                        const ProjectConfig& config,
                                        const std::string& cwd) {
  std::vector<SessionExpressions::ByPath> by_path;
  for (const auto& [glob, expression] : config.session_ids) {
    std::string unused;
    by_path.push_back({*PathGlob::Parse(glob, &unused), expression, {}});
  }
  return SessionExpressions(options.session_id, config.session_id,
                            std::move(by_path), GlobBase(config, cwd));
}

void ApplyProjectConfig(const ProjectConfig& config, const std::string& cwd,
                        Options* options) {
  if (options->session_id.empty()) options->session_id = config.session_id;
  if (options->php_session_id.empty())
    options->php_session_id = config.php_session_id;
  std::vector<std::string> rules = config.rules_files;
  rules.insert(rules.end(), options->rules_files.begin(),
               options->rules_files.end());
  options->rules_files = std::move(rules);
  options->config_globs = {GlobBase(config, cwd), config.excludes,
                           config.includes};
  options->include_minified =
      options->include_minified || config.include_minified;
  options->php_pages_elsewhere =
      options->php_pages_elsewhere || config.php_pages_elsewhere;
}

}  // namespace psm
