#!/usr/bin/env bash
# Builds the benchmark corpora, deterministically, in $BENCH_CORPUS (default
# /tmp/psm-bench-corpus), with the npm tarballs cached in $BENCH_WORK/cache
# (default build/bench-work/cache); neither is ever committed.
#
# The corpus must not lie inside a git work tree that ignores it (such as this
# repository's build/): payment-session-migrate applies the enclosing
# repository's ignore rules, as git does, and would see no file at all.
#
#   sparse/   real third-party JavaScript/TypeScript from pinned npm
#                    tarballs (`npm pack NAME@VERSION`: no install, no
#                    scripts), checked against pinned SHA-256 sums and
#                    extracted one package per directory; plus a .gitignore
#                    (and .ignore, the same rule for tools outside a git work
#                    tree) and a node_modules/ holding a copy of a package,
#                    which every tool must skip.
#   dense/    2,000 generated merchant files with 1-3 legacy
#                    createSource() payloads each (bench/gen-dense.py, fixed
#                    seed), every payment method in varied styles.
#
# Tarballs are cached in $BENCH_WORK/cache; a tree that is already complete
# (same recipe) is left alone, so reruns take a second. FORCE=1 rebuilds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_WORK:-$ROOT/build/bench-work}
CACHE=$WORK/cache
CORPUS=${BENCH_CORPUS:-/tmp/psm-bench-corpus}
DENSE_FILES=${DENSE_FILES:-2000}
DENSE_SEED=${DENSE_SEED:-20240601}

# name@version  sha256 of the registry tarball
PACKAGES=(
  "typescript@5.6.3      ef67f8d8ad895858024b7339d3e34bf112cae3c5db1f538c3079038b17ae30fa"
  "three@0.170.0         4a608a355dcaba72e0e5383cdc814303f5b6060b43c238cdf6932dceb699238d"
  "monaco-editor@0.52.0  5dbda58750b13452de39affcea703af096022d8e3546c67ed5d3bd072763f939"
  "echarts@5.5.1         1f0eae29c406496a77789a7d7f56b811cae034ac95c0b3808215998f4ba0fbf3"
  "lodash@4.17.21        6a087ac9e5702a0c9d60fbcd48696012646ec8df1491dea472b150e79fcaf804"
  "rxjs@7.8.1            c532167725ab7d085123209156c93cef22f2479cb9c8527060f1cd903aa9d149"
  "react-dom@18.3.1      031d4427a99f2f3f6cac18bbbf308594a67e4f47d10f4896fdec446505b040e0"
  "d3@7.9.0              7e36605710a2ba54846797c8c6d888911341b215ae53257dc32a49a0b824355e"
  "webpack@5.96.1        0f6b03262c764b8ed22edc182bed56ba8671b0ac272b187f2bb44e087aa4f04e"
  "moment@2.30.1         52219a9fee5e1faade4c72536c173c54cedd5e2619272dd0c251a30aeafcde8c"
  "date-fns@3.6.0        a8fe07bb86cfe3c75fbc6d4718816b0e5eb1ce6ba43930b961e9dbec73e68300"
  "core-js@3.39.0        62b38ac8c1c70adfa235081c49b0a2b13424206174925a303400e0869e729ef4"
)
# The package copied into sparse/node_modules/ (it has createSource text, so
# a tool that does not skip node_modules shows it).
NODE_MODULES_COPY=webpack@5.96.1

log() { echo "make-corpus: $*" >&2; }

