#ifndef PSM_PROJECT_VALUE_USES_H_
#define PSM_PROJECT_VALUE_USES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

// How a JavaScript expression's value is used by the node it goes into:
// the steps the browser search (project/response_reads) takes from a
// response down to the array a PHP file sent. `text` is the script's.
namespace psm::value_uses {

// The node `e`'s value goes into, past parentheses and TypeScript's `as`,
// `!` and `satisfies`; null past the depth the tree can be climbed.
TSNode Up(TSNode e);

// `up` reads the key `*key` of `e` (`e.key`, `e?.key`, `e['key']`).
bool KeyOf(TSNode up, TSNode e, std::string_view text, std::string* key);

// Whether `e` is called (`e(...)`).
bool IsCallee(TSNode e);

// Where `e`'s value goes on as the same value, or null: `await e`,
// `a && e`, `c ? e : x`, `JSON.parse(e)`.
TSNode PassedOn(TSNode e, TSNode up, std::string_view text);

// Whether `up` reads nothing of `e`: a test (`if (r.payload)`, `!r`,
// `r.payload === undefined`), a statement of its own, a `console` log
// (which shows the value but nothing depends on it).
bool NotRead(TSNode e, TSNode up, std::string_view text);

// Whether `call` is a `createSource(...)` call that may be DigitalRiver.js's:
// not one on another library's object (`stripe.createSource(card, data)`
// gets the data for Stripe, and reads all of it).
bool IsCreateSourceCall(TSNode call, std::string_view text);

// The key a part of an object pattern takes, "" for a rest or a computed
// key.
std::string PatternKey(TSNode part, std::string_view text);

// The name a part of an object pattern binds: `{payload}`, `{payload: p}`,
// `{payload = {}}`, `{payload: p = {}}`; a nested pattern.
TSNode PatternBound(TSNode part);

}  // namespace psm::value_uses

#endif  // PSM_PROJECT_VALUE_USES_H_
