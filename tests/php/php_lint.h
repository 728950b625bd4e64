#ifndef PSM_TESTS_PHP_PHP_LINT_H_
#define PSM_TESTS_PHP_PHP_LINT_H_

// `php -l` (Debian's php-cli) over a PHP text, for tests that check a
// rewrite is valid PHP by PHP's own parser, not only tree-sitter's.

#include <string>
#include <string_view>

namespace psm::testing_php {

// True when a `php` binary is on PATH.
bool HavePhp();

// "" when `php -l` accepts `text`, else its message.
std::string PhpLint(std::string_view text);

}  // namespace psm::testing_php

#endif  // PSM_TESTS_PHP_PHP_LINT_H_
