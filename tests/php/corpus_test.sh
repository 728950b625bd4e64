#!/usr/bin/env bash
# Runs the tool over the PHP that Debian's php-* packages install under
# /usr/share/php (thousands of real files, none a DigitalRiver.js payload):
#  1. with the built-in rules it must find no site and change nothing;
#  2. with a stress rule table whose "methods" are `type` values common in
#     that code (corpus-stress-rules.json), it finds and rewrites real
#     arrays: every rewritten file must pass `php -l`, and a second run
#     must change nothing.
# Skipped (status 77) without /usr/share/php or php-cli.
# usage: corpus_test.sh BINARY [CORPUS_DIR]
set -euo pipefail
bin=$1
corpus=${2:-/usr/share/php}
rules="$(cd "$(dirname "$0")" && pwd)/corpus-stress-rules.json"
if [ ! -d "$corpus" ] || ! command -v php >/dev/null; then
  echo "skipped: no $corpus or no php-cli"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$corpus"

count() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary'][sys.argv[2]])" "$@"; }

"$bin" -q -j2 --no-ignore --check --json-report "$work/builtin.json" . >/dev/null
files=$(count "$work/builtin.json" files)
sites=$(count "$work/builtin.json" sites)
echo "built-in rules: $files files, $sites sites"
[ "$sites" -eq 0 ] || { echo "FAIL: sites found in code that is not DigitalRiver.js"; exit 1; }

# The files with a site under the stress rules, rewritten in a copy.
"$bin" -q -j2 --no-ignore --json-report "$work/stress.json" --rules "$rules" -- . >/dev/null
mkdir "$work/after"
python3 -c "import json,sys; print('\n'.join(sorted({s['file'] for s in json.load(open(sys.argv[1]))['sites']})))" "$work/stress.json" |
  while read -r f; do [ -n "$f" ] && cp --parents "$f" "$work/after/"; done
cd "$work/after"
"$bin" -q --write --rules "$rules" -- . >/dev/null
changed=$(find . -name '*.php' | while read -r f; do cmp -s "$corpus/$f" "$f" || echo "$f"; done)
failed=0
for f in $changed; do
  php -l "$f" >/dev/null 2>&1 || { echo "FAIL: php -l $f"; failed=1; }
done
echo "stress rules: $(count "$work/stress.json" sites) sites," \
     "$(echo "$changed" | sed '/^$/d' | wc -l) files rewritten" \
     "($([ $failed -eq 0 ] && echo "all pass" || echo "NOT all pass") php -l)"
second=$("$bin" -q --rules "$rules" -- . | wc -c)
[ "$second" -eq 0 ] || { echo "FAIL: a second run still changes files"; failed=1; }
exit $failed
