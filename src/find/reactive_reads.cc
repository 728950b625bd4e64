#include "find/reactive_reads.h"

#include <array>
#include <optional>
#include <string>
#include <unordered_set>

#include "common/strings.h"
#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/tree_memo.h"
#include "find/wrapper_calls.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Functions whose result traps or tracks property reads.
constexpr std::array<std::string_view, 14> kReactiveMakers = {
    "reactive",
    "shallowReactive",
    "readonly",
    "shallowReadonly",
    "ref",
    "shallowRef",
    "computed",
    "toRefs",
    "observable",
    "makeAutoObservable",
    "makeObservable",
    "useStore",
    "storeToRefs",
    "signal"};

// Callbacks whose reads a framework records as dependencies (Vue, MobX,
// Solid, Preact and Angular signals, Svelte stores and runes).
// VueUse's computed and watch variants, Preact's signal hooks too.
constexpr std::array<std::string_view, 30> kTrackingCalls = {
    "watchEffect",      "watchPostEffect",
    "watchSyncEffect",  "watch",
    "computed",         "autorun",
    "reaction",         "when",
    "createEffect",     "createRenderEffect",
    "createMemo",       "createComputed",
    "createReaction",   "createDeferred",
    "effect",           "derived",
    "$effect",          "$derived",
    "$inspect",         "computedAsync",
    "asyncComputed",    "computedEager",
    "computedWithControl", "watchDebounced",
    "watchThrottled",   "watchImmediate",
    "whenever",         "useSignalEffect",
    "useComputed",      "useDerived"};

// Keys of component or store options whose functions a framework runs as
// tracked computations: Vue's Options API `computed: {...}` and `watch`,
// Pinia's option stores' `getters: {...}`.
constexpr std::array<std::string_view, 3> kTrackingOptionKeys = {
    "computed", "getters", "watch"};

// The last name of a callee: `reactive` for `Vue.reactive`.
std::string_view LastName(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "member_expression"))
    callee = node::Field(callee, "property");
  return node::Text(callee, source);
}

bool Listed(std::string_view name, const auto& list) {
  for (std::string_view n : list) {
    if (n == name) return true;
  }
  return false;
}

// Whether some name of the lists begins with `word`'s first byte and has
// its length: one lookup that spares nearly every word of a file the
// comparisons (by length alone, most words of three to nine bytes passed,
// and HintsOf was 1.8% of a dense run's instructions).
bool MayBeListed(std::string_view word) {
  static constexpr std::array<uint64_t, 256> kLengthsByFirstByte = [] {
    std::array<uint64_t, 256> lengths{};
    for (std::string_view n : kReactiveMakers)
      lengths[static_cast<unsigned char>(n[0])] |= uint64_t{1} << n.size();
    for (std::string_view n : kTrackingCalls)
      lengths[static_cast<unsigned char>(n[0])] |= uint64_t{1} << n.size();
    for (std::string_view n : kTrackingOptionKeys)
      lengths[static_cast<unsigned char>(n[0])] |= uint64_t{1} << n.size();
    return lengths;
  }();
  return !word.empty() && word.size() < 64 &&
         (kLengthsByFirstByte[static_cast<unsigned char>(word[0])] >>
              word.size() &
          1) != 0;
}

// A Pinia store hook: `useCartStore`.
bool IsStoreHook(std::string_view name) {
  return name.size() > 8 && name.starts_with("use") && name.ends_with("Store");
}

// What made the object `object` names, when it traps or tracks reads.
std::string ReactiveMaker(TSNode object, std::string_view source) {
  object = node::Unwrap(object);
  while (node::Is(object, "member_expression"))  // `store.cart.total`
    object = node::Unwrap(node::Field(object, "object"));
  if (!node::Is(object, "identifier")) return "";
  Binding b = ResolveName(node::Text(object, source), object, source);
  if (b.kind != Binding::Kind::kVariable) return "";
  TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (node::Is(value, "new_expression")) {
    TSNode made_by = node::Unwrap(node::Field(value, "constructor"));
    std::string_view name = node::Text(made_by, source);
    if (name == "Proxy") return "a `Proxy`, which sees each read";
    // A class of another module of the project: the tool does not look
    // there for a getter of the property read.
    std::optional<ModuleRef> ref =
        node::Is(made_by, "identifier")
            ? ImportedAs(ResolveName(name, made_by, source), name, source)
            : std::nullopt;
    if (ref && ref->specifier.starts_with('.'))
      return "an instance of `" + std::string(name) + "` from " +
             Quote(ref->specifier) +
             ", which may define a getter for it that the tool does not "
             "look into";
    return "";
  }
  if (!node::Is(value, "call_expression")) return "";
  std::string_view maker = LastName(node::Field(value, "function"), source);
  if (Listed(maker, kReactiveMakers) || IsStoreHook(maker))
    return "an object made by `" + std::string(maker) +
           "()`, which sees each read";
  return "";
}

