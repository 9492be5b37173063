// The answer commands from the command line: size (and, below, --precision and calibrate), on
// real files, with the bytes independent of --workers and bad input refused with exit 2.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, mppsim, readOutputs, tempDir } from '../support/cli.js';

const DEL_RIO = join(ROOT, 'scenarios/del-rio-cap.yaml');
const dirs: string[] = [];
const temp = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Row = Record<string, string>;
const csv = (text: string | Buffer): Row[] => parse(text, { columns: true }) as Row[];

describe('mppsim size', () => {
  it('prints the least cap with its evidence and writes the same size.csv on 1 and 2 workers', () => {
    const dir = temp();
    const runs = ['1', '2'].map((w) => {
      const out = join(dir, `w${w}`);
      const run = mppsim(['size', DEL_RIO, '--vary', 'ports.eagle-pass-laredo.dailyCap=40..120:4', '--target', 'released.total <= 0', '--reps', '3', '--workers', w, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return { run, files: readOutputs(out) };
    });
    expect(runs[0].run.stdout).toMatch(/^ports\.eagle-pass-laredo\.dailyCap = \d+ \(released 0 \[0, 0\]; \d+ fails: released [\d.]+ \[[-\d.]+, [\d.]+\]\), \d+ candidates, \d+ replications\n/);
    expect(runs[1].run.stdout.split('\n')[0]).toBe(runs[0].run.stdout.split('\n')[0]);
    expect([...runs[0].files.keys()]).toEqual(['scenario.json', 'size.csv']);
    expect(runs[1].files.get('size.csv')!.equals(runs[0].files.get('size.csv')!)).toBe(true);
    const rows = csv(runs[0].files.get('size.csv')!);
    expect(Object.keys(rows[0])).toEqual(['ports.eagle-pass-laredo.dailyCap', 'replications', 'target', 'mean', 'ci_low', 'ci_high', 'sd', 'bound_95_one_sided', 'target_verdict', 'holds']);
    const answer = Number(/= (\d+) /.exec(runs[0].run.stdout)![1]);
    const passing = rows.filter((r) => r.holds === 'pass').map((r) => Number(r['ports.eagle-pass-laredo.dailyCap']));
    expect(Math.min(...passing)).toBe(answer);
  });

  it('refuses an unreadable target or a metric that does not exist with exit 2, writing nothing', () => {
    const dir = temp();
    for (const target of ['released < lots', 'no_such_metric.total <= 0']) {
      const out = join(dir, 'out');
      const run = mppsim(['size', DEL_RIO, '--vary', 'ports.eagle-pass-laredo.dailyCap=40..60', '--target', target, '--reps', '2', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(target.startsWith('released') ? /--target: expected metric\.scope <= value/ : /no metric no_such_metric for scope total/);
      expect(existsSync(out)).toBe(false);
    }
  });
});
