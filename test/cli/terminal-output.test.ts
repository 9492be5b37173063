// What the terminal shows and what the options around a run do (issue 16 items 8, 10, 11), run as a user would.

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');
const CAP = 'ports.eagle-pass-laredo.dailyCap';
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(readFileSync(file), { columns: true }) as Row[];

/** del-rio-cap.yaml edited: a shorter horizon, or its monthly arrivals times a factor, written to a temporary file. */
function delRio(edit: (document: { days: number; sectors: Record<string, { arrivals: { monthly: Record<string, number> } }> }) => void): string {
  const document = parseYaml(readFileSync(DEL_RIO, 'utf8')) as Parameters<typeof edit>[0];
  edit(document);
  const file = join(tempDir(), 'del-rio-edited.yaml');
  writeFileSync(file, stringifyYaml(document));
  return file;
}

describe('sweep prints a table of its points', () => {
  it('one row per point: the parameter value, then the key figures as mean ± half-width of the 95% interval, as in sweep.csv', () => {
    const out = join(tempDir(), 's');
    const run = mppsim(['sweep', DEL_RIO, '--set', `${CAP}=10,40`, '--reps', '4', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = csv(join(out, 'sweep.csv'));
    const lines = run.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('point'));
    expect(lines[header]).toMatch(new RegExp(`^point\\s+${CAP.replaceAll('.', '\\.')}\\s+returned\\s+`));
    expect(lines[header]).toContain('wait_hours_mean (returned)');
    for (const point of ['0', '1']) {
      const figure = (metric: string) => rows.find((r) => r.point === point && r.metric === metric && r.scope === 'total')!;
      const returned = figure('returned');
      const halfWidth = Number(returned.ci_high) - Number(returned.mean);
      const cells = lines[header + 1 + Number(point)].split(/\s{2,}/);
      expect(cells.slice(0, 2)).toEqual([point, point === '0' ? '10' : '40']);
      const [mean, width] = cells[2].split(' ± ').map(Number);
      expect(mean).toBeCloseTo(Number(returned.mean), 0);
      expect(width).toBeCloseTo(halfWidth, 0);
    }
    // A cap of 40 a day returns more people than one of 10.
    expect(Number(lines[header + 2].split(/\s{2,}/)[2].split(' ± ')[0])).toBeGreaterThan(Number(lines[header + 1].split(/\s{2,}/)[2].split(' ± ')[0]));
    expect(run.stdout).toContain('mean ± half-width of the 95% interval');
    // No buses in Del Rio: a figure equal at every point is named once, not given a column.
    expect(run.stdout).toMatch(/the same at every point: .*boarded 0/);
  });

  it('shows at most 40 points and says how many more sweep.csv has', () => {
    const file = delRio((d) => void (d.days = 10));
    const run = mppsim(['sweep', file, '--set', `${CAP}=5..225:5`, '--reps', '1', '--out', join(tempDir(), 's')]);
    expect(run.code).toBe(0);
    const pointRows = run.stdout.split('\n').filter((l) => /^\d+\s{2,}\d+/.test(l));
    expect(pointRows).toHaveLength(40);
    expect(pointRows[39]).toMatch(/^39\s+200\s/);
    expect(run.stdout).toContain('... and 5 more points in sweep.csv');
    expect(run.stdout).toContain('means of 1 replication');
  });

  it("rounds a Latin hypercube's parameter values for reading", () => {
    const file = delRio((d) => void (d.days = 10));
    const out = join(tempDir(), 's');
    const run = mppsim(['sweep', file, '--set', 'sectors.del-rio.mpp.enrolledFraction=0.2..0.8', '--design', 'lhs', '--points', '3', '--reps', '2', '--out', out]);
    expect(run.code).toBe(0);
    const exact = csv(join(out, 'points.csv')).map((r) => Number(r['sectors.del-rio.mpp.enrolledFraction']));
    expect(String(exact[0]).length).toBeGreaterThan(6);
    const shown = run.stdout.split('\n').filter((l) => /^\d\s{2,}0\.\d/.test(l)).map((l) => l.split(/\s{2,}/)[1]);
    expect(shown).toEqual(exact.map((v) => String(Number(v.toPrecision(3)))));
  });
});

describe('mppsim --version', () => {
  it("prints package.json's version", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = mppsim(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});

describe('--events says how big events.csv will be', () => {
  it('before a run expected to write more than 100 MB', () => {
    // An existing folder stops the run before any replication: what is printed before it is what a user sees first.
    const out = join(tempDir(), 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'x');
    const run = mppsim(['run', DEL_RIO, '--events', '--reps', '100', '--out', out]);
    // 20,068 apprehensions a replication x 100 replications x 100 bytes.
    expect(run.stderr).toContain('note: --events will write about 201 MB to events.csv (one row per person, about 2.0 million people)');
    expect(run.code).toBe(2);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('says nothing for a small file, and the estimate is near the size written', () => {
    const out = join(tempDir(), 'r');
    const run = mppsim(['run', DEL_RIO, '--events', '--reps', '2', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const bytes = statSync(join(out, 'events.csv')).size;
    const estimate = 20_068 * 2 * 100;
    expect(bytes / estimate).toBeGreaterThan(0.7);
    expect(bytes / estimate).toBeLessThan(1.1);
  });
});

describe('--scale-arrivals K', () => {
  it('run simulates exactly the scenario with every arrival rate times K', () => {
    const scaledByHand = delRio((d) => {
      const monthly = d.sectors['del-rio'].arrivals.monthly;
      for (const month of Object.keys(monthly)) monthly[month] *= 1.5;
    });
    const [byOption, byFile] = [join(tempDir(), 'option'), join(tempDir(), 'file')];
    expect(mppsim(['run', DEL_RIO, '--scale-arrivals', '1.5', '--reps', '2', '--out', byOption]).code).toBe(0);
    expect(mppsim(['run', scaledByHand, '--reps', '2', '--out', byFile]).code).toBe(0);
    expect(readFileSync(join(byOption, 'summary.csv'), 'utf8')).toBe(readFileSync(join(byFile, 'summary.csv'), 'utf8'));
    const scenario = JSON.parse(readFileSync(join(byOption, 'scenario.json'), 'utf8')) as { sectors: Record<string, { arrivals: { monthly: Record<string, number> } }> };
    expect(scenario.sectors['del-rio'].arrivals.monthly['2019-06']).toBe(12_127.5);
  });

  it('compare and sweep scale every variant and point alike', () => {
    const out = join(tempDir(), 'c');
    expect(mppsim(['compare', DEL_RIO, '--variant', `cap-10:${CAP}=10`, '--scale-arrivals', '0.5', '--reps', '2', '--out', out]).code).toBe(0);
    const arrivals = csv(join(out, 'summary.csv')).filter((r) => r.metric === 'arrivals' && r.scope === 'total');
    expect(arrivals).toHaveLength(2);
    // Half of 20,068 expected; common random numbers give both variants the same arrivals.
    expect(Number(arrivals[0].mean)).toBeGreaterThan(9_000);
    expect(Number(arrivals[0].mean)).toBeLessThan(11_000);
    expect(arrivals[1].mean).toBe(arrivals[0].mean);
    const sweep = join(tempDir(), 's');
    expect(mppsim(['sweep', DEL_RIO, '--set', `${CAP}=10,20`, '--scale-arrivals', '0.5', '--reps', '2', '--out', sweep]).code).toBe(0);
    const swept = csv(join(sweep, 'sweep.csv')).filter((r) => r.metric === 'arrivals' && r.scope === 'total');
    expect(swept.map((r) => r.mean)).toEqual([arrivals[0].mean, arrivals[0].mean]);
  });

  it('refuses a negative or non-numeric factor, writing nothing', () => {
    for (const value of ['-1', 'abc']) {
      const out = join(tempDir(), 'r');
      const run = mppsim(['run', DEL_RIO, `--scale-arrivals=${value}`, '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--scale-arrivals: expected a number of at least 0 \(1 = as published\), got (-1|NaN)/);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('warmup with --set and --variant', () => {
  it("gives a variant's warm-up, the same whether the edit comes by --set or --variant", () => {
    const [base, set, variant] = [join(tempDir(), 'base'), join(tempDir(), 'set'), join(tempDir(), 'variant')];
    expect(mppsim(['warmup', DEL_RIO, '--reps', '2', '--out', base]).code).toBe(0);
    const bySet = mppsim(['warmup', DEL_RIO, '--reps', '2', '--set', `${CAP}=200`, '--out', set]);
    expect(bySet.code).toBe(0);
    expect(mppsim(['warmup', DEL_RIO, '--reps', '2', '--variant', `cap-200:${CAP}=200`, '--out', variant]).code).toBe(0);
    const warmup = (dir: string) => readFileSync(join(dir, 'warmup.csv'), 'utf8');
    expect(warmup(set)).toBe(warmup(variant));
    expect(warmup(set)).not.toBe(warmup(base));
    // The published cap of 50 a day cannot keep up with June's arrivals; 200 a day keeps the port's queue far shorter.
    const lastQueue = (dir: string) => {
      const rows = csv(join(dir, 'warmup.csv')).filter((r) => r.kind === 'port' && r.series === 'queue_mean');
      return Number(rows[rows.length - 1].mean);
    };
    expect(lastQueue(set)).toBeLessThan(lastQueue(base) / 2);
  });

  it('names the scenario and the path of a bad edit, and writes nothing', () => {
    const out = join(tempDir(), 'w');
    const run = mppsim(['warmup', DEL_RIO, '--reps', '2', '--set', `${CAP}=-3`, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${DEL_RIO} (--set ${CAP}=-3): ${CAP}:`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the README (item 15)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);

  it("states package.json's Node version before the first command", () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const version = engines.replace(/^>=\s*/, '');
    const stated = readme.indexOf(`Node.js ${version} or later`);
    expect(stated).toBeGreaterThan(0);
    expect(stated).toBeLessThan(readme.indexOf('```sh'));
  });

  it('calls the command `npx mppsim` in every shell example: a bare `mppsim` is not on PATH after npm ci', () => {
    // `docker … mppsim` names the container image (see Dockerfile), not the command.
    const bare = shellLines.filter((l) => !/\bdocker (build|run)\b/.test(l) && /(^|[\s;|&])mppsim\s/.test(l.replace(/npx mppsim/g, '')));
    expect(bare).toEqual([]);
    expect(shellLines.filter((l) => l.includes('npx mppsim')).length).toBeGreaterThan(15);
  });

  it('explains running from outside the checkout, and the launcher it names works from another folder', () => {
    expect(readme).toContain('node /path/to/mppsim/bin/mppsim.js');
    expect(readme).toContain('npm link');
    const elsewhere = tempDir();
    const run = mppsim(['validate', DEL_RIO], elsewhere);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ok (del-rio-cap');
  });

  it("explains npm's install-scripts warning", () => {
    expect(readme).toContain('npm warn install-scripts');
    expect(readme).toMatch(/esbuild[\s\S]{0,400}harmless|harmless[\s\S]{0,400}esbuild/);
  });

  it('documents every option of run, compare, sweep and warmup', () => {
    for (const command of ['run', 'compare', 'sweep', 'warmup']) {
      const help = mppsim([command, '--help']).stdout;
      const options = [...help.matchAll(/^\s+(--[a-z][a-z-]*)/gm)].map((m) => m[1]).filter((o) => o !== '--help' && o !== '--version');
      expect(options.length).toBeGreaterThan(3);
      // In a backticked span: `--xlsx`, or within one such as `--design lhs --points K`.
      expect(options.filter((o) => !new RegExp(`\`[^\`\n]*${o}\\b`).test(readme))).toEqual([]);
    }
  });
});
