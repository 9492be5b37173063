// `size --search grid --shard i/n` + `merge`: the shards' values merged, in any order, give the bytes
// and the answer of the unsharded grid search (on another number of workers); a missing, repeated,
// edited or foreign shard is refused with exit 2 and nothing written; calibrate refuses --shard.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mppsim, readOutputs, tempDir } from '../support/cli.js';
import { writePortScenario } from '../support/port-document.js';
import { resign } from '../support/shards.js';

let dir = '';
let file = '';
let whole: { stdout: string; files: Map<string, Buffer> };
const shards: string[] = [];

/** The search of these tests; `extra` may replace its --reps and --max-reps. */
const search = (extra: readonly string[], how = 'grid'): string[] => {
  const unless = (option: string, value: string): string[] => (extra.includes(option) ? [] : [option, value]);
  return ['size', file, '--vary', 'ports.p.dailyCap=60..100:5', '--target', 'queue_end.p <= 10', '--search', how, ...unless('--reps', '3'), ...unless('--max-reps', '9'), ...extra];
};

beforeAll(() => {
  dir = tempDir('mppsim-size-shards-');
  // Poisson 80 people a day: caps near 80 are too close to call with 3 replications and get more.
  file = writePortScenario(dir, 'poisson');
  const out = join(dir, 'whole');
  const run = mppsim([...search(['--workers', '2', '--out', out])]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  whole = { stdout: run.stdout.split('\n')[0], files: readOutputs(out) };
  for (const i of [1, 2, 3]) {
    const shard = join(dir, `p${i}`);
    const part = mppsim([...search(['--shard', `${i}/3`, '--workers', '1', '--out', shard])]);
    expect(part.code, part.stderr).toBe(0);
    expect(part.stdout).toMatch(/^wrote a partial result \(partial\.json\) to .*: 3 values, \d+ replications; combine all shards with `mppsim merge`/);
    shards.push(shard);
  }
  // Several spawned searches: more than the default 10 s a hook may take on a loaded machine.
}, 120_000);

describe('size shards', () => {
  it('merged in any order: the bytes and the answer of the unsharded grid search', () => {
    // Deterministic under the seed: 85 and above hold (at 80, a critical queue, it grows like the square
    // root of the days); caps near the answer needed more than the first 3 replications.
    expect(whole.stdout).toMatch(/^ports\.p\.dailyCap = 85 \(queue_end\.p [\d.]+ \[[-\d.]+, [\d.]+\]; 80 fails: queue_end\.p [\d.]+ \[[\d.]+, [\d.]+\]\), 9 candidates, 39 replications$/);
    const reps = readFileSync(join(dir, 'whole', 'size.csv'), 'utf8').trim().split('\n').slice(1).map((row) => Number(row.split(',')[1]));
    expect(reps.some((n) => n > 3)).toBe(true);
    expect([...whole.files.keys()]).toEqual(['scenario.json', 'size.csv']);
    for (const order of [[2, 0, 1], [1, 2, 0]]) {
      const out = join(dir, `merged-${order.join('')}`);
      const merged = mppsim(['merge', ...order.map((k) => shards[k]), '--out', out]);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(0);
      expect(merged.stdout.split('\n')[0]).toBe(whole.stdout);
      const files = readOutputs(out);
      expect([...files.keys()]).toEqual([...whole.files.keys()]);
      for (const [name, bytes] of whole.files) expect(files.get(name)!.equals(bytes), name).toBe(true);
    }
  });

  it('merge --report draws the merged answer', () => {
    const out = join(dir, 'merged-report');
    const merged = mppsim(['merge', ...shards, '--out', out, '--report']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<code>ports.p.dailyCap</code> = 85');
  });

  it('refuses a missing, repeated, edited or foreign shard with exit 2, writing nothing', () => {
    const other = join(dir, 'other');
    expect(mppsim([...search(['--reps', '4', '--shard', '3/3', '--out', other])]).code).toBe(0);
    const edited = join(dir, 'edited');
    expect(mppsim([...search(['--shard', '2/3', '--out', edited])]).code).toBe(0);
    const partial = join(edited, 'partial.json');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('"value": 65', '"value": 66'));
    resign(edited);
    // A candidate cut short: one replication of the first value's figures dropped.
    const cut = join(dir, 'cut');
    expect(mppsim([...search(['--shard', '1/3', '--out', cut])]).code).toBe(0);
    const cutFile = join(cut, 'partial.json');
    const shortened = JSON.parse(readFileSync(cutFile, 'utf8')) as { candidates: { samples: number[][] }[] };
    shortened.candidates[0].samples[0].pop();
    writeFileSync(cutFile, `${JSON.stringify(shortened, null, 2)}\n`);
    resign(cut);
    const cases: [string[], string][] = [
      [[shards[0], shards[2]], 'merge: missing shard 2/3'],
      [[cut, shards[1], shards[2]], `merge: shard ${cut}: partial.json: the figures of 60 are not one number per target and replication, in batches of 3 up to 9`],
      [[shards[0], shards[1], shards[1], shards[2]], `merge: shard 2/3 given twice (${shards[1]} and ${shards[1]})`],
      [[shards[0], shards[1], other], `merge: shard ${other} is a shard of a different experiment than ${shards[0]}`],
      [[shards[0], edited, shards[2]], `merge: shard ${edited}: partial.json lists values that are not those of shard 2/3 of ports.p.dailyCap=60..100:5`],
    ];
    for (const [dirs, message] of cases) {
      const out = join(dir, 'refused');
      const run = mppsim(['merge', ...dirs, '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses --shard with bisection, too many shards or replications, merge --xlsx, and calibrate --shard, with exit 2 and nothing written', () => {
    const out = join(dir, 'refused');
    const cases: [string[], RegExp][] = [
      [search(['--shard', '1/2'], 'bisect'), /^--shard: a bisection chooses each candidate from the verdict on the one before, so it cannot be split; add --search grid/],
      [search(['--shard', '10/10']), /^--shard 10\/10: 10 shards of 9 values; each shard needs at least one/],
      [search(['--shard', '1/2', '--max-reps', '20000']), /^--shard: --max-reps 20000: a shard holds at most 10,000 replications a candidate/],
      [search(['--shard', '1/2', '--report']), /^--report: a shard holds part of the answer; write the report with `mppsim merge --report`/],
      [['merge', ...shards, '--xlsx'], /^--xlsx: a size answer has no workbook; size\.csv holds every candidate/],
      [['calibrate', file, '--fit', 'ports.p.dailyCap=60..100', '--targets', file, '--shard', '1/2'], /^--shard: calibrate cannot be split into shards: each round of its coordinate search is placed around the best of the round before/],
    ];
    for (const [args, message] of cases) {
      const run = mppsim([...args, '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
