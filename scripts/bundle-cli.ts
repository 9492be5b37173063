// `npm run build:cli`: the command line as a few files (dist/bundle/), so that starting it reads and
// compiles a handful of modules instead of some three hundred (issue 18 item 2). The library
// (dist/index.js) stays tsc's output; bin/mppsim.js starts dist/bundle/main.js.
// It also writes dist/facts.json, the bundled facts parsed (src/scenario/preparsed-facts.ts).
//
// Each command's handler stays its own chunk, loaded by import() when it runs (src/cli/main.ts), and
// the worker thread's entry sits beside it (src/experiment/execute.ts looks there first). The chunks
// are two folders below the package root, as tsc's files are, so every path they find from
// import.meta.url (package.json, scenarios/, seeds/, dist/web/) is the same.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { BUNDLED_FACTS_FILE, parseText } from '../src/scenario/index.js';
import { PREPARSED_FACTS_FILE, preparsedFactsJson } from '../src/scenario/preparsed-facts.js';

// Loaded by import() only for what needs them, and best left as their authors ship them: piscina
// starts threads from its own files, simjs is read as text (src/engine/simjs-source.ts).
const EXTERNAL = ['piscina', 'simjs', 'vega', 'vega-lite', 'exceljs', 'jszip'];

/**
 * yargs finds its translations (yargs/locales/) from its own file's place; bundled, that place would
 * be ours. This points it back at the installed yargs, so messages in every language stay as they were.
 */
const yargsLocales: Plugin = {
  name: 'yargs-locales',
  setup(context) {
    context.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, ({ path }) => {
      const own = 'const __dirname = fileURLToPath(import.meta.url);';
      const source = readFileSync(path, 'utf8');
      if (!source.includes(own)) throw new Error(`${path}: yargs changed how it finds its locales; update scripts/bundle-cli.ts`);
      const installed = "const __dirname = fileURLToPath(new URL('lib/platform-shims/esm.mjs', import.meta.resolve('yargs/package.json')));";
      return { contents: source.replace(own, installed), loader: 'js' };
    });
  },
};

// Chunks are named by their content: without this, those of earlier builds would pile up.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/experiment/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS packages (yaml, csv-parse, @stdlib) call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [yargsLocales],
  logLevel: 'warning',
});

const factsText = readFileSync(BUNDLED_FACTS_FILE, 'utf8');
const facts = preparsedFactsJson(factsText, parseText(BUNDLED_FACTS_FILE, factsText));
if (facts) writeFileSync(PREPARSED_FACTS_FILE, facts);
else rmSync(PREPARSED_FACTS_FILE, { force: true });
