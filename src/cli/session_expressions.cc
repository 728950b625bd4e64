#include "cli/session_expressions.h"

#include <algorithm>

#include "project/module_paths.h"

namespace psm {
namespace {

// An expression that does not read stays as given: the run checks each
// (Prepare, the config) and stops before any file is planned.
ValueExpression Read(const std::string& expression) {
  std::optional<ValueExpression> read =
      ReadValueExpression(expression, Language::kTypeScript);
  return read ? std::move(*read) : ValueExpression{expression, {}};
}

}  // namespace

SessionExpressions::SessionExpressions(std::string flag, std::string fallback,
                                       std::vector<ByPath> by_path,
                                       std::string base_dir)
    : flag_(Read(flag)),
      fallback_(Read(fallback)),
      by_path_(std::move(by_path)),
      base_dir_(std::move(base_dir)) {
  for (ByPath& entry : by_path_) {
    ValueExpression read = Read(entry.expression);
    entry.expression = std::move(read.text);
    entry.needs = read.needs;
  }
  std::sort(by_path_.begin(), by_path_.end(),
            [](const ByPath& a, const ByPath& b) {
              return a.glob.MoreSpecificThan(b.glob);
            });
  while (base_dir_.size() > 1 && base_dir_.back() == '/') base_dir_.pop_back();
}

SessionChoice SessionExpressions::For(const std::string& file) const {
  if (!flag_.text.empty()) return {flag_.text, "--session-id", flag_.needs};
  // Made absolute only when a glob may match: most runs have none (and a
  // run over 60,000 small files asks for each).
  std::string absolute = by_path_.empty() ? "" : AbsolutePath(file);
  std::string_view path = absolute;
  std::string prefix =
      by_path_.empty() ? "" : base_dir_ == "/" ? "/" : base_dir_ + "/";
  if (!by_path_.empty() && path.starts_with(prefix)) {
    path.remove_prefix(prefix.size());
    for (const ByPath& entry : by_path_) {
      if (entry.glob.Matches(path))
        return {entry.expression, "sessionIds \"" + entry.glob.text() + "\"",
                entry.needs};
    }
  }
  if (!fallback_.text.empty())
    return {fallback_.text, "sessionId", fallback_.needs};
  return {"", "placeholder", {}};
}

}  // namespace psm
