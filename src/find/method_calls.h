#ifndef PSM_FIND_METHOD_CALLS_H_
#define PSM_FIND_METHOD_CALLS_H_

#include <tree_sitter/api.h>

#include <span>
#include <string_view>
#include <vector>

namespace psm {

// How a call hands its arguments on to the method it runs.
enum class Passing {
  kDirect,     // f(a, b)
  kThisFirst,  // f.call(thisArg, a, b)
  kArray,      // f.apply(thisArg, [a, b]), Reflect.apply(f, thisArg, [a, b])
};

// One call that runs some object's createSource method.
struct MethodCall {
  TSNode call{};  // the call expression
  Passing passing = Passing::kDirect;
  size_t array_at = 0;  // kArray: which argument holds the array
  // The object the method is taken from, as written where it is taken
  // (`dr` in `const cs = dr.createSource`).
  TSNode receiver{};
  // The expression naming the method at the call: `dr.createSource`,
  // `dr['createSource']`, or an alias `cs`.
  TSNode callee{};
  // Arguments bound in advance (`dr.createSource.bind(dr, cardElement)`),
  // passed before the call's own.
  std::vector<TSNode> bound;
  // The method is handed on where the tool cannot follow its calls
  // (`run(dr.createSource.bind(dr))`, `{ create: dr.createSource }`,
  // `return cs`): `call` is the expression that takes it.
  bool handed_on = false;
};

// The calls that run the method the `createSource` text at `name` takes off
// an object (`up`: the ancestors of `name`, parent first). The method may be
// taken as `r.createSource`, `r['createSource']` or by destructuring
// (`const { createSource: cs } = r`, or a parameter `function pay({
// createSource })`), then called directly, through `.call`, `.apply`,
// `.bind` (with arguments bound in advance too) or `Reflect.apply`, through
// an alias (`const cs = ...`, `cs = ...`, `this.cs = ...`) and through
// TypeScript's `!`, `as` and `<T>`; where it is handed on to code the tool
// cannot follow, that place comes back as `handed_on`. Empty when `name` is
// something else: a method definition, an object literal key, a plain
// identifier, or a destructuring of a module (`require(...)`, like an
// import).
std::vector<MethodCall> CallsOfMethod(TSNode name, std::span<const TSNode> up,
                                      std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_METHOD_CALLS_H_
