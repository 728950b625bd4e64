#!/usr/bin/env bash
# Bounded fuzzing, as CI runs it: builds the libFuzzer targets (clang,
# -DPSM_FUZZ=ON) into build-fuzz/ and runs each for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: fuzz_migrate fuzz_rules fuzz_cli
#
# First, each input in fuzz/regressions/<target>/ (inputs that once broke a
# target) is run once; a failure there is reported as REGRESSION and makes
# the exit status 1, and fuzzing goes on.
# Each target starts from its seed corpus build-fuzz/seeds/<target>/, made
# from the fixtures by fuzz/make-seeds.sh at the start of every run,
# plus a working corpus build-fuzz/corpus/<target>/ that keeps what earlier
# runs found. Crash inputs go to build-fuzz/artifacts/. Prints per target:
# executions, exec/s, coverage, new units, crashes. Exit status 1 when any
# target crashed or broke an invariant, 2 on a build problem.
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_ARGS (extra
# libFuzzer flags), FUZZ_KEEP_GOING=1 (fork mode: keep fuzzing after a
# crash and count the crash artifacts; for long runs with known bugs),
# PSM_FUZZ_STRICT=0 (skip the one-line error checks, see fuzz/README.md),
# CC/CXX (default clang).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_migrate fuzz_rules fuzz_cli)
case "$seconds" in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;; esac

if ! grep -q 'PSM_FUZZ' "$root/CMakeLists.txt"; then
  echo "fuzz.sh: the top-level CMakeLists.txt has no PSM_FUZZ option yet; see fuzz/README.md" >&2
  exit 2
fi
"$root/fuzz/make-seeds.sh" "$build/seeds" || exit 2

generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
echo "fuzz.sh: building into $build" >&2
mkdir -p "$build/logs"
if ! CC="${CC:-clang}" CXX="${CXX:-clang++}" cmake -S "$root" -B "$build" "${generator[@]}" \
       -DPSM_FUZZ=ON -DPSM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build/logs/configure.log" 2>&1; then
  cat "$build/logs/configure.log" >&2
  exit 2
fi
if ! cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >"$build/logs/build.log" 2>&1; then
  tail -n 40 "$build/logs/build.log" >&2
  exit 2
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/artifacts" "$build/logs"
status=0
printf '%-14s %6s %12s %9s %7s %7s %7s  %s\n' target seconds executions exec/s cov ft new result
for target in "${targets[@]}"; do
  binary="$(find "$build" -type f -name "$target" -perm -u+x | head -n 1)"
  if [ -z "$binary" ]; then echo "fuzz.sh: $target was not built" >&2; exit 2; fi
  regressions=("$root/fuzz/regressions/$target"/*)
  regression_failed=0
  if [ -e "${regressions[0]}" ]; then
    rlog="$build/logs/$target.regressions.log"
    if "$binary" -timeout=25 "${regressions[@]}" >"$rlog" 2>&1; then
      echo "$target: ${#regressions[@]} regression input(s) pass" >&2
    else
      status=1
      regression_failed=1
      echo "$target: REGRESSION: an input in fuzz/regressions/$target/ fails ($rlog):" >&2
      grep -aE '^Running: |invariant broken|what\(\): |runtime error: |ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$rlog" |
        tail -n 4 | sed 's/^/  /' >&2
    fi
  fi
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  dict=()
  [ -f "$root/fuzz/$target.dict" ] && dict=(-dict="$root/fuzz/$target.dict")
  log="$build/logs/$target.log"
  mode=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  touch "$build/logs/$target.started"
  # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
  "$binary" "$corpus" "$build/seeds/$target" "${dict[@]}" "${mode[@]}" \
      -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" ${FUZZ_ARGS:-} >"$log" 2>&1
  rc=$?
  artifacts="$(find "$build/artifacts" -name "$target-*" -newer "$build/logs/$target.started" | wc -l)"
  if grep -qE '^#[0-9]+: cov: ' "$log"; then  # fork mode: "#N: cov: C ft: F corp: K exec/s E ..."
    last="$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1)"
    execs="$(sed -n 's/^#\([0-9]*\):.*/\1/p' <<<"$last")"
    rate="$(sed -n 's/.* exec\/s \([0-9]*\).*/\1/p' <<<"$last")"
    new="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")"; new="corp=$new"
  else
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
    new="$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)"
    last="$(grep -E '^#[0-9]+' "$log" | grep ' cov: ' | tail -n 1)"
  fi
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  crashed=0
  if [ $rc -ne 0 ] || [ "$artifacts" -gt 0 ] ||
     grep -qE '^==[0-9]+==ERROR|deadly signal|invariant broken|runtime error:|Test unit written' "$log"; then
    crashed=1
  fi
  result=ok
  [ $crashed = 1 ] && result="CRASH ($artifacts artifact(s) in $build/artifacts)"
  [ $regression_failed = 1 ] && result="$result; REGRESSION failed"
  printf '%-14s %6s %12s %9s %7s %7s %7s  %s\n' "$target" "$seconds" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "${new:-?}" "$result"
  if [ $crashed = 1 ]; then
    status=1
    echo "---- $target: $log (exit $rc) ----" >&2
    # Distinct causes (each new artifact re-run once; fork mode does not
    # forward the reports), then the first report's frames in the project's code.
    find "$build/artifacts" -name "$target-*" -newer "$build/logs/$target.started" | head -n 200 |
      while read -r artifact; do
        timeout 60 "$binary" "$artifact" 2>&1 |
          grep -aoE "invariant broken.*|what\(\): .*|runtime error: .*|ERROR: AddressSanitizer: [a-z-]+|ERROR: LeakSanitizer.*|ERROR: libFuzzer: [a-z -]+" |
          head -n 1
      done | sed -E "s/'[^']*'/'…'/g" | sort | uniq -c | sort -rn | head -n 10 >&2
    grep -aE '^    #[0-9]+ .* in (psm::|LLVMFuzzerTestOneInput)' "$log" | head -n 8 >&2
    find "$build/artifacts" -name "$target-*" -newer "$build/logs/$target.started" | head -n 3 |
      sed 's/^/  artifact: /' >&2
  fi
done
exit $status
