// Fills in what the npm/ templates leave to scripts/pack-npm.sh: the version
// (package.json at the top is its one home), the platform packages' version
// in optionalDependencies, and the glibc a native binary needs.
// Usage: node set-manifest.js PACKAGE_JSON VERSION [GLIBC]
'use strict';
const fs = require('fs');

const [file, version, glibc] = process.argv.slice(2);
const { name, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8'));
const manifest = { name, version, ...rest };
for (const name of Object.keys(manifest.optionalDependencies || {})) {
  manifest.optionalDependencies[name] = version;
}
if (glibc) manifest['payment-session-migrate'] = { glibc };
fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
