#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest).
# In CI (CI=true, or PSM_FULL_TESTS=1) it then also runs the sanitizer
# configurations (ASan+UBSan over the whole suite, TSan over the threaded
# paths: scripts/sanitizers.sh) and bounded fuzzing (60 s per libFuzzer
# target, scripts/fuzz.sh). .ci/run calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"

if [[ ${CI:-} == true || ${PSM_FULL_TESTS:-0} == 1 ]]; then
  echo "== sanitizer configurations (scripts/sanitizers.sh)" >&2
  ./scripts/sanitizers.sh all
  # Seeded and bounded by executions as well as time, so CI fuzzes the same
  # inputs on every run: a red CI is a real regression, not bad luck. Longer,
  # unseeded runs: scripts/fuzz.sh 600 (fuzz/README.md).
  seconds=${PSM_FUZZ_SECONDS:-60}
  echo "== bounded fuzzing (scripts/fuzz.sh, seed 1, <= $seconds s per target)" >&2
  FUZZ_ARGS="-seed=1 -runs=8000" ./scripts/fuzz.sh "$seconds" fuzz_migrate
  FUZZ_ARGS="-seed=1 -runs=400000" ./scripts/fuzz.sh "$seconds" fuzz_rules
  FUZZ_ARGS="-seed=1 -runs=60000" ./scripts/fuzz.sh "$seconds" fuzz_cli
fi
