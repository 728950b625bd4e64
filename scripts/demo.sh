#!/usr/bin/env bash
# Installs what is missing, builds, and runs the tool on the bundled legacy
# checkout code in examples/: prints the diff it would apply and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
echo "== payment-session-migrate --diff examples/ ==" >&2
status=0
./build/payment-session-migrate --diff --session-id 'checkout.payment.session.id' examples/ || status=$?
# Exit 0 (done) is expected; anything else is a real failure.
exit "$status"
