// The package as a user gets it: `npm pack`, installed into an empty folder outside the repository,
// runs its bundled scenarios, copies one to start from, and imports as `mppsim`. Needs `npm run build`
// first (the tarball is packed from dist/ without running the build again).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

interface Packed {
  filename: string;
  files: { path: string }[];
}

let tarball = '';
let packed: string[] = [];
let app = '';
let installSeconds = 0;
let dir = '';

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function npx(args: readonly string[], cwd = app, env: NodeJS.ProcessEnv = {}) {
  return run('npx', ['--no-install', ...args], cwd, env);
}

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist/index.js')), 'run `npm run build` first').toBe(true);
  // Its own folder, not tempDir's: removing an installed node_modules outlasts the shared cleanup's time limit.
  dir = mkdtempSync(join(tmpdir(), 'mppsim-pack-'));
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [result] = JSON.parse(pack.stdout) as Packed[];
  tarball = join(dir, result.filename);
  packed = result.files.map((f) => f.path).sort();

  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'uses-mppsim', private: true, type: 'module' }));
  const started = Date.now();
  // --prefer-offline: the dependencies come from npm's cache when they are there (CI caches it).
  const install = run('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  installSeconds = (Date.now() - started) / 1000;
  expect(install.code, install.stderr).toBe(0);
  console.info(`pack test: npm install of the tarball took ${installSeconds.toFixed(1)} s`);
}, 180_000);

afterAll(() => void (dir && rmSync(dir, { recursive: true, force: true })), 60_000);

describe('the packed package', () => {
  it('holds the build, the bundled scenarios and seeds, and no sources, tests or dev tools', () => {
    for (const needed of ['bin/mppsim.js', 'dist/bundle/main.cjs', 'dist/bundle/main.cjs.cache', 'dist/bundle/code-cache.cjs', 'dist/bundle/worker.js', 'dist/index.js', 'dist/index.d.ts', 'dist/experiment/worker.js', 'dist/web/index.html', 'seeds/facts.yaml', 'package.json', 'README.md']) {
      expect(packed).toContain(needed);
    }
    const scenarios = readdirSync(join(ROOT, 'scenarios')).map((f) => `scenarios/${f}`);
    expect(packed.filter((p) => p.startsWith('scenarios/'))).toEqual(scenarios.sort());
    const unwanted = packed.filter((p) => /^(src|test|web|bench|scripts|examples|output|\.ci|dist\/validation)\/|^tsconfig|^vitest|^\.dependency/.test(p));
    expect(unwanted).toEqual([]);
  });

  it('carries the sources in its source maps, which point into a src/ the package leaves out', () => {
    const maps = packed.filter((p) => p.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(50);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(app, 'node_modules', 'mppsim', file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      expect(map.sourcesContent?.length, file).toBe(map.sources.length);
      expect(map.sourcesContent?.every((text) => typeof text === 'string' && text.length > 0), file).toBe(true);
    }
  });

  it('validates and runs a bundled scenario outside the repository, with the same figures as in it', () => {
    const scenario = 'node_modules/mppsim/scenarios/baseline-tucson-el-paso.yaml';
    const validated = npx(['mppsim', 'validate', scenario]);
    expect(validated.stdout.trim()).toBe(`${scenario}: ok (baseline-tucson-el-paso: 2 sectors, 47 days)`);
    expect(npx(['mppsim', 'validate', 'baseline-tucson-el-paso']).stdout.trim()).toBe('baseline-tucson-el-paso: ok (baseline-tucson-el-paso: 2 sectors, 47 days)');

    const ran = npx(['mppsim', 'run', scenario, '--reps', '2', '--workers', '2', '--out', 'out', '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    const here = join(tempDir(), 'out');
    expect(mppsim(['run', 'scenarios/baseline-tucson-el-paso.yaml', '--reps', '2', '--workers', '1', '--out', here, '--quiet']).code).toBe(0);
    for (const table of ['summary.csv', 'daily-mean.csv', 'replications.csv']) {
      expect(readFileSync(join(app, 'out', table), 'utf8'), table).toBe(readFileSync(join(here, table), 'utf8'));
    }
    const inPackage = npx(['mppsim', 'run', 'baseline-tucson-el-paso', '--reps', '1', '--out', 'node_modules/mppsim/out']);
    expect(inPackage.code).toBe(2);
    expect(inPackage.stderr).toContain("refusing to write there (it is one of mppsim's own folders)");
    expect(existsSync(join(app, 'node_modules/mppsim/out'))).toBe(false);

    const manifest = JSON.parse(readFileSync(join(app, 'out/manifest.json'), 'utf8')) as { record: { mppsim: string } };
    expect(manifest.record.mppsim).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    // The same figure through the library, imported by its name as a user's script would.
    const script = join(app, 'returned.mjs');
    writeFileSync(
      script,
      [
        "import { loadScenario, replicate, summarize } from 'mppsim';",
        `const scenario = loadScenario('${scenario}');`,
        'const rows = summarize(replicate(scenario, { replications: 2 }));',
        "console.log(rows.find((r) => r.metric === 'returned' && r.scope === 'total').mean);",
      ].join('\n'),
    );
    const imported = run(process.execPath, [script], app);
    expect(imported.code, imported.stderr).toBe(0);
    const summaryLine = readFileSync(join(here, 'summary.csv'), 'utf8').split('\n').find((l) => l.startsWith('returned,total,'));
    expect(imported.stdout.trim()).toBe(summaryLine?.split(',')[2]);
  });

  it("gives yargs' messages in the user's language, from the yargs npm installed beside it (hoisted, not in mppsim's own node_modules)", () => {
    expect(existsSync(join(app, 'node_modules/mppsim/node_modules/yargs')), 'this install hoists yargs').toBe(false);
    const refused = npx(['mppsim', 'run'], app, { LC_ALL: 'fr_FR.UTF-8' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Pas assez d'arguments");
  });

  it('lists its bundled scenarios and copies one to start from', () => {
    const listed = npx(['mppsim', 'scenarios']);
    expect(listed.stdout).toMatch(/^del-rio-cap +Del Rio sector/m);
    expect(npx(['mppsim', 'scenarios', 'del-rio-cap', '--copy', 'mine']).code).toBe(0);
    expect(readFileSync(join(app, 'mine/del-rio-cap.yaml'))).toEqual(readFileSync(join(ROOT, 'scenarios/del-rio-cap.yaml')));
    expect(npx(['mppsim', 'validate', 'mine/del-rio-cap.yaml']).code).toBe(0);
  });

  it("runs examples/ beside the installed package as they run in the repository", () => {
    for (const name of ['stream-events.mjs', 'sweep-table.mjs']) {
      copyFileSync(join(ROOT, 'examples', name), join(app, name));
      const installed = run(process.execPath, [name], app);
      expect(installed.code, installed.stderr).toBe(0);
      expect(installed.stdout, name).toBe(run(process.execPath, [join('examples', name)], ROOT).stdout);
    }
  });

  it('passes publint and @arethetypeswrong/cli (ESM only: Node 20.19 and later require() it)', () => {
    // The tarball itself: publint on the repository packs it with npm, whose prepack and prepare scripts
    // delete and rebuild dist/ while other test files run the CLI from it.
    const publint = npx(['publint', 'run', tarball, '--strict'], ROOT);
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good!');
    const attw = npx(['attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], ROOT);
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
  });
});
