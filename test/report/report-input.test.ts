// `mppsim report` believes nothing it reads unchecked: scenario.json through the scenario schema,
// CSV headers, row lengths and numbers, and every file against manifest.json (issue 11 item 18).

import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricUnit } from '../../src/output/metric-catalogue.js';
import { stageSeries } from '../../src/output/stage-labels.js';
import { mppsim, tempDir } from '../support/cli.js';
import { writeSmallScenario } from './small-scenario.js';

let dir = '';
let out = '';

beforeAll(() => {
  dir = tempDir('mppsim-report-input-');
  out = join(dir, 'out');
  const run = mppsim(['run', writeSmallScenario(dir), '--out', out, '--reps', '2', '--events', '--workers', '1', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n');

const edits: [string, string, (file: string) => string, RegExp][] = [
  ['scenario.json with facts: 5', 'scenario.json', (f) => JSON.stringify({ ...JSON.parse(readFileSync(f, 'utf8')), facts: 5 }), /scenario\.json: facts: expected a list, got 5/],
  ['scenario.json with an unknown port', 'scenario.json', (f) => readFileSync(f, 'utf8').replace(/"port": "[^"]+"/, '"port": "constructor"'), /scenario\.json: sectors\.[\w-]+\.port: unknown port "constructor"/],
  ['a word in a number column of summary.csv', 'summary.csv', (f) => lines(f).map((l, i) => (i === 2 ? l.replace(/^([^,]*,[^,]*),[^,]*,/, '$1,abc,') : l)).join('\n'), /summary\.csv: line 3: expected a number \(or nothing\) in column "mean", got "abc"/],
  ['a junk summary.csv', 'summary.csv', () => 'junk\n', /summary\.csv: expected a column "metric" in the header row/],
  ['an empty daily.csv', 'daily.csv', () => '', /daily\.csv: is empty/],
  ['daily.csv cut in the middle of a row', 'daily.csv', (f) => [...lines(f).slice(0, 2), lines(f)[2].split(',').slice(0, 4).join(',')].join('\n'), /daily\.csv: not valid CSV: .*line 3/],
  ['daily.csv cut after a whole row', 'daily.csv', (f) => lines(f).slice(0, 6).join('\n') + '\n', /daily\.csv: was changed after mppsim wrote it/],
  ['replications.csv with a row too long', 'replications.csv', (f) => lines(f).map((l, i) => (i === 1 ? `${l},9` : l)).join('\n'), /replications\.csv: not valid CSV: .*line 2/],
  ['an edited figure in replications.csv', 'replications.csv', (f) => lines(f).map((l, i) => (i === 1 ? l.replace(/\d+$/, (v) => String(Number(v) + 1)) : l)).join('\n'), /replications\.csv: was changed after mppsim wrote it/],
  ['events.csv with a row repeated', 'events.csv', (f) => `${readFileSync(f, 'utf8')}${lines(f)[1]}\n`, /events\.csv: was changed after mppsim wrote it/],
];

describe('mppsim report of a folder with a malformed or edited file', () => {
  it.each(edits)('%s: exit 2 naming the file, no report written', (_, name, edit, message) => {
    const folder = join(dir, name.replace(/\W/g, '') + Math.random().toString(36).slice(2, 8));
    cpSync(out, folder, { recursive: true });
    const file = join(folder, name);
    writeFileSync(file, edit(file));
    const report = mppsim(['report', folder, '--quiet']);
    expect(report.stderr).toMatch(message);
    expect(report.stderr).toContain(file);
    expect(report.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(report.code).toBe(2);
    expect(existsSync(join(folder, 'report.html'))).toBe(false);
  });

  it('the untouched folder still reports', () => {
    const report = mppsim(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
  });
});

describe('names read back from a CSV are looked up as own keys only (issue 11 item 14)', () => {
  it('a metric or a stage kind called like an Object property has no unit or label of its own', () => {
    expect(metricUnit('constructor')).toBe('');
    expect(metricUnit('toString')).toBe('');
    expect(metricUnit('queue_mean')).toBe('people (time-average)');
    expect(stageSeries('x', 'constructor')).toBe('x (constructor)');
    expect(stageSeries('x', 'bus-route')).toBe('x (bus route)');
  });
});
