// Ctrl-C or SIGTERM at an arbitrary moment of a long run on one thread (--workers 1, or one
// replication): the run stops within 2 s with exit 130/143 and leaves no output folder and no
// .tmp- staging folder. Issue 11 item 10 and "Done when".

import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';
import { writeSmallScenario } from '../support/small-scenario.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT;

let base = '';
let attempt = 0;
beforeAll(() => void (base = tempDir('mppsim-signal-fuzz-')));

/** About 18 million people over 3,000 days: one replication takes 5 to 20 seconds, far longer than any delay here. */
function longScenario(dir: string): string {
  return writeSmallScenario(dir, 'long', (s) => {
    s.days = 3000;
    s.sectors.a.holdingCapacity = 20_000;
    s.sectors.a.arrivals!.peoplePerDay = 6000;
    s.sectors.a.processing!.agents = 360;
  });
}

describe('a signal at any moment of a run on one thread (fast-check)', () => {
  it('exits 130/143 within 2 s, leaving nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Signal>('SIGINT', 'SIGTERM'),
        fc.integer({ min: 300, max: 2000 }),
        fc.constantFrom(['--workers', '1', '--reps', '2'], ['--reps', '1']),
        fc.boolean(),
        async (signal, delayMs, options, events) => {
          const dir = join(base, `case-${++attempt}`);
          mkdirSync(dir);
          const scenario = longScenario(dir);
          const args = ['run', scenario, ...options, ...(events ? ['--events'] : []), '--out', join(dir, 'out'), '--quiet'];
          const child = spawn(process.execPath, [join(ROOT, 'bin/mppsim.js'), ...args], { env: { ...process.env, CI: 'true' } });
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          const exited = new Promise<{ code: number | null; by: string | null }>((resolve) => child.on('exit', (code, by) => resolve({ code, by })));
          await sleep(delayMs);
          child.kill(signal);
          const sent = Date.now();
          const exit = await Promise.race([exited, sleep(5_000).then(() => undefined)]);
          if (exit === undefined) child.kill('SIGKILL');
          const what = `${signal} after ${delayMs} ms (${options.join(' ')}${events ? ' --events' : ''}): ${JSON.stringify(exit)} after ${Date.now() - sent} ms: ${stderr.slice(0, 300)}`;
          expect(exit, what).toBeDefined();
          expect(Date.now() - sent, what).toBeLessThan(2_000);
          // Before its handlers are in place (the first few hundred ms), the process dies of the signal itself,
          // which a shell reports as the same 130/143; afterwards it exits with the code and says so.
          if (exit?.by !== signal) {
            expect(exit?.code, what).toBe(EXIT[signal]);
            expect(stderr, what).toContain(`mppsim: interrupted (${signal}); nothing was written`);
          }
          expect(readdirSync(dir), what).toEqual(['long.json']);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: Number(process.env.FUZZ_SIGNAL_RUNS ?? 5), seed: Number(process.env.FUZZ_SEED ?? 20191203) },
    );
  }, 60_000);
});
