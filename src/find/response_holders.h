#ifndef PSM_FIND_RESPONSE_HOLDERS_H_
#define PSM_FIND_RESPONSE_HOLDERS_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace psm {

// A place where browser code holds what a server sent it.
struct ResponseHolder {
  // A request callback's parameter (an identifier or a destructuring
  // pattern: `.done(function (response) ...)`, `.then(({payload}) => ...)`),
  // or an expression whose value is the response (`await res.json()`,
  // `JSON.parse(xhr.responseText)`).
  TSNode holder;
  TSNode request;  // the call asking the server
  // `holder` is a handler the search cannot follow (`this.onStart`,
  // `started.resolve`, `setState`): it gets the whole response.
  bool handed_on = false;
  // `holder` is the request itself, returned to callers not followed.
  bool returned = false;
};

// Every place in the tree at `root` that holds a server's response, found
// forwards from the requests (one walk of the tree; names are resolved
// only for calls handing over callbacks), so that a file's every
// identifier need not be resolved to learn whether it holds one. Not the
// `Response` objects of `fetch` (`fetch(u).then(r => r.json())`,
// `await fetch(u)`): their fields are not what the server sent.
std::vector<ResponseHolder> ResponseHolders(TSNode root,
                                            std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_RESPONSE_HOLDERS_H_
