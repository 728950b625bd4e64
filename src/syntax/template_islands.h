#ifndef PSM_SYNTAX_TEMPLATE_ISLANDS_H_
#define PSM_SYNTAX_TEMPLATE_ISLANDS_H_

#include <string_view>

#include "common/byte_range.h"
#include "syntax/island_syntax.h"

namespace psm {

// The first template island (`<?php ?>`, `<?= ?>`, `<% %>`, and the other
// `kinds` of the file's template language) in `range` of
// the markup file `text` that does more than print one value, or that lies
// only partly inside the range; an empty range when there is none.
//
// The script view (MaskScriptContainer) shows an island inside a script as
// a name, so a payload member `amount: <?= $total ?>` looks like a plain
// read and may be removed. Removing an island that prints a value is that;
// one that runs statements (`<?php $total = ...; echo $total; ?>`) would
// lose server-side code the rest of the page may need.
ByteRange CodeIslandIn(std::string_view text, ByteRange range,
                       IslandKinds kinds = kAngleIslands);

// The island of `region` (a script of the markup file `text`) that does
// more than print one value and lies nearest to `at`, or an empty range:
// a template's `<?php if (...): ?>` or `{% if %}` around a payload's fields
// makes the script unreadable as JavaScript until the server has run it.
ByteRange CodeIslandNear(std::string_view text, ByteRange region, ByteRange at,
                         IslandKinds kinds);

}  // namespace psm

#endif  // PSM_SYNTAX_TEMPLATE_ISLANDS_H_
