#include "io/git_api.h"

#include <dlfcn.h>

namespace psm {
namespace {

// Sonames of the libgit2 releases whose API matches the headers we build
// with (the functions used here have been stable since 1.0).
constexpr const char* kSonames[] = {
    "libgit2.so.1.5", "libgit2.so.1.6", "libgit2.so.1.7", "libgit2.so.1.8",
    "libgit2.so.1.4", "libgit2.so.1.3", "libgit2.so"};

const GitApi* Load() {
  void* handle = nullptr;
  for (const char* soname : kSonames) {
    if ((handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL))) break;
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
}

}  // namespace

const GitApi* Git() {
  static const GitApi* api = Load();
  return api;
}

}  // namespace psm