// The tracking function `call` calls ("" for another): by its name
// (`watchEffect`, `Vue.computed`), a Svelte rune's member (`$effect.pre`,
// `$derived.by`), or an import of one under another name (`import {
// watchEffect as whenever }`).
std::string TrackingCallee(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (node::Is(callee, "member_expression")) {
    std::string_view object = node::Text(node::Field(callee, "object"), source);
    if (object == "$effect" || object == "$derived")
      return std::string(node::Text(callee, source)) + "()";
  }
  std::string_view name = LastName(callee, source);
  bool listed = Listed(name, kTrackingCalls);
  if (listed && !node::Is(callee, "identifier"))
    return std::string(name) + "()";  // `Vue.watchEffect`, `mobx.autorun`
  if (!node::Is(callee, "identifier")) return "";
  Binding binding = ResolveName(name, callee, source);
  // A function of the file's own that shares the name (`function when(el,
  // fn)` of a shop's helpers) is no framework's.
  if (binding.kind == Binding::Kind::kFunction ||
      (binding.kind == Binding::Kind::kVariable &&
       node::IsFunction(
           node::Unwrap(node::Field(binding.declarator, "value")))))
    return "";
  if (listed) return std::string(name) + "()";
  // `const run = watchEffect; run(() => ...)`.
  if (binding.kind == Binding::Kind::kVariable) {
    TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
    std::string_view aliased = LastName(value, source);
    if ((node::Is(value, "identifier") ||
         node::Is(value, "member_expression")) &&
        Listed(aliased, kTrackingCalls))
      return std::string(name) + "()`, another name of `" +
             std::string(aliased);
  }
  std::optional<ModuleRef> ref = ImportedAs(binding, name, source);
  if (ref && Listed(std::string_view(ref->exported), kTrackingCalls))
    return std::string(name) + "()`, an import of `" + ref->exported;
  return "";
}

// A Svelte reactive statement (`$: total = ...`, `$: if (ready) {...}`)
// holding `n`: Svelte reruns it when a name it reads changes.
bool InSvelteReactiveStatement(TSNode n, std::string_view source) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    if (node::Is(p, "labeled_statement") &&
        node::Text(node::Field(p, "label"), source) == "$")
      return true;
  }
  return false;
}

std::string TrackingCallReaching(TSNode function, std::string_view source,
                                 int depth);

// Whether the function at argument `index` of a call of the tracking
// function `callee` is the one whose reads are tracked: MobX's `when` and
// `reaction` and Vue's `watch` track their first function (the predicate,
// the expression, the source), not the effect they then run once.
bool TrackedArgument(std::string_view callee, uint32_t index) {
  // The API's own name: "when()", or "whenReady()`, an import of `when".
  constexpr std::string_view kImport = "an import of `";
  size_t imported = callee.find(kImport);
  std::string_view api = imported == std::string_view::npos
                             ? callee.substr(0, callee.find("()"))
                             : callee.substr(imported + kImport.size());
  bool source_only = api == "watch" || api == "when" || api == "reaction";
  return !source_only || index == 0;
}

// The index of `function` among the arguments `arguments` holds.
uint32_t ArgumentIndex(TSNode arguments, TSNode function) {
  uint32_t index = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(arguments); ++i) {
    TSNode a = ts_node_named_child(arguments, i);
    if (ts_node_eq(a, function)) return index;
    if (!node::Is(a, "comment")) ++index;
  }
  return index;
}

// When `function` is a method (or a pair's function) of the object under
// a tracking key of component or store options (`computed: { source() {...}
// }`, Pinia's `getters: {...}`): "`computed` of the component's options".
std::string TrackingOptionOf(TSNode function, std::string_view source) {
  TSNode holder = node::Parent(function);
  if (node::Is(holder, "pair")) holder = node::Parent(holder);
  if (!node::Is(holder, "object")) return "";
  TSNode pair = node::Parent(holder);
  if (!node::Is(pair, "pair") ||
      !ts_node_eq(node::Field(pair, "value"), holder) ||
      !node::Is(node::Parent(pair), "object"))
    return "";
  std::string_view key = node::Text(node::Field(pair, "key"), source);
  if (!Listed(key, kTrackingOptionKeys)) return "";
  std::string name = FunctionName(function, source);
  return std::string(key) + "` of the options (run as a tracked "
                            "computation), through `" +
         (name.empty() ? std::string("a function") : name);
}

