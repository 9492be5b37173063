// V8's code cache for the bundled CLI (issue 18 item 2, src/cli/code-cache.ts): the build records a
// cache for each chunk the recorded commands load, this Node accepts them, the launcher and the
// worker threads compile with them, and a cache V8 refuses, or none, changes nothing but the time.
// No timing is asserted.

import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT, mppsimNoting, readOutputs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

const BUNDLE = join(ROOT, 'dist/bundle');
const SCENARIO = 'scenarios/baseline-tucson-el-paso.yaml';

/** Lists, for each script compiled with a cache, its file and whether V8 took the cache. */
const PRELOAD = `
import vm from 'node:vm';
import { appendFileSync } from 'node:fs';
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (options?.cachedData) appendFileSync(process.env.COMPILED, options.filename + (this.cachedDataRejected ? ' refused' : ' taken') + '\\n');
  }
};`;

/** Runs `mppsim ARGS` from `root` (a package folder), returning what it printed and the caches it compiled with. */
function mppsimIn(root: string, args: readonly string[]) {
  const { stdout, stderr, noted } = mppsimNoting(PRELOAD, 'COMPILED', args, root);
  return { stdout, stderr, compiled: noted };
}

/** A copy of the package whose dist/bundle/ can be changed: the bundle copied, the rest linked. */
function packageCopy(): string {
  const root = tempDir();
  for (const name of ['package.json', 'scenarios', 'seeds', 'node_modules']) symlinkSync(join(ROOT, name), join(root, name));
  mkdirSync(join(root, 'bin'));
  copyFileSync(join(ROOT, 'bin/mppsim.js'), join(root, 'bin/mppsim.js'));
  mkdirSync(join(root, 'dist'));
  copyFileSync(join(ROOT, 'dist/facts.json'), join(root, 'dist/facts.json'));
  cpSync(BUNDLE, join(root, 'dist/bundle'), { recursive: true });
  return root;
}

describe('the code cache', () => {
  it('is recorded for the entries and the chunks validate and run load, and this Node accepts every one', () => {
    const caches = readdirSync(BUNDLE).filter((f) => f.endsWith('.cjs.cache'));
    expect(caches).toContain('main.cjs.cache');
    expect(caches).toContain('worker.cjs.cache');
    for (const cache of caches) {
      const file = join(BUNDLE, cache.replace(/\.cache$/, ''));
      const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(join(BUNDLE, cache)) });
      expect(script.cachedDataRejected, cache).toBe(false);
    }
  });

  it('is what validate compiles its chunks with, on the main thread', () => {
    const { compiled } = mppsimIn(ROOT, ['validate', SCENARIO]);
    expect(compiled).toContain(`${join(BUNDLE, 'main.cjs')} taken`);
    expect(compiled.filter((c) => c.endsWith(' taken')).length).toBeGreaterThan(5);
    expect(compiled.filter((c) => c.endsWith(' refused'))).toEqual([]);
  });

  it("is what a run's worker thread compiles its chunks with", () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small');
    const { compiled } = mppsimIn(ROOT, ['run', scenario, '--reps', '1', '--workers', '1', '--quiet', '--out', join(dir, 'out')]);
    expect(compiled).toContain(`${join(BUNDLE, 'worker.cjs')} taken`);
  });

  it('changes nothing when V8 refuses the caches, or when there are none', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small');
    const run = (root: string, out: string) => {
      const result = mppsimIn(root, ['run', scenario, '--reps', '2', '--workers', '2', '--report', '--out', join(dir, out)]);
      return { ...result, stdout: result.stdout.replaceAll(join(dir, out), 'OUT') };
    };
    const cached = run(ROOT, 'cached');
    const refused = packageCopy();
    for (const f of readdirSync(join(refused, 'dist/bundle')).filter((f) => f.endsWith('.cache'))) writeFileSync(join(refused, 'dist/bundle', f), 'not a code cache');
    const withRefused = run(refused, 'refused');
    expect(withRefused.compiled.length).toBeGreaterThan(0);
    expect(withRefused.compiled.filter((c) => c.endsWith(' taken'))).toEqual([]);
    const none = packageCopy();
    for (const f of readdirSync(join(none, 'dist/bundle')).filter((f) => f.endsWith('.cache'))) rmSync(join(none, 'dist/bundle', f));
    const withNone = run(none, 'none');
    expect(withNone.compiled).toEqual([]);
    for (const other of [withRefused, withNone]) {
      expect(other.stdout).toBe(cached.stdout);
      expect(other.stderr).toBe(cached.stderr);
    }
    const tables = (out: string) => new Map([...readOutputs(join(dir, out))].filter(([name]) => name.endsWith('.csv')));
    expect(tables('refused')).toEqual(tables('cached'));
    expect(tables('none')).toEqual(tables('cached'));
    expect(existsSync(join(dir, 'none/report.html'))).toBe(true);
  });
});
