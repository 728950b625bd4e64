#ifndef PSM_PHP_PHP_FLOW_H_
#define PSM_PHP_PHP_FLOW_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

namespace psm::php {

// Where a payload array goes from the expression that holds it: the way to
// the browser (where DigitalRiver.js's createSource receives it), or
// somewhere else that can see its fields.
struct Flow {
  enum class Kind {
    kResponse,   // printed, or put in the HTTP response (setData, json, ...)
    kStored,     // stored in a variable or a key of one: follow the variable
    kReturned,   // returned from the function around it
    kElsewhere,  // passed to other code, read whole, kept out of sight
    kPage,       // printed into the page this template renders (`<?= ?>`,
                 // `echo` inside a `<script>`): its scripts may read it
  };
  Kind kind = Kind::kElsewhere;
  TSNode at{};  // where it was decided: the call, `return`, the assignment
  // kStored: the variable (without `$`) and where the array sits in it.
  std::string variable;
  std::vector<std::string> path;
  // For messages: "passed to `sendToErp()`", "printed by `echo`".
  std::string what;
  // kElsewhere: the code it goes to only logs or dumps it, and a PHP array
  // goes by value: nothing it does adds a key to the payload.
  bool adds_nothing = false;
};

// Follows `value` up through what passes it on unchanged or wrapped
// (parentheses, `?:` branches, casts, `json_encode()`, a serializer, an
// array it is put in under a key, `array_merge()`) to where it goes.
// `path` is where the payload sits inside `value` (empty: it is `value`).
Flow FollowValue(TSNode value, std::vector<std::string> path,
                 std::string_view source);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_FLOW_H_
