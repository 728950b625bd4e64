#include "io/git_api.h"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>

namespace psm {
namespace {

#ifndef __EMSCRIPTEN__
// Sonames of the libgit2 releases whose API matches the headers we build
// with (the functions used here have been stable since 1.0).
constexpr const char* kSonames[] = {
    "libgit2.so.1.5", "libgit2.so.1.6", "libgit2.so.1.7", "libgit2.so.1.8",
    "libgit2.so.1.4", "libgit2.so.1.3", "libgit2.so"};
#endif

// PSM_LIBGIT2=off behaves as a machine without libgit2 (tests, and a way
// round a broken installation). The WebAssembly build never has it.
const GitApi* Load() {
#ifdef __EMSCRIPTEN__
  return nullptr;
#else
  const char* setting = std::getenv("PSM_LIBGIT2");
  if (setting && std::strcmp(setting, "off") == 0) return nullptr;
  void* handle = nullptr;
  for (const char* soname : kSonames) {
    // Lazy binding: resolving all of libgit2's and its dependencies'
    // symbols up front (RTLD_NOW) cost ~10 ms per run.
    if ((handle = ::dlopen(soname, RTLD_LAZY | RTLD_LOCAL))) break;
  }
  if (!handle) return nullptr;
  static GitApi api;
  bool complete = true;
#define PSM_GIT_LOAD(name)                                                 \
  api.name = reinterpret_cast<decltype(api.name)>(::dlsym(handle, #name)); \
  complete = complete && api.name != nullptr;
  PSM_GIT_FUNCTIONS(PSM_GIT_LOAD)
#undef PSM_GIT_LOAD
  return complete ? &api : nullptr;
#endif
}

}  // namespace

const GitApi* Git() {
  static const GitApi* api = Load();
  return api;
}

std::string LastGitError(const char* what) {
  const git_error* e = Git()->git_error_last();
  return std::string(what) +
         (e && e->message ? std::string(": ") + e->message : "");
}

}  // namespace psm