// The tracking call whose callback holds `n` ("" when none): lexically,
// or through the function holding `n` when a tracking callback of the
// file calls it by name, or is it (`watchEffect(sync)`), once removed.
std::string TrackingCallAround(TSNode n, std::string_view source,
                               int depth = 0) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    if (!node::IsFunction(p)) continue;
    if (std::string key = TrackingOptionOf(p, source); !key.empty())
      return key;
    TSNode arguments = node::Parent(p);
    if (node::Is(arguments, "arguments")) {
      std::string callee = TrackingCallee(node::Parent(arguments), source);
      if (!callee.empty() &&
          TrackedArgument(callee, ArgumentIndex(arguments, p)))
        return callee;
    }
    if (depth >= 2) continue;
    // Once per function and file: the answer depends on the function only.
    thread_local TreeMemo<std::string> memo;
    std::string via = memo.Get(p, NodeKey(p, std::to_string(depth)), [&] {
      return TrackingCallReaching(p, source, depth);
    });
    if (!via.empty()) return via;
  }
  return "";
}

// The tracking call that calls the function `function` by its name, or is
// handed it (`watchEffect(sync)`), from outside it; "" when none.
std::string TrackingCallReaching(TSNode function, std::string_view source,
                                 int depth) {
  std::string name = FunctionName(function, source);
  if (name.empty()) return "";
  TSNode root = function;
  while (!ts_node_is_null(node::Parent(root))) root = node::Parent(root);
  for (size_t at : WordsAt(source, name)) {
    TSNode use = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    if (ts_node_start_byte(use) >= ts_node_start_byte(function) &&
        ts_node_end_byte(use) <= ts_node_end_byte(function))
      continue;  // its own name, or a call from inside
    // A plain name only: `form.submit()` calls another object's method of
    // the same name.
    if (!node::Is(use, "identifier")) continue;
    TSNode up = node::Parent(use);
    // Handed to a tracking call as its callback.
    if (node::Is(up, "arguments")) {
      std::string callee = TrackingCallee(node::Parent(up), source);
      if (!callee.empty() && TrackedArgument(callee, ArgumentIndex(up, use)))
        return callee + "` through `" + name;
    }
    // Called in a tracking callback: the callback's reads include its.
    if (node::Is(up, "call_expression")) {
      std::string callee = TrackingCallAround(up, source, depth + 1);
      if (!callee.empty())
        return callee.find("` through `") == std::string::npos
                   ? callee + "` through `" + name + "()"
                   : callee;
    }
  }
  return "";
}

// What a file may hold, from one pass over its words: only the objects it
// writes as `x = new ...` or `x = reactive(...)` are resolved, and reads
// climb to a tracking callback only when the file names one. (Resolving
// every read cost `dense/acme` 32 M instructions, 4%.)
struct FileHints {
  bool tracking = false;      // a tracking call is named
  bool svelte_label = false;  // `$:`: a Svelte reactive statement
  bool proxy = false;  // `new Proxy(...)`: it may be passed to a function
  // The names written `name = new ...` or `name = reactive(...)` (any
  // maker): the only objects ReactiveMaker resolves.
  std::unordered_set<std::string> made;
};

// `name` in `name = ` just before `at`, or "".
std::string_view AssignedBefore(std::string_view source, size_t at) {
  size_t i = at;
  while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == '\t')) --i;
  if (i >= 5 && source.substr(i - 5, 5) == "await") {
    i -= 5;
    while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == '\t')) --i;
  }
  if (i == 0 || source[i - 1] != '=') return {};
  --i;
  if (i > 0 && std::string_view("=!<>+-*/%&|^?").find(source[i - 1]) !=
                   std::string_view::npos)
    return {};
  while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == '\t')) --i;
  size_t end = i;
  while (i > 0 && IsIdentifierByte(source[i - 1])) --i;
  return source.substr(i, end - i);
}

// Whether the word ending at `end` is followed by `as` (`import {
// watchEffect as whenChanged }`).
bool ImportedUnderAnotherName(std::string_view source, size_t end) {
  size_t next = source.find_first_not_of(" \t", end);
  return next != std::string_view::npos && source.compare(next, 3, "as ") == 0;
}

