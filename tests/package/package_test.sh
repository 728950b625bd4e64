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
version=$("$work/prefix/bin/payment-session-migrate" --version)
[[ $version == "payment-session-migrate 0."* ]] || { echo "installed binary: $version"; exit 1; }
man -l "$work/prefix/share/man/man1/payment-session-migrate.1" >/dev/null 2>&1 ||
  grep -q '^.TH PAYMENT-SESSION-MIGRATE 1' "$work/prefix/share/man/man1/payment-session-migrate.1"

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" >/dev/null)
deb=$(ls "$work"/*.deb)
# Captured first: `grep -q` closing the pipe early would fail it under pipefail.
info=$(dpkg-deb --info "$deb")
grep -q "Package: payment-session-migrate" <<<"$info" || { echo "bad package name"; exit 1; }
# tree-sitter is linked in unless the build chose the shared library
# (PSM_STATIC_RUNTIME=OFF): then the package must depend on it.
if ldd "$build_dir/payment-session-migrate" | grep -q libtree-sitter; then
  grep -q "Depends:.*libtree-sitter" <<<"$info" || { echo "missing dependency on libtree-sitter"; exit 1; }
fi
grep -q "Depends:.*libc6" <<<"$info" || { echo "missing dependency on libc6"; exit 1; }
grep -q "Depends:.*libgit2" <<<"$info" || { echo "missing dependency on libgit2"; exit 1; }
dpkg -x "$deb" "$work/root"
version=$("$work/root/usr/bin/payment-session-migrate" --version)
[[ $version == "payment-session-migrate 0."* ]] || { echo "packaged binary: $version"; exit 1; }
out=$(printf 'dr.createSource({type: "konbini", amount: 1});\n' |
  "$work/root/usr/bin/payment-session-migrate" --stdin --session-id s)
[[ $out == *"sessionId: s"* ]] || { echo "packaged binary did not migrate: $out"; exit 1; }
echo "package test: 1 passed, 0 failed"
