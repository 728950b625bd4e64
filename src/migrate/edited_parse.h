#ifndef PSM_MIGRATE_EDITED_PARSE_H_
#define PSM_MIGRATE_EDITED_PARSE_H_

#include <cstddef>
#include <string_view>

#include "common/text_lines.h"
#include "edit/edit.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {

// The tree of `after_source`, the text `old_tree` was parsed from with
// `edits` applied (`source_bytes` long before them). Sparse edits re-parse
// incrementally (`old_tree` is told of them first); dense ones (an edit
// every few lines) parse afresh, which is cheaper then and holds one tree
// at a time. `lines` indexes the text before the edits.
Tree ParseWithEdits(Tree old_tree, Language language, const EditSet& edits,
                    size_t source_bytes, std::string_view after_source,
                    const LineIndex& lines, Parser& parser);

}  // namespace psm

#endif  // PSM_MIGRATE_EDITED_PARSE_H_
