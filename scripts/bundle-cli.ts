// `npm run build:cli`: the command line as a few files (dist/bundle/), so that starting it reads and
// compiles a handful of modules instead of some three hundred (issue 18 item 2), with V8's code cache
// for them. The library (dist/index.js) stays tsc's output; bin/mppsim.js starts dist/bundle/main.cjs.
// It also writes dist/facts.json, the bundled facts parsed (src/scenario/preparsed-facts.ts).
//
// Each command's handler stays its own chunk, loaded when it runs (src/cli/main.ts), and the worker
// thread's entry sits beside it (src/experiment/execute.ts looks there first). The chunks are two
// folders below the package root, as tsc's files are, so every path they find from their own file
// (package.json, scenarios/, seeds/, dist/web/) is the same. Most chunks are CommonJS
// (scripts/bundle-commonjs.ts says why and how), each with its code cache (src/cli/code-cache.ts),
// recorded here by running a few commands.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_FACTS_FILE, parseText } from '../src/scenario/index.js';
import { PREPARSED_FACTS_FILE, preparsedFactsJson } from '../src/scenario/preparsed-facts.js';
import { toCommonJs } from './bundle-commonjs.js';
import { yargsShim } from './bundle-yargs.js';

const OUT = 'dist/bundle';

// Loaded only for what needs them, and best left as their authors ship them: piscina starts threads
// from its own files, simjs is read as text (src/engine/simjs-source.ts).
const EXTERNAL = ['piscina', 'simjs', 'vega', 'vega-lite', 'exceljs', 'jszip'];

/**
 * piscina's entry (execute.ts starts dist/bundle/worker.js, an ES module): the code cache's hook
 * for this thread, then the worker chunk. While the build records the cache, each batch's end writes
 * what the thread has compiled (a pool's threads are stopped, not left to exit).
 */
const WORKER_ENTRY = `// Written by scripts/bundle-cli.ts.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { useCodeCache, writeCodeCache } = require('./code-cache.cjs');
const recording = process.env.MPPSIM_RECORD_CODE_CACHE === '1';
useCodeCache(import.meta.dirname, recording);
const runReplications = require('./worker.cjs').default;
export default recording ? (batch) => { try { return runReplications(batch); } finally { writeCodeCache(); } } : runReplications;
`;

/** What the build runs to record the code cache: help, a validation and a small run on one worker thread. */
function recordings(out: string): string[][] {
  const scenario = 'scenarios/baseline-tucson-el-paso.yaml';
  return [['--help'], ['validate', scenario], ['run', scenario, '--reps', '2', '--workers', '1', '--quiet', '--out', out]];
}

// Chunks are named by their content: without this, those of earlier builds would pile up, and a
// cache must never outlive the source it was made from.
rmSync(OUT, { recursive: true, force: true });

const bundle = await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/experiment/worker.ts' },
  outdir: OUT,
  write: false,
  metafile: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  chunkNames: 'chunk-[hash]',
  plugins: [yargsShim],
  logLevel: 'warning',
});
mkdirSync(OUT, { recursive: true });
const files = await toCommonJs(bundle.outputFiles, bundle.metafile);
for (const entry of ['main.cjs', 'worker.cjs']) {
  if (!files.some((f) => basename(f.path) === entry)) throw new Error(`${entry}: an entry must be CommonJS (bin/mppsim.js and worker.js require it)`);
}
for (const file of files) writeFileSync(file.path, file.text);
writeFileSync(join(OUT, 'worker.js'), WORKER_ENTRY);
await build({ entryPoints: { 'code-cache': 'src/cli/code-cache.ts' }, outdir: OUT, outExtension: { '.js': '.cjs' }, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });

// Before the recordings, so that they load the facts as every later command will.
const factsText = readFileSync(BUNDLED_FACTS_FILE, 'utf8');
const facts = preparsedFactsJson(factsText, parseText(BUNDLED_FACTS_FILE, factsText));
if (facts) writeFileSync(PREPARSED_FACTS_FILE, facts);
else rmSync(PREPARSED_FACTS_FILE, { force: true });

const scratch = mkdtempSync(join(tmpdir(), 'mppsim-code-cache-'));
try {
  for (const args of recordings(join(scratch, 'out'))) {
    const run = spawnSync(process.execPath, ['bin/mppsim.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true', MPPSIM_RECORD_CODE_CACHE: '1' } });
    if (run.status !== 0) throw new Error(`recording the code cache: mppsim ${args.join(' ')} exited ${run.status}\n${run.stderr}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

