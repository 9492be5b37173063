// The one table of stage-kind labels that the reports and the what-if page share (issue 12 item 4).

import { describe, expect, it } from 'vitest';
import { STAGE_KINDS, stageSeries } from '../../src/output/stage-labels.js';

describe('stage labels', () => {
  it('lists the kinds in chart order, where people wait first, first', () => {
    expect(STAGE_KINDS).toEqual(['sector', 'bus-route', 'screening', 'port', 'court']);
  });

  it("names a stage's series by its id and its kind's label", () => {
    expect(STAGE_KINDS.map((kind) => stageSeries('tucson', kind))).toEqual([
      'tucson (holding site)',
      'tucson (bus route)',
      'tucson (screening)',
      'tucson (port)',
      'tucson (court: waiting in Mexico)',
    ]);
  });

  it('shows a kind it does not know as it is, rather than "undefined"', () => {
    expect(stageSeries('x', 'tent-court')).toBe('x (tent-court)');
    expect(stageSeries('x', 'toString')).toBe('x (toString)');
  });
});
