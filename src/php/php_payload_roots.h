#ifndef PSM_PHP_PHP_PAYLOAD_ROOTS_H_
#define PSM_PHP_PHP_PAYLOAD_ROOTS_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "common/byte_range.h"
#include "php/php_file_index.h"
#include "php/php_payload_content.h"
#include "rules/rule_table.h"

namespace psm::php {

// Where a possible payload is complete: the holder whose content is one
// site, and the place that made the tool look at it.
struct PayloadRoot {
  Holder holder;
  ByteRange found_at;  // the `'type' => ...` or `$p['type'] = ...` seen
};

// The roots of every candidate payload of a file, each once, in the order
// found. A candidate is an array with a `type` key, or a variable written
// at `['type']` or at a payment method's key, whose type could name a
// method of `rules`. An array held by a variable has that variable as its
// root; one returned by a function of the file has the callers' roots;
// one printed, sent or passed on directly is its own root.
std::vector<PayloadRoot> FindPayloadRoots(TSNode root, std::string_view source,
                                          const FileIndex& index,
                                          const RuleTable& rules);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_PAYLOAD_ROOTS_H_
