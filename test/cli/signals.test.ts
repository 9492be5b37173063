// A signal stops a run within a second whatever the worker count (issue 11 item 10): one long
// replication used to run on the main thread, where Ctrl-C and SIGTERM waited for it to end.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeTempDirs, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

afterAll(removeTempDirs);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a signal during one long replication', () => {
  it.each([
    ['SIGTERM', 143, ['--workers', '1']],
    ['SIGINT', 130, ['--reps', '1']],
  ] as const)('%s: exit %i within 2 s, no output folder (%s)', async (signal, code, options) => {
    const dir = tempDir();
    // About 18 million people over 3,000 days: one replication takes 5 to 20 seconds.
    const scenario = writeSmallScenario(dir, 'long', (s) => {
      s.days = 3000;
      s.sectors.a.holdingCapacity = 20_000;
      s.sectors.a.arrivals!.peoplePerDay = 6000;
      s.sectors.a.processing!.agents = 360;
    });
    const child = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), 'run', scenario, '--reps', '1', ...options, '--out', join(dir, 'out'), '--quiet'], { env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (!readdirSync(dir).some((f) => f.startsWith('.tmp-'))) await sleep(20);
    await sleep(1500);
    child.kill(signal);
    const sent = Date.now();
    const exit = await Promise.race([exited, sleep(10_000).then(() => 'still running')]);
    if (exit === 'still running') child.kill('SIGKILL');
    expect(exit).toBe(code);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(stderr).toContain(`mppsim: interrupted (${signal}); nothing was written`);
    expect(readdirSync(dir)).toEqual(['long.json']);
  });
});
