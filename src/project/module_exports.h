#ifndef PSM_PROJECT_MODULE_EXPORTS_H_
#define PSM_PROJECT_MODULE_EXPORTS_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "find/module_request.h"
#include "project/module_this.h"

namespace psm {

// What a module gives for one export.
struct ExportedValue {
  TSNode node{};  // function, class, object literal or other expression
  // Set instead when the module passes the export on from another module
  // (`export { build } from './b'`, `export * from './b'`).
  std::optional<ModuleRef> passed_on;
  // `passed_on` came from an `export * from` (which any explicit export of
  // the name overrides, wherever it stands); `other_stars` are the further
  // `export *` of the module that may give the name too: the one module
  // among them all that has it gives it.
  bool from_star = false;
  std::vector<ModuleRef> other_stars;
  // Set, with `node` null, when a later statement changes the export in a
  // way the tool does not follow (`Object.assign(exports, {...})`,
  // `Object.defineProperty(exports, 'build', ...)`): a reason for a message.
  std::string unsure;
};

// The top-level statements of one module that may give each export,
// found in one pass: a barrel of hundreds of exports is asked for each of
// them, and each question then looks at the few statements that spell the
// name (plus `export default`, `export *`, `module.exports =` and
// `define(...)`, which may give any).
class ExportIndex {
 public:
  ExportIndex(TSNode root, std::string_view source);
  // FindExport, answered from the index.
  ExportedValue Find(std::string_view exported) const;

 private:
  std::string_view source_;
  TSNode root_;
  std::vector<TSNode> statements_;
  std::vector<uint32_t> any_name_;  // statements that may give any export
  std::unordered_map<std::string, std::vector<uint32_t>> by_word_;
  std::vector<ThisWrite> this_writes_;  // a CommonJS module's, through `this`
};

// Finds `exported` ("default", "*" or a name) in the module `root`:
// ES exports (declarations, `export default`, `export { a as b }`,
// re-exports), CommonJS (`module.exports = ...`, `module.exports.x =`,
// `exports.x =`, `module.exports = { x }`) and AMD (`define([...],
// function () { return ...; })`, `define({...})`). "*" is the module value
// of CommonJS and AMD modules; an ES module has none.
ExportedValue FindExport(TSNode root, std::string_view source,
                         std::string_view exported);

// The value `n` stands for in its file: a function or class declaration, or
// the value of a variable bound once, for an identifier; `n` otherwise.
TSNode ValueOf(TSNode n, std::string_view source);

// The member `name` of `entity`: a method of a class (instance methods
// when `instance`, static ones otherwise) or of its base class in the same
// file, a property or method of an object literal. Null when none.
TSNode MemberOf(TSNode entity, std::string_view name, bool instance,
                std::string_view source);

// The expression a class extends (`BaseRequest` in `class PayPalRequest
// extends BaseRequest`), or null.
TSNode BaseClassOf(TSNode klass);

// The first class up the `extends` chain from `klass`, within this file,
// whose base is not a class of this file (an import, say): the class
// whose BaseClassOf the project model follows to another module. Null
// when the chain ends in this file.
TSNode LastLocalClass(TSNode klass, std::string_view source);

}  // namespace psm

#endif  // PSM_PROJECT_MODULE_EXPORTS_H_
