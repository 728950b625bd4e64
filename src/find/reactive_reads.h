#ifndef PSM_FIND_REACTIVE_READS_H_
#define PSM_FIND_REACTIVE_READS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// Whether reading a property (`read`, a member or subscript expression)
// may do more than read, in a way the file does not write out as a getter:
// the object is a Proxy or a reactive store (`new Proxy(...)`, Vue's
// `reactive()` / `ref()`, a Pinia `useCartStore()`, MobX `observable()`)
// or an instance of a class of another module of the project (which may
// define a getter there),
// or the read runs in a callback whose reads a framework tracks
// (`watchEffect`, `computed`, MobX `autorun`): removing the read changes
// what the trap sees or what reruns. What it is ("a read of ..."), or "".
std::string ReactiveRead(TSNode read, std::string_view source);

// Whether a read (`read`: a member expression or a name) runs where a
// framework records what it reads, so that removing it changes what
// reruns: in a tracking callback (above), in a function such a callback
// calls or is, or in a Svelte `$:` statement (whose reads of plain names
// count too). What it is, or "".
std::string TrackedRead(TSNode read, std::string_view source);

// The same for a read of a plain name, which only Svelte tracks: in a `$:`
// statement, or in a rune's callback (`$effect`, `$derived.by`) where the
// name may be `$state`.
std::string TrackedNameRead(TSNode name, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_REACTIVE_READS_H_
