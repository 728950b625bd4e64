#!/usr/bin/env bash
# Builds the npm tarballs into OUTDIR from this checkout:
#   payment-session-migrate-VERSION.tgz                        launcher + WebAssembly build
#   payment-session-migrate-linux-x64-gnu-VERSION.tgz          the native Linux x64 binary
# The version is package.json's. Builds go to ${NPM_BUILD_DIR:-build-npm}
# (native/ and wasm/, reused by later runs). Usage: scripts/pack-npm.sh OUTDIR
set -euo pipefail
[[ $# == 1 ]] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
root=$(pwd)
builds=$(mkdir -p "${NPM_BUILD_DIR:-build-npm}" && cd "${NPM_BUILD_DIR:-build-npm}" && pwd)
./scripts/install-deps.sh
version=$(node -p 'require("./package.json").version')

# Both builds compile the tree-sitter runtime the npm `tree-sitter` package
# vendors, so they run the same one; the native binary links it and the C++
# runtime statically (ldd: glibc only).
BUILD_DIR=$builds/native ./scripts/build.sh -DPSM_TREE_SITTER_RUNTIME=npm \
  -DPSM_BUILD_TESTS=OFF -DPSM_STATIC_RUNTIME=ON >/dev/null
WASM_BUILD_DIR=$builds/wasm ./scripts/build-wasm.sh

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r npm/payment-session-migrate "$stage/main"
mkdir -p "$stage/main/wasm"
cp "$builds/wasm/payment-session-migrate.js" "$builds/wasm/payment-session-migrate.wasm" "$stage/main/wasm/"
cp -r npm/linux-x64-gnu "$stage/platform"
mkdir -p "$stage/platform/bin"
strip -o "$stage/platform/bin/payment-session-migrate" "$builds/native/payment-session-migrate"
# npm cannot check a glibc version; the launcher can, when the package says
# which one the binary was linked against (its newest GLIBC_ symbol).
glibc=$(objdump -T "$stage/platform/bin/payment-session-migrate" |
  grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
node "$root/npm/set-manifest.js" "$stage/main/package.json" "$version"
node "$root/npm/set-manifest.js" "$stage/platform/package.json" "$version" "$glibc"

for dir in "$stage/platform" "$stage/main"; do
  (cd "$dir" && npm pack --silent --pack-destination "$out" >/dev/null)
done
ls -l "$out"/payment-session-migrate-*"$version".tgz >&2
