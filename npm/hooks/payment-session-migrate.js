#!/usr/bin/env node
// The command pre-commit's `language: node` hooks run (.pre-commit-hooks.yaml).
// pre-commit installs the top-level package.json of this repository, whose
// only dependency is the npm package payment-session-migrate of the same
// version; this hands over to its launcher, which picks the native binary or
// the WebAssembly build.
'use strict';
require('payment-session-migrate/bin/payment-session-migrate.js');
