// Builds the what-if page (web/) into dist/web/: static files with relative paths, openable from
// any static host; `mppsim serve` serves them on localhost. The simulation runs in module workers.

import { join } from 'node:path';
import { defineConfig } from 'vite';
import { ROOT, browserReplacements, noNodeBuiltins } from './build-guard.js';

export default defineConfig({
  root: join(ROOT, 'web'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    // csv-stringify's default build uses Node's global Buffer; its browser build (same version, same
    // code, with a Buffer of its own) writes the same bytes, which the browser test checks.
    alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }],
  },
  plugins: [browserReplacements(), noNodeBuiltins()],
  worker: {
    format: 'es',
    plugins: () => [browserReplacements(), noNodeBuiltins()],
    // .mjs says "module" whatever the package's type: the bundled worker holds no import or export,
    // so publint reads a .js of it as CommonJS in a "type": "module" package.
    rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].mjs' } },
  },
  build: {
    outDir: join(ROOT, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // vega and vega-lite are one lazily loaded chunk of about 1 MB; the page works before it arrives.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [ROOT] } },
});
