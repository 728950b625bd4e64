#ifndef PSM_MIGRATE_LAYER_ERRORS_H_
#define PSM_MIGRATE_LAYER_ERRORS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {

// Syntax errors of a file, per layer it is read in: a PHP file is PHP and,
// through its script view, JavaScript; a script container is its script
// view; any other file is one script. A text that fails to parse counts
// as very many errors.
struct LayerErrors {
  int php = 0;
  int scripts = 0;

  int total() const { return php + scripts; }
};

LayerErrors CountLayerErrors(std::string_view path, Language language,
                             std::string_view text, Parser& parser);

// Whether `after` parses no worse than `before` in every layer of `path`.
// The planner proves each reading's own edits against its own tree; in a
// file of two layers an edit of one can still change how the other's
// error recovery reads the file (error costs depend on byte counts, so
// removing a member of a <script> can change how a PHP parse recovers
// from an error elsewhere: found by fuzz_migrate). This is the check over
// the whole file.
bool ParsesNoWorse(std::string_view path, Language language,
                   std::string_view before, std::string_view after,
                   Parser& parser);

// Whether a rewritten text needs no further edit, analysed again whole.
using Settled = std::function<bool(std::string_view edited)>;

// Why a rewrite is refused, for each site it drops.
struct LayerRejection {
  std::string site;
};

// The judgement of a PHP file's rewrite over both its layers. Each reading
// was judged on its own layer, and an edit of one can change how the other
// recovers from its syntax errors: `edited` must parse no worse than
// `text` in every layer, and, when either layer has errors and the file is
// read in both (`two_readings`), `settled` must find nothing more to do in
// it. (A template's script losing `amount: <?= ... ?>` turned a PHP parse
// that was one ERROR around everything into a clean one, and the PHP array
// refused for that error was migrated by a second run: fuzz_migrate.)
std::optional<LayerRejection> JudgeBothLayers(std::string_view path,
                                              std::string_view text,
                                              std::string_view edited,
                                              bool two_readings, Parser& parser,
                                              const Settled& settled);

}  // namespace psm

#endif  // PSM_MIGRATE_LAYER_ERRORS_H_
