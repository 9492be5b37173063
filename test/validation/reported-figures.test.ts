// The machinery of `npm run validate` (src/validation/): every comparison can be read from its
// bundled scenario, verdicts read the facts' qualifiers, and the document is the same bytes for
// the same runs. (The full document takes about a minute: `npm run validate -- --check`.)

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts, loadScenario, type Fact } from '../../src/scenario/index.js';
import { SCENARIOS, type ScenarioComparisons } from '../../src/validation/comparisons.js';
import { group, validationDocument } from '../../src/validation/document.js';
import { dailySum, daysCovered } from '../../src/validation/observe.js';
import { factRange, factShare } from '../../src/validation/readings.js';
import { judge, judgeRange, runValidation } from '../../src/validation/run.js';
import { loadCalibrationTargets } from '../../src/experiment/targets-file.js';
import { targetRows } from '../../src/validation/target-rows.js';
import { ROOT } from '../support/cli.js';

/** 80 people a day into a port capped at 50: it returns exactly 50 a day. */
const TINY = `name: tiny
start: '2019-11-01'
days: 20
seed: 5
categories: { single: { groupSize: 1, mppEligible: true } }
sectors:
  del-rio: { holdingCapacity: 10000, arrivals: { peoplePerDay: 80, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: p }
ports:
  p: { dailyCap: 50 }
`;

