#!/usr/bin/env bash
# The composite GitHub Action (action.yml) as a runner would run it: its
# step's script with GITHUB_ACTION_PATH and the inputs' variables, npx
# fetching the package of the action's version from a registry on loopback.
# Annotations and exit 1 on a legacy payload, SARIF when asked, exit 0 on
# migrated code.
# Usage: github_action_test.sh SOURCE_DIR TARBALL_DIR
set -uo pipefail
source_dir=$1 tarballs=$(cd "$2" && pwd)
source "$(dirname "$0")/lib.sh"
start_registry "$tarballs"

# action.yml runs the script this test runs, with these inputs.
/usr/bin/python3 - "$source_dir/action.yml" <<'PY' && pass || fail "action.yml does not run scripts/github-action.sh with the inputs"
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
step = action["runs"]["steps"][0]
assert action["runs"]["using"] == "composite"
assert "scripts/github-action.sh" in step["run"]
assert set(step["env"]) == {"PSM_PATHS", "PSM_SARIF", "PSM_ARGS"}
assert set(action["inputs"]) == {"paths", "sarif-file", "args"}
PY

mkdir -p "$work/repo/src" && cd "$work/repo" || exit 1
printf 'dr.createSource({type: "konbini", amount: 10});\n' >src/pay.js
GITHUB_ACTION_PATH=$source_dir PSM_PATHS=src PSM_SARIF=psm.sarif PSM_ARGS="" \
  "$source_dir/scripts/github-action.sh" >"$work/out" 2>"$work/err"
status=$?
[[ $status == 1 ]] && pass || fail "exit $status on a legacy payload: $(cat "$work/err")"
grep -q '^::error file=src/pay.js,line=1' "$work/out" && pass || fail "no annotation: $(cat "$work/out")"
node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (s.version !== "2.1.0" || !s.runs[0].results.length) process.exit(1)' \
  "$work/repo/psm.sarif" && pass || fail "no SARIF with results"

printf 'dr.createSource({type: "konbini", sessionId: s.id});\n' >src/pay.js
GITHUB_ACTION_PATH=$source_dir PSM_PATHS=src "$source_dir/scripts/github-action.sh" >"$work/out" 2>&1
status=$?
[[ $status == 0 ]] && pass || fail "exit $status on migrated code: $(cat "$work/out")"
finish "GitHub Action test"
