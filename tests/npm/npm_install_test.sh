#!/usr/bin/env bash
# Installs the packed tarballs into a fresh project with `npm install
# --offline` (from the tarballs only) and runs `npx payment-session-migrate`
# on the examples and on every fixture, native and WebAssembly
# (PAYMENT_SESSION_MIGRATE_WASM=1): outputs, diffs, reports, written files
# and exit status must be byte-identical to the build-tree binary's. Also:
# the packaged binary needs nothing but glibc (ldd).
# Usage: npm_install_test.sh SOURCE_DIR BUILD_DIR TARBALL_DIR
set -uo pipefail
source_dir=$1 build_dir=$2 tarballs=$(cd "$3" && pwd)
source "$(dirname "$0")/lib.sh"
version=$(node -p "require('$source_dir/package.json').version")
main_tgz=$tarballs/payment-session-migrate-$version.tgz
platform_tgz=$tarballs/payment-session-migrate-linux-x64-gnu-$version.tgz

# The version has one home (package.json); everything else must agree.
[[ $(node -p "require('$source_dir/package.json').dependencies['payment-session-migrate']") == "$version" ]] &&
  pass || fail "package.json: the hook package's dependency is not version $version"
[[ $(grep -m1 '^## ' "$source_dir/CHANGELOG.md") == "## $version "* ]] && pass ||
  fail "CHANGELOG.md: the newest heading is not $version"
[[ $("$build_dir/payment-session-migrate" --version | head -1) == "payment-session-migrate $version" ]] &&
  pass || fail "the build tree's binary is not version $version"

mkdir -p "$work/project"
cd "$work/project" || exit 1
echo '{"name": "merchant-shop", "private": true}' >package.json
if npm install --offline --no-audit --loglevel=error "$main_tgz" "$platform_tgz" >"$work/install.log" 2>&1; then
  pass
else
  fail "npm install --offline: $(cat "$work/install.log")"
  finish "npm install test"; exit 1
fi
npx_psm() { (cd "$1" && shift && "$work/project/node_modules/.bin/payment-session-migrate" "$@"); }
reference() { (cd "$1" && shift && "$build_dir/payment-session-migrate" "$@"); }

# Each build says which it is.
[[ $(npx_psm . --version) == *"build: native"* ]] && pass || fail "npx did not pick the native binary: $(npx_psm . --version)"
[[ $(PAYMENT_SESSION_MIGRATE_WASM=1 npx_psm . --version) == *"build: WebAssembly"* ]] && pass ||
  fail "PAYMENT_SESSION_MIGRATE_WASM=1 did not run WebAssembly"
[[ $(npx_psm . --version | head -1) == "payment-session-migrate $version" ]] && pass || fail "--version: wrong version"

# ldd: glibc only.
binary=node_modules/@payment-session-migrate/linux-x64-gnu/bin/payment-session-migrate
others=$(ldd "$binary" | grep -vE 'linux-vdso|libc\.so|libm\.so|ld-linux' || true)
[[ -z $others ]] && pass || fail "the packaged binary needs more than glibc: $others"

# compare NAME DIR ARGS...: the same stdout, stderr and status from the
# build-tree binary, npx (native) and npx with WebAssembly; $package_env
# (VAR=value) applies to the last two only.
compare() {
  local name=$1 dir=$2; shift 2
  reference "$dir" "$@" >"$work/ref.out" 2>"$work/ref.err"; local ref_status=$?
  for build in native wasm; do
    local wasm=0; [[ $build == wasm ]] && wasm=1
    (if [[ -n ${package_env:-} ]]; then export "${package_env?}"; fi
     PAYMENT_SESSION_MIGRATE_WASM=$wasm npx_psm "$dir" "$@") >"$work/got.out" 2>"$work/got.err"
    local status=$?
    if [[ $status != "$ref_status" ]]; then
      fail "$name ($build): exit $status, the build tree's binary $ref_status"
    elif ! cmp -s "$work/ref.out" "$work/got.out"; then
      fail "$name ($build): stdout differs: $(diff "$work/ref.out" "$work/got.out" | head -5)"
    elif ! diff -q <(untimed "$work/ref.err") <(untimed "$work/got.err") >/dev/null; then
      fail "$name ($build): stderr differs: $(diff <(untimed "$work/ref.err") <(untimed "$work/got.err") | head -5)"
    else
      pass
    fi
  done
}

