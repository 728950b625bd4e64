#ifndef PSM_FIND_CLASS_FIELDS_H_
#define PSM_FIND_CLASS_FIELDS_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// A field `this.name` as the code of its class (and of the file) writes and
// reads it: what a method that builds a payload from `this.payload` or
// `type: this.type` may rely on.
struct ClassField {
  TSNode body{};  // the class body whose method holds the use; null if none
  std::string name;
  // `this.name = value` in the class's own methods (`=`, `+=`, `++`...).
  std::vector<TSNode> writes;
  // Every other `this.name` of the class, the use asked about excluded.
  std::vector<TSNode> reads;
  // Elsewhere in the file: `x.name` on another object, which may be an
  // instance of the class, and `this` handed on whole (`f(this)`,
  // `Object.assign(this, ...)`), after which anything may touch the field.
  std::vector<TSNode> outside;
  // The declaration `name = value;` in the class body, if any.
  TSNode initializer{};
  // The value of the only write, when it is a plain `=` at the top level
  // of the constructor, or of the declaration when nothing writes it:
  // what every other method sees. Null otherwise.
  TSNode constructor_value{};
};

// The field `use` (`this.name` inside a method, arrow functions in between
// allowed) stands for; `body` is null when `use` is something else.
ClassField FieldOf(TSNode use, std::string_view source);

// The string `use` (`this.type`) holds when its class sets it once, in the
// constructor, to a string literal, and nothing else in the file may write
// it.
bool TraceFieldToString(TSNode use, std::string_view source,
                        std::string* value);

// Why the type `use` (`this.type`, traced to the constructor's string)
// cannot be trusted at `call`, a createSource call in a method of the same
// class: `this` there may be an instance of a subclass, or of the class
// changed by code elsewhere, when the class leaves the file or a class of
// the file extends it and the field is neither `readonly` nor private.
// (A builder method called on a fresh `new X()` is not asked.) "" when it
// can.
std::string FieldTypeOpenToOthers(TSNode use, TSNode call,
                                  std::string_view source);

// A payload read from a field (`build() { return this.payload; }`): the
// value the constructor sets it to, to follow further; everything else
// that may see or change the field, as observers of the whole payload; or,
// when there is no single value, why not.
struct FieldPayload {
  bool is_field = false;  // `use` is `this.name` in a method
  TSNode value{};
  std::string origin;  // "field `this.payload` set in the constructor..."
  std::optional<DeclaredType> declared;  // the field's (`payload: T;`)
  std::vector<PayloadObserver> observers;
  std::string blind;  // set instead of `value`
};
FieldPayload PayloadOfField(TSNode use, std::string_view source);

// Where the class whose body is `class_body`, or an instance of it, leaves
// the file (`export class`, `export default new Checkout()`,
// `module.exports = Checkout`, `window.checkout = new Checkout()`): code in
// other files may then read its fields and call its methods. Null when it
// stays in the file as far as the file shows.
TSNode ClassLeavesFile(TSNode class_body, std::string_view source);

// The start of the class whose field `use` (`this.payload`) is, when its
// chain of base classes in this file reaches one imported from another
// module (`class KonbiniRequest extends LoggedRequest` with `import {
// LoggedRequest } from './logged-request.js'`): that module's methods run
// on the same instance and may read the field, which the project model
// looks for there. nullopt otherwise.
std::optional<uint32_t> ClassOfImportedBase(TSNode use,
                                            std::string_view source);

// Why code in other files may read the field `use` (`this.payload`) when
// its class or an instance of it leaves the file (`export class`,
// `module.exports = new Checkout()`); "" when it does not, as far as the
// file shows. For a createSource call in the class's own file: a builder
// called from other files has its readers found by the project model.
std::string FieldLeavesFile(TSNode use, std::string_view source);

// Why `type: this.type` (`use`) does not tell the payment method, when
// TraceFieldToString cannot answer; "" when `use` is no field.
std::string UnprovenFieldType(TSNode use, std::string_view source);

// Why the payload of `super.build()` (`call`, in a method of a class that
// extends another) is not followed: names the base class and the module
// it comes from. "" when `call` is no `super` call.
std::string SuperCallReason(TSNode call, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_CLASS_FIELDS_H_