// `const run = watchEffect`: the word at `at` is given to a name.
bool AssignedAsValue(std::string_view source, size_t at) {
  size_t before = source.find_last_not_of(" \t", at == 0 ? 0 : at - 1);
  return at > 0 && before != std::string_view::npos && source[before] == '=' &&
         (before == 0 || (source[before - 1] != '=' && source[before - 1] != '!' &&
                          source[before - 1] != '<' && source[before - 1] != '>'));
}

// `computed: {`: the word ending at `end` is a key of an object.
bool OptionKey(std::string_view source, size_t end) {
  size_t next = source.find_first_not_of(" \t", end);
  return next != std::string_view::npos && source[next] == ':';
}

// Worked out once per file: keyed by the file's IndexedTree (a text's
// address is not a key: a later file may be read into the same buffer).
const FileHints& HintsOf(TSNode at, std::string_view source) {
  thread_local uint64_t tree = 0;
  thread_local FileHints hints;
  uint64_t id = IndexedTreeId(at);
  if (id != 0 && id == tree) return hints;
  tree = id;
  hints = FileHints();
  // One pass over the words: a maker called (`reactive(`; `ref` alone is
  // in `href`), `new`, a store hook, a tracking call.
  auto called = [&](size_t end) {
    size_t next = source.find_first_not_of(" \t", end);
    return next != std::string_view::npos && source[next] == '(';
  };
  auto note_made = [&](size_t at) {
    std::string_view name = AssignedBefore(source, at);
    if (!name.empty()) hints.made.emplace(name);
  };
  ForEachWord(source, [&](std::string_view word) {
    size_t at = static_cast<size_t>(word.data() - source.data());
    size_t end = at + word.size();
    if (word == "Proxy") hints.proxy = true;
    if (word == "$" && end < source.size() && source[end] == ':')
      hints.svelte_label = true;  // `$:`
    if (word != "new" && !(word.size() > 5 && word.ends_with("Store")) &&
        !MayBeListed(word))
      return;
    if (word == "new" || ((Listed(word, kReactiveMakers) ||
                           (word.ends_with("Store") && word.size() > 5)) &&
                          called(end))) {
      note_made(at);
    }
    // `computed(...)` both makes a reactive object and tracks its
    // callback's reads: not one or the other.
    if ((Listed(word, kTrackingCalls) &&
         (called(end) || ImportedUnderAnotherName(source, end) ||
          AssignedAsValue(source, at))) ||
        (Listed(word, kTrackingOptionKeys) && OptionKey(source, end)))
      hints.tracking = true;
  });
  return hints;
}

}  // namespace

std::string ReactiveRead(TSNode read, std::string_view source) {
  const FileHints& hints = HintsOf(read, source);
  if (hints.made.empty() && !hints.tracking && !hints.proxy) return "";
  TSNode object = node::Unwrap(node::Field(read, "object"));
  while (node::Is(object, "member_expression"))  // `store.cart.total`
    object = node::Unwrap(node::Field(object, "object"));
  // `pay(new Proxy(cart, handler))` with `pay(cart)` reading `cart.total`:
  // which argument a parameter gets is not followed, so in a file that
  // makes a Proxy, a parameter's reads may run its traps.
  if (hints.proxy && node::Is(object, "identifier") &&
      ResolveName(node::Text(object, source), object, source).kind ==
          Binding::Kind::kParameter)
    return "a read of a parameter, in a file that makes a `Proxy` (which "
           "sees each read) that may be passed in";
  if (node::Is(object, "identifier") &&
      hints.made.contains(std::string(node::Text(object, source)))) {
    if (std::string maker = ReactiveMaker(object, source); !maker.empty())
      return "a read of " + maker;
  }
  return TrackedRead(read, source);
}

namespace {

// TrackedRead and TrackedNameRead: with `runes_only`, a tracking callback
// counts only when it is a Svelte rune's (`$effect`), which tracks names.
std::string Tracked(TSNode read, std::string_view source, bool runes_only) {
  const FileHints& hints = HintsOf(read, source);
  if (hints.svelte_label && InSvelteReactiveStatement(read, source))
    return "a read inside a Svelte `$:` statement, which reruns when what it "
           "read changes";
  if (!hints.tracking) return "";
  std::string call = TrackingCallAround(read, source);
  if (call.empty() || (runes_only && !call.starts_with("$"))) return "";
  return "a read inside `" + call + "`, which reruns when what it read changes";
}

}  // namespace

std::string TrackedRead(TSNode read, std::string_view source) {
  return Tracked(read, source, /*runes_only=*/false);
}

std::string TrackedNameRead(TSNode name, std::string_view source) {
  return Tracked(name, source, /*runes_only=*/true);
}

}  // namespace psm
