// The bundle's chunks as CommonJS (issue 18 item 2), for scripts/bundle-cli.ts: Node 20 takes V8's
// code cache for CommonJS only (src/cli/code-cache.ts), and loads CommonJS with less work than ES
// modules (no module graph to link, no source decoded from bytes).
//
// esbuild splits only ES modules, so the bundle is built as ES modules and each chunk is then turned
// into CommonJS on its own, FILE.js becoming FILE.cjs: `import` becomes require(), an import() of a
// CommonJS chunk becomes a require() run later (so that the chunk too is compiled with its cache),
// one of an ES module chunk goes through code-cache.cjs (importModule says why), and import.meta
// becomes the chunk's own file. A chunk that imports vega or vega-lite stays an ES module, since
// require() cannot load a module that awaits at its top level as those do, and so does every chunk
// that imports such a chunk; they are reached by import() (a report is loaded when asked for).

import { isBuiltin } from 'node:module';
import { basename } from 'node:path';
import { transform, type Metafile, type OutputFile } from 'esbuild';

/** Imported statically by some chunk, and loadable only by import (top-level await). */
const ESM_ONLY = new Set(['vega', 'vega-lite']);
/** Imported statically by some chunk, and CommonJS packages. */
const REQUIRABLE = new Set(['piscina', 'exceljs', 'jszip']);

/** What ES modules get: bundled CommonJS packages (yaml, csv-parse, @stdlib) call require(). */
const ESM_BANNER = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";
const CJS_BANNER = [
  // ES modules are strict, and the bundled code has only ever run so.
  '"use strict";',
  'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
  'var __bundleResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
  'var __bundleImport = (specifier) => require("./code-cache.cjs").importModule(new URL(specifier, __bundleUrl).href);',
].join('\n');

const PATH_LINE = /^\/\/ ((?:src|node_modules)\/\S+)$/gm;

export interface BundleFile {
  path: string;
  text: string;
}

/** The outputs of an ES module build with splitting (write: false, metafile: true), most as CommonJS. */
export async function toCommonJs(outputs: readonly OutputFile[], metafile: Metafile): Promise<BundleFile[]> {
  const esm = chunksThatStayEsm(metafile);
  const renamed = new Map<string, string>();
  for (const output of outputs) {
    const name = basename(output.path);
    if (name.endsWith('.js') && !esm.has(name)) renamed.set(name, name.replace(/\.js$/, '.cjs'));
  }
  // Only where chunks import chunks: "./worker.js" is also a file name execute.ts gives piscina.
  const rename = (text: string) =>
    text.replace(/\b(from |import |import\()"\.\/(chunk-[A-Z0-9]+\.js)"/g, (whole, before: string, name: string) => (renamed.has(name) ? `${before}"./${renamed.get(name)}"` : whole));
  return Promise.all(
    outputs.map(async (output) => {
      const name = basename(output.path);
      const text = rename(output.text);
      const cjs = renamed.get(name);
      if (!cjs) return { path: output.path, text: `${ESM_BANNER}\n${text}` };
      return { path: output.path.replace(/\.js$/, '.cjs'), text: await commonJs(name, text) };
    }),
  );
}

async function commonJs(name: string, text: string): Promise<string> {
  // The `// path` line before each file's code says where it came from (test/cli/lazy-loading.test.ts
  // reads them); transform drops comments but legal ones (//!), so they pass through as those.
  const source = text.replace(/\bimport\.meta\.resolve\(/g, '__bundleResolve(').replace(PATH_LINE, '//! $1');
  const result = await transform(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: CJS_BANNER,
    legalComments: 'inline',
    logLevel: 'silent',
  });
  // Any other use of import.meta would silently become undefined.
  if (result.warnings.length > 0) throw new Error(`${name}: ${result.warnings.map((w) => w.text).join('; ')}`);
  const code = result.code
    .replace(/^\/\/! ((?:src|node_modules)\/\S+)$/gm, '// $1')
    .replace(/\bimport\("\.\/(chunk-[A-Z0-9]+\.cjs)"\)/g, 'Promise.resolve().then(() => require("./$1"))')
    .replace(/\bimport\("\.\/(chunk-[A-Z0-9]+\.js)"\)/g, '__bundleImport("./$1")');
  // Compiled with a code cache, a chunk cannot import() (src/cli/code-cache.ts, importModule).
  if (/\bimport\(/.test(code)) throw new Error(`${name}: an import() the bundle does not handle was left`);
  return code;
}

/** The chunks (file names) that must stay ES modules: those that import, statically, one that must. */
function chunksThatStayEsm(metafile: Metafile): Set<string> {
  const statics = new Map<string, string[]>();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    const imported = output.imports.filter((i) => i.kind === 'import-statement');
    for (const i of imported) {
      if (i.external && !isBuiltin(i.path) && !ESM_ONLY.has(i.path) && !REQUIRABLE.has(i.path)) {
        throw new Error(`${path} imports ${i.path}: say in scripts/bundle-commonjs.ts whether require() can load it`);
      }
    }
    statics.set(basename(path), imported.map((i) => (i.external ? i.path : basename(i.path))));
  }
  const esm = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, imports] of statics) {
      if (!esm.has(name) && imports.some((i) => ESM_ONLY.has(i) || esm.has(i))) {
        esm.add(name);
        grew = true;
      }
    }
  }
  return esm;
}