# The examples as a git work tree with ignore rules, which every build reads
# itself (libgit2 only serves --staged): the WebAssembly build and the native
# one with PSM_LIBGIT2=off (as on a machine without libgit2) must take the
# files the build-tree binary takes.
cp -r "$source_dir/examples" "$work/examples"
(cd "$work/examples" && git init -q . && printf 'klarna.js\n/react-shop/src/api.ts\n' >.gitignore &&
  printf 'europe.js\n' >storefront/.ignore && mkdir -p .git/info && printf 'apac-*.js\n' >.git/info/exclude)
compare "examples --check" "$work/examples" --check .
package_env=PSM_LIBGIT2=off compare "examples --check, packages without libgit2" "$work/examples" --check .
[[ $(reference "$work/examples" --check . 2>/dev/null) != *klarna.js* ]] && pass || fail "examples: .gitignore not honoured"
out=$(cd "$work/project" && npx --offline payment-session-migrate --diff --session-id s "$work/examples" 2>/dev/null)
[[ $out == "$(reference "$work/project" --diff --session-id s "$work/examples" 2>/dev/null)" && -n $out ]] && pass ||
  fail "npx payment-session-migrate --diff: not the build tree's diff"
compare "examples --diff" "$work/examples" --diff --session-id checkout.payment.session.id .

# ... and the files git takes (`git ls-files --cached --others
# --exclude-standard`): nested .gitignore files, negations, anchors, `**`,
# info/exclude and core.excludesFile, in each build.
mkdir -p "$work/ignored" && cd "$work/ignored" || exit 1
git init -q . && git config core.excludesFile "$PWD/.git/global-excludes"
printf '*.gen.js\n!keep.gen.js\n/build/\ndocs/**/*.js\nout/*\n!out/kept.js\n[ab]x.js\n' >.gitignore
printf '!*.gen.js\nlocal.js\n' >src.gitignore && mkdir -p src/sub && mv src.gitignore src/sub/.gitignore
printf 'scratch.js\n' >.git/info/exclude && printf '*.secret.js\n' >.git/global-excludes
for f in a.gen.js keep.gen.js build/b.js src/build/c.js docs/x/d.js docs/e.ts out/o.js out/kept.js \
  ax.js cx.js scratch.js src/scratch.js k.secret.js src/sub/f.gen.js src/sub/local.js src/local.js plain.js; do
  mkdir -p "$(dirname "$f")" && printf 'dr.createSource({type: "konbini", amount: 1});\n' >"$f"
done
git ls-files --cached --others --exclude-standard | grep -E '\.(js|ts)$' | sort >"$work/git.files"
cd "$work/project" || exit 1
for build in ref native wasm; do
  if [[ $build == ref ]]; then
    reference "$work/ignored" --check --quiet . >"$work/$build.out" 2>&1
  else
    (export PSM_LIBGIT2=off PAYMENT_SESSION_MIGRATE_WASM=$([[ $build == wasm ]] && echo 1 || echo 0)
     npx_psm "$work/ignored" --check --quiet .) >"$work/$build.out" 2>&1
  fi
  cut -d: -f1 "$work/$build.out" | sort -u >"$work/$build.files"
  if cmp -s "$work/git.files" "$work/$build.files"; then pass; else
    fail "ignore rules ($build): not the files git lists: $(diff "$work/git.files" "$work/$build.files" | head -5)"
  fi
done
(($(wc -l <"$work/git.files") == 8)) && pass || fail "ignore rules: git lists $(wc -l <"$work/git.files") files, expected 8"
compare "examples --check --format github" "$work/examples" --check --format github .

