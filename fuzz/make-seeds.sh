#!/usr/bin/env bash
# Builds the seed corpora in OUT_DIR/<target>/ (default build-fuzz/seeds)
# from the repository; scripts/fuzz.sh runs it before every run, so the
# seeds are always today's fixtures (they are derived, not committed):
#   fuzz_migrate  fixtures/*/input.* and expected.* (legacy and migrated code),
#                 plus the example projects' sources and a few fixtures
#                 wrapped in HTML / Vue / PHP markup (the script-container path)
#   fuzz_rules    rules/payment-methods.json, the README's --rules example and
#                 a few malformed documents (one per validation error)
#   fuzz_cli      typical command lines, arguments separated by NUL bytes
# Deterministic: running it twice gives the same files.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build-fuzz/seeds}"
rm -rf "$out"
mkdir -p "$out/fuzz_migrate" "$out/fuzz_rules" "$out/fuzz_cli"

# --- fuzz_migrate -----------------------------------------------------------
for file in "$root"/fixtures/*/input.* "$root"/fixtures/*/expected.*; do
  [ -f "$file" ] || continue
  case_name="$(basename "$(dirname "$file")")"
  base="$(basename "$file")"
  cp "$file" "$out/fuzz_migrate/$case_name-${base%%.*}.${base#*.}"
done
if [ -d "$root/examples" ]; then
  find "$root/examples" -path '*/node_modules' -prune -o -type f \
       \( -name '*.js' -o -name '*.jsx' -o -name '*.ts' -o -name '*.tsx' -o -name '*.mjs' \) \
       -print | LC_ALL=C sort | while read -r file; do
    rel="${file#"$root"/examples/}"
    cp "$file" "$out/fuzz_migrate/example-${rel//\//-}"
  done
fi

# A few fixtures inside markup, so the fuzzer starts with working <script> blocks.
for case_name in method-payPal format-crlf format-inline-one-line format-typescript; do
  file="$(ls "$root/fixtures/$case_name"/input.* 2>/dev/null | head -n 1)"
  [ -n "$file" ] || continue
  { printf '<!doctype html>\n<html><body>\n<p>Checkout</p>\n<script>\n'
    cat "$file"
    printf '</script>\n</body></html>\n'; } >"$out/fuzz_migrate/embed-$case_name.html"
  { printf '<template><div/></template>\n<script setup lang="ts">\n'
    cat "$file"
    printf '</script>\n'; } >"$out/fuzz_migrate/embed-$case_name.vue"
  { printf '<?php $k = "pk"; ?>\n<script>\nvar key = "<?= $k ?>";\n'
    cat "$file"
    printf '</script>\n'; } >"$out/fuzz_migrate/embed-$case_name.php"
done

# --- fuzz_rules -------------------------------------------------------------
r="$out/fuzz_rules"
cp "$root/rules/payment-methods.json" "$r/payment-methods.json"
printf '%s\n' '{ "version": 1,' \
  '  "methods": { "alipay": { "name": "Alipay", "addSessionId": true, "remove": ["amount", "currency"] } } }' \
  >"$r/readme-alipay.json"
printf '%s' '{"version":1,"methods":{"payPal":{"remove":["amount","payPal.items","payPal.shipping.address"],"addSessionId":false,"note":"n","assumption":"a"}}}' >"$r/override-paypal.json"
printf '%s' '{"version":1,"methods":{}}' >"$r/empty-methods.json"
printf '%s' '{"methods":{"x":{}}}' >"$r/minimal.json"
printf '%s' '{"version":2,"methods":{}}' >"$r/bad-version.json"
printf '%s' '{"version":1}' >"$r/missing-methods.json"
printf '%s' '{"version":1,"methods":{"payPal":{"remove":["amount",2]}}}' >"$r/bad-remove-type.json"
printf '%s' '{"version":1,"methods":{"payPal":{"remove":["a..b"]}}}' >"$r/bad-path.json"
printf '%s' '{"version":1,"methods":{"pay-pal":{}}}' >"$r/bad-type.json"
printf '%s' '{"version":1,"methods":{"a/b~c":{"colour":1}}}' >"$r/unknown-field-escaped.json"
printf '%s' '{"version":1,"methods":{"payPal":{"addSessionId":"yes"}}}' >"$r/bad-bool.json"
printf '%s\n' '{"version": 1,' '  "methods": {' '    "payPal": {"remove": ["amount",]}' '  }' '}' >"$r/syntax-error.json"
printf '%s' '[1, 2, 3]' >"$r/array.json"

# --- fuzz_cli ---------------------------------------------------------------
c="$out/fuzz_cli"
args() {  # args NAME ARG... : writes the arguments joined by NUL bytes
  local name="$1"; shift
  local first=1
  : >"$c/$name"
  for a in "$@"; do
    if [ $first = 1 ]; then first=0; else printf '\0' >>"$c/$name"; fi
    printf '%s' "$a" >>"$c/$name"
  done
}
args diff-default src
args diff-session --session-id checkout.payment.session.id src/ lib/checkout.js
args write --write --session-id 'checkout.payment.session.id' -j 4 src
args check --check -q --max-file-size 1048576 .
args json --json-report - --rules extra.json --rules more.json src
args json-file --json-report=report.json --jobs=2 --quiet src
args version --version
args help --help
args conflict --write --check src
args bad-jobs -j -1 src
args unknown --no-such-flag
args separator --write -- --not-a-flag.js
