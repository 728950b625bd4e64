#ifndef PSM_COMMON_PLATFORM_H_
#define PSM_COMMON_PLATFORM_H_

namespace psm {

// What the build running can do. The native build has threads, signals and
// libgit2 (loaded at run time when installed). The WebAssembly build
// (Emscripten, run by Node.js from the npm package) has one thread, no
// signal handlers (Node ends the process on SIGINT) and no libgit2; the
// code paths that need them ask here instead of failing at run time.
#ifdef __EMSCRIPTEN__
inline constexpr bool kHasThreads = false;
inline constexpr bool kHasSignals = false;
inline constexpr bool kIsWebAssembly = true;
#else
inline constexpr bool kHasThreads = true;
inline constexpr bool kHasSignals = true;
inline constexpr bool kIsWebAssembly = false;
#endif

// Whether `fd` is a terminal. Emscripten's isatty() answers yes for every
// standard stream under Node, so the WebAssembly build asks Node itself.
bool IsTerminal(int fd);

// One line for --version: native or WebAssembly, and what the latter lacks.
const char* BuildDescription();

}  // namespace psm

#endif  // PSM_COMMON_PLATFORM_H_
