# The WebAssembly build (Emscripten, run by Node.js from the npm package;
# scripts/build-wasm.sh). Debian's header-only libraries are used as they
# are, through a directory holding only them: putting /usr/include itself on
# the path would mix glibc's headers into Emscripten's libc. libgit2 is never
# loaded here, but git_api.h needs its declarations.
set(psm_host_headers ${CMAKE_BINARY_DIR}/host-headers)
file(MAKE_DIRECTORY ${psm_host_headers})
foreach(entry nlohmann CLI git2 git2.h)
  if(NOT EXISTS /usr/include/${entry})
    message(FATAL_ERROR "/usr/include/${entry} is missing: install nlohmann-json3-dev libcli11-dev libgit2-dev")
  endif()
  file(CREATE_LINK /usr/include/${entry} ${psm_host_headers}/${entry} SYMBOLIC)
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${psm_host_headers})
add_library(CLI11::CLI11 INTERFACE IMPORTED)
target_include_directories(CLI11::CLI11 SYSTEM INTERFACE ${psm_host_headers})
set(LIBGIT2_INCLUDE_DIRS ${psm_host_headers})
add_library(Threads::Threads INTERFACE IMPORTED)  # one thread: common/platform.h

set(PSM_TREE_SITTER_RUNTIME npm CACHE STRING "" FORCE)
set(PSM_BUILD_TESTS OFF CACHE BOOL "" FORCE)
# CLI11 reports usage errors by throwing, so C++ exceptions must work.
add_compile_options(-fexceptions)
# Node.js, real file system (NODERAWFS), compiled synchronously at start-up
# (otherwise Node 20 tries fetch() on the .wasm path), memory as needed, and
# exit() ends the process with its status. The stack matches the deepest
# trees the native build handles (tree-sitter and the finders recurse).
set(PSM_WASM_LINK_OPTIONS
  -fexceptions -sENVIRONMENT=node -sNODERAWFS=1 -sWASM_ASYNC_COMPILATION=0
  -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sTOTAL_STACK=8MB
  -sINITIAL_MEMORY=64MB)
