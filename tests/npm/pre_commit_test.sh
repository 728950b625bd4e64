#!/usr/bin/env bash
# The real pre-commit (Debian's) in a scratch git repository whose
# .pre-commit-config.yaml points at a local clone of this repository, as a
# merchant's would: the check hook fails on a staged legacy payload, the fix
# hook rewrites it, the check hook then passes. Once with the `language:
# node` hooks and no binary on PATH (pre-commit installs this repository's
# package.json; its dependency comes from the packed tarballs, served by a
# registry on loopback), once with the `-system` hooks and the binary on PATH.
# Usage: pre_commit_test.sh SOURCE_DIR BUILD_DIR TARBALL_DIR
set -uo pipefail
source_dir=$1 build_dir=$2 tarballs=$(cd "$3" && pwd)
source "$(dirname "$0")/lib.sh"
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (apt-get install pre-commit)"; exit 1; }
start_registry "$tarballs"
export PRE_COMMIT_HOME=$work/pre-commit-home
git_quiet() { git -c user.email=t@example.com -c user.name=t -c init.defaultBranch=main "$@" >/dev/null 2>&1; }

# The hook repository: this checkout's files as they are, committed. One
# tar reads the whole list (`xargs tar` split it into several archives once
# the repository passed ~1,800 files, and the extracting tar stopped at the
# end of the first: package.json was missing and pre-commit asserted).
mkdir -p "$work/hooks-repo"
(cd "$source_dir" && git ls-files -z --cached --others --exclude-standard |
  tar -cf - --null -T - --ignore-failed-read 2>/dev/null) | tar -xf - -C "$work/hooks-repo"
[[ -f "$work/hooks-repo/package.json" ]] || fail "the hook repository lacks package.json"
(cd "$work/hooks-repo" && git_quiet init && git_quiet add -A && git_quiet commit -m hooks)
rev=$(git -C "$work/hooks-repo" rev-parse HEAD)

# run_hooks SUFFIX PATH_VALUE: check fails, fix rewrites, check passes.
run_hooks() {
  local suffix=$1 path=$2 repo=$work/merchant$1
  mkdir -p "$repo/src"
  cd "$repo" || return
  git_quiet init
  cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks-repo
    rev: $rev
    hooks:
      - id: payment-session-migrate$suffix
      - id: payment-session-migrate-fix$suffix
        stages: [manual]
YAML
  echo '{"sessionId": "checkout.payment.session.id"}' >.payment-session-migrate.json
  printf 'dr.createSource({\n  type: "konbini",\n  amount: 10,\n  currency: "JPY"\n});\n' >src/pay.js
  git_quiet add -A
  PATH=$path pre-commit run --hook-stage commit >"$work/run1.log" 2>&1
  local status=$?
  [[ $status == 1 ]] && grep -q "src/pay.js:1:1" "$work/run1.log" && pass ||
    fail "check hook$suffix on a legacy payload: exit $status, $(cat "$work/run1.log")"
  PATH=$path pre-commit run --hook-stage manual "payment-session-migrate-fix$suffix" >"$work/run2.log" 2>&1
  grep -q "sessionId: checkout.payment.session.id" src/pay.js && ! grep -q amount src/pay.js && pass ||
    fail "fix hook$suffix did not rewrite: $(cat "$work/run2.log") $(cat src/pay.js)"
  git_quiet add -A
  PATH=$path pre-commit run --hook-stage commit >"$work/run3.log" 2>&1
  status=$?
  [[ $status == 0 ]] && pass || fail "check hook$suffix after the fix: exit $status, $(cat "$work/run3.log")"
}

# No payment-session-migrate on PATH: only where node, npm, git and
# pre-commit live.
bare_path=$(for tool in node npm git pre-commit tar; do dirname "$(command -v $tool)"; done | sort -u | paste -sd:)
if PATH=$bare_path command -v payment-session-migrate >/dev/null; then
  fail "payment-session-migrate is installed next to node or pre-commit: cannot test without it on PATH"
fi
run_hooks "" "$bare_path"
run_hooks "-system" "$build_dir:$bare_path"
finish "pre-commit test"
