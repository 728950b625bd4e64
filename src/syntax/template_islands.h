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

}  // namespace psm

#endif  // PSM_SYNTAX_TEMPLATE_ISLANDS_H_
