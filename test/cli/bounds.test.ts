// Every size and value an input sets is bounded before any work (issue 11 items 12 and 20): a
// huge horizon, sweep, shard or surge is exit 2 naming the field, fast, with nothing written.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { experimentKey } from '../../src/experiment/partials.js';
import { sha256 } from '../../src/output/manifest.js';
import { mppsim, removeTempDirs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

afterAll(removeTempDirs);

/** Exit 2 within a few seconds (killed at 20 s), the message matching, the folder left as it was. */
function expectRefused(args: (dir: string) => string[], message: RegExp): void {
  const dir = tempDir();
  const argv = args(dir);
  const before = readdirSync(dir);
  const started = Date.now();
  const run = mppsim([...argv, '--out', join(dir, 'out'), '--quiet'], undefined, 20_000);
  expect(Date.now() - started).toBeLessThan(8_000);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(readdirSync(dir)).toEqual(before);
}

describe('scenario values', () => {
  const cases: [string, Parameters<typeof writeSmallScenario>[2], RegExp][] = [
    ['days: 1e15', (s) => void (s.days = 1e15), /small\.json: days: expected a number <= 36600, got 1000000000000000/],
    ['a start in year 9999 that runs into 10000', (s) => void (s.start = '9999-12-25'), /start: expected every simulated day between 1900-01-01 and 9999-12-31, got 10 days from 9999-12-25/],
    ['a start before 1900', (s) => void (s.start = '1850-06-01'), /start: expected every simulated day between 1900-01-01 and 9999-12-31/],
    ['a mix share of 1e308', (s) => void (s.sectors.a.arrivals!.mix = { single: 1e308 }), /arrivals\.mix\.single: expected a number <= 1, got 1e\+308/],
    ['replications: 1e95, one message with the real bound', (s) => void (s.replications = 1e95), /small\.json: replications: expected a number <= 1000000, got 1e\+95\n(?![\s\S]*2\^53)/],
    ['a count past 2^53', (s) => void (s.sectors.a.holdingCapacity = 2 ** 60), /holdingCapacity: expected a whole number small enough to be exact \(at most 2\^53 - 1\), got/],
    ['withinHours: 1e308', (s) => void (s.sectors.a.arrivals!.surge!.withinHours = 1e308), /surge\.withinHours: expected a number <= 168, got 1e\+308/],
  ];
  it.each(cases)('%s: exit 2 naming the field', (_, edit, message) => {
    expectRefused((dir) => ['run', writeSmallScenario(dir, 'small', edit)], message);
  });

  it('the bounds themselves are accepted: 168 surge hours, a start on 1900-01-01, the year 9999 to its end', () => {
    const dir = tempDir();
    const edits: Parameters<typeof writeSmallScenario>[2][] = [
      (s) => void (s.sectors.a.arrivals!.surge!.withinHours = 168),
      (s) => void (s.start = '1900-01-01'),
      (s) => void (s.start = '9999-12-22'),
    ];
    for (const [i, edit] of edits.entries()) expect(mppsim(['validate', writeSmallScenario(dir, `ok-${i}`, edit)]).code).toBe(0);
  });
});

describe('options', () => {
  it('--max-people abc is a bad option, not "unlimited"', () => {
    expectRefused((dir) => ['run', writeSmallScenario(dir, 'small'), '--max-people', 'abc'], /--max-people: expected a number of at least 1/);
  });

  it('--reps 2000000 is refused even with --allow-large: results beyond a million replications do not fit in memory', () => {
    expectRefused((dir) => ['run', writeSmallScenario(dir, 'small'), '--reps', '2000000', '--allow-large'], /1 variant\(s\) x 2000000 replication\(s\) = 2\.0 million replications in all; mppsim runs at most 1\.0 million/);
  });
});

describe('shards', () => {
  it('--shard 1/1000000000 of a 2-replication run is refused: merge would refuse its empty shards', () => {
    expectRefused((dir) => ['run', writeSmallScenario(dir, 'small'), '--reps', '2', '--shard', '1/1000000000'], /--shard 1\/1000000000: 1000000000 shards of 2 replication\(s\); each shard needs at least one/);
  });
});

describe('sweeps are counted before their points are made', () => {
  it('--design lhs --points 1e9', () => {
    expectRefused((dir) => ['sweep', writeSmallScenario(dir, 'small'), '--set', 'sectors.a.holdingCapacity=50..150', '--design', 'lhs', '--points', '1e9'], /sweep: --points 1000000000; a sweep may have at most 10,000 points/);
  });

  it('a grid of 10 million points', () => {
    const sets = ['--set', 'sectors.a.holdingCapacity=1..10000:1', '--set', 'sectors.a.processing.agents=1..1000:1'];
    expectRefused((dir) => ['sweep', writeSmallScenario(dir, 'small'), ...sets], /sweep: the grid has 10000 x 1000 = 10,000,000 points; a sweep may have at most 10,000 points/);
  });

  it('one range of a billion values', () => {
    expectRefused((dir) => ['sweep', writeSmallScenario(dir, 'small'), '--set', 'sectors.a.holdingCapacity=1..1000000000:1'], /--set sectors\.a\.holdingCapacity=1\.\.1000000000:1 gives 1000000000 values/);
  });
});

describe('compare counts its variants first', () => {
  it('10,001 variants', () => {
    const variants = Array.from({ length: 10_001 }, (_, i) => `--variant=v${i}:days=5`);
    expectRefused((dir) => ['compare', writeSmallScenario(dir, 'small'), ...variants], /compare: 10002 scenarios and variants; at most 10,000/);
  });
});

describe('merge bounds a shard before trusting its sizes', () => {
  interface Forgeable {
    shard: { count: number };
    experiment: { replications: number; variants: unknown[] };
  }

  /** Two shards of a 2-replication run; the second's partial.json edited and re-signed (key and digest), as a forger would. */
  function forgedShards(dir: string, edit: (partial: Forgeable) => void): string[] {
    const scenario = writeSmallScenario(dir, 'small');
    const parts = [join(dir, 'p1'), join(dir, 'p2')];
    parts.forEach((p, i) => expect(mppsim(['run', scenario, '--reps', '2', '--shard', `${i + 1}/2`, '--out', p, '--quiet']).code).toBe(0));
    const partial = JSON.parse(readFileSync(join(parts[1], 'partial.json'), 'utf8'));
    edit(partial);
    partial.key = experimentKey(partial.experiment);
    const text = `${JSON.stringify(partial, null, 2)}\n`;
    writeFileSync(join(parts[1], 'partial.json'), text);
    const manifest = JSON.parse(readFileSync(join(parts[1], 'manifest.json'), 'utf8'));
    manifest.files['partial.json'] = sha256(text);
    writeFileSync(join(parts[1], 'manifest.json'), JSON.stringify(manifest));
    return parts;
  }

  const forgeries: [string, (p: Forgeable) => void, RegExp][] = [
    ['shard.count: 1e9', (p) => void (p.shard.count = 1e9), /1000000000 shards of 2 replications/],
    ['replications: 1e9', (p) => void (p.experiment.replications = 1e9), /experiment\.replications: Too big|experiment\.replications: .*<= ?10000/],
    [
      '10,000 variants of 10,000 replications',
      (p) => Object.assign(p.experiment, { replications: 10_000, variants: Array.from({ length: 10_000 }, (_, i) => ({ ...(p.experiment.variants[0] as object), name: `v${i}` })) }),
      /partial\.json names 100,000,000 replications in all; mppsim runs at most 1,000,000/,
    ],
  ];
  it.each(forgeries)('%s: exit 2 naming the shard file', (_, edit, message) => {
    const dir = tempDir();
    const parts = forgedShards(dir, edit);
    expectRefused(() => ['merge', ...parts], new RegExp(`shard ${parts[1]}: .*${message.source}`));
  });
});