# tarball file name npm pack gives NAME@VERSION (scoped names: @a/b -> a-b)
tarball_of() {
  local spec=$1 name=${1%@*} version=${1##*@}
  name=${name#@}
  echo "${name//\//-}-$version.tgz"
}

fetch() {
  local spec=$1 sum=$2 file
  file=$CACHE/$(tarball_of "$spec")
  if [[ ! -f $file ]]; then
    log "npm pack $spec"
    (cd "$CACHE" && npm pack --ignore-scripts --silent "$spec" >/dev/null 2>"$CACHE/npm-pack.log") || {
      cat "$CACHE/npm-pack.log" >&2
      log "npm pack $spec failed"
      exit 1
    }
  fi
  if [[ $(sha256sum "$file" | cut -d' ' -f1) != "$sum" ]]; then
    log "$file: SHA-256 differs from the pinned one; delete it and retry"
    exit 1
  fi
}

in_scope_list() {  # JS/TS files as the tool's walk sees them, sorted (for the summary)
  if [[ -d $1/.git ]]; then  # git's own view of what is not ignored
    (cd "$1" && git ls-files --cached --others --exclude-standard |
       grep -E '\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$' | grep -vE '(^|/)node_modules/|\.d\.ts$' |
       sed 's|^|./|' | LC_ALL=C sort)
    return
  fi
  (cd "$1" && find . \( -name node_modules -o -name .git -o -name .hg -o -name .svn \) -prune -o \
      -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.jsx' \
                 -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.tsx' \) \
      ! -name '*.d.ts' -print | LC_ALL=C sort)
}

mkdir -p "$CACHE" "$CORPUS"
CORPUS=$(cd "$CORPUS" && pwd)
for d in "$CORPUS" $(dir=$CORPUS; while [[ $dir != / ]]; do dir=$(dirname "$dir"); echo "$dir"; done); do
  if [[ -e $d/.git && ${ALLOW_GIT_PARENT:-0} != 1 ]]; then
    log "$CORPUS is inside the git work tree $d, whose ignore rules the tool applies;"
    log "set BENCH_CORPUS to a directory outside any git work tree (or ALLOW_GIT_PARENT=1)"
    exit 1
  fi
done

# ---- sparse ----------------------------------------------------------------
recipe=$(printf '%s\n' "${PACKAGES[@]}" "node_modules: $NODE_MODULES_COPY" "v3")
if [[ ${FORCE:-0} != 1 && -f $CORPUS/sparse/.complete && $(cat "$CORPUS/sparse/.complete") == "$recipe" ]]; then
  log "sparse tree up to date"
else
  for entry in "${PACKAGES[@]}"; do
    read -r spec sum <<<"$entry"
    fetch "$spec" "$sum"
  done
  log "extracting sparse tree"
  rm -rf "$CORPUS/sparse" "$CORPUS/sparse.tmp"
  mkdir -p "$CORPUS/sparse.tmp/node_modules"
  for entry in "${PACKAGES[@]}"; do
    read -r spec sum <<<"$entry"
    dir=$CORPUS/sparse.tmp/$(basename "$(tarball_of "$spec")" .tgz)
    mkdir -p "$dir"
    tar -xzf "$CACHE/$(tarball_of "$spec")" -C "$dir" --strip-components=1 --no-same-owner
  done
  copy=${NODE_MODULES_COPY%@*}
  mkdir -p "$CORPUS/sparse.tmp/node_modules/$copy"
  tar -xzf "$CACHE/$(tarball_of "$NODE_MODULES_COPY")" -C "$CORPUS/sparse.tmp/node_modules/$copy" \
      --strip-components=1 --no-same-owner
  printf '# Installed packages are not the project'"'"'s source.\nnode_modules/\n' >"$CORPUS/sparse.tmp/.gitignore"
  # ripgrep and ast-grep read .gitignore only inside a git work tree; .ignore always.
  cp "$CORPUS/sparse.tmp/.gitignore" "$CORPUS/sparse.tmp/.ignore"
  printf '%s\n' "$recipe" >"$CORPUS/sparse.tmp/.complete"
  mv "$CORPUS/sparse.tmp" "$CORPUS/sparse"
fi

# Whether the git work tree $CORPUS/$1 was made by the recipe $2.
git_tree_current() {
  [[ ${FORCE:-0} != 1 && -f $CORPUS/$1/.git/psm-complete && $(cat "$CORPUS/$1/.git/psm-complete") == "$2" ]]
}

# ---- sparse-git: the sparse packages as a merchant's repository --------------
# What a user meets: a git work tree (git init, the ignore files committed),
# a .gitignore listing node_modules/ with two packages installed there, and
# nested .gitignore files for build output, which only the repository's own
# rules reveal (no .ignore copy here: every tool must read .gitignore).
recipe=$(printf '%s\n' "${PACKAGES[@]}" "node_modules: $NODE_MODULES_COPY moment" "git v1")
if git_tree_current sparse-git "$recipe"; then
  log "sparse-git tree up to date"
else
  log "making sparse-git tree (a git work tree)"
  rm -rf "$CORPUS/sparse-git" "$CORPUS/sparse-git.tmp"
  cp -a "$CORPUS/sparse" "$CORPUS/sparse-git.tmp"
  rm -f "$CORPUS/sparse-git.tmp/.ignore" "$CORPUS/sparse-git.tmp/.complete"
  mkdir -p "$CORPUS/sparse-git.tmp/node_modules/moment"
  tar -xzf "$CACHE/$(tarball_of moment@2.30.1)" -C "$CORPUS/sparse-git.tmp/node_modules/moment" \
      --strip-components=1 --no-same-owner
  printf 'build/\n*.min.js\n!three.module.min.js\n' >"$CORPUS/sparse-git.tmp/three-0.170.0/.gitignore"
  printf 'dist/\n' >"$CORPUS/sparse-git.tmp/echarts-5.5.1/.gitignore"
  (cd "$CORPUS/sparse-git.tmp" && git init -q . && git add .gitignore ./*/.gitignore &&
     git -c user.email=bench@example.invalid -c user.name=bench commit -qm "ignore files" &&
     printf '%s\n' "$recipe" >.git/psm-complete)
  mv "$CORPUS/sparse-git.tmp" "$CORPUS/sparse-git"
fi

# ---- modules-git: 60,000 one-line modules in 600 directories of a repository --
recipe="modules 60000 600 gen=$(sha256sum "$ROOT/bench/gen-scale.py" | cut -d' ' -f1)"
if git_tree_current modules-git "$recipe"; then
  log "modules-git tree up to date"
else
  log "making modules-git tree"
  rm -rf "$CORPUS/modules-git" "$CORPUS/modules-git.tmp"
  python3 "$ROOT/bench/gen-scale.py" modules 60000 600 "$CORPUS/modules-git.tmp"
  printf 'node_modules/\n' >"$CORPUS/modules-git.tmp/.gitignore"
  (cd "$CORPUS/modules-git.tmp" && git init -q . && git add .gitignore &&
     git -c user.email=bench@example.invalid -c user.name=bench commit -qm "ignore files" &&
     printf '%s\n' "$recipe" >.git/psm-complete)
  mv "$CORPUS/modules-git.tmp" "$CORPUS/modules-git"
fi

# ---- dense -----------------------------------------------------------------
gen=$ROOT/bench/gen-dense.py
recipe="files=$DENSE_FILES seed=$DENSE_SEED gen=$(sha256sum "$gen" | cut -d' ' -f1)"
if [[ ${FORCE:-0} != 1 && -f $CORPUS/dense/.complete && $(cat "$CORPUS/dense/.complete") == "$recipe" ]]; then
  log "dense tree up to date"
else
  log "generating dense tree"
  rm -rf "$CORPUS/dense" "$CORPUS/dense.tmp"
  python3 "$gen" "$CORPUS/dense.tmp" --files "$DENSE_FILES" --seed "$DENSE_SEED" >&2
  printf '%s\n' "$recipe" >"$CORPUS/dense.tmp/.complete"
  mv "$CORPUS/dense.tmp" "$CORPUS/dense"
fi

# ---- dense-git: the dense tree as a merchant's repository ---------------------
# Where a pre-commit hook runs: the five files of the pre-commit rows are
# judged inside a git work tree, whose root is the project (the dense tree
# itself has no marker, so each file's directory would be).
recipe="dense: $(cat "$CORPUS/dense/.complete") git v1"
if git_tree_current dense-git "$recipe"; then
  log "dense-git tree up to date"
else
  log "making dense-git tree (a git work tree)"
  rm -rf "$CORPUS/dense-git" "$CORPUS/dense-git.tmp"
  cp -a "$CORPUS/dense" "$CORPUS/dense-git.tmp"
  rm -f "$CORPUS/dense-git.tmp/.complete"
  (cd "$CORPUS/dense-git.tmp" && git init -q . && git add -A &&
     git -c user.email=bench@example.invalid -c user.name=bench commit -qm "merchant code" &&
     printf '%s\n' "$recipe" >.git/psm-complete)
  mv "$CORPUS/dense-git.tmp" "$CORPUS/dense-git"
fi

summary() {
  local n bytes
  n=$(in_scope_list "$CORPUS/$1" | wc -l)
  bytes=$(cd "$CORPUS/$1" && in_scope_list . | tr '\n' '\0' | du -cb --files0-from=- | tail -1 | cut -f1)
  log "$1: $n JS/TS files, $((bytes / 1000000)) MB (all files: $(du -sm --exclude=node_modules "$CORPUS/$1" | cut -f1) MiB on disk)"
}
summary sparse
summary sparse-git
summary modules-git
summary dense
echo "$CORPUS"
