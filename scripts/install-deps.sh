#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing:
# Debian packages (as root, via apt-get) and the pinned tree-sitter grammars
# and runtime sources (npm ci --ignore-scripts in grammars/: sources only,
# no install scripts run). emscripten builds the WebAssembly half of the npm
# package; pre-commit runs the hook tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config git libtree-sitter-dev nlohmann-json3-dev
          libgtest-dev libcli11-dev libgit2-dev dpkg-dev chromium clang libclang-rt-14-dev
          emscripten pre-commit nodejs npm php-cli)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere than Debian: accept what is on PATH.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cd grammars
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.psm-lock 2>/dev/null; then
  echo "install-deps: npm ci --ignore-scripts in grammars/ (tree-sitter grammars and runtime)" >&2
  # The registry drops idle connections now and then (EIDLETIMEOUT): a
  # failed install is tried again, from scratch, twice.
  for attempt in 1 2 3; do
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 && break
    [ "$attempt" -lt 3 ] || exit 1
    echo "install-deps: npm ci failed (attempt $attempt of 3); trying again in $((attempt * 10)) s" >&2
    sleep $((attempt * 10))
  done
  cp package-lock.json node_modules/.psm-lock
fi
