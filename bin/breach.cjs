#!/usr/bin/env node
'use strict';
// Shim: runs the bundled CLI through V8's code cache, as Node 22's module.enableCompileCache
// would. The cache is written by `npm run build`; when V8 rejects it (another Node version),
// the bundle simply compiles as usual. Nothing is ever written at run time.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  cachedData = undefined;
}
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write(`breach: ${file} is missing: run \`npm run build\` (npm ci does it)\n`);
  process.exit(3);
}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, dist);
if (process.env.BREACH_WRITE_CODE_CACHE === file) {
  process.once('exit', () => require('node:fs').writeFileSync(`${file}.cache`, script.createCachedData()));
}
