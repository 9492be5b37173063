// `mppsim run` end to end: outputs, reproducibility, engines, and refusing bad input cleanly.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mppsim, readOutputs, tempDir } from '../support/cli.js';

const SMALL = `
name: small
start: 2019-11-01
days: 20
seed: 11
categories:
  family: {groupSize: {values: [2, 3, 4], weights: [1, 1, 1]}, mppEligible: true}
  single: {groupSize: 1, mppEligible: false}
sectors:
  tucson:
    holdingCapacity: 300
    arrivals: {peoplePerDay: 90, mix: {family: 0.7, single: 0.3}}
    processing: {agents: 3, hoursPerGroup: {dist: lognormal, mean: 1.5, sd: 0.5}}
    mpp: {enrolledFraction: 0.8, bus: tucson-el-paso}
  el-paso:
    holdingCapacity: 500
    port: ciudad-juarez
    screening: uscis
busRoutes:
  tucson-el-paso: {from: tucson, to: el-paso, departures: ["08:00"], busesPerDeparture: 1, seatsPerBus: 50, travelHours: {dist: triangular, min: 4.5, mode: 4.75, max: 5.5}}
screenings:
  uscis: {fearFraction: 0.2, officers: 2, interviewMinutes: {dist: exponential, mean: 90}, positiveRate: 0.12}
ports:
  ciudad-juarez: {dailyCap: 40, hours: {open: "06:00", close: "20:00"}}
`;

