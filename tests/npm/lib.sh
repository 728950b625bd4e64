# Shared by the npm tests: a scratch directory, the loopback registry, and
# running commands with a clean npm configuration (no user .npmrc, a cache
# of their own, the registry on loopback), so nothing reaches the network.
work=$(mktemp -d)
registry_pid=""
cleanup() {
  [[ -n $registry_pid ]] && kill "$registry_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
failed=0
passed=0
pass() { passed=$((passed + 1)); }

export npm_config_cache=$work/npm-cache
export npm_config_userconfig=$work/npmrc
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
: >"$work/npmrc"

# start_registry TARBALL_DIR: serves the tarballs; sets npm_config_registry.
start_registry() {
  node "$(dirname "${BASH_SOURCE[0]}")/registry.js" "$1" --seconds 900 >"$work/registry.port" &
  registry_pid=$!
  for _ in $(seq 100); do [[ -s $work/registry.port ]] && break; sleep 0.1; done
  export npm_config_registry="http://127.0.0.1:$(cat "$work/registry.port")/"
}

# The tool's stderr with the run time of its summary taken out.
untimed() { sed -E 's/ \([0-9.]+s\)$//' "$1"; }

finish() {
  echo "$1: $passed passed, $failed failed"
  ((failed == 0))
}
