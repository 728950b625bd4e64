#include "cli/version_text.h"

#include "common/platform.h"
#include "io/git_api.h"
#include "version.h"

namespace psm {

std::string VersionText() {
  std::string text = std::string(kToolName) + " " + kToolVersion + "\n";
  text += std::string("rule table: ") + kRuleTableVersion + "\n";
  text += std::string("grammars: ") + kGrammarVersions + "\n";
  text += std::string("tree-sitter runtime: ") + kTreeSitterRuntimeVersion;
  text += std::string("\nbuild: ") + BuildDescription();
  if (!kIsWebAssembly) {
    text += Git() ? "\nlibgit2: loaded"
                  : "\nlibgit2: not found (--staged needs it; walks do "
                    "not)";
  }
  return text;
}

}  // namespace psm
