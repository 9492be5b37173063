// Vite (rolldown) plugins of the what-if page's build: the one browser replacement of a src/ module
// (simjs's source text), and the guard that fails the build when browser code imports a Node built-in.

import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * src/ modules that read files in Node, and their browser versions. Only simjs's loader: everything
 * else the page imports from src/ is pure.
 */
export const BROWSER_REPLACEMENTS: Readonly<Record<string, string>> = {
  [join(ROOT, 'src/engine/simjs-source.ts')]: join(ROOT, 'web/src/simjs-source.browser.ts'),
};

export function browserReplacements(): Plugin {
  return {
    name: 'mppsim:browser-replacements',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const replacement = resolved ? BROWSER_REPLACEMENTS[resolved.id] : undefined;
      return replacement ?? null;
    },
  };
}

const BUILTINS = new Set(builtinModules);

/** "node:fs", "fs", "fs/promises": a Node built-in module id. */
export function isNodeBuiltin(source: string): boolean {
  return source.startsWith('node:') || BUILTINS.has(source) || BUILTINS.has(source.split('/')[0]);
}

/**
 * Fails the build on any import of a Node built-in from browser code, naming the importing module and
 * the chain that led to it. A package in node_modules may still name one that its package.json
 * `browser` field replaces or maps to false (seedrandom's optional `crypto`): that is the package's
 * own, declared browser version, and Vite honours it.
 */
export function noNodeBuiltins(): Plugin {
  // Who imported each module first, to name the whole chain from the entry to the built-in.
  const importers = new Map<string, string>();
  return {
    name: 'mppsim:no-node-builtins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!isNodeBuiltin(source)) {
        if (!importer) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved && !importers.has(resolved.id)) importers.set(resolved.id, importer);
        return resolved;
      }
      if (importer && importer.includes(`${sep}node_modules${sep}`) && declaredInBrowserField(importer, source)) return null;
      const chain: string[] = [];
      for (let id = importer; id && chain.length < 20; id = importers.get(id)) chain.push(shortName(id));
      this.error(
        `the Node built-in "${source}" is imported by browser code: ${chain.join(' <- ') || 'the entry'}. ` +
          'The what-if page runs in a browser: import a module without Node built-ins, or add a browser replacement in web/build-guard.ts.',
      );
    },
  };
}

function shortName(id: string): string {
  const path = id.split('?')[0];
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

/** Whether the nearest package.json above `importer` maps `source` in its `browser` field. */
function declaredInBrowserField(importer: string, source: string): boolean {
  for (let dir = dirname(importer.split('?')[0]); dir !== dirname(dir); dir = dirname(dir)) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    const browser = (JSON.parse(text) as { browser?: unknown }).browser;
    if (browser === null || typeof browser !== 'object') return false;
    const bare = source.replace(/^node:/, '');
    return bare in browser || source in browser;
  }
  return false;
}
