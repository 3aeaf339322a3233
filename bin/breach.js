#!/usr/bin/env node
// Thin shim: everything lives in the bundled CLI built by `npm run build`.
import '../dist/cli.js';
