#!/usr/bin/env bash
# The step action.yml runs: the npm package of the action's version (the
# tag the workflow names), --check --format github on PSM_PATHS, SARIF to
# PSM_SARIF when set, PSM_ARGS added. Exit status: the tool's.
set -euo pipefail
version=$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json")
args=(--check --format github)
[[ -n ${PSM_SARIF:-} ]] && args+=(--sarif-report "$PSM_SARIF")
# Word splitting is wanted: paths and extra arguments are space-separated.
# shellcheck disable=SC2206
args+=(${PSM_ARGS:-} ${PSM_PATHS:-.})
exec npx --yes "payment-session-migrate@$version" "${args[@]}"
