#!/usr/bin/env bash
# Builds the WebAssembly half of the npm package with Debian's emscripten
# into ${WASM_BUILD_DIR:-build-wasm}: payment-session-migrate.js and .wasm,
# run by Node.js (npm/payment-session-migrate/bin/ picks it). Extra
# arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${WASM_BUILD_DIR:-build-wasm}
# emcc's own tools require('acorn') from Debian's node modules, which a Node
# not from Debian does not search by itself.
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs
emcmake cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target payment-session-migrate >&2
