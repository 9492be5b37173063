// merge copies events parts into events.csv: a cell a spreadsheet would run as a formula never gets
// there, even from a shard whose manifest was re-signed after the edit (issue 11 item 13).

import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mppsim, tempDir } from '../support/cli.js';
import { resign, runTwoShards } from '../support/shards.js';
import { writeSmallScenario } from '../report/small-scenario.js';

let dir = '';
let shards: [string, string] = ['', ''];

beforeAll(() => {
  dir = tempDir('mppsim-merge-events-');
  shards = runTwoShards(dir, [writeSmallScenario(dir), '--reps', '2', '--events', '--workers', '1']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge of events parts', () => {
  it('gives the events.csv of a one-machine run', () => {
    const merged = join(dir, 'merged');
    expect(mppsim(['merge', ...shards, '--out', merged, '--quiet']).code).toBe(0);
    const single = join(dir, 'single');
    expect(mppsim(['run', writeSmallScenario(dir), '--reps', '2', '--events', '--workers', '1', '--out', single, '--quiet']).code).toBe(0);
    expect(readFileSync(join(merged, 'events.csv')).equals(readFileSync(join(single, 'events.csv')))).toBe(true);
  });

  it.each([['=cmd|\' /C calc\'!A0'], ['@SUM(A1)'], ['+1+cmd'], ['-2+3']])('refuses a re-signed part with the cell %s: exit 2 naming the shard and line', (cell) => {
    const forged = join(dir, `forged-${Math.random().toString(36).slice(2, 8)}`);
    cpSync(shards[1], forged, { recursive: true });
    const part = readdirSync(forged).find((f) => f.startsWith('events-part'));
    if (!part) throw new Error('no events part in the shard');
    const lines = readFileSync(join(forged, part), 'utf8').split('\n');
    lines[1] = lines[1].replace(/^([^,]*,[^,]*,[^,]*,[^,]*),[^,]*,/, `$1,"${cell}",`);
    writeFileSync(join(forged, part), lines.join('\n'));
    resign(forged);
    const out = join(dir, `m-${Math.random().toString(36).slice(2, 8)}`);
    const run = mppsim(['merge', shards[0], forged, '--out', out, '--quiet']);
    expect(run.stderr).toContain(`shard ${forged}`);
    expect(run.stderr).toMatch(new RegExp(`${part} line 2 holds a cell a spreadsheet would run as a formula`));
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
