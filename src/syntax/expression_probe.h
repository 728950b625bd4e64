#ifndef PSM_SYNTAX_EXPRESSION_PROBE_H_
#define PSM_SYNTAX_EXPRESSION_PROBE_H_

#include <string>

#include "syntax/language.h"

namespace psm {

// Whether `expression` parses as one expression of `language` (TypeScript
// for JavaScript: a superset), as an inserted `sessionId` value must: one
// that does not would break every file it goes into. A PHP one must not
// leave PHP (`?>`). The empty expression (the placeholder) passes.
bool IsExpression(const std::string& expression, Language language);

}  // namespace psm

#endif  // PSM_SYNTAX_EXPRESSION_PROBE_H_
