#ifndef PSM_FIND_OBJECT_WRITES_H_
#define PSM_FIND_OBJECT_WRITES_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace psm {

// Whether `call` (a call or `new`), handed an object as its argument
// `argument`, may write through it: any but a few that only read
// (`Object.keys(exports)`, `console.log(this)`, `Object.assign({},
// exports)`). `f.call(exports)` runs `f` with `this === exports`.
bool MayWriteThrough(TSNode call, TSNode argument, std::string_view source);

// The places of its file that may set again the member `key` of the object
// literal `object` (a payload builder held there: `{ build: paypal }`):
// `this.build = ...` or `this[k] = ...` in its own methods, and, through
// the variable it is bound to (`const api = {...}`), `api.build = wire`,
// `api['build'] = ...`, `api[k] = ...`, `delete api.build`,
// `Object.assign(api, {...})` or any call that may write through it, and
// an alias (`const self = api`). Reads are not writes.
std::vector<TSNode> HolderWrites(TSNode object, std::string_view key,
                                 std::string_view source);

// The same for the method `key` of the class `klass`, through the name it
// is bound to in its file: `Req.prototype.build = wire`,
// `Req.prototype[name] = f`, `Object.assign(Req.prototype, methods)`,
// `Req.build = ...` for a static one, an alias.
std::vector<TSNode> ClassMemberWrites(TSNode klass, std::string_view key,
                                      std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_OBJECT_WRITES_H_
