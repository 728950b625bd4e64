#ifndef PSM_PHP_PHP_LOOP_TRACE_H_
#define PSM_PHP_PHP_LOOP_TRACE_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm::php {

// Whether deleting the `foreach` `loop` over `iterated` changes nothing
// but its body: it walks an array, or what a variable or a getter holds
// (unless the file has a class that iterates itself: `Iterator`,
// `Traversable`), not `null`; not by reference (`as &$line` leaves a
// reference behind); and none of its variables is named after it in its
// function (`foreach ($lines as $line) {...} log($line)` sees the last
// line).
bool LoopLeavesNoTrace(TSNode loop, TSNode iterated, std::string_view source);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_LOOP_TRACE_H_
