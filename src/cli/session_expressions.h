#ifndef PSM_CLI_SESSION_EXPRESSIONS_H_
#define PSM_CLI_SESSION_EXPRESSIONS_H_

#include <string>
#include <vector>

#include "common/path_glob.h"
#include "syntax/expression_probe.h"

namespace psm {

// The `sessionId` expression one file gets, and where it comes from (for
// the reports): "--session-id", `sessionIds "src/payments/**"`,
// "sessionId" (the config's default), or "placeholder".
struct SessionChoice {
  std::string expression;  // "" inserts the placeholder
  std::string from = "placeholder";
  ExpressionNeeds needs;  // of `expression`
};

// Where the JavaScript session expression of each file comes from, in
// order: --session-id for every file; else the most specific glob of the
// config's `sessionIds` that matches the file's path relative to the config
// file's directory (PathGlob::MoreSpecificThan); else the config's
// `sessionId`; else the placeholder. Each expression is read once, here,
// as ReadValueExpression gives it: `a, b` becomes `(a, b)`.
class SessionExpressions {
 public:
  struct ByPath {
    PathGlob glob;
    std::string expression;
    ExpressionNeeds needs;  // filled in by the constructor
  };

  SessionExpressions() = default;
  SessionExpressions(std::string flag, std::string fallback,
                     std::vector<ByPath> by_path, std::string base_dir);

  // `file`: the file whose payload literal is edited, as opened.
  SessionChoice For(const std::string& file) const;

 private:
  ValueExpression flag_;
  ValueExpression fallback_;
  std::vector<ByPath> by_path_;  // most specific first, read
  std::string base_dir_;         // absolute, no trailing slash
};

}  // namespace psm

#endif  // PSM_CLI_SESSION_EXPRESSIONS_H_
