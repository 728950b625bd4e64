#ifndef PSM_PHP_PHP_EMPTY_VALUES_H_
#define PSM_PHP_PHP_EMPTY_VALUES_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm::php {

// PHP's find/empty_values.h: `null`, `false` or an empty string, and a value that is
// one on some paths (`$c ? $sid : null`, `$sid ?: null`, `$sid ?? ''`,
// `$c && $sid`), asked of a payload array's `'sessionId'`.
bool IsEmptyValue(TSNode value, std::string_view source);
bool EmptyAtTimes(TSNode value, std::string_view source);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_EMPTY_VALUES_H_
