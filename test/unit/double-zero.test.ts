// Fields that start at DOUBLE_ZERO (-0, so that V8 keeps them as doubles) must never hand a -0 on:
// each is added to or overwritten before it is read. These are the edge cases where one is read early.

import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/model/index.js';
import { StageObserver } from '../../src/model/stage.js';
import { QuantileSketch, TimeWeighted } from '../../src/stats/index.js';

function negativeZeros(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Object.is(value, -0) ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => negativeZeros(v, `${path}.${key}`));
}

describe('no -0 reaches a figure', () => {
  it('TimeWeighted: over no time, at its start, and after a zero value', () => {
    const fresh = new TimeWeighted();
    expect(negativeZeros(fresh.total(0))).toEqual([]);
    expect(negativeZeros(fresh.closePeriod(0))).toEqual([]);
    const zero = new TimeWeighted();
    zero.set(0, 0);
    zero.set(2.5, 0);
    expect(negativeZeros(zero.closePeriod(5))).toEqual([]);
    expect(negativeZeros(zero.total(5))).toEqual([]);
    expect(Object.is(zero.total(5).integral, 0)).toBe(true);
  });

  it('QuantileSketch: of zeros only', () => {
    const sketch = new QuantileSketch();
    sketch.add(0, 3);
    expect(negativeZeros([sketch.mean, sketch.max, sketch.quantile(0.5), sketch.quantile(1)])).toEqual([]);
  });

  it('StageObserver: before anyone queued, and after a wait of no time', () => {
    const stage = new StageObserver('sector', 'tucson');
    expect(Object.is(stage.peopleHoursInWindow(0), 0)).toBe(true);
    stage.enterQueue(0, 2);
    stage.leaveQueue(0, 2, 0);
    expect(Object.is(stage.waitPeopleHours, 0)).toBe(true);
    expect(Object.is(stage.peopleHoursInWindow(10), 0)).toBe(true);
  });

  it('a whole replication: every metric and daily figure', () => {
    const result = simulate({ ...loadScenario('scenarios/baseline-tucson-el-paso.yaml'), days: 60 }, { replication: 0 });
    expect(negativeZeros(result.metrics, 'metrics')).toEqual([]);
    expect(negativeZeros(result.daily, 'daily')).toEqual([]);
  });
});
