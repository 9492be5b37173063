// `size` against cases with a known answer: a port fed a deterministic 80 a day needs a cap of
// exactly 80; a loss system's least capacity for blocking <= 1% is the one Erlang B gives.

import { describe, expect, it } from 'vitest';
import { oneSidedBounds, size, parseSizeRange, parseTarget, sizeAnswerLine, type TargetJudgement } from '../../src/experiment/index.js';
import { round } from '../../src/experiment/size.js';
import { rangeText } from '../../src/experiment/size-partial.js';
import { portDocument } from '../support/port-document.js';
import { erlangB } from '../validation/queueing-theory.js';

const settings = { replications: 4, maxReplications: 12, seed: 11, workers: 1 };

describe('size', () => {
  it('finds 80 as the least daily cap that keeps a port fed 80 a day from queueing', async () => {
    // Deterministic counts: below 80 the queue grows by (80 - cap) a day; at 80 every arrival
    // is returned on the day, so queue_end is 0 in every replication (no spread, no doubt).
    const s = await size(portDocument('deterministic'), 'port', parseSizeRange('ports.p.dailyCap=40..200'), [parseTarget('queue_end.p <= 0')], settings);
    expect(s.answer?.value).toBe(80);
    expect(s.below?.value).toBe(79);
    expect(s.below?.judgements[0].estimate.mean).toBe(20); // one more a day, on each of the 20 days
    expect(s.warnings).toEqual([]);
    // Bisection over 161 values: the two ends, then about log2(161) more.
    expect(s.candidates.length).toBeLessThanOrEqual(10);
    expect(s.replications).toBe(4 * s.candidates.length);
    expect(sizeAnswerLine(s)).toBe(`ports.p.dailyCap = 80 (queue_end.p 0 [0, 0]; 79 fails: queue_end.p 20 [20, 20]), ${s.candidates.length} candidates, ${s.replications} replications`);
  });

  it('finds the least holding capacity of a loss system with blocking <= 1% that Erlang B gives', async () => {
    // Poisson arrivals of 12 an hour, exponential 15 min processing with more agents than places:
    // an M/M/K/K loss system at a = 3 erlangs, blocking erlangB(K, 3): 2.2% at K = 7, 0.81% at 8.
    // Both are far enough from 1% that 8 replications of 30 days (about 8,600 arrivals each) tell
    // them apart; the one-sided 95% bounds are about ±0.1 percentage point.
    const load = 3;
    const exact = Array.from({ length: 30 }, (_, k) => k + 1).find((k) => erlangB(k, load) <= 0.01);
    expect(exact).toBe(8);
    const document = {
      name: 'loss',
      start: '2019-11-01',
      days: 30,
      warmupDays: 1,
      seed: 5,
      categories: { single: { groupSize: 1, mppEligible: true } },
      sectors: { q: { holdingCapacity: 4, arrivals: { peoplePerDay: (load / 0.25) * 24, mix: { single: 1 } }, processing: { agents: 40, hoursPerGroup: { dist: 'exponential', mean: 0.25 } } } },
    };
    const s = await size(document, 'loss', parseSizeRange('sectors.q.holdingCapacity=1..40'), [parseTarget('released.q / arrivals.q <= 0.01')], { ...settings, replications: 8, maxReplications: 16 });
    expect(s.answer?.value).toBe(exact);
    const [at, below] = [s.answer!.judgements[0].estimate.mean, s.below!.judgements[0].estimate.mean];
    expect(Math.abs(at - erlangB(8, load))).toBeLessThan(0.002);
    expect(Math.abs(below - erlangB(7, load))).toBeLessThan(0.003);
    // The line shows each mean with its one-sided 95% bounds, the ones the verdict is read from,
    // narrower than the two-sided 95% interval (t(0.95) against t(0.975)).
    const shown = (j: TargetJudgement): string => {
      const { lower, upper } = oneSidedBounds(j.estimate);
      expect(lower).toBeGreaterThan(j.estimate.ciLow);
      return `${round(j.estimate.mean)} [${round(lower)}, ${round(upper)}]`;
    };
    const label = 'released.q / arrivals.q';
    expect(sizeAnswerLine(s)).toBe(
      `sectors.q.holdingCapacity = 8 (${label} ${shown(s.answer!.judgements[0])}; 7 fails: ${label} ${shown(s.below!.judgements[0])}), ${s.candidates.length} candidates, ${s.replications} replications`,
    );
  });

  it("with search 'grid' tries every value and gives the bisection's answer; a shard tries every n-th value", async () => {
    const range = parseSizeRange('ports.p.dailyCap=70..90');
    const target = [parseTarget('queue_end.p <= 0')];
    const grid = await size(portDocument('deterministic'), 'port', range, target, { ...settings, search: 'grid' });
    expect(grid.candidates.map((c) => c.value)).toEqual(Array.from({ length: 21 }, (_, k) => 70 + k));
    expect([grid.answer?.value, grid.below?.value]).toEqual([80, 79]);
    const bisected = await size(portDocument('deterministic'), 'port', range, target, settings);
    expect(sizeAnswerLine(grid).replace(/, \d+ candidates, \d+ replications$/, '')).toBe(sizeAnswerLine(bisected).replace(/, \d+ candidates, \d+ replications$/, ''));
    const shard = await size(portDocument('deterministic'), 'port', range, target, { ...settings, search: 'grid', shard: { index: 2, count: 5 } });
    expect(shard.candidates.map((c) => c.value)).toEqual([71, 76, 81, 86]);
    await expect(size(portDocument('deterministic'), 'port', range, target, { ...settings, shard: { index: 1, count: 2 } })).rejects.toThrow(/add --search grid/);
  });

  it('reports progress per replication over the whole search, against the replications it expects', async () => {
    const calls: [number, number][] = [];
    const s = await size(portDocument('deterministic'), 'port', parseSizeRange('ports.p.dailyCap=70..90'), [parseTarget('queue_end.p <= 0')], { ...settings, onProgress: (done, total) => void calls.push([done, total]) });
    // 21 values: a bisection expects 2 + ceil(log2(20)) = 7 candidates of 4 replications.
    expect(calls.map(([done]) => done)).toEqual(Array.from({ length: s.replications }, (_, k) => k + 1));
    expect(calls.every(([done, total]) => total === 28 && done <= total)).toBe(true);
  });

  it('says when no value in the range meets the targets', async () => {
    const s = await size(portDocument('deterministic'), 'port', parseSizeRange('ports.p.dailyCap=40..60:5'), [parseTarget('queue_end.p <= 0')], settings);
    expect(s.answer).toBeUndefined();
    expect(s.candidates.map((c) => c.value)).toEqual([60]);
    expect(s.warnings[0]).toBe('no value of ports.p.dailyCap in 40..60 meets every target (at 60: queue_end.p 400 [400, 400])');
    expect(sizeAnswerLine(s)).toBe('ports.p.dailyCap: no value in 40..60 meets the targets, 1 candidate, 4 replications');
  });

  it('warns when a target figure is not monotone in the parameter', async () => {
    // More arrivals (the parameter) lengthen the queue: at 60 a day against a cap of 80 none is
    // left, at 100 a day 20 are left each day, 400 by day 20 (deterministic, so no spread).
    const document = { ...portDocument('deterministic', 60), ports: { p: { dailyCap: 80 } } };
    const s = await size(document, 'port', parseSizeRange('sectors.s.arrivals.peoplePerDay=60..100:10'), [parseTarget('queue_end.p <= 400')], settings);
    expect(s.answer?.value).toBe(60);
    expect(s.warnings).toEqual([
      'queue_end.p is not monotone in sectors.s.arrivals.peoplePerDay: it is higher at 100 than at 60 (paired difference 400 [400, 400])',
    ]);
  });

  it("writes a shard's range so that it reads back the same, small steps included", () => {
    for (const text of ['ports.p.dailyCap=40..200:5', 'sectors.s.mpp.enrolledFraction=0.0000001..0.5:0.0000001', 'x=-3..3']) {
      const range = parseSizeRange(text);
      expect(parseSizeRange(rangeText(range))).toEqual(range);
    }
  });

  it('rejects a target it cannot read, naming what it expected', () => {
    expect(() => parseTarget('released <= 0')).toThrow(/expected metric.scope <= value/);
    expect(() => parseSizeRange('ports.p.dailyCap=200..40')).toThrow(/LO < HI/);
  });
});
