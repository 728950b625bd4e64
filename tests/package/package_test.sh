#!/usr/bin/env bash
# Installs with `cmake --install` into a temporary prefix, builds the .deb
# with CPack, unpacks it into a temporary root, and runs what each put in
# place. Usage: package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
for f in bin/payment-session-migrate share/payment-session-migrate/payment-methods.json \
         share/man/man1/payment-session-migrate.1; do
  [ -e "$work/prefix/$f" ] || { echo "cmake --install did not install $f"; exit 1; }
done
"$work/prefix/bin/payment-session-migrate" --version | grep -q "payment-session-migrate 0."
man -l "$work/prefix/share/man/man1/payment-session-migrate.1" >/dev/null 2>&1 ||
  grep -q '^.TH PAYMENT-SESSION-MIGRATE 1' "$work/prefix/share/man/man1/payment-session-migrate.1"

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" >/dev/null)
deb=$(ls "$work"/*.deb)
dpkg-deb --info "$deb" | grep -q "Package: payment-session-migrate"
dpkg-deb --info "$deb" | grep -q "Depends:.*libtree-sitter"
dpkg -x "$deb" "$work/root"
"$work/root/usr/bin/payment-session-migrate" --version | grep -q "payment-session-migrate 0."
printf 'dr.createSource({type: "konbini", amount: 1});\n' |
  "$work/root/usr/bin/payment-session-migrate" --stdin --session-id s |
  grep -q 'sessionId: s'
echo "package test: 1 passed, 0 failed"
