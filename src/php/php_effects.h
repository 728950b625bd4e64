#ifndef PSM_PHP_PHP_EFFECTS_H_
#define PSM_PHP_PHP_EFFECTS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "php/php_file_index.h"

namespace psm::php {

// Why evaluating the PHP expression `n` may do something besides producing
// a value, e.g. "`$cart->lock()` is a call"; empty when it cannot.
//
// Effects: assignments, `++`/`--`, `new`, `include`, `print`, `exit`,
// `throw`, `yield`, backticks, and calls, except
// - PHP's pure built-ins (`round`, `number_format`, `array_map`, ...), whose
//   callbacks are checked too;
// - methods and functions named like getters or formatters (`get...`,
//   `is...`, `has...`, `format...`, `to...`, `convert...`, `escape...`):
//   the convention of PHP frameworks (Magento's `$quote->getGrandTotal()`)
//   that such calls only read;
// - functions and methods of this file whose bodies have no effect beyond
//   their own local variables.
// Functions written inside `n` are only created, not run.
std::string PhpSideEffectOf(TSNode n, std::string_view source,
                            const FileIndex& index);

// True when calling `name` (a function or method) only reads, by PHP's
// built-ins and the getter naming convention above.
bool IsReadOnlyCallName(std::string_view name);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_EFFECTS_H_
