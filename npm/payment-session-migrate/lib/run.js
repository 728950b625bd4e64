'use strict';
// Runs one of the two builds with this process's arguments, standard streams
// and exit status, so `npx payment-session-migrate` behaves as the binary.

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const v8 = require('v8');

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

// A run over a few named files (pre-commit, an editor) or standard input:
// no argument is a directory, and at least one is a file.
function isSmallRun(args) {
  if (args.includes('--stdin')) return true;
  let files = 0;
  for (const arg of args) {
    let stat;
    try {
      stat = fs.statSync(arg);
    } catch {
      continue;  // a flag or a flag's value
    }
    if (stat.isDirectory()) return false;
    files++;
  }
  return files > 0 && files < 500;
}

// The WebAssembly build, in this process: Emscripten's module reads
// process.argv, runs main() while it loads (compiled synchronously) and
// ends the process with main's status. V8 first runs each function as
// baseline code, then recompiles the hot ones optimised; for the grammars'
// huge lexer and parser functions that recompilation costs about a second,
// which a run over a few files never earns back (5 files: 1.7 -> 0.6 s), so
// such runs stay on baseline code. Whole trees (2000 files: 4.9 s against
// 6.9 s) are better off optimised.
function runWasm() {
  if (isSmallRun(process.argv.slice(2))) v8.setFlagsFromString('--liftoff-only');
  require(path.join(__dirname, '..', 'wasm', 'payment-session-migrate.js'));
}

module.exports = { runNative, runWasm, isSmallRun };
