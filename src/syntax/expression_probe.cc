#include "syntax/expression_probe.h"

#include "syntax/tree.h"

namespace psm {

bool IsExpression(const std::string& expression, Language language) {
  if (expression.empty()) return true;
  if (language == Language::kPhp &&
      expression.find("?>") != std::string::npos) {
    return false;
  }
  std::string probe = language == Language::kPhp
                          ? "<?php $x = (" + expression + "\n);"
                          : "x = (" + expression + "\n);";
  Parser parser;
  Tree tree = parser.Parse(language, probe);
  return tree.ok() && CountSyntaxErrors(tree.Root()) == 0;
}

}  // namespace psm
