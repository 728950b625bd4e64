#ifndef PSM_PHP_PHP_READING_H_
#define PSM_PHP_PHP_READING_H_

#include <string_view>

#include "edit/site_plan.h"
#include "migrate/file_reading.h"
#include "rules/rule_table.h"

namespace psm::php {

// The PHP of a PHP file or template (read whole: the grammar takes the
// HTML around `<?php ... ?>` as text): its payload arrays as sites for the
// same planner as JavaScript's, with `--php-session-id` as the sessionId
// expression.
FileReading PhpReading(std::string_view text, const RuleTable& rules,
                       const PlanOptions& options);

// True when `text` may hold a PHP payload array: it has a payment method
// of `rules` in quotes. Files without are not parsed as PHP.
bool MayHoldPhpPayload(std::string_view text, const RuleTable& rules);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_READING_H_
