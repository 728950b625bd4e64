#ifndef PSM_PHP_PHP_PAYLOAD_CONTENT_H_
#define PSM_PHP_PHP_PAYLOAD_CONTENT_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"
#include "php/php_array_view.h"

namespace psm::php {

// Where a PHP payload array lives: in a variable of a function (or of the
// file's top level), at `path` inside it (`$result['payload']`: variable
// "result", path {"payload"}); or, when no variable holds it, the
// expression that makes it (`setData(['payload' => [...]])`).
struct Holder {
  TSNode scope{};
  std::string variable;  // "" when `expression` makes the array
  std::vector<std::string> path;
  TSNode expression{};
};

// A value printed into a page (`var p = <?= json_encode($payload) ?>;`):
// where the printing statement starts, and the keys under which the array
// sits in the value.
struct PagePrint {
  uint32_t at = 0;
  std::vector<std::string> path;
};

// One payload as the planner sees it: literal parts merged in order (an
// array literal, a helper's array, the statements that complete it).
using Unit = std::vector<PayloadLiteral>;

// Everything known about the array a Holder holds, in the planner's
// language-neutral terms.
struct Content {
  std::vector<Unit> units;  // one per array that can be the payload
  std::vector<PayloadMutation> mutations;
  std::vector<PayloadObserver> observers;
  std::vector<std::string> blind_spots;
  // Arrays merged in that the tool cannot see (CallSite::merged_unseen).
  std::vector<std::string> merged_unseen;
  // Why no edit may be made at all (the payment type is set again), or "".
  std::string refused;
  // How the array leaves the server: the keys under which it is sent in a
  // response ({"payload"}), one entry per way; for linking it to the
  // JavaScript that receives it.
  std::vector<std::vector<std::string>> response_paths;
  // Where it is printed into the page this file renders, and the keys it
  // sits under in what is printed: for the page's own scripts to be read.
  std::vector<PagePrint> page_prints;
  bool returned = false;  // returned by a function no call of this file uses
  // That function's name (`wire` for a method or function `wire()`; ""
  // for a closure), and where the payload sits in what it returns.
  std::string returned_by;
  bool returned_by_method = false;  // a method of a class, not a function
  std::vector<std::string> returned_path;
  // The string arguments of a call the tool cannot follow that starts the
  // array (`$this->payloads->base('payPal')`): a hint of its method.
  std::vector<std::string> unseen_call_strings;
  std::vector<ByteRange> anchors;  // where it is made, for the report
  // The helpers of this file whose arrays it is made of, with every call
  // of each: a call that no payload is made at still sees the edits.
  struct HelperCalls {
    std::string name;
    std::vector<ByteRange> calls;
    // A function, or a method that is not private: code of other files may
    // call it too, and get the edited array.
    bool callable_elsewhere = false;
  };
  std::vector<HelperCalls> helpers;
};

// Reads what `holder` holds: the arrays assigned to it (array literals,
// arrays returned by helpers of this file with the caller's arguments
// bound to their parameters), the piecewise writes that complete it
// (`$p['type'] = 'payPal';` as members of a statements part; deeper ones,
// `$p['payPal']['items'][] = ...;`, as mutations), the code that reads it
// and where it goes (observers when that is not the response).
Content ReadHolder(const Holder& holder, const ValueContext& ctx);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_PAYLOAD_CONTENT_H_
