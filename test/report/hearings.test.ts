// The report's hearing half: shown for a run with courts (docket use, crossings by purpose, people
// waiting in Mexico in the queue chart), absent for a run without.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

function report(scenario: string): string {
  const out = join(tempDir('mppsim-hearings-'), 'out');
  const run = mppsim(['run', join(ROOT, 'scenarios', scenario), '--reps', '2', '--out', out, '--report', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(join(out, 'report.html'), 'utf8');
}

describe('the report of a run with courts', () => {
  let html = '';
  beforeAll(() => {
    html = report('hearings-el-paso.yaml');
  });

  it('has a hearings section with the docket and the crossings charts', () => {
    expect(html).toContain('id="hearings"');
    expect(html).toContain('id="chart-court-docket"');
    expect(html).toContain('id="chart-port-crossings"');
    expect(html).toMatch(/el-paso-court: [\d.,]+ heard a day on average, \d+% of its slots/);
    expect(html).toMatch(/ciudad-juarez: [\d.,]+ first returns to Mexico, [\d.,]+ returns after a hearing, [\d.,]+ crossings in for a hearing/);
  });

  it('charts the people waiting in Mexico for each court among the queues', () => {
    expect(html).toContain('el-paso-court (court: waiting in Mexico)');
  });
});

describe('the report of a run without courts', () => {
  it('has no hearings section', () => {
    expect(report('del-rio-cap.yaml')).not.toContain('id="hearings"');
  });
});
