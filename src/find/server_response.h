#ifndef PSM_FIND_SERVER_RESPONSE_H_
#define PSM_FIND_SERVER_RESPONSE_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// How a call reads its payload from what a server sent.
struct ServerRead {
  // The keys it is read under: `response.content.payload` in a `$.ajax`
  // success handler or a `.done(...)`/`.then(...)` callback -> {"content",
  // "payload"}; `data.payload` after `const data = await res.json()` ->
  // {"payload"}; a request callback's parameter itself -> {}.
  std::vector<std::string> keys;
  // The path-like string literals of the request (`'drpay/paypal/
  // savedrquote'`, `'/checkout/konbini.php'`), which may name the server
  // file that answers it.
  std::vector<std::string> urls;
};

// What `value` reads from a server response; nullopt for anything else
// (`this.payload`, a plain function's parameter, a loop variable): the
// project model then has no server side to look for.
std::optional<ServerRead> ServerResponseRead(TSNode value,
                                             std::string_view source);

// Whether `text` has a word of the request APIs anywhere (case ignored):
// a file without one makes no request ResponseHolders would find.
bool MayNameRequestApi(std::string_view text);

// Whether the names in `callee` (outside its arguments' functions) have a
// word of the request APIs: `$.ajax`, `fetch(url).then`, `storage.post`.
bool NamesRequestApi(TSNode callee, std::string_view source);

// Whether the names in `callee` say the call talks to a server (`$.ajax`,
// `fetch(url).then`, `storage.post(...).done`), or its chain starts from a
// variable set to such a call (`pending.done` after `var pending =
// $.ajax(...)`) or a function that returns one (`start().done`).
bool AsksServer(TSNode callee, std::string_view source);

// Whether `name` is a variable set to a request (`var pending =
// storage.post(...)`), whose `await` is the answer.
bool IsPendingRequest(TSNode name, std::string_view source);

// The path-like strings of `request` that may name the server file
// answering it: those of each call's first argument along its chain and of
// an options object's `url` (`$.ajax({url: ...})`), not those of the data
// it sends; with `res.json()`, those of the `fetch` that `res` is from.
std::vector<std::string> RequestUrls(TSNode request, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_SERVER_RESPONSE_H_
