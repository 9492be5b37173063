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
 * Changes to yargs' Node shim (the object through which yargs reaches the platform), each checked
 * against its source so that a yargs that changed stops the build:
 * - yargs finds its translations (yargs/locales/) from its own file's place; bundled, that place would
 *   be ours. This points it back at the installed yargs, so messages in every language stay as they were.
 *   That is the package's own node_modules/yargs when there is one, which is what resolving 'yargs'
 *   from dist/bundle/ finds first; asking the resolver (import.meta.resolve) costs some 3 ms more,
 *   so it is asked only when yargs was installed elsewhere (hoisted beside mppsim).
 * - What every command loaded for yargs and only --help or a failed assertion uses now loads when
 *   first used (yargs-lazy.js below; esbuild evaluates a module that is require()d only when the
 *   require() runs), issue 18 item 1: cliui and string-width, which lay out help (each string-width
 *   builds an Intl.Segmenter as it loads, some 10 ms apiece), and node:assert (some 4 ms of Node's own
 *   modules), whose strictEqual and notStrictEqual yargs calls on every parse and which are loaded
 *   only to throw their usual AssertionError.
 */
const YARGS_DIRNAME = [
  "const __ownYargs = new URL('../../node_modules/yargs/', import.meta.url);",
  "const __yargs = __existsSync(new URL('package.json', __ownYargs)) ? __ownYargs : import.meta.resolve('yargs/package.json');",
  "const __dirname = fileURLToPath(new URL('lib/platform-shims/esm.mjs', __yargs));",
].join('\n');

const yargsShim: Plugin = {
  name: 'yargs-shim',
  setup(context) {
    const shim = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
    context.onLoad({ filter: shim }, ({ path }) => {
      const replacements: [string, string][] = [
        ['const __dirname = fileURLToPath(import.meta.url);', `import { existsSync as __existsSync } from 'node:fs';\n${YARGS_DIRNAME}`],
        ["import { notStrictEqual, strictEqual } from 'assert'\n", "import { notStrictEqual, strictEqual } from 'mppsim:yargs-lazy'\n"],
        ["import cliui from 'cliui'\n", "import { cliui } from 'mppsim:yargs-lazy'\n"],
        ["import stringWidth from 'string-width';\n", "import { stringWidth } from 'mppsim:yargs-lazy';\n"],
      ];
      let source = readFileSync(path, 'utf8');
      for (const [own, ours] of replacements) {
        if (!source.includes(own)) throw new Error(`${path}: yargs changed (no ${JSON.stringify(own)}); update scripts/bundle-cli.ts`);
        source = source.replace(own, ours);
      }
      return { contents: source, loader: 'js' };
    });
    // Resolved from the shim's folder, so that these are the very packages yargs would import.
    context.onResolve({ filter: /^mppsim:yargs-lazy$/ }, ({ resolveDir }) => ({ path: 'yargs-lazy.js', namespace: 'mppsim', pluginData: resolveDir }));
    context.onLoad({ filter: /^yargs-lazy\.js$/, namespace: 'mppsim' }, ({ pluginData }) => ({
      contents: [
        "export const cliui = (options) => require('cliui').default(options);",
        "export const stringWidth = (text) => require('string-width').default(text);",
        "export const strictEqual = (actual, expected, message) => Object.is(actual, expected) || require('node:assert').strictEqual(actual, expected, message);",
        "export const notStrictEqual = (actual, expected, message) => !Object.is(actual, expected) || require('node:assert').notStrictEqual(actual, expected, message);",
      ].join('\n'),
      resolveDir: pluginData as string,
      loader: 'js',
    }));
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
  plugins: [yargsShim],
  logLevel: 'warning',
});

const factsText = readFileSync(BUNDLED_FACTS_FILE, 'utf8');
const facts = preparsedFactsJson(factsText, parseText(BUNDLED_FACTS_FILE, factsText));
if (facts) writeFileSync(PREPARSED_FACTS_FILE, facts);
else rmSync(PREPARSED_FACTS_FILE, { force: true });