describe('the comparisons with reported figures', () => {
  const facts = loadFacts();

  it.each(SCENARIOS.map((s) => [s.file, s]))('%s has every stage, date and fact they read', (_file, spec) => {
    const scenario = loadScenario(join(ROOT, spec.file));
    const comparisons = spec.comparisons(scenario, spec.targets ? loadCalibrationTargets(join(ROOT, spec.targets)) : []);
    expect(comparisons.length).toBeGreaterThan(2);
    for (const c of comparisons) for (const id of c.facts) expect(facts.has(id), id).toBe(true);
  });

  it('reads "up to" as a maximum, "more than" as a minimum, and anything else as about', () => {
    const fact = (unit: string): Fact => ({ id: 'x', value: 1, unit, date: '2019', source: 'test' });
    expect(judge(0.5, fact('people per day (up to)'), false)).toBe('agrees');
    expect(judge(1.2, fact('people per day (up to)'), false)).toBe('higher');
    expect(judge(1.5, fact('people (more than)'), false)).toBe('agrees');
    expect(judge(0.85, fact('people (more than)'), false)).toBe('lower');
    expect(judge(0.95, fact('people (about)'), false)).toBe('agrees');
    expect(judge(1.11, fact('people'), false)).toBe('higher');
    expect(judge(1.02, fact('people'), true)).toBe('calibrated');
    expect(judge(1.5, fact('people'), true)).toBe('higher');
  });

  it('reads a range "2-4" as its ends, agreeing inside it widened by 10%, and a listed share by name', () => {
    expect(factRange(facts, 'laredo-tent-court-people-per-day')).toEqual([200, 250]);
    expect(factShare(facts, 'mpp-completion-shares', 'in absentia')).toBe(0.666);
    expect(() => factShare(facts, 'mpp-completion-shares', 'asylum')).toThrow(/no share "asylum"/);
    expect(judgeRange(181, [200, 250], false)).toBe('agrees');
    expect(judgeRange(179, [200, 250], false)).toBe('lower');
    expect(judgeRange(276, [200, 250], false)).toBe('higher');
    expect(judgeRange(230, [200, 250], true)).toBe('calibrated');
  });

  it('formats numbers without the locale', () => {
    expect(group(60523.4, 0)).toBe('60,523');
    expect(group(1234567.891, 2)).toBe('1,234,567.89');
    expect(group(-0.001, 1)).toBe('0.0');
    expect(group(Number.NaN, 1)).toBe('–');
  });

  it('writes the same bytes for the same runs, with one row per comparison', () => {
    const root = mkdtempSync(join(tmpdir(), 'mppsim-validate-'));
    writeFileSync(join(root, 'tiny.yaml'), TINY);
    const spec: ScenarioComparisons = {
      file: 'tiny.yaml',
      heading: 'tiny',
      about: 'A capped port.',
      comparisons: () => [
        {
          figure: 'Returns per day',
          facts: ['del-rio-returns-cap'],
          simulated: (o) => dailySum(o, 'p', 'returned', '2019-11-01', '2019-11-20') / daysCovered(o, '2019-11-01', '2019-11-20'),
          decimals: 1,
          why: () => 'never shown: the cap binds',
        },
        {
          figure: 'Returned by 20 Nov',
          facts: ['mpp-returns-2019-03'],
          simulated: (o) => dailySum(o, 'p', 'returned', '2019-11-01', '2019-11-20'),
          decimals: 0,
          why: ({ simulated, reported }) => `${simulated} against ${reported}`,
        },
      ],
    };
    const first = validationDocument(runValidation([spec], { root, replications: 3 }));
    const second = validationDocument(runValidation([spec], { root, replications: 3 }));
    expect(second).toBe(first);
    // 50 a day from a queue that never empties: exactly the cap, so "agrees" and no note.
    expect(first).toContain('| 1 | Returns per day | up to 50 | Nov 2019 | The Washington Post, November 2019 | 50.0 (50.0 – 50.0) | 1.00 | agrees |');
    expect(first).toContain('| 2 | Returned by 20 Nov | 240 |');
    expect(first).toContain('- **2.** 1000 against 240');
    expect(first).not.toContain('never shown');
  });

  it('shows a targets file\'s rows in the table, and again with the fitted and the held-out targets apart', () => {
    const root = mkdtempSync(join(tmpdir(), 'mppsim-validate-'));
    try {
      writeFileSync(join(root, 'tiny.yaml'), TINY);
      // The port returns exactly its cap of 50 a day: 1,000 by 20 Nov, 500 by the 10th.
      writeFileSync(join(root, 'targets.yaml'), `- { note: Returned per day, fact: del-rio-returns-cap, count: returned, stage: p, from: 2019-11-01, to: 2019-11-20, perDay: true, tolerance: 5 }
- { note: Returned by 10 Nov, fact: mpp-returns-2019-03, count: returned, kind: port, by: 2019-11-10, tolerance: 24, heldOut: true }
`);
      const spec: ScenarioComparisons = { file: 'tiny.yaml', heading: 'tiny', about: 'A capped port.', targets: 'targets.yaml', comparisons: (_s, targets) => targetRows(targets, () => () => 'more returned than reported') };
      const text = validationDocument(runValidation([spec], { root, replications: 3 }));
      expect(text).toContain('| 1 | Returned per day | up to 50 | Nov 2019 | The Washington Post, November 2019 | 50.0 (50.0 – 50.0) | 1.00 | calibration target |');
      expect(text).toContain('| 2 | Returned by 10 Nov | 240 | late March 2019 | The Washington Post, March 2019 | 500 (500 – 500) | 2.08 | higher (held out of the fit) |');
      expect(text).toContain('- **2.** more returned than reported');
      const fit = text.slice(text.indexOf('#### The fit: [`targets.yaml`](../targets.yaml)'));
      expect(fit.indexOf('Fitted:')).toBeGreaterThan(0);
      expect(fit).toContain('Fitted:\n\n| # | figure | reported ± tolerance | simulated (95% interval) | ratio | within tolerance |\n|---:|---|---:|---:|---:|---|\n| 1 | Returned per day | 50.0 ± 5.0 | 50.0 (50.0 – 50.0) | 1.00 | yes |\n');
      expect(fit).toContain('Held out:\n\n| # | figure | reported ± tolerance | simulated (95% interval) | ratio | within tolerance |\n|---:|---|---:|---:|---:|---|\n| 2 | Returned by 10 Nov | 240 ± 24 | 500 (500 – 500) | 2.08 | no |');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
