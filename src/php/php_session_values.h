#ifndef PSM_PHP_PHP_SESSION_VALUES_H_
#define PSM_PHP_PHP_SESSION_VALUES_H_

#include <tree_sitter/api.h>

#include "php/php_array_view.h"

namespace psm::php {

// PHP's MayBeEmpty (find/empty_values.h), asked of a payload array's
// `'sessionId'` value: empty by its shape (php_empty_values.h), a nullsafe
// chain (`$quote->getSession()?->getId()`), a variable given or set to
// such a value or set only under an `if` (one set in every branch of an
// `if`/`else` counts), never set, or written in ways the tool does not
// follow (`list()`, a reference, `global`); a call of a function or method
// of the file that returns `null`, `false`, nothing, or falls off its
// end on some path. A parameter is its callers' to give unless the
// function empties it.
bool SessionValueMayBeEmpty(TSNode value, const ValueContext& ctx,
                            int hops = 0);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_SESSION_VALUES_H_
