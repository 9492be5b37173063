// Devices, named pipes and folders where a file is expected are refused before a byte is read
// (issue 11 item 11): reading /dev/zero or a pipe never ends. Each command fails fast with exit 2.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mppsim, removeTempDirs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

afterAll(removeTempDirs);

/** A named pipe nobody writes to: opening it for reading waits forever unless refused. */
function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/**
 * Exit 2, the named file in the message. A command that opened the pipe or the device would wait
 * forever: it is killed at 30 s and its code is then -1, so the hang fails the test without the test
 * timing anything (a bound on elapsed time failed under a loaded machine: 7.5 s against 5 s).
 */
function expectRefusedFast(args: string[], named: string, problem: RegExp): void {
  const run = mppsim(args, undefined, 30_000);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(named);
  expect(run.stderr).toMatch(problem);
}

describe('a scenario that is not a regular file', () => {
  it('/dev/zero is refused as a device', () => {
    expectRefusedFast(['validate', '/dev/zero'], '/dev/zero: is a device, not a regular file; expected a scenario file', /./);
  });

  it('a named pipe is refused, and run writes nothing', () => {
    const dir = tempDir();
    const pipe = fifo(join(dir, 'scenario.yaml'));
    expectRefusedFast(['run', pipe, '--out', join(dir, 'out')], `${pipe}: is a named pipe, not a regular file`, /expected a scenario file/);
    expect(readdirSync(dir)).toEqual(['scenario.yaml']);
  });

  it('a folder is refused', () => {
    const dir = tempDir();
    expectRefusedFast(['validate', dir], `${dir}: is a folder, not a regular file`, /./);
  });
});

describe('files inside folders mppsim reads', () => {
  it('merge refuses a shard whose results.jsonl became a named pipe, naming the shard', () => {
    const dir = tempDir();
    const scenario = writeSmallScenario(dir, 'small');
    const [p1, p2] = [join(dir, 'p1'), join(dir, 'p2')];
    for (const [i, p] of [p1, p2].entries()) expect(mppsim(['run', scenario, '--reps', '2', '--shard', `${i + 1}/2`, '--out', p, '--quiet']).code).toBe(0);
    rmSync(join(p2, 'results.jsonl'));
    fifo(join(p2, 'results.jsonl'));
    expectRefusedFast(['merge', p1, p2, '--out', join(dir, 'm'), '--quiet'], `shard ${p2}: results.jsonl is not a regular file`, /./);
    expect(existsSync(join(dir, 'm'))).toBe(false);
  });

  it('report refuses a run folder whose summary.csv is a named pipe', () => {
    const dir = tempDir();
    const out = join(dir, 'o');
    expect(mppsim(['run', writeSmallScenario(dir, 'small'), '--out', out, '--quiet']).code).toBe(0);
    rmSync(join(out, 'summary.csv'));
    fifo(join(out, 'summary.csv'));
    expectRefusedFast(['report', out], `${join(out, 'summary.csv')}: is a named pipe, not a regular file`, /./);
  });

  it('report refuses a run folder whose events.csv is a named pipe', () => {
    const dir = tempDir();
    const out = join(dir, 'o');
    expect(mppsim(['run', writeSmallScenario(dir, 'small'), '--out', out, '--quiet']).code).toBe(0);
    fifo(join(out, 'events.csv'));
    expectRefusedFast(['report', out], `${join(out, 'events.csv')}: is not a regular file`, /./);
  });

  it('--force refuses a folder whose manifest.json is a named pipe', () => {
    const dir = tempDir();
    const out = join(dir, 'o');
    const scenario = writeSmallScenario(dir, 'small');
    expect(mppsim(['run', scenario, '--out', out, '--quiet']).code).toBe(0);
    rmSync(join(out, 'manifest.json'));
    fifo(join(out, 'manifest.json'));
    expectRefusedFast(['run', scenario, '--out', out, '--force', '--quiet'], 'manifest.json is a named pipe, not a regular file', /./);
  });
});
