#!/usr/bin/env bash
# Installs what is missing, builds, and runs the tool on the bundled legacy
# checkout code in examples/: prints the diff it would apply and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
echo "== payment-session-migrate --diff examples/ ==" >&2
# On a copy outside this repository, as a merchant's checkout would be: in
# place, the tool takes the enclosing git work tree for the project, and
# this repository's fixtures define createSource clients of their own that
# the examples' untraced receivers might be.
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R examples "$work/examples"
status=0
(cd "$work" && "$root/build/payment-session-migrate" --diff \
  --session-id 'checkout.payment.session.id' examples/) || status=$?
# Exit 0 (done) is expected; anything else is a real failure.
exit "$status"
