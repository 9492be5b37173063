// Changes to yargs' Node shim (the object through which yargs reaches the platform) for the bundle
// (scripts/bundle-cli.ts), each checked against its source so that a yargs that changed stops the build:
// - yargs finds its translations (yargs/locales/) from its own file's place; bundled, that place would
//   be ours. This points it back at the installed yargs, so messages in every language stay as they
//   were. That is the package's own node_modules/yargs when there is one, which is what resolving
//   'yargs' from dist/bundle/ finds first; asking the resolver (import.meta.resolve) costs some 3 ms
//   more, so it is asked only when yargs was installed elsewhere (hoisted beside mppsim).
// - What every command loaded for yargs and only --help or a failed assertion uses now loads when
//   first used (yargs-lazy.js below; esbuild evaluates a module that is require()d only when the
//   require() runs), issue 18 item 1: cliui and string-width, which lay out help (each string-width
//   builds an Intl.Segmenter as it loads, some 10 ms apiece), and node:assert (some 4 ms of Node's own
//   modules), whose strictEqual and notStrictEqual yargs calls on every parse and which are loaded
//   only to throw their usual AssertionError.

import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

const YARGS_DIRNAME = [
  "import { existsSync as __existsSync } from 'node:fs';",
  "const __ownYargs = new URL('../../node_modules/yargs/', import.meta.url);",
  "const __yargs = __existsSync(new URL('package.json', __ownYargs)) ? __ownYargs : import.meta.resolve('yargs/package.json');",
  // Not __dirname, which CommonJS defines (scripts/bundle-commonjs.ts).
  "const yargsShimFile = fileURLToPath(new URL('lib/platform-shims/esm.mjs', __yargs));",
].join('\n');

export const yargsShim: Plugin = {
  name: 'yargs-shim',
  setup(context) {
    const shim = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
    context.onLoad({ filter: shim }, ({ path }) => {
      const replacements: [string | RegExp, string, number][] = [
        ['const __dirname = fileURLToPath(import.meta.url);', YARGS_DIRNAME, 1],
        [/\b__dirname\b/g, 'yargsShimFile', 3],
        ["import { notStrictEqual, strictEqual } from 'assert'\n", "import { notStrictEqual, strictEqual } from 'mppsim:yargs-lazy'\n", 1],
        ["import cliui from 'cliui'\n", "import { cliui } from 'mppsim:yargs-lazy'\n", 1],
        ["import stringWidth from 'string-width';\n", "import { stringWidth } from 'mppsim:yargs-lazy';\n", 1],
      ];
      let source = readFileSync(path, 'utf8');
      for (const [own, ours, times] of replacements) {
        const found = typeof own === 'string' ? source.split(own).length - 1 : (source.match(own) ?? []).length;
        if (found !== times) throw new Error(`${path}: yargs changed (${String(own)} found ${found} times, not ${times}); update scripts/bundle-yargs.ts`);
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
