// The what-if page's build refuses Node built-ins: tiny entries built through the page's own Vite
// config (web/vite.config.ts) must fail when they reach one, directly or through a src/ module, and
// the model with both event calendars (simjs's loader swapped for its browser version) must build.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { isNodeBuiltin } from '../../web/build-guard.js';
import { ROOT } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'mppsim-build-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds `code` as the only entry, in memory, with the page's config. */
async function buildEntry(name: string, code: string): Promise<void> {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, code);
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'silent',
    build: { write: false, outDir: join(work, `out-${name}`), emptyOutDir: false, rollupOptions: { input: entry } },
  });
}

describe('the what-if build guard', () => {
  it('knows the built-ins by either name', () => {
    for (const id of ['node:fs', 'fs', 'fs/promises', 'path', 'os', 'vm', 'module', 'url', 'child_process', 'worker_threads', 'node:test']) expect(isNodeBuiltin(id), id).toBe(true);
    for (const id of ['yaml', 'zod', 'vega', './fs.js', 'simjs/sim.js']) expect(isNodeBuiltin(id), id).toBe(false);
  });

  it('fails the build on `node:fs` in browser code', async () => {
    await expect(buildEntry('node-fs', "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n")).rejects.toThrow(/Node built-in "node:fs" is imported by browser code/);
  });

  it('fails the build on a bare built-in id', async () => {
    await expect(buildEntry('bare-path', "import { join } from 'path';\nconsole.log(join('a', 'b'));\n")).rejects.toThrow(/Node built-in "path"/);
  });

  it('fails the build on a built-in reached through src/, naming the chain', async () => {
    const code = `import { loadScenario } from ${JSON.stringify(join(ROOT, 'src/scenario/index.ts'))};\nconsole.log(loadScenario);\n`;
    await expect(buildEntry('through-src', code)).rejects.toThrow(/src\/scenario\/load\.ts <- src\/scenario\/index\.ts <- /);
  });

  it('builds the model with both engines: simjs-source.ts is replaced by its browser version', async () => {
    const code = [
      `import { simulate } from ${JSON.stringify(join(ROOT, 'src/model/simulation.ts'))};`,
      `import { createCalendar } from ${JSON.stringify(join(ROOT, 'src/engine/index.ts'))};`,
      "console.log(simulate, createCalendar('simjs'));",
    ].join('\n');
    await expect(buildEntry('model', code)).resolves.toBeUndefined();
  });
});
