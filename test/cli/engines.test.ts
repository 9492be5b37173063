// Every bundled scenario gives byte-identical outputs on our heap calendar and on simjs's.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarios, mppsim, readOutputs, tempDir } from '../support/cli.js';

describe('engines agree on every bundled scenario', () => {
  const scenarios = bundledScenarios();

  it('there are bundled scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
  });

  it.each(scenarios)('%s', (file) => {
    const dir = tempDir();
    const outputs = (['heap', 'simjs'] as const).map((engine) => {
      const out = join(dir, engine);
      // Two replications each: every scenario's code paths on both calendars, without the full experiment's cost.
      const run = mppsim(['run', file, '--out', out, '--engine', engine, '--reps', '2', '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return readOutputs(out);
    });
    const [heap, simjs] = outputs;
    expect([...heap.keys()]).toEqual([...simjs.keys()]);
    for (const [name, bytes] of heap) expect(simjs.get(name)!.equals(bytes), name).toBe(true);
  }, 120_000);
});
