#ifndef PSM_FIND_REQUEST_HANDLERS_H_
#define PSM_FIND_REQUEST_HANDLERS_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace psm {

// `x.method(...)`'s method name; "" for a plain call.
std::string_view MethodName(TSNode call, std::string_view source);

// Methods of a promise or an observable that hand it the answer: `then`,
// `done`, `always`, `subscribe`, `success`, `complete`.
bool IsAnswerMethod(std::string_view method);

// What a request call hands its answer to.
struct Handlers {
  // Functions whose parameters get it (written in the call, named, bound
  // with `.bind`/`$.proxy`, a method of the same object or class called
  // as `this.x`, in an options object, a `statusCode` map or an array).
  std::vector<TSNode> functions;
  // Values the search cannot follow (`deferred.resolve`, a parameter, a
  // React setter, `self.onStart`): they see the whole answer.
  std::vector<TSNode> opaque;
};

// The handlers of `call`, a request or a method of its promise. Error
// handlers (`.fail`, `.catch`, `error:`, `.then`'s second function) get an
// error, not the answer, and are left out.
Handlers HandlersOf(TSNode call, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_REQUEST_HANDLERS_H_
