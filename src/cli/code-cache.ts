// V8's code cache for the bundled CLI (issue 18 item 2). Compiling JavaScript is a good part of a
// command's start: the bundle's modules are parsed, and each function is compiled to bytecode the
// first time it runs. V8 can save that bytecode and take it back instead (vm.Script's cachedData);
// Node 20 offers this to CommonJS only (its module.enableCompileCache is Node 22's), which is why
// dist/bundle/ is mostly CommonJS (scripts/bundle-cli.ts). `npm run build` runs a few commands
// recording what they compiled into FILE.cache beside each FILE.cjs; a command then compiles each
// chunk of the bundle with its cache. V8 itself checks that a cache fits (its version, its flags,
// the source's length) and otherwise compiles as usual: a cache made by another Node version costs
// only its reading. The build writes the bundle and its caches together, replacing the folder.
//
// Loaded by bin/mppsim.js on the main thread and by dist/bundle/worker.js on each worker thread,
// before any chunk; each thread has its own module loader, and so its own hook.

import Module from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { Script } from 'node:vm';

/** Node's CommonJS module, as far as compiling one needs it (internals that v8-compile-cache used too). */
interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

interface ModuleStatics {
  prototype: CommonJsModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: CommonJsModule, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
}

const recorded: [cacheFile: string, script: Script][] = [];
let installed = false;

/**
 * From now on, each .cjs file of `bundleDir` that this thread loads is compiled with its cache, when
 * there is one V8 accepts. `record`: also keep the compiled scripts for writeCodeCache (the build).
 */
export function useCodeCache(bundleDir: string, record = false): void {
  if (installed) return;
  installed = true;
  const statics = Module as unknown as ModuleStatics;
  const compile = statics.prototype._compile;
  const inBundle = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
  statics.prototype._compile = function (this: CommonJsModule, content: string, filename: string, ...rest: unknown[]): unknown {
    if (!filename.startsWith(inBundle) || !filename.endsWith('.cjs')) return compile.call(this, content, filename, ...rest);
    const cacheFile = `${filename}.cache`;
    const script = new Script(statics.wrap(content), { filename, cachedData: cacheOf(cacheFile) });
    if (record) recorded.push([cacheFile, script]);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this, statics), this, filename, dirname(filename));
  };
}

/**
 * import() for the CommonJS chunks, which the build points here (scripts/bundle-commonjs.ts): code
 * compiled by vm.Script can import() only through a callback that V8's code cache does not keep, so
 * a chunk's import() of an ES module (the report's chunk, which imports vega) is made from this
 * module, which Node compiles itself.
 */
export function importModule(url: string): Promise<unknown> {
  return import(url);
}

/** Writes what this thread has compiled so far, with what it was given, as each file's cache. */
export function writeCodeCache(): void {
  for (const [cacheFile, script] of recorded) writeFileSync(cacheFile, script.createCachedData());
}

function cacheOf(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** The `require` Node gives a module: relative to it, sharing Node's module cache. */
function requireFor(module: CommonJsModule, statics: ModuleStatics): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => statics._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.extensions = statics._extensions as NodeJS.Require['extensions'];
  require.cache = statics._cache as NodeJS.Require['cache'];
  return require;
}