# Every fixture (inputs and expected outputs alike), every output format.
cp -r "$source_dir/fixtures" "$work/fixtures"
compare "fixtures --diff" "$work/fixtures" --diff .
compare "fixtures --json-report" "$work/fixtures" --json-report - --session-id s.id .
compare "fixtures --check" "$work/fixtures" --check --format github .
for report in markdown sarif html; do
  for build in ref native wasm; do
    if [[ $build == ref ]]; then
      reference "$work/fixtures" --quiet --$report-report "$work/$report.$build" . >/dev/null 2>&1
    else
      PAYMENT_SESSION_MIGRATE_WASM=$([[ $build == wasm ]] && echo 1 || echo 0) \
        npx_psm "$work/fixtures" --quiet --$report-report "$work/$report.$build" . >/dev/null 2>&1
    fi
  done
  for build in native wasm; do
    cmp -s "$work/$report.ref" "$work/$report.$build" && pass || fail "--$report-report ($build) differs"
  done
done

# --write: the same bytes on disk.
for build in ref native wasm; do
  cp -r "$source_dir/fixtures" "$work/write-$build"
  if [[ $build == ref ]]; then
    reference "$work/write-$build" --write --quiet --session-id s.id . >/dev/null 2>&1
  else
    PAYMENT_SESSION_MIGRATE_WASM=$([[ $build == wasm ]] && echo 1 || echo 0) \
      npx_psm "$work/write-$build" --write --quiet --session-id s.id . >/dev/null 2>&1
  fi
done
for build in native wasm; do
  diff -r "$work/write-ref" "$work/write-$build" >/dev/null && pass || fail "--write ($build) wrote other bytes"
done
! diff -r -q "$source_dir/fixtures" "$work/write-ref" >/dev/null && pass || fail "--write changed nothing: the comparison proves little"

# File names: a line break works in both builds; a name that is not UTF-8
# (which Node cannot hand to the WebAssembly build) is reported, exit 2,
# never passed over in silence.
mkdir -p "$work/names"
printf 'dr.createSource({type: "konbini", amount: 1});\n' >"$work/names/$(printf 'new\nline.js')"
compare "a line break in a name" "$work/names" --check .
printf 'dr.createSource({type: "konbini", amount: 1});\n' >"$work/names/$(printf 'bad\377name.js')"
PAYMENT_SESSION_MIGRATE_WASM=1 npx_psm "$work/names" --check . >/dev/null 2>"$work/names.err"
[[ $? == 2 ]] && grep -q 'bad\\377name.js": the file name is not UTF-8' "$work/names.err" && pass ||
  fail "WebAssembly, a name that is not UTF-8: $(cat "$work/names.err")"
PAYMENT_SESSION_MIGRATE_WASM=0 npx_psm "$work/names" --check . >/dev/null 2>&1
[[ $? == 1 ]] && pass || fail "native, a name that is not UTF-8: not found"

# Standard input and a usage error.
printf 'dr.createSource({type: "konbini", amount: 1});\n' >"$work/stdin.js"
for build in 0 1; do
  out=$(PAYMENT_SESSION_MIGRATE_WASM=$build npx_psm . --stdin --session-id s <"$work/stdin.js")
  [[ $out == *"sessionId: s"* ]] && pass || fail "--stdin (wasm=$build): $out"
  PAYMENT_SESSION_MIGRATE_WASM=$build npx_psm . --no-such-flag >/dev/null 2>&1
  [[ $? == 2 ]] && pass || fail "usage error (wasm=$build) is not exit 2"
done
# Where the native binary does not fit, the WebAssembly build runs: a glibc
# older than the binary's (as recorded in the platform package), or no
# platform package at all (--omit=optional, another platform).
manifest=node_modules/@payment-session-migrate/linux-x64-gnu/package.json
sed -i.orig 's/"glibc": "[0-9.]*"/"glibc": "99.0"/' "$manifest"
[[ $(npx_psm . --version) == *"build: WebAssembly"* ]] && pass || fail "an older glibc did not fall back to WebAssembly"
mv "$manifest.orig" "$manifest"
mkdir -p "$work/no-optional" && cd "$work/no-optional" && echo '{"name": "n", "private": true}' >package.json
npm install --offline --omit=optional --no-audit --loglevel=error "$main_tgz" >/dev/null 2>&1
[[ $(node_modules/.bin/payment-session-migrate --version) == *"build: WebAssembly"* ]] && pass ||
  fail "without the platform package the launcher did not run WebAssembly"
finish "npm install test"
