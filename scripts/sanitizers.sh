#!/usr/bin/env bash
# Sanitizer builds, as CI configurations (gcc):
#   build-asan  AddressSanitizer + UndefinedBehaviorSanitizer, any error fatal;
#               runs the whole test suite.
#   build-tsan  ThreadSanitizer; runs every test that starts threads: the
#               end-to-end and fault tests run the CLI with -j 2 (the default
#               is all cores), so the binary under test -- PSM_BINARY, the
#               build directory's own, TSan-instrumented -- runs the ordered
#               pool. Only the single-threaded property test is left out.
#
#   scripts/sanitizers.sh [asan|tsan|all]      (default all)
#
# Environment: ASAN_BUILD_DIR / TSAN_BUILD_DIR, CTEST_JOBS (default nproc),
# TSAN_CTEST_ARGS (default: -E PayloadPropertyTest), CC/CXX (default gcc/g++).
# Exit status: 0 when every configuration passed, 1 otherwise, 2 when a
# build failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
which="${1:-all}"
jobs="${CTEST_JOBS:-$(nproc)}"
export CC="${CC:-gcc}" CXX="${CXX:-g++}"

# Sanitizer runtime options: stop at the first report, with a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:history_size=4}"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# build NAME DIR FLAGS: configures and builds DIR with FLAGS for C and C++.
build() {
  local name="$1" dir="$2" flags="$3"
  echo "== $name: configuring $dir ($CXX, $flags)" >&2
  mkdir -p "$dir"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
      -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$dir/configure.log" 2>&1 ||
      { cat "$dir/configure.log" >&2; return 1; }
  else
    cmake -S "$root" -B "$dir" -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
      -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$dir/configure.log" 2>&1 ||
      { cat "$dir/configure.log" >&2; return 1; }
  fi
  echo "== $name: building" >&2
  cmake --build "$dir" -j"$(nproc)" >"$dir/build.log" 2>&1 ||
    { tail -n 40 "$dir/build.log" >&2; return 1; }
}

# run NAME DIR CTEST-ARGS...: runs ctest, prints the failures and the first
# sanitizer reports.
run() {
  local name="$1" dir="$2"
  shift 2
  echo "== $name: ctest $*" >&2
  local log="$dir/ctest.log" started=$SECONDS rc=0
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 900 "$@" >"$log" 2>&1 || rc=$?
  local summary
  summary="$(grep -E 'tests passed|tests failed' "$log" | tail -n 1)"
  printf '%-5s %s (%ss)\n' "$name" "${summary:-no tests ran}" "$(( SECONDS - started ))"
  if [ $rc -ne 0 ]; then
    grep -E '^\s+[0-9]+ - ' "$log" | grep -v '(Skipped)' | head -n 30 >&2
    grep -aE 'ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer|runtime error:|SUMMARY: ' "$log" |
      sort | uniq -c | sort -rn | head -n 20 >&2
    echo "   full log: $log" >&2
  fi
  return $rc
}

status=0
if [ "$which" = all ] || [ "$which" = asan ]; then
  dir="${ASAN_BUILD_DIR:-$root/build-asan}"
  if build asan "$dir" "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -O1 -g"; then
    run asan "$dir" || status=1
  else
    status=2
  fi
fi
if [ "$which" = all ] || [ "$which" = tsan ]; then
  dir="${TSAN_BUILD_DIR:-$root/build-tsan}"
  if build tsan "$dir" "-fsanitize=thread -fno-omit-frame-pointer -O1 -g"; then
    # shellcheck disable=SC2086  # a list of ctest arguments
    run tsan "$dir" ${TSAN_CTEST_ARGS:--E PayloadPropertyTest} || { [ $status = 0 ] && status=1; }
  else
    status=2
  fi
fi
exit $status
