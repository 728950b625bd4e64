#ifndef PSM_PHP_PHP_SESSION_SCOPE_H_
#define PSM_PHP_PHP_SESSION_SCOPE_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace psm::php {

// Why the `--php-session-id` expression cannot run where the payload array
// at byte `at` of the file is built, or "": it uses `$this` in a plain
// function or a static method (PHP stops: "Using $this when not in object
// context"), or a variable the function around the array neither takes
// nor mentions before it (`$sessionId` undefined: `null` is sent). Top-level
// code is not judged: a template gets its variables (and Magento's
// `$block`/`$this`) from the code that includes it.
std::string SessionExpressionOutOfScope(TSNode root, uint32_t at,
                                        std::string_view expression,
                                        std::string_view source);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_SESSION_SCOPE_H_
