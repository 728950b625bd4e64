#ifndef PSM_SYNTAX_EXPRESSION_PROBE_H_
#define PSM_SYNTAX_EXPRESSION_PROBE_H_

#include <optional>
#include <string>
#include <vector>

#include "syntax/language.h"

namespace psm {

// What an expression uses that only some code allows: tree-sitter accepts
// `await` and `yield` anywhere, JavaScript only in an async function (or a
// module's top level) and in a generator. Uses inside a function of the
// expression's own do not count: that function is their context.
struct ExpressionNeeds {
  bool await = false;
  bool yield = false;
  bool any() const { return await || yield; }
  // The names it reads (`checkout` in `checkout.payment.session.id`) and
  // whether it reads `this`, outside the functions it defines: they must
  // mean at the payload what they mean at the call.
  std::vector<std::string> names;
  bool reads_this = false;
  // The properties it reads straight off `this` (`checkout` in
  // `this.checkout.payment.session.id`).
  std::vector<std::string> this_members;
};

// An expression read as the value of one property or array item.
struct ValueExpression {
  // What to insert: the expression itself, or `(a, b)` for a sequence
  // `a, b`, whose comma would otherwise end the property and make `b` a
  // property of its own.
  std::string text;
  ExpressionNeeds needs;
};

// `expression` read as one expression of `language` (TypeScript for
// JavaScript: a superset), as an inserted `sessionId` value must be: one
// that does not parse would break every file it goes into. A PHP one must
// not leave PHP (`?>`). Nothing when it is not one. The empty expression
// (the placeholder) reads as itself.
std::optional<ValueExpression> ReadValueExpression(
    const std::string& expression, Language language);

inline bool IsExpression(const std::string& expression, Language language) {
  return ReadValueExpression(expression, language).has_value();
}

// Why ReadValueExpression refused `expression`, for an error message:
// "not a JavaScript expression: <it>", or a hint when it is one only up
// to a trailing `//` comment, which would swallow the code written after
// it on the same line.
std::string ExpressionRefusal(const std::string& expression, Language language);

}  // namespace psm

#endif  // PSM_SYNTAX_EXPRESSION_PROBE_H_
