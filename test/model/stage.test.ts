// A stage's daily counters: each day's counts are handed over whole and added to the totals only when counted.

import { describe, expect, it } from 'vitest';
import { DAILY_COUNTS } from '../../src/model/results.js';
import { StageObserver } from '../../src/model/stage.js';

describe('StageObserver.closeDay', () => {
  it('adds every daily count to its own total when the day is kept, and starts the next day at zero', () => {
    const stage = new StageObserver('sector', 'tucson');
    DAILY_COUNTS.forEach((figure, i) => (stage.daily[figure] = i + 1));
    const day = stage.closeDay(true);
    DAILY_COUNTS.forEach((figure, i) => {
      expect(day[figure]).toBe(i + 1);
      expect(stage.total[figure]).toBe(i + 1);
      expect(stage.daily[figure]).toBe(0);
    });
    stage.daily.arrivals = 7;
    expect(stage.closeDay(false).arrivals).toBe(7);
    expect(stage.total.arrivals).toBe(1);
    expect(day.arrivals).toBe(1);
  });
});
