#!/usr/bin/env node
// payment-session-migrate: the native binary of the platform package when one
// fits this machine (Linux x64, glibc), the WebAssembly build shipped in this
// package everywhere else, or when PAYMENT_SESSION_MIGRATE_WASM=1. Same
// flags, output and exit status either way; `--version` says which runs.
'use strict';

const { nativeBinary } = require('../lib/native.js');
const { runNative, runWasm } = require('../lib/run.js');

const wasmAsked = process.env.PAYMENT_SESSION_MIGRATE_WASM === '1';
const binary = wasmAsked ? null : nativeBinary();
if (binary) {
  runNative(binary);
} else {
  runWasm();
}
