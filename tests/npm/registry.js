// A read-only npm registry on 127.0.0.1 serving the tarballs of one
// directory, so the tests install exactly what a merchant would from the
// public registry (same package names and versions), offline. Every other
// name is a 404. Prints the port it listens on, then serves until killed
// (or for at most --seconds, 600 by default, so a lost one stops itself).
// Usage: node registry.js TARBALL_DIR [--seconds N]
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync } = require('child_process');

const dir = path.resolve(process.argv[2]);
const secondsAt = process.argv.indexOf('--seconds');
const seconds = secondsAt > 0 ? Number(process.argv[secondsAt + 1]) : 600;

// name -> { manifest, file, integrity, shasum }
const packages = new Map();
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tgz'))) {
  const full = path.join(dir, file);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', full, 'package/package.json']));
  const bytes = fs.readFileSync(full);
  packages.set(manifest.name, {
    manifest,
    file: full,
    integrity: 'sha512-' + crypto.createHash('sha512').update(bytes).digest('base64'),
    shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
  });
}

function packument(name, base) {
  const p = packages.get(name);
  const version = p.manifest.version;
  const tarball = `${base}/-/${encodeURIComponent(path.basename(p.file))}`;
  return {
    name,
    'dist-tags': { latest: version },
    versions: {
      [version]: { ...p.manifest, dist: { tarball, integrity: p.integrity, shasum: p.shasum } },
    },
  };
}

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  const base = `http://127.0.0.1:${server.address().port}`;
  if (url.startsWith('/-/')) {
    const file = path.join(dir, path.basename(url));
    if (fs.existsSync(file)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return fs.createReadStream(file).pipe(res);
    }
  } else if (packages.has(url.slice(1))) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(packument(url.slice(1), base)));
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not found"}');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => process.exit(0), seconds * 1000).unref();
