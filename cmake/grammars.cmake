# Grammars and (for the npm builds) the tree-sitter runtime come from the
# npm registry, pinned in grammars/package-lock.json and installed by
# `npm ci --ignore-scripts` in grammars/ (scripts/install-deps.sh).
set(PSM_GRAMMARS ${CMAKE_SOURCE_DIR}/grammars/node_modules)
foreach(grammar_dir
    tree-sitter-javascript/src
    tree-sitter-typescript/typescript/src
    tree-sitter-typescript/tsx/src
    tree-sitter-php/php/src)
  if(NOT EXISTS ${PSM_GRAMMARS}/${grammar_dir}/parser.c)
    message(FATAL_ERROR "Missing ${PSM_GRAMMARS}/${grammar_dir}/parser.c: "
                        "run `npm ci --ignore-scripts` in ${CMAKE_SOURCE_DIR}/grammars first")
  endif()
endforeach()

function(psm_npm_version out package)
  file(READ ${PSM_GRAMMARS}/${package}/package.json json)
  string(JSON version GET "${json}" version)
  set(${out} ${version} PARENT_SCOPE)
endfunction()
psm_npm_version(PSM_GRAMMAR_JAVASCRIPT_VERSION tree-sitter-javascript)
psm_npm_version(PSM_GRAMMAR_TYPESCRIPT_VERSION tree-sitter-typescript)
psm_npm_version(PSM_GRAMMAR_PHP_VERSION tree-sitter-php)

# Each grammar's parser.c includes its own "tree_sitter/parser.h", so each is
# its own library with its own include directory.
function(psm_grammar name dir)
  add_library(${name} STATIC ${dir}/parser.c ${dir}/scanner.c)
  target_include_directories(${name} PRIVATE ${dir})
  set_target_properties(${name} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${name} PRIVATE -w)
endfunction()
psm_grammar(grammar_javascript ${PSM_GRAMMARS}/tree-sitter-javascript/src)
psm_grammar(grammar_typescript ${PSM_GRAMMARS}/tree-sitter-typescript/typescript/src)
psm_grammar(grammar_tsx ${PSM_GRAMMARS}/tree-sitter-typescript/tsx/src)
# PHP's `php` grammar, not `php_only`: PHP files and templates start in HTML
# text and enter PHP at `<?php`, which only `php` reads (its scanner.c
# includes ../../common/scanner.h, found from the source directory).
psm_grammar(grammar_php ${PSM_GRAMMARS}/tree-sitter-php/php/src)

# The runtime: Debian's libtree-sitter by default; "npm" compiles the one the
# npm `tree-sitter` package vendors, so the native and WebAssembly builds of
# the npm packages run the very same runtime (there is no Debian library for
# WebAssembly).
# A position-dependent executable on Linux: the dynamic loader then has no
# relative relocations to apply and no pages of pointers to copy at start-up
# (6,300 relocations; the 5-file pre-commit run 11.98 -> 10.84 ms median,
# docs/performance.md). Only where the runtime is linked in: sanitizer and
# fuzzer builds keep the compiler's default (ThreadSanitizer wants a PIE).
set(PSM_NO_PIE "")
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT EMSCRIPTEN)
  include(CheckLinkerFlag)
  check_linker_flag(CXX -no-pie PSM_LINKER_HAS_NO_PIE)
  if(PSM_LINKER_HAS_NO_PIE)
    set(PSM_NO_PIE -no-pie)
  endif()
endif()

set(PSM_TREE_SITTER_RUNTIME system CACHE STRING "tree-sitter runtime: system or npm")
if(PSM_TREE_SITTER_RUNTIME STREQUAL "npm")
  set(psm_ts_lib ${PSM_GRAMMARS}/tree-sitter/vendor/tree-sitter/lib)
  add_library(tree_sitter_runtime STATIC ${psm_ts_lib}/src/lib.c)
  target_include_directories(tree_sitter_runtime
    PUBLIC ${psm_ts_lib}/include PRIVATE ${psm_ts_lib}/src)
  set_target_properties(tree_sitter_runtime PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
  target_compile_options(tree_sitter_runtime PRIVATE -w)
  set(TREE_SITTER_LIBRARY tree_sitter_runtime)
  set(TREE_SITTER_INCLUDE_DIR ${psm_ts_lib}/include)
  psm_npm_version(psm_ts_npm_version tree-sitter)
  set(PSM_TREE_SITTER_RUNTIME_VERSION "npm tree-sitter ${psm_ts_npm_version} (vendored lib)")
  if(NOT EMSCRIPTEN)
    set(PSM_STATIC_LINK_OPTIONS -static-libstdc++ -static-libgcc ${PSM_NO_PIE})
  endif()
else()
  # Start-up is a real part of a pre-commit run (a few small files): with
  # tree-sitter and the C++ runtime linked in, the dynamic loader has far
  # less to do (--version: 2.3 -> 1.6 ms here; see docs/performance.md).
  # Sanitizer and fuzzer builds keep the shared libraries.
  if(PSM_STATIC_RUNTIME AND NOT PSM_FUZZ AND NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
    find_library(TREE_SITTER_LIBRARY_STATIC NAMES libtree-sitter.a)
  endif()
  if(TREE_SITTER_LIBRARY_STATIC)
    set(TREE_SITTER_LIBRARY ${TREE_SITTER_LIBRARY_STATIC})
    set(PSM_STATIC_LINK_OPTIONS -static-libstdc++ -static-libgcc ${PSM_NO_PIE})
  else()
    find_library(TREE_SITTER_LIBRARY NAMES tree-sitter REQUIRED)
    set(PSM_STATIC_LINK_OPTIONS "")
  endif()
  find_path(TREE_SITTER_INCLUDE_DIR tree_sitter/api.h REQUIRED)
  # Debian's tree-sitter.pc carries no release number; the package does.
  execute_process(COMMAND dpkg-query -W -f=\${Version} libtree-sitter-dev
                  OUTPUT_VARIABLE psm_ts_deb RESULT_VARIABLE psm_ts_status ERROR_QUIET)
  if(psm_ts_status EQUAL 0 AND psm_ts_deb)
    set(PSM_TREE_SITTER_RUNTIME_VERSION "${psm_ts_deb} (Debian libtree-sitter)")
  else()
    set(PSM_TREE_SITTER_RUNTIME_VERSION "system library")
  endif()
endif()
