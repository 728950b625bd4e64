#ifndef PSM_PROJECT_ESCAPE_BUILTINS_H_
#define PSM_PROJECT_ESCAPE_BUILTINS_H_

#include <string_view>

namespace psm {

// Built-ins whose result holds what they are given (`new Map([...])`,
// `Object.freeze`, `Promise.resolve`), callee as written.
bool KeepsItLocal(std::string_view callee);
// Methods and hooks whose result holds what they are given or their
// callback returns (`then`, `map`, `useMemo`), by the callee's last name.
bool PassesItOn(std::string_view method);
// Built-ins that read every field of an instance handed to them
// (`JSON.stringify`, `Object.assign`), callee as written.
bool ReadsEveryField(std::string_view callee);
// Globals that keep nothing they are handed beyond the file's reach
// (`console`, `setTimeout`, the AMD loaders), by the callee's root name.
bool HandsToNoOne(std::string_view root);

}  // namespace psm

#endif  // PSM_PROJECT_ESCAPE_BUILTINS_H_