function writeScenario(dir: string, text = SMALL, name = 'small.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

type Row = Record<string, string>;
const csv = (text: string | Buffer): Row[] => parse(text, { columns: true }) as Row[];

describe('mppsim run', () => {
  it('writes daily.csv and summary.csv with the documented columns and prints the key figures', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const run = mppsim(['run', writeScenario(dir), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/returned\s+total/);
    const summary = csv(readFileSync(join(out, 'summary.csv')));
    expect(Object.keys(summary[0])).toEqual(['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n']);
    const get = (metric: string, scope: string) => summary.find((r) => r.metric === metric && r.scope === scope);
    for (const m of ['arrivals', 'returned', 'released', 'screened_out', 'other', 'in_custody_end', 'boarded', 'bus_load_factor', 'returns_per_day']) {
      expect(get(m, 'total'), m).toBeDefined();
    }
    for (const exit of ['returned', 'other']) for (const q of ['mean', 'p50', 'p90', 'p95']) expect(get(`wait_hours_${q}`, exit)).toBeDefined();
    for (const scope of ['tucson', 'tucson-el-paso', 'uscis', 'ciudad-juarez']) expect(get('queue_mean', scope)).toBeDefined();
    expect(get('occupancy_max', 'el-paso')).toBeDefined();
    // One replication: no interval, n = 1.
    expect(get('arrivals', 'total')).toMatchObject({ ci_low: '', ci_high: '', sd: '', n: '1' });
    const total = (m: string) => Number(get(m, 'total')!.mean);
    expect(total('returned') + total('released') + total('screened_out') + total('other') + total('in_custody_end')).toBe(total('arrivals'));

    const daily = csv(readFileSync(join(out, 'daily.csv')));
    expect(daily).toHaveLength(20 * 5);
    expect(daily[0]).toMatchObject({ replication: '0', day: '0', date: '2019-11-01', kind: 'sector', id: 'tucson' });
    const text = readFileSync(join(out, 'daily.csv'), 'utf8');
    expect(text).not.toMatch(/\de[+-]?\d/i);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('gives identical bytes for the same seed, on both engines, and other figures for another seed', () => {
    const dir = tempDir();
    const file = writeScenario(dir);
    const runs = [
      ['a', '--engine', 'heap'],
      ['b', '--engine', 'heap'],
      ['c', '--engine', 'simjs'],
      ['d', '--seed', '12'],
    ].map(([name, ...flags]) => {
      const out = join(dir, name);
      expect(mppsim(['run', file, '--out', out, '--events', ...flags]).code).toBe(0);
      return readOutputs(out);
    });
    const [a, b, c, d] = runs;
    expect([...a.keys()]).toEqual(['daily-mean.csv', 'daily.csv', 'events.csv', 'replications.csv', 'scenario.json', 'summary.csv']);
    for (const [file, bytes] of a) {
      expect(b.get(file)!.equals(bytes), `${file} heap twice`).toBe(true);
      expect(c.get(file)!.equals(bytes), `${file} heap vs simjs`).toBe(true);
    }
    expect(d.get('daily.csv')!.equals(a.get('daily.csv')!)).toBe(false);
    expect(d.get('summary.csv')!.equals(a.get('summary.csv')!)).toBe(false);
  });

  it('streams one events.csv row per person who arrived', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(mppsim(['run', writeScenario(dir), '--out', out, '--events']).code).toBe(0);
    const events = csv(readFileSync(join(out, 'events.csv')));
    const summary = csv(readFileSync(join(out, 'summary.csv')));
    const arrivals = Number(summary.find((r) => r.metric === 'arrivals' && r.scope === 'total')!.mean);
    expect(events).toHaveLength(arrivals);
    expect(new Set(events.map((e) => e.person)).size).toBe(arrivals);
    const outcomes = new Set(events.map((e) => e.outcome));
    for (const o of ['returned', 'other', 'in_custody']) expect(outcomes.has(o)).toBe(true);
  });

  it('with several replications gives each figure a 95% interval and per-replication rows', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(mppsim(['run', writeScenario(dir), '--out', out, '--reps', '4']).code).toBe(0);
    const summary = csv(readFileSync(join(out, 'summary.csv')));
    const arrivals = summary.find((r) => r.metric === 'arrivals' && r.scope === 'total')!;
    expect(arrivals.n).toBe('4');
    expect(Number(arrivals.ci_low)).toBeLessThan(Number(arrivals.mean));
    expect(Number(arrivals.ci_high)).toBeGreaterThan(Number(arrivals.mean));
    const reps = csv(readFileSync(join(out, 'replications.csv')));
    const values = reps.filter((r) => r.metric === 'arrivals' && r.scope === 'total').map((r) => Number(r.value));
    expect(values).toHaveLength(4);
    expect(values.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(Number(arrivals.mean), 6);
    expect(csv(readFileSync(join(out, 'daily.csv')))).toHaveLength(4 * 20 * 5);
  });

  it('refuses to overwrite an existing output folder without --force, and replaces it with it', () => {
    const dir = tempDir();
    const file = writeScenario(dir);
    const out = join(dir, 'out');
    expect(mppsim(['run', file, '--out', out]).code).toBe(0);
    const before = readOutputs(out);
    const again = mppsim(['run', file, '--out', out, '--seed', '99']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readOutputs(out).get('daily.csv')!.equals(before.get('daily.csv')!)).toBe(true);
    expect(mppsim(['run', file, '--out', out, '--seed', '99', '--force']).code).toBe(0);
    expect(readOutputs(out).get('daily.csv')!.equals(before.get('daily.csv')!)).toBe(false);
  });
});

describe('malformed scenarios', () => {
  const cases: [string, (text: string) => string, RegExp][] = [
    ['a wrong type', (t) => t.replace('dailyCap: 40', 'dailyCap: fifty'), /ports\.ciudad-juarez\.dailyCap: expected a number, got "fifty"/],
    ['a negative capacity', (t) => t.replace('holdingCapacity: 300', 'holdingCapacity: -5'), /sectors\.tucson\.holdingCapacity: expected a number >= 0, got -5/],
    ['an unknown id', (t) => t.replace('to: el-paso', 'to: el-pasoo'), /busRoutes\.tucson-el-paso\.to: unknown sector "el-pasoo"/],
    ['a missing field', (t) => t.replace('seatsPerBus: 50, ', ''), /busRoutes\.tucson-el-paso\.seatsPerBus: missing: expected a number/],
    ['an unknown field', (t) => t.replace('seed: 11', 'seed: 11\nseeds: 12'), /seeds: unknown field/],
    ['not YAML at all', () => 'name: [unclosed\n  : :\n\t{', /not valid YAML or JSON/],
    ['an empty file', () => '', /expected a mapping of scenario fields, got null/],
    ['a group larger than a bus', (t) => t.replace('seatsPerBus: 50', 'seatsPerBus: 3'), /seatsPerBus: expected at least 4 seats/],
    ['a 24:00 departure (no bus would ever leave)', (t) => t.replace('departures: ["08:00"]', 'departures: ["24:00"]'), /departures\[0\]: expected a clock time "HH:MM" between 00:00 and 23:59/],
    ['a clock time past midnight', (t) => t.replace('close: "20:00"', 'close: "24:30"'), /hours\.close: expected a clock time "HH:MM" between 00:00 and 24:00/],
    ['a shift of no length', (t) => t.replace('officers: 2', 'officers: [{from: "08:00", to: "08:00", count: 2}]'), /officers\[0\]\.to: expected a shift of some length/],
    ['a port cap smaller than a group (it would hold the port for ever)', (t) => t.replace('dailyCap: 40', 'dailyCap: 3'), /ports\.ciudad-juarez\.dailyCap: expected 0 \(closed\) or at least 4/],
  ];

  it.each(cases)('%s: exit 2, a clear message naming file and field, nothing written', (_, mutate, message) => {
    const dir = tempDir();
    const file = writeScenario(dir, mutate(SMALL), 'bad.yaml');
    const out = join(dir, 'out');
    const run = mppsim(['run', file, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: `);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('reports every problem at once', () => {
    const dir = tempDir();
    const file = writeScenario(dir, SMALL.replace('dailyCap: 40', 'dailyCap: -1').replace('seatsPerBus: 50', 'seatsPerBus: many'), 'bad.yaml');
    const run = mppsim(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('a missing file is an input error too', () => {
    const run = mppsim(['run', '/nonexistent/x.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/x.yaml: no such file');
  });
});

describe('mppsim schema', () => {
  it('prints a JSON Schema of scenario files generated from the validating schema', () => {
    const run = mppsim(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'start', 'days', 'sectors', 'busRoutes', 'ports', 'screenings', 'citations']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'start', 'days', 'categories', 'sectors']));
  });
});
