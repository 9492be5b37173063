// A command loads only what it uses (issue 18 item 2): validate and --help never load the worker pool,
// the charts, the workbook, the statistics packages or the model. The modules a process loads are
// listed by a module hook and a wrapper of require (most of the bundle's chunks are CommonJS), both
// installed with --import, and a loaded chunk of the bundle (dist/bundle/) counts for every file whose
// code it holds (esbuild's `// path` lines).
// Help is laid out only when printed (issue 18 item 1): string-width, which measures help's text,
// builds an Intl.Segmenter as it loads, so the same preload lists each Intl.Segmenter made.
// No timing is asserted.

import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, mppsimNoting, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

const SEGMENTER = 'new Intl.Segmenter';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LOADED_MODULES, resolved.url + '\\n');
  return resolved;
}`;

const PRELOAD = `
import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  const file = request.startsWith('.') || request.startsWith('/') ? pathToFileURL(Module._resolveFilename(request, parent)).href : request;
  appendFileSync(process.env.LOADED_MODULES, file + '\\n');
  return load.call(this, request, parent, ...rest);
};
const Segmenter = Intl.Segmenter;
Intl.Segmenter = class extends Segmenter {
  constructor(...args) {
    super(...args);
    appendFileSync(process.env.LOADED_MODULES, '${SEGMENTER}\\n');
  }
};`;

/** Every module (ESM URL or required name) that `mppsim ARGS` loads, after checking it succeeded. */
function loadedBy(args: readonly string[]): string[] {
  const listed = mppsimNoting(PRELOAD, 'LOADED_MODULES', args).noted;
  return [...listed, ...listed.filter((m) => m.startsWith(BUNDLE)).flatMap(bundledFiles)];
}

const BUNDLE = `file://${join(ROOT, 'dist/bundle')}${sep}`;

/** The files whose code a chunk of the bundle holds, as /node_modules/… or /src/… paths. */
function bundledFiles(chunk: string): string[] {
  const lines = readFileSync(fileURLToPath(chunk), 'utf8').split('\n');
  return lines.filter((l) => /^\/\/ (node_modules|src)\/\S+$/.test(l)).map((l) => `/${l.slice(3)}`);
}

const package_ = (name: string) => (modules: readonly string[]) => modules.filter((m) => m === name || m.startsWith(`${name}/`) || m.includes(`/node_modules/${name}/`));
const ours = (path: string) => (modules: readonly string[]) => modules.filter((m) => m.includes(`/${path}`));
const HEAVY = ['piscina', 'vega', 'vega-lite', 'exceljs', 'jszip', 'cli-progress', 'csv-stringify', '@stdlib/stats-base-dists-t-quantile'];
// Ours, by source (bundled) or compiled path: the model, the worker pool, the report.
const OURS = ['model/simulation.', 'experiment/execute.', 'output/report/'];

describe('what a command loads', () => {
  it('validate loads no worker pool, charts, workbook or statistics packages', () => {
    const loaded = loadedBy(['validate', 'scenarios/baseline-tucson-el-paso.yaml']);
    for (const name of HEAVY) expect(package_(name)(loaded), name).toEqual([]);
    for (const path of OURS) expect(ours(path)(loaded), path).toEqual([]);
    expect(ours('scenario/schema.')(loaded).length, 'the scenario schema itself').toBeGreaterThan(0);
  });

  it('--help loads neither the scenario schema nor any of those', () => {
    const loaded = loadedBy(['--help']);
    for (const name of [...HEAVY, 'zod', 'yaml']) expect(package_(name)(loaded), name).toEqual([]);
    for (const path of [...OURS, 'scenario/schema.']) expect(ours(path)(loaded), path).toEqual([]);
    expect(loaded, 'help is laid out, so the listing sees it').toContain(SEGMENTER);
  });

  it('a command lays out no help it does not print (yargs would cache its whole help after each handler)', () => {
    expect(loadedBy(['validate', 'scenarios/baseline-tucson-el-paso.yaml'])).not.toContain(SEGMENTER);
    expect(loadedBy(['scenarios'])).not.toContain(SEGMENTER);
    expect(loadedBy(['run', '--help'])).toContain(SEGMENTER);
  });

  it('a run with a report does load the pool and the charts (the listing sees them)', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small');
    const loaded = loadedBy(['run', scenario, '--reps', '1', '--workers', '1', '--report', '--out', join(dir, 'out'), '--quiet']);
    for (const name of ['piscina', 'vega', 'cli-progress']) expect(package_(name)(loaded).length, name).toBeGreaterThan(0);
    for (const path of OURS) expect(ours(path)(loaded).length, path).toBeGreaterThan(0);
    expect(loaded, 'no help laid out').not.toContain(SEGMENTER);
  });
});
