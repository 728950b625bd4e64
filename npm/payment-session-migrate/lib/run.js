'use strict';
// Runs one of the two builds with this process's arguments, standard streams
// and exit status, so `npx payment-session-migrate` behaves as the binary.

const { spawn } = require('child_process');
const path = require('path');

// The native binary as a child process. An interrupt from the terminal
// reaches the child by itself (same process group); a signal sent to this
// process alone (a CI runner's SIGTERM) is passed on. Either way the
// child's own handling decides (for --write: stop between files, exit 130),
// and its status or signal becomes this process's.
function runNative(binary) {
  const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`payment-session-migrate: cannot run ${binary}: ${error.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code === null ? 2 : code);
  });
}

// The WebAssembly build, in this process: Emscripten's module reads
// process.argv, runs main() while it loads (compiled synchronously) and
// ends the process with main's status.
function runWasm() {
  require(path.join(__dirname, '..', 'wasm', 'payment-session-migrate.js'));
}

module.exports = { runNative, runWasm };
