// Every script in examples/ runs (importing the package by its name, from the built dist/) and prints
// the figures the command line writes for the same experiment, so the examples cannot rot.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

type Row = Record<string, string>;

const BASELINE = 'scenarios/baseline-tucson-el-paso.yaml';
const TESTED = ['run-and-compare.mjs', 'size-cap.mjs', 'stream-events.mjs', 'sweep-table.mjs'];

function example(name: string): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'examples', name)], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n');
}

function cliTable(args: readonly string[], table: string): Row[] {
  const out = join(tempDir(), 'out');
  const r = mppsim([...args, '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return parse(readFileSync(join(out, table), 'utf8'), { columns: true }) as Row[];
}

const oneDecimal = (v: string): string => Number(v).toFixed(1);

describe('examples/', () => {
  it('has a test for every script', () => {
    expect(readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.mjs')).sort()).toEqual(TESTED);
  });

  it('run-and-compare.mjs prints the summary and paired differences that mppsim compare writes', () => {
    const lines = example('run-and-compare.mjs');
    const rows = cliTable(['compare', BASELINE, '--variant', 'small-bus:busRoutes.tucson-el-paso.seatsPerBus=25', '--reps', '5'], 'comparison.csv');
    const row = (metric: string, variant: string) => rows.find((r) => r.metric === metric && r.scope === 'total' && r.variant === variant) as Row;
    const base = row('returned', 'baseline-tucson-el-paso');
    expect(lines[0]).toBe(`baseline-tucson-el-paso: ${Number(base.mean)} people returned (95% interval ${oneDecimal(base.ci_low)} to ${oneDecimal(base.ci_high)}, 5 replications)`);
    for (const metric of ['returned', 'in_custody_end', 'boarded']) {
      const d = row(metric, 'small-bus');
      expect(d.significant).toBe('yes');
      const sign = Number(d.diff) >= 0 ? '+' : '';
      expect(lines).toContain(`${metric}: ${sign}${Number(d.diff)} with the small bus (95% interval ${oneDecimal(d.diff_ci_low)} to ${oneDecimal(d.diff_ci_high)})`);
    }
    expect(lines).toHaveLength(4);
  });

  it("stream-events.mjs aggregates the same people as mppsim run --events's events.csv", () => {
    const lines = example('stream-events.mjs');
    const events = cliTable(['run', BASELINE, '--reps', '1', '--events'], 'events.csv');
    const sectors = [...new Set(events.map((e) => e.sector))].sort();
    expect(sectors).toEqual(['el-paso', 'tucson']);
    expect(lines).toEqual(
      sectors.map((sector) => {
        const people = events.filter((e) => e.sector === sector);
        const returned = people.filter((e) => e.outcome === 'returned');
        const hours = returned.reduce((sum, e) => sum + Number(e.exit_hours) - Number(e.arrived_hours), 0) / returned.length;
        // events.csv rounds hours to 6 decimals; a mean of thousands of them moves far less than 0.005.
        return `${sector}: ${people.length} people, ${returned.length} returned, ${hours.toFixed(2)} hours from arrival to return`;
      }),
    );
  });

  it('sweep-table.mjs prints the means that mppsim sweep writes for the same seats', () => {
    const lines = example('sweep-table.mjs');
    const rows = cliTable(['sweep', BASELINE, '--set', 'busRoutes.tucson-el-paso.seatsPerBus=30,40,50,60', '--reps', '3'], 'sweep.csv');
    const mean = (seats: string, metric: string) => Number(rows.find((r) => r['busRoutes.tucson-el-paso.seatsPerBus'] === seats && r.metric === metric && r.scope === 'total')?.mean).toFixed(2);
    expect(lines).toEqual([
      'seats_per_bus,returned_mean,in_custody_end_mean',
      ...['30', '40', '50', '60'].map((seats) => `${seats},${mean(seats, 'returned')},${mean(seats, 'in_custody_end')}`),
    ]);
    // Fewer seats than the daily demand leave people in custody at the end: the sweep is not flat.
    expect(Number(lines[1].split(',')[2])).toBeGreaterThan(Number(lines[3].split(',')[2]));
  });

  it('size-cap.mjs prints the answer line and the candidates that mppsim size prints and writes', () => {
    const lines = example('size-cap.mjs');
    const args = ['size', 'scenarios/del-rio-cap.yaml', '--vary', 'ports.eagle-pass-laredo.dailyCap=40..120:4', '--target', 'released.total <= 0', '--reps', '3'];
    const out = join(tempDir(), 'out');
    const run = mppsim([...args, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(lines[0]).toBe(run.stdout.trim());
    const rows = parse(readFileSync(join(out, 'size.csv'), 'utf8'), { columns: true }) as Row[];
    expect(lines.slice(1)).toEqual(rows.map((r) => `${r['ports.eagle-pass-laredo.dailyCap']}: released ${Number(r.mean).toFixed(2)}, ${r.holds}`));
  });
});
