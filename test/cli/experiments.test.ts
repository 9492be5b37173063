// Experiments from the command line: workers and shards never change the bytes; compare, sweep and warmup.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, mppsim, readOutputs, tempDir } from '../support/cli.js';

const BASELINE = join(ROOT, 'scenarios/baseline-tucson-el-paso.yaml');
const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');

type Row = Record<string, string>;
const csv = (text: string | Buffer): Row[] => parse(text, { columns: true }) as Row[];

function expectSameBytes(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
}

describe('workers and shards', () => {
  it('--workers 1 and --workers 4 write identical bytes', () => {
    const dir = tempDir();
    const outs = ['1', '4'].map((w) => {
      const out = join(dir, `w${w}`);
      const run = mppsim(['run', DEL_RIO, '--reps', '6', '--workers', w, '--events', '--out', out, '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return readOutputs(out);
    });
    expect([...outs[0].keys()]).toEqual(['daily-mean.csv', 'daily.csv', 'events.csv', 'replications.csv', 'scenario.json', 'summary.csv']);
    expectSameBytes(outs[0], outs[1]);
  });

  it.each([
    ['run', ['run', DEL_RIO, '--reps', '5', '--events']],
    ['compare', ['compare', DEL_RIO, '--variant', 'cap-75:ports.eagle-pass-laredo.dailyCap=75', '--reps', '4']],
    ['sweep', ['sweep', DEL_RIO, '--set', 'ports.eagle-pass-laredo.dailyCap=50,100', '--set', 'sectors.del-rio.holdingCapacity=800..1200:400', '--reps', '2']],
    // merge re-checks each replication's balance: with courts and after a warm-up it has more terms.
    ['run with courts', ['run', join(ROOT, 'scenarios/hearings-el-paso.yaml'), '--reps', '3']],
    ['run after a warm-up', ['run', join(ROOT, 'test/model/fixtures/golden-features.yaml'), '--reps', '3']],
  ])('%s: shards 1/3, 2/3, 3/3 merged equal the one-machine run byte for byte', (_, args) => {
    const dir = tempDir();
    const whole = join(dir, 'whole');
    expect(mppsim([...args, '--out', whole, '--quiet']).code).toBe(0);
    const parts = [1, 2, 3].map((i) => {
      const out = join(dir, `part${i}`);
      const run = mppsim([...args, '--shard', `${i}/3`, '--workers', String(i), '--out', out, '--quiet']);
      expect(run.code).toBe(0);
      expect(existsSync(join(out, 'partial.json'))).toBe(true);
      return out;
    });
    const merged = join(dir, 'merged');
    const merge = mppsim(['merge', ...parts.reverse(), '--out', merged, '--quiet']);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expectSameBytes(readOutputs(whole), readOutputs(merged));
  });

  it("merge of a sweep's shards prints the sweep's table, as the sweep run whole does", () => {
    const dir = tempDir();
    const args = ['sweep', DEL_RIO, '--set', 'ports.eagle-pass-laredo.dailyCap=50,100', '--reps', '2'];
    const whole = mppsim([...args, '--out', join(dir, 'whole')]);
    expect(whole.code).toBe(0);
    const parts = [1, 2].map((i) => join(dir, `part${i}`));
    parts.forEach((out, i) => expect(mppsim([...args, '--shard', `${i + 1}/2`, '--out', out, '--quiet']).code).toBe(0));
    const merged = mppsim(['merge', ...parts, '--out', join(dir, 'merged')]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('2 points over ports.eagle-pass-laredo.dailyCap');
    expect(merged.stdout.replaceAll(join(dir, 'merged'), 'OUT')).toBe(whole.stdout.replaceAll(join(dir, 'whole'), 'OUT'));
  });

  it('merge refuses missing, repeated or foreign shards', () => {
    const dir = tempDir();
    const shard = (i: number, reps: string) => {
      const out = join(dir, `s${i}-${reps}`);
      expect(mppsim(['run', DEL_RIO, '--reps', reps, '--shard', `${i}/2`, '--out', out, '--quiet']).code).toBe(0);
      return out;
    };
    const a = shard(1, '4');
    const b = shard(2, '4');
    const foreign = shard(2, '5');
    const missing = mppsim(['merge', a, '--out', join(dir, 'm1')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing shard 2/2');
    expect(mppsim(['merge', a, a, '--out', join(dir, 'm2')]).stderr).toContain('given twice');
    expect(mppsim(['merge', a, foreign, '--out', join(dir, 'm3')]).stderr).toContain('different experiment');
    expect(mppsim(['merge', a, b, '--out', join(dir, 'm4')]).code).toBe(0);
    expect(mppsim(['run', DEL_RIO, '--shard', '3/2']).stderr).toContain('--shard: expected i/n');
  });
});

describe('mppsim compare', () => {
  it('the baseline against a two-buses variant prints which figures change significantly', () => {
    const dir = tempDir();
    const out = join(dir, 'cmp');
    const run = mppsim(['compare', BASELINE, '--variant', 'two-buses:routes.tucson-el-paso.busesPerDeparture=2', '--reps', '20', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/figures change significantly/);
    expect(run.stdout).toMatch(/queue_mean\s+tucson-el-paso\s+two-buses/);
    const rows = csv(readFileSync(join(out, 'comparison.csv')));
    const row = (metric: string, scope: string) => rows.find((r) => r.metric === metric && r.scope === scope && r.variant === 'two-buses')!;
    expect(row('seats_offered', 'tucson-el-paso').diff).toBe('2350');
    expect(row('queue_mean', 'tucson-el-paso').significant).toBe('yes');
    expect(Number(row('queue_mean', 'tucson-el-paso').diff_ci_high)).toBeLessThan(0);
    // Arrivals are the same people in both variants (common random numbers): exactly no difference.
    expect(row('arrivals', 'total')).toMatchObject({ diff: '0', significant: 'no' });
  });

  it('compares two files, and refuses a variant path the scenario does not have', () => {
    const dir = tempDir();
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(DEL_RIO, 'utf8').replace(/dailyCap: 50/, 'dailyCap: 70').replace('name: del-rio-cap', 'name: del-rio-70'));
    const run = mppsim(['compare', DEL_RIO, other, '--reps', '3', '--out', join(dir, 'c')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/returned\s+total\s+del-rio-70/);
    const bad = mppsim(['compare', DEL_RIO, '--variant', 'x:ports.nowhere.dailyCap=5', '--out', join(dir, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the scenario has no ports.nowhere');
    const invalid = mppsim(['compare', DEL_RIO, '--variant', 'x:ports.eagle-pass-laredo.dailyCap=lots', '--out', join(dir, 'bad2')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/\(variant x\): ports\.eagle-pass-laredo\.dailyCap: expected a number, got "lots"/);
    expect(existsSync(join(dir, 'bad2'))).toBe(false);
  });
});

describe('dated values in variants and sweeps', () => {
  const TIMELINE = join(ROOT, 'scenarios/tucson-timeline-2019-2020.yaml');

  it('compare edits a period by its index: the Tucson bus running two weeks longer offers 14 more days of seats', () => {
    const out = join(tempDir(), 'cmp');
    const run = mppsim(['compare', TIMELINE, '--variant', 'late:routes.tucson-el-paso.periods.0.to=2020-01-15', '--reps', '2', '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const row = csv(readFileSync(join(out, 'comparison.csv'))).find((r) => r.metric === 'seats_offered' && r.scope === 'tucson-el-paso' && r.variant === 'late')!;
    expect(row.diff).toBe(String(14 * 50));
  });

  it('sweep sets a dated value at each point', () => {
    const out = join(tempDir(), 'sweep');
    const run = mppsim(['sweep', TIMELINE, '--set', 'routes.tucson-el-paso.periods.0.busesPerDeparture=1,2', '--reps', '1', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    const seats = csv(readFileSync(join(out, 'sweep.csv'))).filter((r) => r.metric === 'seats_offered' && r.scope === 'tucson-el-paso').map((r) => Number(r.mean));
    // 22 Nov - 1 Jan: 41 days of one departure a day.
    expect(seats).toEqual([41 * 50, 41 * 100]);
  });
});

describe('mppsim sweep', () => {
  it('runs the full grid, one row per point and metric, with the parameters as columns', () => {
    const dir = tempDir();
    const out = join(dir, 'sweep');
    const run = mppsim(['sweep', DEL_RIO, '--set', 'ports.eagle-pass-laredo.dailyCap=50..150:50', '--set', 'sectors.del-rio.holdingCapacity=800,1600', '--reps', '3', '--out', out]);
    expect(run.code).toBe(0);
    const rows = csv(readFileSync(join(out, 'sweep.csv')));
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['point', 'ports.eagle-pass-laredo.dailyCap', 'sectors.del-rio.holdingCapacity', 'metric']);
    const returns = rows.filter((r) => r.metric === 'returns_per_day' && r.scope === 'total');
    expect(returns.map((r) => [r['ports.eagle-pass-laredo.dailyCap'], r['sectors.del-rio.holdingCapacity']])).toEqual([
      ['50', '800'], ['50', '1600'], ['100', '800'], ['100', '1600'], ['150', '800'], ['150', '1600'],
    ]);
    // The cap binds at 50: returns per day sit just below it; lifting it raises returns.
    expect(Number(returns[0].mean)).toBeLessThanOrEqual(50);
    expect(Number(returns[2].mean)).toBeGreaterThan(55);
  });

  it('a Latin hypercube uses each stratum of each range once', () => {
    const dir = tempDir();
    const out = join(dir, 'lhs');
    const run = mppsim(['sweep', DEL_RIO, '--design', 'lhs', '--points', '5', '--set', 'ports.eagle-pass-laredo.dailyCap=50..150:1', '--set', 'sectors.del-rio.mpp.enrolledFraction=0.2..0.6', '--reps', '1', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const points = csv(readFileSync(join(out, 'points.csv')));
    expect(points).toHaveLength(5);
    const strata = (key: string, from: number, to: number) => points.map((p) => Math.min(4, Math.floor(((Number(p[key]) - from) / (to - from)) * 5))).sort();
    expect(strata('ports.eagle-pass-laredo.dailyCap', 50, 151)).toEqual([0, 1, 2, 3, 4]);
    expect(strata('sectors.del-rio.mpp.enrolledFraction', 0.2, 0.6)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('mppsim warmup', () => {
  it("writes Welch's moving averages and suggests a warm-up length", () => {
    const dir = tempDir();
    const out = join(dir, 'wu');
    const run = mppsim(['warmup', DEL_RIO, '--reps', '4', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/suggested warm-up: \d+ days/);
    const rows = csv(readFileSync(join(out, 'warmup.csv')));
    expect(Object.keys(rows[0])).toEqual(['day', 'date', 'kind', 'id', 'series', 'mean', 'moving_average']);
    expect(rows.some((r) => r.id === 'eagle-pass-laredo')).toBe(true);
  });
});

describe('--report', () => {
  it('writes the same report.html inside the run folder as `mppsim report` does afterwards, and prints its path', () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    const run = mppsim(['run', DEL_RIO, '--reps', '2', '--report', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toBe(`report: ${join(out, 'report.html')}`);
    const inline = readFileSync(join(out, 'report.html'));
    expect(mppsim(['report', out, '--quiet']).code).toBe(0);
    expect(readFileSync(join(out, 'report.html')).equals(inline)).toBe(true);
  });
});
