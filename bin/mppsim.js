#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ and bundled into dist/bundle/ by `npm run build` (run
// by `npm ci` through `prepare`; scripts/bundle-cli.ts says why a bundle), and compiled here with
// V8's code cache the build recorded (src/cli/code-cache.ts).
// With MPPSIM_TIMING set (bench/breakdown.ts), the moment before the CLI's modules load is noted.
if (process.env.MPPSIM_TIMING) performance.mark('bin');
const { createRequire } = await import('node:module');
const { fileURLToPath } = await import('node:url');
const require = createRequire(import.meta.url);
const { useCodeCache, writeCodeCache } = require('../dist/bundle/code-cache.cjs');
// Only `npm run build` records the cache (scripts/bundle-cli.ts).
const recording = process.env.MPPSIM_RECORD_CODE_CACHE === '1';
useCodeCache(fileURLToPath(new URL('../dist/bundle/', import.meta.url)), recording);
if (recording) process.on('exit', writeCodeCache);
const { main } = require('../dist/bundle/main.cjs');

process.exitCode = await main(process.argv.slice(2));
