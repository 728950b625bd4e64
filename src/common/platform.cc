#include "common/platform.h"

#include <unistd.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace psm {

#define PSM_STRINGIFY_(x) #x
#define PSM_STRINGIFY(x) PSM_STRINGIFY_(x)

bool IsTerminal(int fd) {
#ifdef __EMSCRIPTEN__
  return EM_ASM_INT({ return require('tty').isatty($0) ? 1 : 0; }, fd) == 1;
#else
  return ::isatty(fd) == 1;
#endif
}

const char* BuildDescription() {
#if defined(__EMSCRIPTEN__)
  return "WebAssembly (Emscripten " PSM_STRINGIFY(__EMSCRIPTEN_major__) "."
      PSM_STRINGIFY(__EMSCRIPTEN_minor__) "." PSM_STRINGIFY(__EMSCRIPTEN_tiny__)
      ", run by Node.js): one thread; no libgit2 (the built-in .gitignore "
      "reader, no --staged); an interrupt ends --write at once, so a "
      "temporary file may remain";
#elif defined(__x86_64__)
  return "native (x86_64)";
#elif defined(__aarch64__)
  return "native (aarch64)";
#else
  return "native";
#endif
}

}  // namespace psm
