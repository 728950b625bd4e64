'use strict';
// Which native binary fits this machine, if any. The platform packages are
// optionalDependencies with os/cpu/libc fields (the esbuild and Biome layout),
// so npm installs at most the one that fits; this only has to find it and
// check what npm cannot: the glibc version the binary was linked against.

const fs = require('fs');
const path = require('path');

const PLATFORM_PACKAGES = {
  'linux x64': '@payment-session-migrate/linux-x64-gnu',
};

// '' on musl: only glibc builds of Node report a glibc version.
function glibcVersion() {
  process.report.excludeNetwork = true;  // the report is slow otherwise
  return process.report.getReport().header.glibcVersionRuntime || '';
}

function atLeast(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

// The path of the native binary to run, or null: then the WebAssembly build
// runs, as on a machine whose glibc is older than the one the binary was
// linked against (npm cannot tell; the platform package records it).
function nativeBinary() {
  const name = PLATFORM_PACKAGES[`${process.platform} ${process.arch}`];
  if (!name) return null;
  let manifestPath;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    return null;  // not installed (--no-optional, or another libc)
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const needs = (manifest['payment-session-migrate'] || {}).glibc;
  if (needs && !atLeast(glibcVersion() || '0', needs)) return null;
  const binary = path.join(path.dirname(manifestPath), 'bin', 'payment-session-migrate');
  return fs.existsSync(binary) ? binary : null;
}

module.exports = { nativeBinary, atLeast };
