#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ by `npm run build` (run by `npm ci` through `prepare`).
// With MPPSIM_TIMING set (bench/breakdown.ts), the moment before the CLI's modules load is noted.
if (process.env.MPPSIM_TIMING) performance.mark('bin');
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
