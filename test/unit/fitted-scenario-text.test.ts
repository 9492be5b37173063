// The fitted scenario as text (experiment/fitted-scenario-text.ts) and --fit patterns
// (experiment/fit-paths.ts): values replaced where they stand, comments kept or replaced, citations
// rewritten under the nearest cited field; a pattern names the numbers it matches, or is refused.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { calibrate, parseFitRange } from '../../src/experiment/index.js';
import { expandFitPath } from '../../src/experiment/fit-paths.js';
import { fittedScenarioText } from '../../src/experiment/fitted-scenario-text.js';

const TEXT = `# a header that must survive
sectors:
  a: { mpp: { monthly: { '2019-05': 0.4, '2019-06': 0.3 } } } # flow style, kept
  b:
    mpp:
      monthly:
        '2019-05': 0.44 # hand-set from the court cases
citations:
  sectors.b.mpp.monthly:
    note: >-
      set by hand,
      over two lines
`;

describe('a fitted scenario written as text', () => {
  it('sets each value where it stands, says so on its line, and rewrites the nearest citation', () => {
    const edits = [
      { path: ['sectors', 'a', 'mpp', 'monthly', '2019-05'], value: 0.5 },
      { path: ['sectors', 'b', 'mpp', 'monthly', '2019-05'], value: 0.5 },
    ];
    const out = fittedScenarioText(TEXT, edits, 'calibrated to t.yaml by mppsim calibrate on 2026-12-02', { facts: ['f1'], note: 'fitted: 0.5' });
    expect(out.split('\n')).toEqual([
      '# a header that must survive',
      'sectors:',
      "  a: { mpp: { monthly: { '2019-05': 0.5, '2019-06': 0.3 } } } # calibrated to t.yaml by mppsim calibrate on 2026-12-02",
      '  b:',
      '    mpp:',
      '      monthly:',
      "        '2019-05': 0.5 # calibrated to t.yaml by mppsim calibrate on 2026-12-02",
      'citations:',
      '  sectors.b.mpp.monthly: { facts: [f1], note: "fitted: 0.5" }',
      // sectors.a had no citation of its own nor of a field above it: cited at the value.
      '  sectors.a.mpp.monthly.2019-05: { facts: [f1], note: "fitted: 0.5" }',
      '',
    ]);
    expect(parse(out).sectors.a.mpp.monthly).toEqual({ '2019-05': 0.5, '2019-06': 0.3 });
  });

  it('expands a pattern to the numbers it matches, and refuses one that matches none', () => {
    const document = parse(TEXT);
    expect(expandFitPath(document, ['sectors', '*', 'mpp', 'monthly', '2019-05|2019-06'], 'p')).toEqual([
      ['sectors', 'a', 'mpp', 'monthly', '2019-05'],
      ['sectors', 'a', 'mpp', 'monthly', '2019-06'],
      ['sectors', 'b', 'mpp', 'monthly', '2019-05'],
    ]);
    expect(expandFitPath(document, ['sectors', 'c', 'x'], 'plain')).toEqual([['sectors', 'c', 'x']]);
    expect(() => expandFitPath(document, ['sectors', '*', 'mpp', 'monthly', '2019-07'], 'sectors.*.mpp.monthly.2019-07')).toThrow(
      '--fit sectors.*.mpp.monthly.2019-07: the pattern matches no number in the scenario (* matches any key, a|b the keys listed)',
    );
  });

  it('refuses two --fit ranges that set the same field, before running anything', async () => {
    const ranges = ['sectors.*.mpp.monthly.2019-05=0..1', 'sectors.b.mpp.monthly.2019-05=0..1'].map(parseFitRange);
    const target = { metric: 'returned', scope: 'total', value: 1, tolerance: 1, heldOut: false };
    await expect(calibrate(parse(TEXT), 't', ranges, [target], { replications: 2, gridPoints: 3, rounds: 1, seed: 1, workers: 1 })).rejects.toThrow(
      'calibrate: sectors.b.mpp.monthly.2019-05 is matched by more than one --fit; each field may be fitted once',
    );
  });
});
