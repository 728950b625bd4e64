#ifndef PSM_CLI_CONFIG_H_
#define PSM_CLI_CONFIG_H_

#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "cli/session_expressions.h"
#include "rules/rule_table.h"

namespace psm {

inline constexpr const char* kConfigFileName = ".payment-session-migrate.json";

// A project's settings, from .payment-session-migrate.json:
//   {"sessionId": "checkout.payment.session.id",
//    "sessionIds": {"src/payments/**": "this.config.sessionId"},
//    "phpSessionId": "$this->checkoutSession->getDrPaymentSessionId()",
//    "rules": "rules.json" | ["a.json", ...] | {"methods": {...}},
//    "exclude": ["legacy/**"], "include": ["*.js"], "includeMinified": false,
//    "phpPagesElsewhere": false}
// Rule file paths and the globs are relative to the config file's directory.
struct ProjectConfig {
  std::string path;  // where it was found; "" when there is none
  std::string session_id;
  // `sessionIds`: glob -> expression, in the file's order (validated; the
  // most specific match wins, see SessionExpressions).
  std::vector<std::pair<std::string, std::string>> session_ids;
  std::string php_session_id;
  std::vector<std::string> rules_files;
  std::optional<RuleTable> inline_rules;
  std::vector<std::string> excludes;
  std::vector<std::string> includes;
  bool include_minified = false;
  bool php_pages_elsewhere = false;
};

// The config file named by --config, or found by walking up from `cwd`
// (stopping at the file system root). Returns false with a one-line error
// naming the file and the cause when it is unreadable or malformed.
bool LoadProjectConfig(const Options& options, const std::string& cwd,
                       ProjectConfig* config, std::string* error);

// The session expression of each file: --session-id (in `options`, before
// ApplyProjectConfig), else the config's `sessionIds`, else its `sessionId`.
SessionExpressions SessionExpressionsOf(const Options& options,
                                        const ProjectConfig& config,
                                        const std::string& cwd);

// Folds the config into the options; command-line flags win (its
// `exclude` globs add to --exclude's; --include replaces its `include`).
// `cwd`: the working directory.
void ApplyProjectConfig(const ProjectConfig& config, const std::string& cwd,
                        Options* options);

}  // namespace psm

#endif  // PSM_CLI_CONFIG_H_
