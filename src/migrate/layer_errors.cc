#include "migrate/layer_errors.h"

#include <string>

#include "syntax/embedded_script.h"
#include "syntax/language.h"

namespace psm {
namespace {

constexpr int kUnparsed = 1 << 20;

int Errors(Parser& parser, Language language, std::string_view text) {
  Tree tree = parser.Parse(language, text);
  return tree.ok() ? CountSyntaxErrors(tree.Root()) : kUnparsed;
}

}  // namespace

LayerErrors CountLayerErrors(std::string_view path, Language language,
                             std::string_view text, Parser& parser) {
  LayerErrors errors;
  if (IsPhpFile(path)) errors.php = Errors(parser, Language::kPhp, text);
  if (IsScriptContainer(path)) {
    ScriptView view = MaskScriptContainer(text, IslandKindsFor(path));
    errors.scripts = Errors(parser, view.language, view.text);
  } else {
    errors.scripts = Errors(parser, language, text);
  }
  return errors;
}

bool ParsesNoWorse(std::string_view path, Language language,
                   std::string_view before, std::string_view after,
                   Parser& parser) {
  LayerErrors was = CountLayerErrors(path, language, before, parser);
  LayerErrors is = CountLayerErrors(path, language, after, parser);
  return is.php <= was.php && is.scripts <= was.scripts;
}

std::optional<LayerRejection> JudgeBothLayers(std::string_view path,
                                              std::string_view text,
                                              std::string_view edited,
                                              bool two_readings, Parser& parser,
                                              const Settled& settled) {
  // The scripts of a PHP file are read through its script view: the
  // language passed is not used.
  LayerErrors was = CountLayerErrors(path, Language::kJavaScript, text, parser);
  LayerErrors is =
      CountLayerErrors(path, Language::kJavaScript, edited, parser);
  if (is.php > was.php || is.scripts > was.scripts) {
    return LayerRejection{
        "the rewrite would add a syntax error to the file's PHP or scripts; "
        "fix the file's syntax errors first"};
  }
  if (was.total() > 0 && two_readings && settled && !settled(edited)) {
    return LayerRejection{
        "syntax errors elsewhere in the file make the rewrite unstable; fix "
        "them first"};
  }
  return std::nullopt;
}

}  // namespace psm
