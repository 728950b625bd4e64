#ifndef PSM_MIGRATE_LAYER_ERRORS_H_
#define PSM_MIGRATE_LAYER_ERRORS_H_

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

}  // namespace psm

#endif  // PSM_MIGRATE_LAYER_ERRORS_H_
