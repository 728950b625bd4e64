#!/usr/bin/env bash
# Configures and builds into ./build (Release). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B "${BUILD_DIR:-build}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "${BUILD_DIR:-build}" -j"$(nproc)" >&2  # stdout stays for the tool's output
