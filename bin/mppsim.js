#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ and bundled into dist/bundle/ by `npm run build` (run
// by `npm ci` through `prepare`; scripts/bundle-cli.ts says why a bundle).
// With MPPSIM_TIMING set (bench/breakdown.ts), the moment before the CLI's modules load is noted.
if (process.env.MPPSIM_TIMING) performance.mark('bin');
const { main } = await import('../dist/bundle/main.js');

process.exitCode = await main(process.argv.slice(2));
